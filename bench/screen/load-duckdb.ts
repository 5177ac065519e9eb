import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../../src/core/project-root.js';

/** The version of @duckdb/node-api the benchmark measures against. */
const DUCKDB_VERSION = '1.5.6-r.1';

/** The slice of @duckdb/node-api the peer uses (declared here: the package is not a dependency). */
export interface DuckDbModule {
  readonly DuckDBInstance: {
    create(path: string, options?: Record<string, string>): Promise<{
      connect(): Promise<{ runAndReadAll(sql: string): Promise<{ getRows(): unknown[][] }>; closeSync(): void }>;
      closeSync(): void;
    }>;
  };
}

function isDuckDbModule(value: unknown): value is DuckDbModule {
  return typeof value === 'object' && value !== null && 'DuckDBInstance' in value;
}

/**
 * DuckDB is only a benchmark peer, so it is not among the project's dependencies (its per-platform
 * bindings also upset `npm ci` on other platforms): the first run installs it from the npm
 * registry into .bench/peers/, later runs reuse it.
 */
export async function loadDuckDb(): Promise<DuckDbModule> {
  const prefix = join(projectRoot(), '.bench', 'peers');
  const entry = join(prefix, 'node_modules', '@duckdb', 'node-api', 'lib', 'index.js');
  if (!existsSync(entry)) {
    mkdirSync(prefix, { recursive: true });
    process.stderr.write(`installing @duckdb/node-api@${DUCKDB_VERSION} into ${prefix} (benchmark peer)\n`);
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `@duckdb/node-api@${DUCKDB_VERSION}`], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const module: unknown = await import(pathToFileURL(entry).href);
  if (!isDuckDbModule(module)) throw new Error(`${entry} is not @duckdb/node-api`);
  return module;
}
