import { createReadStream, openSync, readSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { readConfig } from '../../app/config.js';
import { openRegistry } from '../../app/open-registry.js';
import { decodeUtf8Strict } from '../../core/decode-utf8-strict.js';
import { read13fInformationTable } from '../../exposure/read/read-13f-information-table.js';
import { holdingsFormat } from '../../exposure/read/read-holdings-file.js';
import { readHoldingsCsv } from '../../exposure/read/read-holdings-csv.js';
import { exposurePdf } from '../../exposure/report/exposure-pdf.js';
import { exposureReport } from '../../exposure/report/exposure-report.js';
import { exposureText } from '../../exposure/report/exposure-text.js';
import { readExposureRegistry } from '../../store/exposure/read-exposure-registry.js';

function firstBytes(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const buffer = new Uint8Array(64);
    const n = readSync(fd, buffer, 0, 64, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Adds `countersign exposure FILE [--json] [--pdf OUT]`. */
export function registerExposureCommand(program: Command): void {
  program
    .command('exposure')
    .description('which holdings of a fund are tied to designated surveillance vendors or documented abuse: a Form 13F information table (XML, streamed) or a CSV of name/CUSIP/ISIN/LEI/ticker, matched against the registry with the chain of ownership shown')
    .argument('<file>', 'the holdings file')
    .option('--json', 'print the report as JSON')
    .option('--pdf <out>', 'also write the report as a PDF to OUT')
    .action(async (file: string, options: { json?: boolean; pdf?: string }) => {
      const format = holdingsFormat(firstBytes(file));
      const { store } = await openRegistry(readConfig(process.env).databaseUrl);
      try {
        const registry = await store.snapshot((db) => readExposureRegistry(db));
        const holdings = format === '13f' ? read13fInformationTable(createReadStream(file), file) : readHoldingsCsv(decodeUtf8Strict(readFileSync(file), file), file);
        const report = await exposureReport(holdings, registry, { file, format, now: new Date() });
        console.log(options.json ? JSON.stringify(report, null, 2) : exposureText(report).join('\n'));
        if (options.pdf) {
          writeFileSync(options.pdf, await exposurePdf(report));
          console.error(`${options.pdf}: the report as a PDF`);
        }
      } finally {
        await store.close();
      }
    });
}
