import { z } from 'zod';

/** Configuration from the environment, parsed once at the entry. */
export const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().default('127.0.0.1'),
  /** PostgreSQL through `pg` when set; embedded PGlite otherwise. */
  DATABASE_URL: z.string().url().optional(),
  XINGPING_DATA_DIR: z.string().default('./data'),
  /** 'auto' seeds the demo district when the database has no organizations; 'off' never does. */
  XINGPING_DEMO: z.enum(['auto', 'off']).default('auto'),
  XINGPING_DEMO_SEED: z.string().default('xingping'),
  /** The address people reach the server at: QR codes on printed documents (/verify/…) and ballot cards (/b/…) point there. */
  XINGPING_PUBLIC_URL: z.string().url().optional(),
  /** The browser that prints PDFs; default: puppeteer's own, then the system's Chromium. */
  XINGPING_CHROMIUM: z.string().optional(),
  /** Uploaded files (evidence, attachments) in this directory under their SHA-256; in the database when unset. */
  XINGPING_FILES_DIR: z.string().min(1).optional(),
  /** The most scorecards one book (合订本) job may hold; a larger subtree is refused with how to split it. */
  XINGPING_BOOK_LIMIT: z.coerce.number().int().min(1).default(5000),
  /** '1' when a reverse proxy sets X-Forwarded-For; otherwise the socket's address is the client's. */
  XINGPING_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /** Salt of the client-address hash kept with ballots; a random one per start when unset. */
  XINGPING_BALLOT_SALT: z.string().min(16).optional(),
  /** Requests to the public ballot pages per client address and minute. */
  XINGPING_BALLOT_RATE: z.coerce.number().int().min(1).default(60),
  /** A browser session ends after this many minutes without a request, and this many hours after sign-in. */
  XINGPING_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  XINGPING_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** Admission control: requests worked at once, and how many more may wait (each up to 5 s) before a 503 with Retry-After. */
  XINGPING_MAX_ACTIVE: z.coerce.number().int().min(1).default(32),
  XINGPING_MAX_QUEUED: z.coerce.number().int().min(0).default(1000),
  /** A request's time limit in seconds (scoring, previews, imports and printing have their own, longer ones). */
  XINGPING_REQUEST_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** The operating-system account running the command line; named in its actor (`命令行（…）`). */
  USER: z.string().optional(),
});
export type Env = z.infer<typeof Env>;

/** The process's own environment: the one place in src/ that reads `process.env` (entries call it once). */
export function readEnv(): Env {
  return parseEnv(process.env);
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = Env.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`环境变量配置有误：\n${lines}`);
  }
  return result.data;
}

/** The environment a child process (PostgreSQL's pg_dump, pg_restore) starts with: this process's own, plus `extra`. */
export function childEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return { ...process.env, ...extra };
}
