import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

type Generator = ReturnType<typeof xoroshiro128plus>;

/** 32-bit FNV-1a of a string: turns (seed, key) into a generator seed. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * A seeded random source. `fork(key)` gives an independent stream per organization and year, so what one
 * organization gets does not depend on the order the generator visits the others.
 */
export class Rng {
  private readonly gen: Generator;

  constructor(private readonly seed: string) {
    this.gen = xoroshiro128plus(hash32(seed));
  }

  fork(key: string): Rng {
    return new Rng(`${this.seed}/${key}`);
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return uniformInt(this.gen, min, max);
  }

  /** True with probability p (resolution 1/10000). */
  chance(p: number): boolean {
    return this.int(0, 9999) < Math.round(p * 10000);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  /** A value drawn from a weighted list [[value, weight], ...]. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((s, [, w]) => s + w, 0);
    let x = this.int(0, total - 1);
    for (const [v, w] of choices) {
      if (x < w) return v;
      x -= w;
    }
    return choices[choices.length - 1]![0];
  }
}
