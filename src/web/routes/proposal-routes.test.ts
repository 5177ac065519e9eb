import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { givenOrganization, givenRecords, uniqueId } from '../../../test/support/registry-factories.js';
import { createUser, TEST_PASSWORD } from '../../../test/support/test-app.js';
import { describeEachBackend } from '../../../test/support/test-store.js';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import { RECORD_TYPES } from '../../registry/schemas/common.js';
import type { AppEnv } from '../../server/app-env.js';
import { PortalClient } from '../testing/portal-client.js';

async function signedIn(app: Hono<AppEnv>, username: string): Promise<PortalClient> {
  const browser = new PortalClient(app);
  await browser.signIn(username, TEST_PASSWORD);
  return browser;
}

describeEachBackend('proposing records in the portal', (getStore) => {
  let app: Hono<AppEnv>;
  let sourceId: string;
  let organizationId: string;
  beforeAll(async () => {
    ({ sourceId, organizationId } = await givenOrganization(getStore(), { country: 'IL', aliases: ['Old Alias'] }));
    app = createCountersignApp({ store: getStore() });
    await createUser(getStore(), 'ana', 'analyst');
    await createUser(getStore(), 'eddie', 'editor');
  });

  it('lets an analyst propose a new organisation through the form and an editor accept it in the portal', async () => {
    const analyst = await signedIn(app, 'ana');
    const form = await analyst.get('/propose/organization');
    expect(form.status).toBe(200);
    // Labels, not keys or codes: the kind and country are chosen by name.
    expect(form.text).toContain('<label for="field-kind">Kind of organization</label>');
    expect(form.text).toContain('<option value="government-agency">Government agency</option>');
    expect(form.text).toContain('<option value="IT">Italy</option>');
    expect(form.text).toContain('<label for="field-identifiers-uei">SAM.gov UEI');
    const id = uniqueId('memento');
    const sent = await analyst.postForm('/propose/organization', { id, name: 'Memento Labs S.r.l.', kind: 'vendor', country: 'IT', aliases: 'Hacking Team\nHT S.r.l.', sources: sourceId, 'identifiers.lei': '', _note: 'successor of Hacking Team' });
    expect(sent.status).toBe(303);
    const location = sent.headers.get('location') ?? '';
    expect(location).toMatch(/^\/review\?done=proposed#change-[0-9a-f-]{36}$/);
    const changeId = location.split('#change-')[1] ?? '';
    expect((await new PortalClient(app).get(`/organizations/${id}`)).status).toBe(404);

    const editor = await signedIn(app, 'eddie');
    const queue = await editor.get('/review');
    expect(queue.text).toContain(`New organization: Memento Labs S.r.l. <code>${id}</code>`);
    // The reviewer reads each field by its label, the proposed value beside the (absent) current one.
    expect(queue.text).toMatch(/<th scope="row">Other names \(aliases\)<\/th>\s*<td data-label="Now"><span class="muted">—<\/span><\/td>\s*<td data-label="Proposed"><ins>Hacking Team, HT S.r.l.<\/ins>/);
    expect(queue.text).toContain('<ins>Italy</ins>');
    // Sources read by their titles, not their slugs.
    expect(queue.text).toContain(`<ins>Report ${sourceId}</ins>`);
    const accepted = await editor.postForm(`/review/${changeId}/accept`, { note: 'checked' });
    expect(accepted.status).toBe(303);
    const page = await new PortalClient(app).get(`/organizations/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Memento Labs S.r.l.');
    expect(page.text).toContain(changeId);
  });

  it('sends the form back with each problem next to its field and what was typed kept (400)', async () => {
    const analyst = await signedIn(app, 'ana');
    await analyst.get('/propose/organization');
    const res = await analyst.postForm('/propose/organization', { id: 'Not A Slug', name: 'Kept Name', kind: '', 'identifiers.uei': 'short', sources: '', formerNames: '[{"until": "2021"}]' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('The proposal was not sent.');
    expect(res.text).toMatch(/id="field-id"[^>]*aria-invalid="true"/);
    expect(res.text).toMatch(/<span class="field-error" id="field-id-error">must be a lower-case slug/);
    expect(res.text).toMatch(/<span class="field-error" id="field-identifiers-uei-error">must be a 12-character SAM.gov UEI/);
    expect(res.text).toMatch(/<span class="field-error" id="field-sources-error">/);
    expect(res.text).toMatch(/<span class="field-error" id="field-kind-error">/);
    expect(res.text).toContain('value="Kept Name"');
    expect(res.text).toMatch(/<span class="field-error" id="field-formerNames-error">is required/);
    expect(res.text).toMatch(/<span class="field-error" id="field-kind-error">choose one of the options/);
    // A number field that is not a number is named too (a relationship's stake).
    const stake = await analyst.postForm('/propose/relationship', { from: organizationId, type: 'invested-in', to: organizationId, stakePercent: 'half', sources: sourceId });
    expect(stake.status).toBe(400);
    expect(stake.text).toMatch(/<span class="field-error" id="field-stakePercent-error">must be a number/);
    // An unknown source is named at its field too.
    const unknown = await analyst.postForm('/propose/organization', { id: uniqueId('x'), name: 'X', kind: 'vendor', sources: 'no-such-source' });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toMatch(/id="field-sources-error">unknown source &quot;no-such-source&quot;/);
  });

  it('has a form for every record type, and keeps it from the public and from forged posts', async () => {
    const analyst = await signedIn(app, 'ana');
    for (const type of RECORD_TYPES) {
      const page = await analyst.get(`/propose/${type}`);
      expect(page.status, type).toBe(200);
      expect(page.text, type).toContain(type === 'source' ? '<label for="field-title">Title</label>' : '<label for="field-sources">Sources</label>');
      expect(page.text, type).toContain('<button type="submit">Send for review</button>');
    }
    expect((await analyst.get('/propose/spaceship')).status).toBe(404);
    expect((await new PortalClient(app).get('/propose/organization')).status).toBe(401);
    const anonymous = await new PortalClient(app).postForm('/propose/organization', { id: 'x', name: 'X', kind: 'vendor', sources: sourceId });
    expect([401, 403]).toContain(anonymous.status);
    expect((await analyst.postForm('/propose/organization', { id: 'x', name: 'X', kind: 'vendor', sources: sourceId }, { withCsrf: false })).status).toBe(403);
  });

  it('prefills a change to a stored record, and history shows the accepted change field by field', async () => {
    const analyst = await signedIn(app, 'ana');
    expect((await analyst.get(`/organizations/${organizationId}`)).text).toContain(`href="/propose/organization?id=${organizationId}"`);
    expect((await new PortalClient(app).get(`/organizations/${organizationId}`)).text).not.toContain('/propose/');
    const form = await analyst.get(`/propose/organization?id=${organizationId}`);
    expect(form.text).toContain(`Propose a change to organization ${organizationId}`);
    expect(form.text).toContain('<option value="IL" selected>Israel</option>');
    expect(form.text).toContain('>Old Alias</textarea>');
    const sent = await analyst.postForm(`/propose/organization?id=${organizationId}`, { id: organizationId, name: `Vendor ${organizationId}`, kind: 'vendor', country: 'CY', aliases: 'Old Alias', sources: sourceId });
    expect(sent.status).toBe(303);
    const changeId = (sent.headers.get('location') ?? '').split('#change-')[1] ?? '';
    const editor = await signedIn(app, 'eddie');
    const queue = await editor.get('/review');
    expect(queue.text).toMatch(/<th scope="row">Country<\/th>\s*<td data-label="Now"><del>Israel<\/del><\/td>\s*<td data-label="Proposed"><ins>Cyprus<\/ins><\/td>\s*<td data-label="Change">changed/);
    expect((await editor.postForm(`/review/${changeId}/accept`, {})).status).toBe(303);
    const page = await new PortalClient(app).get(`/organizations/${organizationId}`);
    expect(page.text).toMatch(/<th scope="row">Country<\/th>\s*<td data-label="Before"><del>Israel<\/del><\/td>\s*<td data-label="After"><ins>Cyprus<\/ins>/);
    expect(page.text).not.toContain('Record written');
  });

  it('turns a tip into a proposal: prefilled from the tips queue, the tip linked and accepted', async () => {
    const tipster = new PortalClient(app);
    await tipster.get('/tips/new');
    expect((await tipster.postForm('/tips/new', { subject: 'A vendor you miss', body: 'Rayzone Group sells interception tools, see the report.' })).status).toBe(303);
    const analyst = await signedIn(app, 'ana');
    const queue = await analyst.get('/tips');
    const tipId = /href="\/propose\?tip=([0-9a-f-]{36})">Turn this tip into a proposal<\/a>/.exec(queue.text)?.[1] ?? '';
    expect(tipId).not.toBe('');
    const chooser = await analyst.get(`/propose?tip=${tipId}`);
    expect(chooser.text).toContain(`href="/propose/organization?tip=${tipId}"`);
    const form = await analyst.get(`/propose/organization?tip=${tipId}`);
    expect(form.text).toContain('Rayzone Group sells interception tools');
    expect(form.text).toContain(`<input type="hidden" name="_tip" value="${tipId}">`);
    expect(form.text).toContain(`Follows up tip ${tipId}.</textarea>`);
    const sent = await analyst.postForm('/propose/organization', { id: uniqueId('rayzone'), name: 'Rayzone Group', kind: 'vendor', sources: sourceId, _tip: tipId, _note: `Follows up tip ${tipId}.` });
    expect(sent.status).toBe(303);
    const changeId = (sent.headers.get('location') ?? '').split('#change-')[1] ?? '';
    const accepted = await analyst.get('/tips?status=accepted');
    expect(accepted.text).toContain(`Turned into proposed change ${changeId}`);
    expect((await analyst.get('/review')).text).toContain(`Follows up tip ${tipId}.`);
  });

  it('proposes a delisting through its form; bad input comes back beside its field; an editor accepts it', async () => {
    await givenRecords(getStore(), { designations: [{ subject: organizationId, authority: 'US-BIS', list: 'Entity List', listed: '2021-11-03', sources: [sourceId] }] });
    const designationId = `${organizationId}--us-bis--entity-list--2021-11-03`;
    const analyst = await signedIn(app, 'ana');
    expect((await analyst.get('/propose')).text).toContain('href="/propose/delisting"');
    await analyst.get(`/propose/delisting?designation=${designationId}`);
    const bad = await analyst.postForm('/propose/delisting', { designationId, delisted: 'April 2026', sources: '' });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/id="field-delisted-error">must be an ISO 8601 date/);
    expect(bad.text).toMatch(/id="field-sources-error">/);
    const unknown = await analyst.postForm('/propose/delisting', { designationId: 'no-such-designation', delisted: '2026-04', sources: sourceId });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toMatch(/id="field-designationId-error">unknown designation/);
    const sent = await analyst.postForm('/propose/delisting', { designationId, delisted: '2026-04-01', reason: 'removed by a final rule', sources: sourceId });
    expect(sent.status).toBe(303);
    const changeId = (sent.headers.get('location') ?? '').split('#change-')[1] ?? '';
    const editor = await signedIn(app, 'eddie');
    await editor.get('/review');
    expect((await editor.postForm(`/review/${changeId}/accept`, {})).status).toBe(303);
    const delisted = await getStore().db.selectFrom('designations').select(['delistedDate']).where('id', '=', designationId).executeTakeFirstOrThrow();
    expect(delisted.delistedDate).toBe('2026-04-01');
  });

  it('answers hostile form input with 400 and field errors, never a 500, for every record type', async () => {
    const analyst = await signedIn(app, 'ana');
    const hostile = ['', ' ', 'x', 'NaN', '-1e309', '[', '{"a":1}', '\u0000', 'a'.repeat(20_000), '<script>alert(1)</script>', '\ud800'];
    for (const type of RECORD_TYPES) {
      const page = await analyst.get(`/propose/${type}`);
      const names = [...page.text.matchAll(/name="([a-zA-Z.]+)"/g)].map((m) => m[1] ?? '').filter((n) => n !== '' && !n.startsWith('_'));
      expect(names.length, type).toBeGreaterThan(2);
      for (const [i, value] of hostile.entries()) {
        const fields = Object.fromEntries(names.map((n, j) => [n, hostile[(i + j) % hostile.length] ?? value]));
        const res = await analyst.postForm(`/propose/${type}`, fields);
        expect([303, 400], `${type} ${i}`).toContain(res.status);
        expect(res.text).not.toContain('<script>alert(1)</script>');
      }
    }
  });
});
