import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../accounts/actor.js';
import { adminImportPage } from './admin-import-page.js';

const frame = { auth: { actor: ANONYMOUS, user: null, via: 'none' as const, csrfToken: null }, path: '/admin/import' };
const values = { format: 'ftm' as const, source: 'https://example.org/data', licence: 'CC-BY-4.0', spyware: false, dryRun: true };

describe('import report', () => {
  it('counts records and proposals in the right number ("1 record", not "1 records")', () => {
    const report = { file: 'x.ftm.json', format: 'ftm' as const, source: 's', licence: 'CC-BY-4.0', dryRun: false, counts: { created: 1, merged: 0, queued: 1, rejected: 0 }, written: 1, proposed: 1, items: [] };
    const one = adminImportPage(frame, values as never, report).toString();
    expect(one).toContain('1 record written, 1 proposal queued');
    const many = adminImportPage(frame, values as never, { ...report, written: 2, proposed: 0 }).toString();
    expect(many).toContain('2 records written, 0 proposals queued');
  });
});
