import { z } from 'zod';
import { DEFAULT_DATABASE_URL } from '../store/database-url.js';
import { parseInput } from '../core/parse-input.js';

/** Configuration by environment, with the defaults a fresh clone runs on. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string;
  /** Where the log's signing key lives (created on first start). */
  readonly logKeyFile: string;
  /** The log's origin line (C2SP tlog-checkpoint): names this log, e.g. `countersign.example.org/log`. */
  readonly logOrigin: string;
  /** Witnesses the log submits checkpoints to: `URL=VERIFIER_KEY` entries, space-separated. */
  readonly witnesses: readonly string[];
  /** How often `serve` runs the deadline tick, in seconds (0: never; run `countersign tick` from cron). */
  readonly tickSeconds: number;
  /** Whether a change must be accepted by someone other than its proposer (on unless `off`). */
  readonly twoPersonReview: boolean;
  /** The address readers use (`COUNTERSIGN_PUBLIC_URL`); by default http://localhost:PORT. */
  readonly publicUrl: URL;
  /** Behind a TLS-terminating reverse proxy whose X-Forwarded-For/-Proto are trusted. */
  readonly behindProxy: boolean;
  /** Exports reading the database at once, and per client. */
  readonly exportWorkers: number;
  readonly exportsPerClient: number;
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
  COUNTERSIGN_LOG_KEY_FILE: z.string().min(1).default('data/log-signing.key'),
  COUNTERSIGN_LOG_ORIGIN: z.string().regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces').default('localhost/countersign'),
  COUNTERSIGN_WITNESSES: z.string().default(''),
  COUNTERSIGN_TICK_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  COUNTERSIGN_TWO_PERSON_REVIEW: z.enum(['on', 'off']).default('on'),
  COUNTERSIGN_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  COUNTERSIGN_BEHIND_PROXY: z.enum(['0', '1', 'true', 'false', '']).default('').transform((v) => v === '1' || v === 'true'),
  COUNTERSIGN_EXPORT_WORKERS: z.coerce.number().int().min(1).max(64).default(2),
  COUNTERSIGN_EXPORTS_PER_CLIENT: z.coerce.number().int().min(1).max(64).default(2),
});

/**
 * Reads PORT (8080), HOST (127.0.0.1), DATABASE_URL (sqlite:data/countersign.db) and the log's
 * settings from the environment; a bad value stops start-up with the variable named.
 *
 * @example
 * const config = readConfig(process.env);
 */
export function readConfig(env: Record<string, string | undefined>): Config {
  const parsed = parseInput(envSchema, env, 'environment');
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    databaseUrl: parsed.DATABASE_URL,
    logKeyFile: parsed.COUNTERSIGN_LOG_KEY_FILE,
    logOrigin: parsed.COUNTERSIGN_LOG_ORIGIN,
    witnesses: parsed.COUNTERSIGN_WITNESSES.split(/\s+/).filter((w) => w !== ''),
    tickSeconds: parsed.COUNTERSIGN_TICK_SECONDS,
    twoPersonReview: parsed.COUNTERSIGN_TWO_PERSON_REVIEW === 'on',
    publicUrl: new URL(parsed.COUNTERSIGN_PUBLIC_URL ?? `http://localhost:${parsed.PORT}`),
    behindProxy: parsed.COUNTERSIGN_BEHIND_PROXY,
    exportWorkers: parsed.COUNTERSIGN_EXPORT_WORKERS,
    exportsPerClient: parsed.COUNTERSIGN_EXPORTS_PER_CLIENT,
  };
}
