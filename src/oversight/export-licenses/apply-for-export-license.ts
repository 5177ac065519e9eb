import type { CommandContext } from '../../accounts/command-context.js';
import { authorizePolicy } from '../../accounts/policies.js';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import { openCase, type StepResult } from '../../kernel/workflow/transition.js';
import { riskEntriesFor } from './destination-risk-list.js';
import type { ExportLicense, ExportLicensesTransaction, PartyOrganization } from './export-license.js';
import { applicationSchema } from './export-license-input.js';
import { exportLicenseWorkflow } from './export-license-workflow.js';
import { screenApplication } from './screen-application.js';

/** The licensing agency when an application names none: the Bureau of Industry and Security (registry id `bis`). */
export const DEFAULT_LICENSING_AGENCY = 'bis';

async function organizationAt(tx: ExportLicensesTransaction, id: string, field: string): Promise<PartyOrganization> {
  const found = await tx.exportLicenses.organization(id);
  if (!found) throw new CommandError({ code: 'INVALID_INPUT', message: `${field}: no registry organisation "${id}"`, issues: [{ path: field, message: `no registry organisation "${id}"` }] });
  return found;
}

/**
 * Files an export-licence application and screens it at once against the registry: if the
 * exporter or the end user — or an organisation of either's corporate family — holds a
 * designation in force (Entity List, SDN …), the application is recorded as refused with those
 * designations; otherwise it is recorded as applied, for a licensing officer to review. Either
 * way it is on the public record.
 *
 * @example
 * const { case: licence } = await store.transaction((tx) => applyForExportLicense({ ctx, application: { exporter, item, eccn: '5A001.j', endUser: 'intellexa-sa', endUse, destination: 'GR' } }, tx));
 * licence.status; // 'refused'
 */
export async function applyForExportLicense(
  { ctx, application, occurredAt }: { ctx: CommandContext; application: unknown; occurredAt?: unknown },
  tx: ExportLicensesTransaction,
): Promise<StepResult<ExportLicense>> {
  const input = parseInput(applicationSchema, application, 'export-licence application');
  const licensingAgency = input.licensingAgency ?? DEFAULT_LICENSING_AGENCY;
  authorizePolicy(ctx.actor, 'apply for an export licence', exportLicenseWorkflow.openings['apply']?.policy ?? { describe: 'nobody', allows: () => false }, { scopes: [{ kind: 'agency', id: licensingAgency }, { kind: 'vendor', id: input.exporter }] });
  const exporter = await organizationAt(tx, input.exporter, 'exporter');
  const endUser = await organizationAt(tx, input.endUser, 'endUser');
  await organizationAt(tx, licensingAgency, 'licensingAgency');
  const designations = await screenApplication(tx.exportLicenses, { exporter, endUser }, ctx.now.toISOString().slice(0, 10));
  const riskEntries = (await riskEntriesFor(tx.exportLicenses, input.destination)).map((e) => e.id);
  const { licensingAgency: _given, ...fields } = input;
  return openCase({ ctx, workflow: exportLicenseWorkflow, via: designations.length > 0 ? 'refuse' : 'apply', input: { ...fields, licensingAgency, screening: { designations, riskEntries } }, occurredAt }, tx);
}
