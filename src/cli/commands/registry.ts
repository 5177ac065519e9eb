import { createWriteStream, readFileSync, renameSync, rmSync } from 'node:fs';
import { withVendorReports } from '../../store/disclosure/vendor-report-export.js';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Option, type Command } from 'commander';
import { SYSTEM } from '../../accounts/actor.js';
import { readConfig } from '../../app/config.js';
import { openRegistry } from '../../app/open-registry.js';
import { decodeUtf8Strict } from '../../core/decode-utf8-strict.js';
import { parseInput } from '../../core/parse-input.js';
import { importDataset } from '../../registry/commands/import-dataset.js';
import { parseDataset } from '../../registry/dataset/parse-dataset.js';
import { exportLines } from '../../registry/export/export-lines.js';
import { EXPORT_FORMATS, EXPORT_TYPE_NAMES, exportPlan, exportRequestSchema } from '../../registry/export/export-request.js';
import { readExportBatches } from '../../store/registry/queries/read-export-batches.js';
import { readWatchlist } from '../../store/registry/queries/read-watchlist.js';
import { countNoun } from '../../core/count-noun.js';
import { importedLine } from '../summary-lines.js';
import { importReportLines } from '../import-report-lines.js';
import { IMPORT_FORMATS } from '../../imports/import-batch.js';
import { importUpload } from '../../imports/commands/import-upload.js';
import { settleDryRun } from '../../imports/commands/import-file.js';
import { CommandError } from '../../core/command-error.js';

/**
 * Writes the export to FILE by way of FILE.partial, renamed when complete — a failed export
 * leaves no file that looks whole — or to standard output.
 */
async function writeExport(chunks: AsyncGenerator<string>, output: string | undefined): Promise<void> {
  if (output === undefined) {
    try {
      await pipeline(Readable.from(chunks), process.stdout, { end: false });
    } catch (error) {
      // A reader that has seen enough (`| head`) closes the pipe; that ends the export, quietly.
      if (!(error instanceof Error && 'code' in error && error.code === 'EPIPE')) throw error;
    }
    return;
  }
  const partial = `${output}.partial`;
  try {
    await pipeline(Readable.from(chunks), createWriteStream(partial));
    renameSync(partial, output);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Adds `countersign registry import FILE`, `countersign registry watchlist` and `countersign registry export`. */
export function registerRegistryCommands(program: Command): Command {
  const registry = program.command('registry').description('the registry of vendors, products, designations, incidents and contracts');
  registry
    .command('import')
    .description('merge a file into the registry: the bundled dataset format (default), or what peer projects publish — the Surveillance Industry Index (sii), the EFF Atlas of Surveillance (atlas), FollowTheMoney entities (ftm), GranittHQ victims (granitt); importing the same file twice changes nothing; a malformed file is rejected whole')
    .argument('<file>', 'the file')
    .addOption(new Option('--format <format>', 'the file\'s format').choices(['dataset', ...IMPORT_FORMATS]).default('dataset'))
    .option('--dry-run', 'match and report everything, write nothing')
    .option('--json', 'print the report as JSON')
    .option('--source-url <url>', 'where the file was downloaded (cited on every imported fact)')
    .option('--licence <text>', 'the licence the file is published under, where the format\'s own is not right')
    .option('--spyware <name>', 'granitt: the product or vendor the file is about (default: from the file name)')
    .action(async (file: string, options: { format: string; dryRun?: boolean; json?: boolean; sourceUrl?: string; licence?: string; spyware?: string }) => {
      const bytes = readFileSync(file);
      const format = IMPORT_FORMATS.find((f) => f === options.format);
      if (format === undefined) {
        if (options.dryRun || options.json) throw new CommandError({ code: 'INVALID_INPUT', message: '--dry-run and --json are for the peer formats (--format sii|atlas|ftm|granitt)' });
        const dataset = parseDataset(decodeUtf8Strict(bytes, file), file);
        const { store } = await openRegistry(readConfig(process.env).databaseUrl);
        try {
          const summary = await store.transaction((tx) => importDataset({ ctx: { actor: SYSTEM, now: new Date() }, dataset }, tx));
          console.log(importedLine(file, summary));
        } finally {
          await store.close();
        }
        return;
      }
      const { store } = await openRegistry(readConfig(process.env).databaseUrl);
      try {
        const progress = (done: number, total: number): void => {
          if (!options.json || process.stderr.isTTY) process.stderr.write(`\r${file}: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} items matched and merged${done === total ? '\n' : ''}`);
        };
        const uploadOptions = { ...(options.sourceUrl ? { url: options.sourceUrl } : {}), ...(options.licence ? { licence: options.licence } : {}), ...(options.spyware ? { spyware: options.spyware } : {}) };
        const report = await settleDryRun(store.transaction((tx) => importUpload({ ctx: { actor: SYSTEM, now: new Date() }, format, fileName: file, bytes, options: uploadOptions, dryRun: options.dryRun === true, onProgress: progress }, tx)));
        console.log(options.json ? JSON.stringify(report, null, 2) : importReportLines(report).join('\n'));
      } finally {
        await store.close();
      }
    });
  registry
    .command('watchlist')
    .description('print the screening watchlist compiled from the registry (JSON; usable with screen --watchlist)')
    .action(async () => {
      const { store } = await openRegistry(readConfig(process.env).databaseUrl);
      try {
        console.log(JSON.stringify(await readWatchlist(store.db), null, 2));
      } finally {
        await store.close();
      }
    });
  registry
    .command('export')
    .description('write the registry as open data: CSV (one type), NDJSON records, or FollowTheMoney entities (JSON lines) for OpenSanctions tooling; streamed, so any size fits')
    .addOption(new Option('--format <format>', 'the format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .addOption(new Option('--type <type>', 'one record type; required for csv, every type when left out').choices(EXPORT_TYPE_NAMES))
    .option('--output <file>', 'write to FILE instead of standard output')
    .action(async (options: { format: string; type?: string; output?: string }) => {
      const plan = exportPlan(parseInput(exportRequestSchema, { format: options.format, type: options.type }, 'export options'));
      const { store } = await openRegistry(readConfig(process.env).databaseUrl);
      try {
        let records = 0;
        const counted = async function* () {
          for await (const batch of readExportBatches(store.db, plan.recordTypes)) {
            records += batch.records.length;
            yield batch;
          }
        };
        await writeExport(withVendorReports(exportLines(plan, counted()), store.db, plan, options.type === undefined), options.output);
        if (options.output !== undefined) console.error(`${options.output}: ${countNoun(records, 'record')} exported as ${plan.format}`);
      } finally {
        await store.close();
      }
    });
  return registry;
}
