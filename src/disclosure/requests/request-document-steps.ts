import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { atLeast, either, owner, systemOnly } from '../../accounts/policy.js';
import { CommandError } from '../../core/command-error.js';
import { isoDateSchema } from '../../kernel/calendar/iso-date.js';
import { stepsFor, type Transition } from '../../kernel/workflow/workflow.js';
import type { DisclosureRequest, RequestStatus } from './disclosure-request.js';
import { DEFAULT_EMBARGO_DAYS, EMBARGO_EXTENSION_MAX_DAYS, EMBARGO_NOTICE_DAYS, scheduleEmbargoDeadlines } from './document-embargo.js';
import { jurisdictionOf } from './jurisdictions.js';
import { datePlus, localDateOf } from './request-clock.js';
import { applyStep, messageOf } from './request-steps.js';
import type { DisclosureRequestsTransaction } from './requests-transaction.js';

const step = stepsFor<DisclosureRequest, DisclosureRequestsTransaction>();
const requester = either(owner, atLeast('admin'));
function same({ from }: { from: string | null }): string {
  if (from === null) throw new Error('a step on an existing request has a state to stay in');
  return from;
}

/** A received file, its text already extracted (`extractDocumentText`) outside the transaction. */
export const receivedDocumentInput = z.strictObject({
  fileName: z.string().trim().min(1).max(255).regex(/^[^/\\\0]+$/, 'must be a file name, not a path'),
  mediaType: z.string().trim().min(3).max(120),
  content: z.instanceof(Uint8Array).refine((bytes) => bytes.length > 0, 'must not be empty'),
  text: z.string().max(5_000_000),
  pages: z.number().int().nonnegative().nullable(),
  embargoUntil: isoDateSchema.optional(),
  /** The letter it came with (an attachment), if any. */
  messageId: z.uuid().optional(),
});

/**
 * Documents received: stored with their SHA-256 (which the entry carries, so the log fixes what
 * was received and when), private until the requester's embargo ends; a notice before the end,
 * one extension, then the tick publishes them.
 */
