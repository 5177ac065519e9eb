import type { Command } from 'commander';
import { SYSTEM } from '../../accounts/actor.js';
import { issuePasswordReset } from '../../accounts/commands/issue-password-reset.js';
import { readConfig } from '../../app/config.js';
import { openRegistry } from '../../app/open-registry.js';
import { absoluteUrl, serverSettings } from '../../server/server-settings.js';
import { KyselyPasswordResetStore } from '../../store/accounts/kysely-password-reset-store.js';

/**
 * Adds `countersign user reset-link NAME`: issues a single-use password-reset link (valid a day)
 * on the configured public URL and prints it — for a forgotten password, or an account created
 * without one the user chose. Acts as the system, like the other `user` commands.
 *
 * @example
 * registerUserResetLinkCommand(program.commands.find((c) => c.name() === 'user'));
 */
export function registerUserResetLinkCommand(user: Command): Command {
  return user
    .command('reset-link')
    .description('issue a single-use password-reset link (valid 24 h) on COUNTERSIGN_PUBLIC_URL and print it')
    .argument('<username>')
    .action(async (username: string) => {
      const config = readConfig(process.env);
      const { store } = await openRegistry(config.databaseUrl);
      try {
        const issued = await store.transaction((tx) => issuePasswordReset({ ctx: { actor: SYSTEM, now: new Date() }, username }, { ...tx, resets: new KyselyPasswordResetStore(tx.db) }));
        console.log(absoluteUrl(serverSettings({ publicUrl: config.publicUrl }), `/account/reset/${issued.token}`));
        console.error(`countersign: a password-reset link for ${username}, valid once until ${issued.expiresAt}; hand it over by a channel you trust`);
      } finally {
        await store.close();
      }
    });
}
