import { expect, it } from 'vitest';
import { actorWithRole, contextFor } from '../../test/support/contexts.js';
import { loadBundledDataset } from '../../test/support/bundled-dataset.js';
import { describeEachBackend } from '../../test/support/test-store.js';
import { draftRequest } from '../disclosure/requests/draft-request.js';
import { DRAFT_SUBJECT_READERS } from './draft-subject-readers.js';
import { loadBundledOversight } from './load-bundled-oversight.js';

const reporter = contextFor(actorWithRole('contributor', 'reporter'), new Date('2026-05-15T12:00:00Z'));

describeEachBackend('a records request drafted from an acquisition review', (getStore) => {
  it("asks ICE about the Paragon contract and about every EO 14093 step that is not on the public record", async () => {
    const store = getStore();
    await loadBundledDataset(store);
    await loadBundledOversight(store, () => reporter.now);
    const request = await store.transaction((tx) => draftRequest({ ctx: reporter, from: { kind: 'review', id: 'ice-paragon-graphite-2024' }, readers: DRAFT_SUBJECT_READERS, requesterName: 'A. Reporter' }, tx));
    expect(request.addressee).toBe('FOIA Office, U.S. Immigration and Customs Enforcement');
    expect(request.piid).toBe('70CTD024P00000012');
    expect(request.subjectKind).toBe('review');
    const questions = request.letter.split('\n').filter((line) => /^\d+\. /.test(line));
    // The letter's six, then one per step the public record lacks (the DNI's assessment, due diligence, the determination, the notice …).
    expect(questions.length).toBeGreaterThan(6);
    expect(questions.slice(6).every((q) => q.includes('which is not on the public record'))).toBe(true);
    expect(request.letter).toContain("DNI's assessment reviewed (EO 14093)");
    expect(request.letter).toContain('Notice to the APNSA (EO 14093)');
  });
});
