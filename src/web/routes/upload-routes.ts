import type { Context, Hono } from 'hono';
import { authorize } from '../../accounts/policies.js';
import { CommandError } from '../../core/command-error.js';
import { holdingsOf } from '../../exposure/read/read-holdings-file.js';
import { exposurePdf } from '../../exposure/report/exposure-pdf.js';
import { exposureReport } from '../../exposure/report/exposure-report.js';
import { settleDryRun } from '../../imports/commands/import-file.js';
import { importUpload } from '../../imports/commands/import-upload.js';
import { IMPORT_FORMATS } from '../../imports/import-batch.js';
import { runCommand } from '../../server/api/command-runner.js';
import type { AppEnv } from '../../server/app-env.js';
import { readExposureRegistry } from '../../store/exposure/read-exposure-registry.js';
import { adminImportPage, type ImportFormValues } from '../pages/admin-import-page.js';
import { exposurePage } from '../pages/exposure-page.js';
import type { PortalDependencies } from '../portal-dependencies.js';
import { pageFrame, pageResponse } from './page-response.js';

/** A multipart form's text fields and its one file (`file`), or a 400 naming what is missing. */
async function upload(c: Context<AppEnv>): Promise<{ fields: Record<string, string>; name: string; bytes: Uint8Array }> {
  const body = await c.req.parseBody();
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') fields[key] = value.trim().slice(0, 2000);
  const file = body['file'];
  if (!(file instanceof File) || file.size === 0) throw new CommandError({ code: 'INVALID_INPUT', message: 'choose a file to upload', issues: [{ path: 'file', message: 'required' }] });
  return { fields, name: file.name.replace(/[^\w.\- ]+/g, '_').slice(0, 200) || 'upload', bytes: new Uint8Array(await file.arrayBuffer()) };
}

/**
 * The upload pages: `/admin/import` (admins: a peer project's file, dry run first, the report as a
 * table) and `/exposure` (anyone: a fund's holdings, the report as a page or a PDF). An invalid
 * file is shown again on the form with the place named (400), and writes nothing.
 *
 * @example
 * addUploadRoutes(app, { store, now });
 */
export function addUploadRoutes(app: Hono<AppEnv>, { store, now = () => new Date() }: PortalDependencies): void {
  app.get('/admin/import', (c) => {
    authorize(c.get('auth').actor, 'dataset.import');
    return pageResponse(c, adminImportPage(pageFrame(c), { dryRun: true }));
  });

  app.post('/admin/import', async (c) => {
    authorize(c.get('auth').actor, 'dataset.import');
    const { fields, name, bytes } = await upload(c);
    const format = IMPORT_FORMATS.find((f) => f === fields['format']);
    const values: ImportFormValues = {
      ...(format ? { format } : {}), dryRun: fields['dryRun'] === '1',
      ...(fields['sourceUrl'] ? { sourceUrl: fields['sourceUrl'] } : {}), ...(fields['licence'] ? { licence: fields['licence'] } : {}), ...(fields['spyware'] ? { spyware: fields['spyware'] } : {}),
    };
    if (!format) return pageResponse(c, adminImportPage(pageFrame(c), values, undefined, 'Choose one of the formats.'), 400);
    try {
      const options = { ...(values.sourceUrl ? { url: values.sourceUrl } : {}), ...(values.licence ? { licence: values.licence } : {}), ...(values.spyware ? { spyware: values.spyware } : {}) };
      const report = await settleDryRun(runCommand(store, now, c, (ctx, tx) => importUpload({ ctx, format, fileName: name, bytes, options, dryRun: values.dryRun }, tx)));
      return pageResponse(c, adminImportPage(pageFrame(c), values, report));
    } catch (error) {
      if (error instanceof CommandError && error.code === 'INVALID_INPUT') return pageResponse(c, adminImportPage(pageFrame(c), values, undefined, error.message), 400);
      throw error;
    }
  });

  app.get('/exposure', (c) => pageResponse(c, exposurePage(pageFrame(c))));

  app.post('/exposure', async (c) => {
    const { fields, name, bytes } = await upload(c);
    try {
      const { format, holdings } = holdingsOf(bytes, name);
      const registry = await store.snapshot((db) => readExposureRegistry(db));
      const report = await exposureReport(holdings, registry, { file: name, format, now: now() });
      if (fields['output'] === 'pdf') {
        const pdf = await exposurePdf(report);
        // A copy in an ArrayBuffer of its own: what Hono sends as a binary body.
        const body = new ArrayBuffer(pdf.byteLength);
        new Uint8Array(body).set(pdf);
        return c.body(body, 200, {
          'content-type': 'application/pdf',
          'content-disposition': `attachment; filename="exposure-${name.replace(/[^\w.-]+/g, '_').replace(/\.\w+$/, '')}.pdf"`,
          'cache-control': 'private, no-store',
        });
      }
      return pageResponse(c, exposurePage(pageFrame(c), report));
    } catch (error) {
      if (error instanceof CommandError && error.code === 'INVALID_INPUT') return pageResponse(c, exposurePage(pageFrame(c), undefined, error.message), 400);
      throw error;
    }
  });
}
