import { expect, it } from 'vitest';
import { SYSTEM } from '../accounts/actor.js';
import { actorWithRole, contextFor } from '../../test/support/contexts.js';
import { givenOrganization } from '../../test/support/registry-factories.js';
import { describeEachBackend } from '../../test/support/test-store.js';
import { draftRequest } from '../disclosure/requests/draft-request.js';
import { openDocket } from '../oversight/dockets/open-docket.js';
import { DRAFT_SUBJECT_READERS } from './draft-subject-readers.js';

const reporter = contextFor(actorWithRole('contributor', 'reporter'), new Date('2026-05-15T12:00:00Z'));

describeEachBackend('a records request drafted from a community oversight docket', (getStore) => {
  it('asks the proposing department about the technology and every part of the impact report and use policy it left out', async () => {
    const store = getStore();
    const { organizationId: agency } = await givenOrganization(store, { name: 'Seattle Police Department', kind: 'government-agency', country: 'US' });
    const docket = await store.transaction((tx) => openDocket({ ctx: contextFor(SYSTEM), docket: { jurisdiction: 'seattle', agency, technology: 'Cell-site simulator', title: 'Cell-site simulator acquisition', proposal: { impactReport: { purpose: 'Locating suspects.', retention: '90 days.' }, usePolicy: { access: 'Detectives only.' } } } }, tx));
    const request = await store.transaction((tx) => draftRequest({ ctx: reporter, from: { kind: 'docket', id: docket.id }, readers: DRAFT_SUBJECT_READERS, requesterName: 'A. Reporter' }, tx));
    expect(request.addressee).toBe('FOIA Office, Seattle Police Department');
    expect(request.piid).toBeNull();
    expect(request.letter).toContain('Cell-site simulator, proposed by Seattle Police Department in the oversight docket "Cell-site simulator acquisition"');
    expect(request.letter).toContain("the Surveillance Impact Report's section on data collected, which is not on the public record");
    expect(request.letter).not.toContain("the Surveillance Impact Report's section on retention,");
    expect(request.letter).toContain("the use policy's rules on auditing, which is not on the public record");
    expect(request.letter).not.toContain("the use policy's rules on access,");
  });
});
