import type { Command } from 'commander';
import { SYSTEM } from '../../accounts/actor.js';
import { addUser } from '../../accounts/commands/add-user.js';
import { grantRole, revokeRole } from '../../accounts/commands/grant-role.js';
import { setUserRole } from '../../accounts/commands/set-user-role.js';
import { SCOPE_KINDS, SCOPED_ROLES } from '../../accounts/scoped-roles.js';
import { scopeExists } from '../../app/scope-exists.js';
import { USER_ROLES } from '../../accounts/roles.js';
import { readConfig } from '../../app/config.js';
import { openRegistry } from '../../app/open-registry.js';
import { KyselyAccountsStore } from '../../store/accounts/kysely-accounts-store.js';
import { readSecret } from './read-secret.js';
import { registerUserResetLinkCommand } from './user-reset-link.js';

/**
 * Adds `countersign user add|list|set-role|disable|grant|revoke|reset-link`. `user add --role admin` creates the first
 * admin; the CLI acts as the system, so it needs access to the database, not an account.
 */
export function registerUserCommands(program: Command): Command {
  const user = program.command('user').description('manage accounts (run on the server; acts as the system)');
  user
    .command('add')
    .description(`create an account; the password is read from COUNTERSIGN_PASSWORD, stdin, or a prompt`)
    .argument('<username>')
    .requiredOption('--role <role>', `one of ${USER_ROLES.join(', ')}`)
    .option('--display-name <name>')
    .action(async (username: string, options: { role: string; displayName?: string }) => {
      const password = await readSecret(`password for ${username}: `, 'COUNTERSIGN_PASSWORD');
      const { store } = await openRegistry(readConfig(process.env).databaseUrl);
      try {
        const row = await store.transaction((tx) =>
          addUser({ ctx: { actor: SYSTEM, now: new Date() }, user: { username, role: options.role, password, ...(options.displayName ? { displayName: options.displayName } : {}) } }, tx),
        );
        console.log(`created ${row.role} ${row.username} (log actor id ${row.actorId})`);
      } finally {
        await store.close();
      }
    });
  user
    .command('list')
    .description('list accounts')
    .action(async () => {
      const { store } = await openRegistry(readConfig(process.env).databaseUrl);
      try {
        for (const u of await new KyselyAccountsStore(store.db).listUsers()) console.log(`${u.username}\t${u.role}${u.disabledAt ? '\tdisabled' : ''}`);
      } finally {
        await store.close();
      }
    });
  user
    .command('set-role')
    .description('change an account\'s role')
    .argument('<username>')
    .argument('<role>', USER_ROLES.join(' | '))
    .action(async (username: string, role: string) => {
      const { store } = await openRegistry(readConfig(process.env).databaseUrl);
      try {
        const row = await store.transaction((tx) => setUserRole({ ctx: { actor: SYSTEM, now: new Date() }, username, role }, tx));
        console.log(`${row.username} is now ${row.role}`);
      } finally {
        await store.close();
      }
    });
  user
    .command('disable')
    .description('disable an account and end its sessions')
    .argument('<username>')
    .action(async (username: string) => {
      const { store } = await openRegistry(readConfig(process.env).databaseUrl);
      try {
        await store.transaction((tx) => setUserRole({ ctx: { actor: SYSTEM, now: new Date() }, username, disabled: true }, tx));
        console.log(`${username} is disabled`);
      } finally {
        await store.close();
      }
    });
  for (const [verb, description] of [['grant', 'grant a scoped role (an officer of one agency, a member of one board); logged'], ['revoke', 'revoke a scoped role; logged']] as const) {
    user
      .command(verb)
      .description(description)
      .argument('<username>')
      .argument('<role>', Object.keys(SCOPED_ROLES).join(' | '))
      .requiredOption('--scope <kind:id>', `what it is a role of: ${SCOPE_KINDS.join(', ')} (e.g. agency:immigration-and-customs-enforcement)`)
      .action(async (username: string, role: string, options: { scope: string }) => {
        const { store } = await openRegistry(readConfig(process.env).databaseUrl);
        try {
          const ctx = { actor: SYSTEM, now: new Date() };
          const grant = { username, role, scope: options.scope };
          const row = await store.transaction((tx) => (verb === 'grant' ? grantRole({ ctx, grant, scopeExists }, tx) : revokeRole({ ctx, grant }, tx)));
          console.log(`${username} ${verb === 'grant' ? 'is now' : 'is no longer'} ${row.role} of ${options.scope}`);
        } finally {
          await store.close();
        }
      });
  }
  registerUserResetLinkCommand(user);
  return user;
}
