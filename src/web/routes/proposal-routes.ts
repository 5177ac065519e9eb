import type { Hono } from 'hono';
import { z } from 'zod';
import { authorize } from '../../accounts/policies.js';
import { CommandError } from '../../core/command-error.js';
import { proposeChange } from '../../registry/commands/propose-change.js';
import { isRecordType, type RecordType } from '../../registry/schemas/common.js';
import { moderateTip } from '../../registry/tips/moderate-tip.js';
import type { TipRow } from '../../registry/tips/tips-store.js';
import { runCommand } from '../../server/api/command-runner.js';
import type { AppEnv } from '../../server/app-env.js';
import { getRecord } from '../../store/registry/get-record.js';
import { KyselyTipsStore } from '../../store/registry/kysely-tips-store.js';
import type { Store } from '../../store/store.js';
import { recordFormFields } from '../forms/record-form-fields.js';
import { formValuesOf, recordFromForm } from '../forms/record-form-values.js';
import { proposalChooserPage, proposalFormPage } from '../pages/proposal-form-page.js';
import { delistingFormPage } from '../pages/delisting-form-page.js';
import type { PortalDependencies } from '../portal-dependencies.js';
import { formFields, found, pageFrame, pageResponse } from './page-response.js';

const uuid = z.uuid();
const keySchema = z.string().regex(/^[A-Za-z0-9-]{1,100}$/);

function recordTypeParam(value: string): RecordType {
  if (!isRecordType(value)) throw new CommandError({ code: 'NOT_FOUND', message: `There is no kind of record called "${value}".` });
  return value;
}

async function tipFor(store: Store, id: string | undefined): Promise<TipRow | undefined> {
  if (id === undefined || id === '') return undefined;
  if (!uuid.safeParse(id).success) throw new CommandError({ code: 'NOT_FOUND', message: 'There is no tip with this reference.' });
  return found(await new KyselyTipsStore(store.db).findTip(id), 'tip with this reference');
}

async function storedRecord(store: Store, type: RecordType, key: string | undefined): Promise<unknown> {
  if (key === undefined || key === '') return undefined;
  if (!keySchema.safeParse(key).success) throw new CommandError({ code: 'NOT_FOUND', message: `There is no ${type} with this identifier.` });
  return found(await getRecord(store.db, type, key), `${type} with this identifier`);
}

/**
 * Proposing records in the portal: analysts choose a record type, fill its form (generated from
 * the schema the API validates), and send it to the editors' queue — the same `proposeChange`
 * command as `POST /api/v1/changes`. A refused form comes back with each problem next to its field
 * and what was typed kept (400). `?id=` prefills a change to a stored record; `?tip=` follows up a
 * tip: it is shown beside the form, and sending marks a waiting tip accepted with the change's id.
 *
 * @example
 * addProposalRoutes(app, { store, now });
 */
export function addProposalRoutes(app: Hono<AppEnv>, { store, now = () => new Date() }: PortalDependencies): void {
  app.get('/propose', async (c) => {
    authorize(c.get('auth').actor, 'change.propose');
    return pageResponse(c, proposalChooserPage(pageFrame(c), await tipFor(store, c.req.query('tip'))));
  });

  // A delisting is its own kind of proposal: the designation stays, with a delisting date added.
  app.get('/propose/delisting', (c) => {
    authorize(c.get('auth').actor, 'change.propose');
    return pageResponse(c, delistingFormPage(pageFrame(c), { designationId: c.req.query('designation') ?? '' }, []));
  });
  app.post('/propose/delisting', async (c) => {
    authorize(c.get('auth').actor, 'change.propose');
    const values = await formFields(c);
    const text = (name: string) => (values[name] ?? '').trim();
    const sources = text('sources').split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
    const proposal = { action: 'delist', designationId: text('designationId'), delisted: text('delisted'), sources, ...(text('reason') ? { reason: text('reason') } : {}), ...(text('note') ? { note: text('note') } : {}) };
    try {
      const change = await runCommand(store, now, c, (ctx, tx) => proposeChange({ ctx, proposal }, tx));
      return c.redirect(`/review?done=proposed#change-${change.id}`, 303);
    } catch (error) {
      if (error instanceof CommandError && (error.code === 'INVALID_INPUT' || (error.code === 'NOT_FOUND' && error.issues.length > 0))) return pageResponse(c, delistingFormPage(pageFrame(c), values, error.issues), 400);
      throw error;
    }
  });

  app.get('/propose/:type', async (c) => {
    authorize(c.get('auth').actor, 'change.propose');
    const type = recordTypeParam(c.req.param('type'));
    const fields = recordFormFields(type);
    const key = c.req.query('id');
    const tip = await tipFor(store, c.req.query('tip'));
    const stored = await storedRecord(store, type, key);
    const values = stored === undefined ? {} : formValuesOf(fields, stored);
    const note = tip ? `Follows up tip ${tip.id}.` : '';
    return pageResponse(c, proposalFormPage(pageFrame(c), { type, fields, values, note, issues: [], editing: stored === undefined ? undefined : key, tip }));
  });

  app.post('/propose/:type', async (c) => {
    authorize(c.get('auth').actor, 'change.propose');
    const type = recordTypeParam(c.req.param('type'));
    const fields = recordFormFields(type);
    const values = await formFields(c);
    const note = (values['_note'] ?? '').trim();
    const tip = await tipFor(store, values['_tip']);
    const key = c.req.query('id');
    const proposal = { action: 'upsert', recordType: type, record: recordFromForm(fields, values), ...(note ? { note } : {}) };
    try {
      const change = await runCommand(store, now, c, async (ctx, tx) => {
        const proposed = await proposeChange({ ctx, proposal }, tx);
        if (tip?.status === 'pending') await moderateTip({ ctx, tipId: tip.id, moderation: { decision: 'accepted', note: `Turned into proposed change ${proposed.id}` } }, tx);
        return proposed;
      });
      return c.redirect(`/review?done=proposed#change-${change.id}`, 303);
    } catch (error) {
      if (error instanceof CommandError && error.code === 'INVALID_INPUT') {
        return pageResponse(c, proposalFormPage(pageFrame(c), { type, fields, values, note, issues: error.issues, editing: key || undefined, tip }), 400);
      }
      throw error;
    }
  });
}
