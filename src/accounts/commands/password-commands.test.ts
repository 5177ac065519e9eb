import { beforeAll, expect, it } from 'vitest';
import { contextFor, SYSTEM_CONTEXT, actorWithRole } from '../../../test/support/contexts.js';
import { createUser, TEST_PASSWORD } from '../../../test/support/test-app.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { KyselyAccountsStore } from '../../store/accounts/kysely-accounts-store.js';
import { KyselyPasswordResetStore } from '../../store/accounts/kysely-password-reset-store.js';
import type { Store, StoreTransaction } from '../../store/store.js';
import type { Actor } from '../actor.js';
import { logIn } from '../sessions.js';
import { addUser } from './add-user.js';
import { changePassword } from './change-password.js';
import { issuePasswordReset, PASSWORD_RESET_LIFETIME_MS } from './issue-password-reset.js';
import { resetPassword } from './reset-password.js';

const NEW_PASSWORD = 'violet kettle under 9 bridges';

async function logCount(store: Store): Promise<number> {
  return Number((await store.db.selectFrom('logEntries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

async function codeOf(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    return error instanceof Error && 'code' in error ? String(error.code) : 'other';
  }
}

const withResets = (tx: StoreTransaction) => ({ ...tx, resets: new KyselyPasswordResetStore(tx.db) });

describeEachBackend('password change and reset', (getStore) => {
  let ana: Actor;
  beforeAll(async () => {
    await createUser(getStore(), 'ana', 'analyst');
    await createUser(getStore(), 'bob', 'editor');
    const row = await new KyselyAccountsStore(getStore().db).findUserByUsername('ana');
    if (!row) throw new Error('ana was not created');
    ana = { kind: 'user', userId: row.id, actorId: row.actorId, role: 'analyst', grants: [] };
  });

  it('refuses a common password for a new account, naming the field', async () => {
    const code = await codeOf(() => getStore().transaction((tx) => addUser({ ctx: SYSTEM_CONTEXT, user: { username: 'carl', role: 'analyst', password: 'password1234' } }, tx)));
    expect(code).toBe('INVALID_INPUT');
  });

  it('changes a password only with the current one, refuses a common new one, and leaves the database unchanged when it refuses', async () => {
    const before = await logCount(getStore());
    const change = (currentPassword: string, newPassword: string) => getStore().transaction((tx) => changePassword({ ctx: contextFor(ana), change: { currentPassword, newPassword } }, tx));
    expect(await codeOf(() => change('not my password at all', NEW_PASSWORD))).toBe('INVALID_INPUT');
    expect(await codeOf(() => change(TEST_PASSWORD, 'password1234'))).toBe('INVALID_INPUT');
    expect(await codeOf(() => change(TEST_PASSWORD, TEST_PASSWORD))).toBe('INVALID_INPUT');
    expect(await logCount(getStore())).toBe(before);
    const accounts = new KyselyAccountsStore(getStore().db);
    const session = await logIn(accounts, 'ana', TEST_PASSWORD, new Date());
    await change(TEST_PASSWORD, NEW_PASSWORD);
    expect(await logCount(getStore())).toBe(before + 1);
    expect(await accounts.findSession(session.sessionToken)).toBeNull();
    expect(await codeOf(() => logIn(accounts, 'ana', TEST_PASSWORD, new Date()))).toBe('UNAUTHENTICATED');
    expect((await logIn(accounts, 'ana', NEW_PASSWORD, new Date())).user.username).toBe('ana');
  });

  it('lets only an admin issue a reset link, which works once', async () => {
    expect(await codeOf(() => getStore().transaction((tx) => issuePasswordReset({ ctx: contextFor(actorWithRole('editor')), username: 'bob' }, withResets(tx))))).toBe('FORBIDDEN');
    expect(await codeOf(() => getStore().transaction((tx) => issuePasswordReset({ ctx: SYSTEM_CONTEXT, username: 'nobody' }, withResets(tx))))).toBe('NOT_FOUND');
    const now = new Date();
    const { token } = await getStore().transaction((tx) => issuePasswordReset({ ctx: { ...SYSTEM_CONTEXT, now }, username: 'bob' }, withResets(tx)));
    const reset = (newPassword: string) => getStore().transaction((tx) => resetPassword({ ctx: contextFor(actorWithRole('public'), now), reset: { token, newPassword } }, withResets(tx)));
    const before = await logCount(getStore());
    expect(await codeOf(() => reset('letmeinletmeinletmein'))).toBe('INVALID_INPUT');
    expect(await logCount(getStore())).toBe(before);
    expect(await reset(NEW_PASSWORD)).toEqual({ username: 'bob' });
    expect(await logCount(getStore())).toBe(before + 1);
    expect(await codeOf(() => reset('another fine long passphrase'))).toBe('NOT_FOUND');
    expect((await logIn(new KyselyAccountsStore(getStore().db), 'bob', NEW_PASSWORD, now)).user.username).toBe('bob');
  });

  it('refuses an expired link and an unknown one with the same answer', async () => {
    const issuedAt = new Date('2026-11-20T10:00:00.000Z');
    const { token } = await getStore().transaction((tx) => issuePasswordReset({ ctx: { ...SYSTEM_CONTEXT, now: issuedAt }, username: 'bob' }, withResets(tx)));
    const later = new Date(issuedAt.getTime() + PASSWORD_RESET_LIFETIME_MS + 1);
    const at = (t: string) => getStore().transaction((tx) => resetPassword({ ctx: contextFor(actorWithRole('public'), later), reset: { token: t, newPassword: NEW_PASSWORD } }, withResets(tx)));
    expect(await codeOf(() => at(token))).toBe('NOT_FOUND');
    expect(await codeOf(() => at('pr_not-a-real-token'))).toBe('NOT_FOUND');
  });
});
