/**
 * The DuckDB peer of the screening benchmark, run as its own process: a multi-threaded
 * `read_csv` over the file with an exact filter on the recipient and parent names. Prints
 * `{"matches": n}`.
 *
 * Usage: node dist/bench/screen/duckdb-peer.js FILE NAMES.json THREADS
 */
import { readFileSync } from 'node:fs';
import { loadDuckDb } from './load-duckdb.js';

const [file, namesFile, threads = '2'] = process.argv.slice(2);
if (file === undefined || namesFile === undefined) throw new Error('usage: duckdb-peer.js FILE NAMES.json THREADS');
const parsed: unknown = JSON.parse(readFileSync(namesFile, 'utf8'));
const names = Array.isArray(parsed) ? parsed.filter((name): name is string => typeof name === 'string') : [];
const list = names.map((name) => `'${name.replaceAll("'", "''")}'`).join(', ');
const { DuckDBInstance } = await loadDuckDb();
const instance = await DuckDBInstance.create(':memory:', { threads });
const connection = await instance.connect();
const reader = await connection.runAndReadAll(
  `SELECT count(*) AS matches FROM read_csv('${file.replaceAll("'", "''")}', header = true, all_varchar = true, parallel = true, quote = '"', escape = '"', max_line_size = 4000000)
   WHERE recipient_name IN (${list}) OR recipient_parent_name IN (${list})`,
);
const row = reader.getRows()[0];
process.stdout.write(JSON.stringify({ matches: Number(row?.[0] ?? -1) }) + '\n');
connection.closeSync();
instance.closeSync();