export function documentSteps(filed: readonly RequestStatus[]): Record<string, Transition<DisclosureRequest, unknown, DisclosureRequestsTransaction>> {
  return {
    'receive-document': step.transition({
      label: 'Upload document', event: 'disclosure.document.received', from: filed, to: 'submitted', target: same, policy: requester, input: receivedDocumentInput,
      async effect({ ctx, case: request, input, tx }) {
        const now = ctx.now.toISOString();
        const today = localDateOf(jurisdictionOf(request.jurisdiction), now);
        const embargoUntil = input.embargoUntil ?? datePlus(today, DEFAULT_EMBARGO_DAYS);
        if (embargoUntil < today) throw new CommandError({ code: 'INVALID_INPUT', message: `embargoUntil ${embargoUntil} is in the past`, issues: [{ path: 'embargoUntil', message: 'must be today or later' }] });
        if (input.messageId && !(await tx.requests.messages(request.id)).some((m) => m.id === input.messageId && m.direction !== 'draft')) {
          throw new CommandError({ code: 'INVALID_INPUT', message: `no letter "${input.messageId}" on this request to attach the document to`, issues: [{ path: 'messageId', message: 'not a letter of this request' }] });
        }
        const sha256 = createHash('sha256').update(input.content).digest('hex');
        if ((await tx.requests.documents(request.id)).some((d) => d.sha256 === sha256)) throw new CommandError({ code: 'CONFLICT', message: `this file (SHA-256 ${sha256}) was already received on this request` });
        const document = { id: randomUUID(), requestId: request.id, messageId: input.messageId ?? null, fileName: input.fileName, mediaType: input.mediaType, size: input.content.length, sha256, pages: input.pages, embargoUntil, embargoExtended: false, noticeSentAt: null, publishedAt: null, uploadedAt: now };
        await tx.requests.addDocument(document, input.content, input.text);
        await scheduleEmbargoDeadlines(tx, request, now);
        const output = await applyStep(tx, request, {});
        return { data: { ...output.data, document: document.id, sha256 } };
      },
    }),
    'extend-embargo': step.transition({
      label: 'Extend embargo', event: 'disclosure.document.embargo-extended', from: filed, to: 'submitted', target: same, policy: requester,
      input: z.strictObject({ document: z.uuid(), until: isoDateSchema }),
      async guard({ case: request, input, tx }) {
        const document = await tx.requests.document(input.document);
        if (!document || document.requestId !== request.id) throw new CommandError({ code: 'NOT_FOUND', message: `no document "${input.document}" on this request` });
        if (document.publishedAt !== null) throw new CommandError({ code: 'CONFLICT', message: `${document.fileName} is already published` });
        if (document.embargoExtended) throw new CommandError({ code: 'CONFLICT', message: `the embargo of ${document.fileName} was already extended once` });
        if (input.until <= document.embargoUntil || input.until > datePlus(document.embargoUntil, EMBARGO_EXTENSION_MAX_DAYS)) {
          throw new CommandError({ code: 'INVALID_INPUT', message: `until must be after ${document.embargoUntil} and at most ${EMBARGO_EXTENSION_MAX_DAYS} days later`, issues: [{ path: 'until', message: 'outside the extension allowed' }] });
        }
      },
      async effect({ ctx, case: request, input, tx }) {
        await tx.requests.updateDocument(input.document, { embargoUntil: input.until, embargoExtended: true, noticeSentAt: null });
        await scheduleEmbargoDeadlines(tx, request, ctx.now.toISOString());
        const output = await applyStep(tx, request, {});
        return { data: { ...output.data, document: input.document, until: input.until } };
      },
    }),
    'note-embargo-ending': step.transition({
      label: 'Notify embargo ending', event: 'disclosure.document.embargo-notice', from: filed, to: 'submitted', target: same, policy: systemOnly, input: z.strictObject({}),
      async effect({ ctx, case: request, tx }) {
        const now = ctx.now.toISOString();
        const soon = datePlus(localDateOf(jurisdictionOf(request.jurisdiction), now), EMBARGO_NOTICE_DAYS);
        const ending = (await tx.requests.documents(request.id)).filter((d) => d.publishedAt === null && d.noticeSentAt === null && d.embargoUntil <= soon);
        for (const d of ending) await tx.requests.updateDocument(d.id, { noticeSentAt: now });
        await scheduleEmbargoDeadlines(tx, request, now);
        // The notice is the requester's own (a draft in their correspondence): the public sees only that one was given.
        const notice = ending.length === 0 ? undefined : messageOf(request, {
          direction: 'draft', kind: 'correspondence', subject: `Embargo ending: ${ending.map((d) => d.fileName).join(', ')}`,
          body: ending.map((d) => `${d.fileName} becomes public after ${d.embargoUntil}.${d.embargoExtended ? '' : ' You may extend its embargo once, by up to ${EMBARGO_EXTENSION_MAX_DAYS} days.'}`).join('\n'),
          date: localDateOf(jurisdictionOf(request.jurisdiction), now),
        }, now);
        return applyStep(tx, request, {}, notice);
      },
    }),
    'publish-documents': step.transition({
      label: 'Publish documents', event: 'disclosure.document.published', from: filed, to: 'submitted', target: same, policy: systemOnly, input: z.strictObject({}),
      async effect({ ctx, case: request, tx }) {
        const now = ctx.now.toISOString();
        const today = localDateOf(jurisdictionOf(request.jurisdiction), now);
        // The embargo covers its last day: the end deadline fires when that day is over.
        for (const d of await tx.requests.documents(request.id)) if (d.publishedAt === null && d.embargoUntil <= today) await tx.requests.updateDocument(d.id, { publishedAt: now });
        await scheduleEmbargoDeadlines(tx, request, now);
        return applyStep(tx, request, {});
      },
    }),
  };
}
