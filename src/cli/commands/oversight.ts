import { writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { readConfig } from '../../app/config.js';
import { openRegistry } from '../../app/open-registry.js';
import { oversightReportPdf } from '../../oversight/report/oversight-report-pdf.js';
import { readOversightReport } from '../../store/oversight/read-oversight-report.js';
import { oversightReportDocument } from '../../web/pages/oversight-report-page.js';
import { addOffenceCategoriesCommand } from './offence-categories.js';

function year(value: string): number {
  const n = Number(value);
  if (!/^\d{4}$/.test(value) || n < 2023 || n > 2100) throw new InvalidArgumentError('a year from 2023, such as 2026');
  return n;
}

function format(value: string): 'pdf' | 'json' | 'html' {
  if (value === 'pdf' || value === 'json' || value === 'html') return value;
  throw new InvalidArgumentError('pdf, json or html');
}

function agency(value: string): string {
  if (!/^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/.test(value)) throw new InvalidArgumentError('a registry id such as ice');
  return value;
}

/** Adds `countersign oversight report --year 2026 --format pdf|json|html [--agency ice] [--out FILE]`. */
export function registerOversightCommands(program: Command): void {
  const oversight = program.command('oversight').description('oversight of commercial spyware under EO 14093: acquisition reviews, and the annual report');
  oversight
    .command('report')
    .description('the annual report generated from the record: approvals in force with justification, approvals ended, purchases; authorisations by court, offence, authority and length, notices, uses, findings and audits (HTML, JSON or PDF)')
    .requiredOption('--year <year>', 'the year it covers', year)
    .option('--format <format>', 'pdf, json or html', format, 'json')
    .option('--agency <id>', 'only this agency (a registry id)', agency)
    .option('--out <file>', 'write it to FILE (a PDF always needs one unless stdout is redirected)')
    .action(async (options: { year: number; format: 'pdf' | 'json' | 'html'; agency?: string; out?: string }) => {
      const { store } = await openRegistry(readConfig(process.env).databaseUrl);
      try {
        const report = await store.snapshot((db) => readOversightReport(db, { year: options.year, agency: options.agency ?? null }, new Date()));
        const bytes = options.format === 'pdf' ? await oversightReportPdf(report) : new TextEncoder().encode(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : oversightReportDocument(report));
        if (options.out) {
          writeFileSync(options.out, bytes);
          console.error(`${options.out}: the ${options.year} oversight report (${options.format})`);
        } else {
          if (options.format === 'pdf' && process.stdout.isTTY) throw new InvalidArgumentError('a PDF goes to a file: give --out FILE');
          process.stdout.write(bytes);
        }
      } finally {
        await store.close();
      }
    });
  addOffenceCategoriesCommand(oversight);
}
