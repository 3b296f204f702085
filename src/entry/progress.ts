import cliProgress from 'cli-progress';

/**
 * Progress for long CLI work: a bar per step on a terminal, a line per step (and its end) otherwise,
 * so logs in CI stay readable.
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr) {
  let bar: cliProgress.SingleBar | null = null;
  let current = '';
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  return {
    update(step: string, done: number, total: number) {
      if (step !== current) {
        bar?.stop();
        bar = null;
        current = step;
        if (stream.isTTY) {
          bar = new cliProgress.SingleBar(
            { format: `${step.padEnd(12)} [{bar}] {value}/{total}`, stream, hideCursor: true },
            cliProgress.Presets.shades_classic,
          );
          bar.start(total, done);
        } else {
          stream.write(`${step}：开始（共 ${total}）… ${seconds()} s\n`);
        }
      }
      bar?.update(done);
      if (!stream.isTTY && done >= total && total > 0) stream.write(`${step}：完成 ${done}/${total}，${seconds()} s\n`);
    },
    stop() {
      bar?.stop();
    },
  };
}
