import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { SYSTEM } from '../../accounts/actor.js';
import { readConfig } from '../../app/config.js';
import { openRegistry } from '../../app/open-registry.js';
import { configureOffenceCategories } from '../../oversight/authorizations/configure-offence-categories.js';
import { readOffenceCategories } from '../../store/oversight/read-uses.js';

/**
 * Adds `countersign oversight offence-categories [--set FILE]`: prints the configured
 * serious-crime categories (id, statute, label), or replaces them with a JSON file's list
 * (`[{ "id", "label", "statute" }, …]`), logged whole.
 */
export function addOffenceCategoriesCommand(oversight: Command): void {
  oversight
    .command('offence-categories')
    .description('the serious-crime categories an authorisation may name (US preset: 18 U.S.C. § 2516); --set FILE replaces them, on the log')
    .option('--set <file>', 'a JSON list of { id, label, statute } to configure instead')
    .action(async (options: { set?: string }) => {
      const { store } = await openRegistry(readConfig(process.env).databaseUrl);
      try {
        if (options.set) {
          const list = await store.transaction((tx) => configureOffenceCategories({ ctx: { actor: SYSTEM, now: new Date() }, categories: JSON.parse(readFileSync(options.set ?? '', 'utf8')) }, tx));
          console.error(`configured ${list.length} offence categories from ${options.set}`);
        }
        for (const c of await readOffenceCategories(store.db)) console.log(`${c.id}\t${c.statute}\t${c.label}`);
      } finally {
        await store.close();
      }
    });
}
