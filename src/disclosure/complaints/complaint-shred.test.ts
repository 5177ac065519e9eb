import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { grantRole } from '../../accounts/commands/grant-role.js';
import { openLedger } from '../../app/open-ledger.js';
import { openStore } from '../../app/open-store.js';
import { shredField } from '../../kernel/erasure/unseal-field.js';
import { generateSignerKey, parseSignerKey } from '../../ledger/note/signer-key.js';
import { remedyStores } from '../../store/disclosure/kysely-remedy-stores.js';
import { contextFor, actorWithRole, SYSTEM_CONTEXT } from '../../../test/support/contexts.js';
import { givenRecords } from '../../../test/support/registry-factories.js';
import { createUser } from '../../../test/support/test-app.js';
import { databaseBytes } from '../../../test/support/database-bytes.js';
import { complainantStep, submitComplaint } from './complaint-commands.js';


describe('erasing a complaint leaves nothing of the complainant in the SQLite files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'countersign-complaint-shred-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('through the complainant’s erase step and through the kernel’s `log shred`, name, contact, account and evidence are gone from every byte', async () => {
    const file = join(dir, 'countersign.db');
    const store = await openStore(`sqlite:${file}`);
    const { signerKey, verifierKey } = generateSignerKey('complaint-shred.test/log');
    const ledger = await openLedger({ store, signer: parseSignerKey(signerKey), verifierKey, pollMs: 0 });
    await givenRecords(store, { sources: [{ id: 'shred-source', title: 'Source', publisher: 'P' }], organizations: [{ id: 'shred-body', name: 'Shred Oversight Body', kind: 'government-agency', sources: ['shred-source'] }] });
    await createUser(store, 'shred-handler', 'contributor');
    await store.transaction((tx) => grantRole({ ctx: SYSTEM_CONTEXT, grant: { username: 'shred-handler', role: 'complaint-handler', scope: 'body:shred-body' }, scopeExists: async () => true }, tx));
    const values = (n: number) => ({
      name: `NAME-MARKER-${n}-5e1f Jane Complainant`, contact: `CONTACT-MARKER-${n}-a9b3 jane@example.org`, account: `ACCOUNT-MARKER-${n}-71c4: my phone rebooted twice after the interview`,
      evidenceName: `EVIDENCE-NAME-${n}-e2d0.txt`, evidence: `EVIDENCE-CONTENT-${n}-0b7a`,
    });
    const file1 = async (n: number) => {
      const v = values(n);
      return store.transaction((tx) => submitComplaint({ ctx: contextFor(actorWithRole('public')), complaint: { body: 'shred-body', name: v.name, contact: v.contact, account: v.account, evidence: [{ fileName: v.evidenceName, mediaType: 'text/plain', contentBase64: Buffer.from(v.evidence).toString('base64') }] } }, tx));
    };
    const first = await file1(1);
    const second = await file1(2);
    await ledger.sequencer.integrate();
    store.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
    const before = databaseBytes(file);
    for (const n of [1, 2]) {
      const v = values(n);
      for (const value of [v.name, v.contact, v.account, v.evidenceName]) expect(before.includes(value), value).toBe(true);
      // Evidence is stored encrypted: its content is in no byte even before erasure.
      expect(before.includes(v.evidence)).toBe(false);
    }

    await store.transaction((tx) => complainantStep({ ctx: SYSTEM_CONTEXT, token: first.token, action: 'erase' }, tx));
    const entries = await store.db.selectFrom('logEntries').select(['leafIndex', 'entry']).where('type', '=', 'disclosure.complaint.received').execute();
    const secondEntry = entries.find((e) => e.entry.includes(second.complaint.id));
    // The kernel's erasure of one field shreds the whole group: everything the complainant gave.
    await store.transaction((tx) => shredField({ ctx: SYSTEM_CONTEXT, index: BigInt(secondEntry?.leafIndex ?? -1), field: 'name' }, tx));
    for (const complaint of [first.complaint, second.complaint]) {
      expect(await remedyStores(store.db).complaints.findComplaint(complaint.id)).toMatchObject({ name: null, contact: null, account: null, evidence: [] });
    }
    await ledger.close();
    await store.close();

    const after = databaseBytes(file);
    for (const n of [1, 2]) {
      const v = values(n);
      for (const value of [v.name, v.contact, v.account, v.evidenceName, v.evidence]) expect(after.includes(value), value).toBe(false);
    }
    const reopened = await openStore(`sqlite:${file}`);
    const stored = await reopened.db.selectFrom('logEntries').select('entry').where('type', '=', 'disclosure.complaint.received').execute();
    for (const e of stored) expect(JSON.parse(e.entry).sealed.contact).toMatch(/^[0-9a-f]{64}$/);
    await reopened.close();
  });
});
