import type { Hono } from 'hono';
import { aPdf } from '../../../test/support/pdf-factory.js';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCountersignApp } from '../../app/create-countersign-app.js';
import { WORKFLOWS } from '../../app/workflows.js';
import { runTick } from '../../kernel/deadlines/run-tick.js';
import { recordScreenedTransactions } from '../../procurement/alerts/record-screened-transactions.js';
import { aScreenedTransaction } from '../../procurement/testing/screened-transaction-factory.js';
import type { AppEnv } from '../../server/app-env.js';
import { SYSTEM_CONTEXT } from '../../../test/support/contexts.js';
import { givenOrganization, uniqueId } from '../../../test/support/registry-factories.js';
import { anonymousClient, quickClient, type TestClient } from '../../../test/support/test-app.js';
import { describeEachBackend } from '../../../test/support/test-store.js';

const PIID = '70CTD024P00000012';

interface RequestJson { id: string; status: string; letter: string; addressee: string; piid: string; awardKey: string; dueDate: string | null; overdue: boolean; steps: { step: string }[]; messages: { kind: string; direction: string; body: string }[]; documents: { id: string; sha256: string; url: string | null; publishedAt: string | null; embargoUntil: string }[] }

describeEachBackend('disclosure requests: from the stop-work alert to a filed FOIA request', (getStore) => {
  let app: Hono<AppEnv>;
  let clock = new Date('2026-05-15T14:00:00Z');
  let requester: TestClient;
  let alertId: string;
  const tick = () => runTick({ now: clock }, { transaction: (fn) => getStore().transaction(fn), workflows: WORKFLOWS });

  beforeAll(async () => {
    app = createCountersignApp({ store: getStore(), now: () => clock });
    await givenOrganization(getStore(), { id: 'ice', name: 'U.S. Immigration and Customs Enforcement', kind: 'government-agency', country: 'US' });
    const { organizationId: vendor } = await givenOrganization(getStore(), { name: 'Paragon Solutions (US) Inc.' });
    const stopWork = aScreenedTransaction({ organizationId: vendor, organizationName: 'Paragon Solutions (US) Inc.', piid: PIID, event: 'stop-work', transaction: { modification: 'P00001', actionDate: '2024-10-08', amount: 0, description: 'STOP WORK ORDER TO REVIEW AND VERIFY COMPLIANCE WITH EXECUTIVE ORDER 14093' } });
    await getStore().transaction((tx) => recordScreenedTransactions({ ctx: SYSTEM_CONTEXT, screened: [stopWork], watchlistVersion: 'w1' }, tx));
    const row = await getStore().db.selectFrom('alerts').select('id').where('piid', '=', PIID).executeTakeFirstOrThrow();
    alertId = row.id;
    requester = await quickClient(app, getStore(), uniqueId('reporter'), 'contributor');
  });

  const draft = async (): Promise<RequestJson> => {
    const res = await requester.request('/api/v1/disclosure-requests', { json: { fromAlert: alertId } });
    expect(res.status).toBe(201);
    return (await res.json()) as RequestJson;
  };
  const submit = async (id: string, receivedAt: string): Promise<RequestJson> => {
    const res = await requester.request(`/api/v1/disclosure-requests/${id}/submit`, { json: { receivedAt } });
    expect(res.status).toBe(200);
    return (await res.json()) as RequestJson;
  };
  const step = (id: string, name: string, body: Record<string, unknown> = {}) => requester.request(`/api/v1/disclosure-requests/${id}/steps/${name}`, { json: body });

  it("drafts a request addressed to ICE's FOIA office that names the PIID and award key and asks the letter's six questions about this contract", async () => {
    const request = await draft();
    expect(request.status).toBe('draft');
    expect(request.addressee).toBe('FOIA Office, U.S. Immigration and Customs Enforcement');
    expect(request.letter).toContain('To: FOIA Office, U.S. Immigration and Customs Enforcement');
    expect(request.piid).toBe(PIID);
    expect(request.letter).toContain(`Procurement Instrument Identifier (PIID): ${PIID}`);
    expect(request.letter).toContain(`CONT_AWD_${PIID}_7012_-NONE-_-NONE-`);
    const numbered = request.letter.split('\n').filter((line) => /^\d+\. /.test(line));
    expect(numbered).toHaveLength(6);
    expect(numbered.every((q) => q.includes(`contract ${PIID}`))).toBe(true);
    expect(numbered[0]).toContain('technology or services procured');
    expect(numbered[1]).toMatch(/modifications[\s\S]*stop-work order \(modification P00001\) dated 2024-10-08/);
    expect(numbered[2]).toContain('Executive Order 14093');
    expect(numbered[3]).toMatch(/oversight mechanisms, before use \(ex ante\) and after use \(ex post\)/);
    expect(numbered[4]).toContain('stored, used, shared or deleted');
    expect(numbered[5]).toContain('remedies');
    // A draft is the requester's own: anonymous readers do not see it.
    expect((await anonymousClient(app).request(`/api/v1/disclosure-requests/${request.id}`)).status).toBe(404);
  });

  it('is editable before filing, and not after', async () => {
    const request = await draft();
    const edited = await requester.request(`/api/v1/disclosure-requests/${request.id}`, { method: 'PUT', json: { title: 'ICE and Paragon: the contract file' } });
    expect(edited.status).toBe(200);
    await submit(request.id, '2026-05-15');
    const late = await requester.request(`/api/v1/disclosure-requests/${request.id}`, { method: 'PUT', json: { title: 'too late' } });
    expect(late.status).toBe(409);
  });

  it('is due 20 business days after receipt: 2026-05-15 → 2026-06-15 (Memorial Day), 2026-05-29 → 2026-06-29 (Juneteenth)', async () => {
    expect((await submit((await draft()).id, '2026-05-15')).dueDate).toBe('2026-06-15');
    clock = new Date('2026-05-29T15:00:00Z');
    expect((await submit((await draft()).id, '2026-05-29')).dueDate).toBe('2026-06-29');
    clock = new Date('2026-05-15T14:00:00Z');
  });

  it('asks for expedited processing when told to, with its own 10-day decision deadline', async () => {
    // The alert recorded the contract in the registry: a request can be drafted from its PIID too.
    const fromContract = await requester.request('/api/v1/disclosure-requests', { json: { fromContract: PIID, expedited: true } });
    expect(fromContract.status).toBe(201);
    expect(((await fromContract.json()) as RequestJson).addressee).toBe('FOIA Office, U.S. Immigration and Customs Enforcement');
    const drafted = (await (await requester.request('/api/v1/disclosure-requests', { json: { fromAlert: alertId, expedited: true } })).json()) as RequestJson;
    expect(drafted.letter).toContain('expedited processing under 5 U.S.C. 552(a)(6)(E)(ii)(I)');
    await submit(drafted.id, '2026-05-15');
    const deadlines = (await (await requester.request(`/api/v1/cases/disclosure-request/${drafted.id}/deadlines`)).json()) as { items: { kind: string; dueDate: string }[] };
    expect(deadlines.items.find((d) => d.kind === 'expedite-decision-due')?.dueDate).toBe('2026-05-25');
  });

  it('adds the 10-day extension once, and pauses the clock while a fee is unpaid', async () => {
    clock = new Date('2026-05-22T14:00:00Z');
    const request = await draft();
    await submit(request.id, '2026-05-15');
    const extended = (await (await step(request.id, 'extend', { note: 'Unusual circumstances: consultation with another agency.' })).json()) as RequestJson;
    expect(extended.dueDate).toBe('2026-06-30');
    expect((await step(request.id, 'extend')).status).toBe(409);
    // 2026-05-15 → 05-22: 5 business days used; 25 left of 30 from 2026-06-01.
    expect((await step(request.id, 'require-payment', { amount: 25 })).status).toBe(200);
    clock = new Date('2026-06-01T14:00:00Z');
    const paid = (await (await step(request.id, 'pay')).json()) as RequestJson & { feeAmount: number; feePaidAt: string };
    expect([paid.status, paid.feeAmount, paid.feePaidAt, paid.dueDate]).toEqual(['processing', 25, '2026-06-01', '2026-07-08']);
    clock = new Date('2026-05-15T14:00:00Z');
  });

  it('under FOIL: 5 business days to acknowledge, then at most 20 business days from the acknowledgement', async () => {
    clock = new Date('2026-05-27T15:00:00Z');
    const drafted = (await (await requester.request('/api/v1/disclosure-requests', { json: { fromAlert: alertId, jurisdiction: 'us-ny' } })).json()) as RequestJson;
    expect(drafted.letter).toContain('Freedom of Information Law (N.Y. Public Officers Law 84–90)');
    expect(drafted.addressee).toBe('Records Access Officer, U.S. Immigration and Customs Enforcement');
    expect((await submit(drafted.id, '2026-05-21')).dueDate).toBe('2026-05-29');
    const acknowledged = (await (await step(drafted.id, 'acknowledge', { trackingNumber: 'FOIL-2026-77' })).json()) as RequestJson;
    // 28 May … 25 June: twenty business days, Juneteenth (a New York holiday) skipped.
    expect(acknowledged.dueDate).toBe('2026-06-25');
    clock = new Date('2026-05-15T14:00:00Z');
  });

  it('answers bad input with a 4xx naming what is wrong, and publishes every deadline as one calendar', async () => {
    const request = await draft();
    expect((await requester.request('/api/v1/disclosure-requests', { json: { fromAlert: alertId, fromContract: PIID } })).status).toBe(400);
    expect((await requester.request('/api/v1/disclosure-requests', { json: { fromReview: 'no-such-review' } })).status).toBe(404);
    expect((await requester.request('/api/v1/disclosure-requests', { json: { fromDocket: 'no-such-docket' } })).status).toBe(404);
    expect((await anonymousClient(app).request('/api/v1/disclosure-requests', { json: { fromAlert: alertId } })).status).toBe(401);
    await submit(request.id, '2026-05-15');
    expect((await step(request.id, 'no-such-step')).status).toBe(404);
    const bad = await step(request.id, 'determine', { outcome: 'maybe' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('outcome');
    expect((await step(request.id, 'flag-overdue')).status).toBe(404);
    const ics = await (await anonymousClient(app).request('/api/v1/disclosure-requests.ics')).text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('Response due');
  });

  it('refuses a receipt date in the future, naming the field, and changes nothing', async () => {
    const request = await draft();
    const res = await requester.request(`/api/v1/disclosure-requests/${request.id}/submit`, { json: { receivedAt: '2026-06-01' } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('receivedAt');
    expect(((await (await requester.request(`/api/v1/disclosure-requests/${request.id}`)).json()) as RequestJson).status).toBe('draft');
  });

  it('pauses the clock while the agency waits for the requester and resumes it with the days left', async () => {
    clock = new Date('2026-05-20T14:00:00Z');
    const request = await draft();
    await submit(request.id, '2026-05-15');
    // 2026-05-15 → 05-20: 3 business days used (18, 19, 20 May); 17 left from 2026-06-01, Juneteenth skipped.
    expect((await step(request.id, 'require-fix', { note: 'Please narrow the date range.' })).status).toBe(200);
    clock = new Date('2026-06-01T14:00:00Z');
    const resumed = (await (await step(request.id, 'answer-fix', { note: 'From 2024-09-01 to 2024-12-31.' })).json()) as RequestJson;
    expect(resumed.status).toBe('processing');
    expect(resumed.dueDate).toBe('2026-06-25');
    clock = new Date('2026-05-15T14:00:00Z');
  });

  it('flags an unanswered request overdue after a tick, drafts a follow-up, and drafts an appeal from a denial', async () => {
    const request = await draft();
    await submit(request.id, '2026-05-15');
    clock = new Date('2026-06-15T20:00:00Z');
    await tick();
    expect(((await (await requester.request(`/api/v1/disclosure-requests/${request.id}`)).json()) as RequestJson).overdue).toBe(false);
    clock = new Date('2026-06-16T14:00:00Z');
    await tick();
    const overdue = (await (await requester.request(`/api/v1/disclosure-requests/${request.id}`)).json()) as RequestJson;
    expect(overdue.overdue).toBe(true);
    const followUp = overdue.messages.find((m) => m.kind === 'follow-up');
    expect(followUp?.direction).toBe('draft');
    expect(followUp?.body).toContain('A response was due by 2026-06-15');
    // The public sees the flag, not the requester's drafted follow-up.
    const seen = (await (await anonymousClient(app).request(`/api/v1/disclosure-requests/${request.id}`)).json()) as RequestJson;
    expect(seen.overdue).toBe(true);
    expect(seen.messages.some((m) => m.direction === 'draft')).toBe(false);
    const stats = (await (await anonymousClient(app).request('/api/v1/disclosure-statistics?agency=ice')).json()) as { items: { overdue: number }[] };
    expect(stats.items[0]?.overdue).toBeGreaterThanOrEqual(1);

    expect((await step(request.id, 'determine', { outcome: 'rejected', note: 'Withheld under exemption 7(E).', occurredAt: '2026-06-16' })).status).toBe(200);
    const appealDraft = (await (await requester.request(`/api/v1/disclosure-requests/${request.id}/appeal-draft`)).json()) as { body: string };
    expect(appealDraft.body).toContain('was denied on 2026-06-16');
    expect(appealDraft.body).toContain('5 U.S.C. 552(a)(6)(A)(i)(III)(aa)');
    const deadlines = (await (await requester.request(`/api/v1/cases/disclosure-request/${request.id}/deadlines`)).json()) as { items: { kind: string; dueDate: string; state: string }[] };
    expect(deadlines.items.find((d) => d.kind === 'appeal-due' && d.state === 'open')?.dueDate).toBe('2026-09-14');
    const appealed = (await (await step(request.id, 'appeal')).json()) as RequestJson;
    expect(appealed.status).toBe('appealing');
    expect(appealed.messages.find((m) => m.kind === 'appeal')?.body).toContain('I appeal the withholding');
    clock = new Date('2026-05-15T14:00:00Z');
  });

  it('hashes a received PDF into the log, extracts its text, and keeps it private until the embargo ends', async () => {
    const request = await draft();
    await submit(request.id, '2026-05-15');
    const pdf = await aPdf(['Statement of work: Graphite licence, hardware, maintenance and training.'], { compress: false });
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const res = await requester.request(`/api/v1/disclosure-requests/${request.id}/documents`, { json: { fileName: 'release-1.pdf', mediaType: 'application/pdf', contentBase64: pdf.toString('base64'), embargoUntil: '2026-06-01' } });
    expect(res.status).toBe(201);
    const document = ((await res.json()) as RequestJson).documents[0];
    expect(document?.sha256).toBe(sha256);
    const entries = await getStore().db.selectFrom('logEntries').select('entry').where('type', '=', 'disclosure.document.received').execute();
    expect(entries.some((e) => e.entry.includes(sha256))).toBe(true);
    const anonymous = anonymousClient(app);
    expect((await anonymous.request(`/api/v1/disclosure-requests/${request.id}/documents/${document?.id}`)).status).toBe(404);
    expect(((await (await anonymous.request('/api/v1/disclosure-documents?q=graphite')).json()) as { items: unknown[] }).items).toHaveLength(0);
    expect((await requester.request(`/api/v1/disclosure-requests/${request.id}/documents/${document?.id}`)).status).toBe(200);
    // A notice a week before the end; the embargo ends with 1 June.
    clock = new Date('2026-05-26T12:00:00Z');
    await tick();
    const noticed = (await (await requester.request(`/api/v1/disclosure-requests/${request.id}`)).json()) as { documents: { noticeSentAt: string | null; publishedAt: string | null }[]; messages: { subject: string; body: string }[] };
    expect(noticed.documents[0]?.noticeSentAt).not.toBeNull();
    expect(noticed.messages.find((m) => m.subject === 'Embargo ending: release-1.pdf')?.body).toContain('becomes public after 2026-06-01');
    expect(noticed.documents[0]?.publishedAt).toBeNull();
    clock = new Date('2026-06-02T12:00:00Z');
    await tick();
    const published = await anonymous.request(`/api/v1/disclosure-requests/${request.id}/documents/${document?.id}`);
    expect(published.status).toBe(200);
    expect(createHash('sha256').update(Buffer.from(await published.arrayBuffer())).digest('hex')).toBe(sha256);
    const hits = (await (await anonymous.request('/api/v1/disclosure-documents?q=graphite')).json()) as { items: { snippet: string }[] };
    expect(hits.items[0]?.snippet).toContain('Graphite licence');
    clock = new Date('2026-05-15T14:00:00Z');
  });

  it('attaches a document to the letter it came with, extends its embargo once, and refuses a second extension', async () => {
    const request = await draft();
    await submit(request.id, '2026-05-15');
    const text = Buffer.from('Cover letter: records enclosed.');
    const letter = await step(request.id, 'record-message', { direction: 'received', subject: 'Interim response', body: 'Records enclosed.' });
    const messageId = ((await letter.json()) as { messages: { id: string; subject: string }[] }).messages.find((m) => m.subject === 'Interim response')?.id;
    const upload = (body: Record<string, unknown>) => requester.request(`/api/v1/disclosure-requests/${request.id}/documents`, { json: { fileName: 'cover.txt', mediaType: 'text/plain', contentBase64: text.toString('base64'), embargoUntil: '2026-06-01', ...body } });
    expect((await upload({ messageId: '00000000-0000-4000-8000-000000000000' })).status).toBe(400);
    const uploaded = (await (await upload({ messageId })).json()) as RequestJson & { documents: { messageId: string | null }[] };
    expect(uploaded.documents[0]?.messageId).toBe(messageId);
    const id = uploaded.documents[0]?.id;
    expect((await step(request.id, 'extend-embargo', { document: id, until: '2026-07-01' })).status).toBe(200);
    const again = await step(request.id, 'extend-embargo', { document: id, until: '2026-07-15' });
    expect(again.status).toBe(409);
  });
});

describe('drafting refuses what it cannot draft from', () => {
  it('names the field when no subject or two subjects are given', async () => {
    const { subjectOfDraft } = await import('../../server/api/routes/disclosure-request-routes.js');
    expect(() => subjectOfDraft({})).toThrow(/exactly one/);
    expect(() => subjectOfDraft({ fromAlert: 'a', fromContract: 'b' })).toThrow(/exactly one/);
    expect(subjectOfDraft({ fromContract: PIID })).toEqual({ kind: 'contract', id: PIID });
  });
});
