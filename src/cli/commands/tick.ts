import type { Command } from 'commander';
import { readConfig } from '../../app/config.js';
import { openRegistry } from '../../app/open-registry.js';
import { tick } from '../../app/tick.js';

/** Adds `countersign tick`: fire every deadline due now (for cron; `serve` also ticks on an interval). */
export function registerTickCommand(program: Command): Command {
  return program
    .command('tick')
    .description('fire every deadline due now, each as a logged event (idempotent; for cron — serve ticks every COUNTERSIGN_TICK_SECONDS)')
    .option('--json', 'print the report as JSON')
    .action(async (options: { json?: boolean }) => {
      const { store } = await openRegistry(readConfig(process.env).databaseUrl);
      try {
        const report = await tick(store, new Date());
        if (options.json) console.log(JSON.stringify(report));
        else {
          console.log(`${report.fired} deadline${report.fired === 1 ? '' : 's'} fired, ${report.transitioned} case${report.transitioned === 1 ? '' : 's'} moved on`);
          for (const f of report.failed) console.log(`  deadline ${f.deadline}: its step could not run (${f.error}); fired and logged with the error`);
        }
      } finally {
        await store.close();
      }
    });
}
