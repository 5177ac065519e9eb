import type { Context } from 'hono';
import type { CommandContext } from '../../registry/commands/registry-transaction.js';
import type { Store, StoreTransaction } from '../../store/store.js';
import type { AppEnv } from '../app-env.js';

/**
 * Runs one command for a request: builds its context from the authenticated actor and the clock,
 * and runs it in one store transaction (its rows and log entry commit together).
 */
export function runCommand<T>(store: Store, now: () => Date, c: Context<AppEnv>, command: (ctx: CommandContext, tx: StoreTransaction) => Promise<T>): Promise<T> {
  const ctx: CommandContext = { actor: c.get('auth').actor, now: now(), settings: c.get('settings').commands };
  return store.transaction((tx) => command(ctx, tx));
}
