import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, describe } from 'vitest';
import { openStore } from '../../app/open-store.js';
import { openLedger } from '../../app/open-ledger.js';
import { generateSignerKey, parseSignerKey } from '../../ledger/note/signer-key.js';
import { submitTip } from '../../registry/tips/submit-tip.js';
import { KyselyTipsStore } from '../../store/registry/kysely-tips-store.js';
import { contextFor, actorWithRole, SYSTEM_CONTEXT } from '../../../test/support/contexts.js';
import { databaseBytes } from '../../../test/support/database-bytes.js';
import { shredField } from './unseal-field.js';


describe('shredding a sealed field erases it (SQLite files)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'countersign-shred-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a shredded tip contact and body are absent from every byte of the database files', async () => {
    const file = join(dir, 'countersign.db');
    const store = await openStore(`sqlite:${file}`);
    const { signerKey, verifierKey } = generateSignerKey('shred.test/log');
    const ledger = await openLedger({ store, signer: parseSignerKey(signerKey), verifierKey, pollMs: 0 });
    const contact = 'signal:+1-555-0100-CONTACT-MARKER-7f3a';
    const body = 'BODY-MARKER-91c2: the regional police bought a licence last spring';
    const { tip } = await store.transaction((tx) => submitTip({ ctx: contextFor(actorWithRole('public')), tip: { subject: 'A lead worth following', body, contact } }, tx));
    await ledger.sequencer.integrate();
    store.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
    // Before: the values are in the files (so the check below can fail).
    expect(databaseBytes(file).includes(contact)).toBe(true);
    expect(databaseBytes(file).includes(body)).toBe(true);

    const entry = await store.db.selectFrom('logEntries').select('leafIndex').where('type', '=', 'tips.tip.submitted').executeTakeFirstOrThrow();
    const index = BigInt(entry.leafIndex ?? -1);
    for (const field of ['subject', 'body', 'sourceUrl', 'contact']) {
      await store.transaction((tx) => shredField({ ctx: SYSTEM_CONTEXT, index, field }, tx));
    }
    const shredded = await new KyselyTipsStore(store.db).findTip(tip.id);
    expect(shredded).toMatchObject({ id: tip.id, body: null, contact: null, subject: null });
    await ledger.close();
    await store.close();

    const bytes = databaseBytes(file);
    expect(bytes.includes(contact)).toBe(false);
    expect(bytes.includes(body)).toBe(false);
    // The log still commits to them (the entry is intact), it just can never be opened.
    const reopened = await openStore(`sqlite:${file}`);
    const stored = await reopened.db.selectFrom('logEntries').select('entry').where('type', '=', 'tips.tip.submitted').executeTakeFirstOrThrow();
    expect(JSON.parse(stored.entry).sealed.contact).toMatch(/^[0-9a-f]{64}$/);
    await reopened.close();
  });
});
