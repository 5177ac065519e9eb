import type { Hono } from 'hono';
import { z } from 'zod';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import { encodeBase64 } from '../../ledger/encoding/base64.js';
import type { Ledger } from '../../ledger/sequencer/ledger.js';
import type { StoredCheckpoint } from '../../ledger/sequencer/log-storage.js';
import type { AppEnv } from '../../server/app-env.js';
import { absoluteUrl } from '../../server/server-settings.js';
import { readLogEntries } from '../../store/ledger/read-log-entries.js';
import { logEntryPage } from '../pages/log-entry-page.js';
import { logPage, type CheckpointView } from '../pages/log-page.js';
import type { PortalDependencies } from '../portal-dependencies.js';
import { linkedSubjects } from '../../store/ledger/linked-subjects.js';
import { pageFrame, pageResponse } from './page-response.js';
import { readLogEntryPage } from './read-log-entry-page.js';

const ENTRIES_PER_PAGE = 25;
const CHECKPOINTS_PER_PAGE = 10;

/** A tree size or leaf index as the log writes it: canonical decimal, below 2^63. */
const treeNumber = z.string().regex(/^(0|[1-9][0-9]{0,18})$/);

const logQuerySchema = z.object({
  subject: z.string().trim().max(200).optional().transform((v) => (v === '' ? undefined : v)),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  before: z.union([z.literal('').transform(() => undefined), treeNumber]).optional(),
});

async function checkpointView(ledger: Ledger, cp: StoredCheckpoint): Promise<CheckpointView> {
  return { size: cp.size.toString(), rootHash: encodeBase64(cp.rootHash), signedAt: cp.createdAt, note: cp.note, cosignatures: await ledger.storage.cosignatures(cp.size) };
}

function requireLedger(ledger: Ledger | undefined): Ledger {
  if (!ledger) throw new CommandError({ code: 'NOT_FOUND', message: 'This site does not run a transparency log.' });
  return ledger;
}

/**
 * The log as pages: /log (latest checkpoint, how to check the log, entries and earlier
 * checkpoints) and /log/entries/{index}. Without a ledger both answer 404. The C2SP resources
 * under /log/ (checkpoint, key, tiles) are the ledger's own routes.
 *
 * @example
 * addLogPageRoutes(app, { store, ledger });
 */
export function addLogPageRoutes(app: Hono<AppEnv>, { store, ledger }: PortalDependencies): void {
  app.get('/log', async (c) => {
    const log = requireLedger(ledger);
    const request = parseInput(logQuerySchema, c.req.query(), 'log page');
    const latest = await log.storage.latestCheckpoint();
    const before = request.before === undefined ? latest?.size : BigInt(request.before);
    const earlier = before === undefined ? [] : await log.storage.listCheckpoints(CHECKPOINTS_PER_PAGE + 1, before);
    const shown = earlier.slice(0, CHECKPOINTS_PER_PAGE);
    const entries = await readLogEntries(store.db, { subject: request.subject, limit: ENTRIES_PER_PAGE, offset: request.offset });
    const view = {
      origin: log.origin,
      verifierKey: log.verifierKey,
      // The configured public URL: the Host header is the client's to choose.
      siteUrl: absoluteUrl(c.get('settings'), '/').replace(/\/$/, ''),
      latest: latest ? await checkpointView(log, latest) : null,
      earlier: {
        items: await Promise.all(shown.map((cp) => checkpointView(log, cp))),
        olderBefore: earlier.length > CHECKPOINTS_PER_PAGE ? shown.at(-1)?.size.toString() ?? null : null,
      },
      entries: { ...entries, limit: ENTRIES_PER_PAGE, offset: request.offset },
      linkedSubjects: await linkedSubjects(store.db, entries.items.flatMap((e) => e.subjects)),
    };
    return pageResponse(c, logPage(pageFrame(c), request, view));
  });

  app.get('/log/entries/:index', async (c) => {
    const log = requireLedger(ledger);
    const index = treeNumber.safeParse(c.req.param('index'));
    const view = index.success ? await readLogEntryPage(store, log, BigInt(index.data)) : null;
    if (!view) throw new CommandError({ code: 'NOT_FOUND', message: `There is no log entry ${index.data ?? 'with this index'} in the log yet.` });
    return pageResponse(c, logEntryPage(pageFrame(c), view));
  });
}
