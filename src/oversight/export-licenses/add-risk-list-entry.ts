import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../../accounts/command-context.js';
import { authorizePolicy } from '../../accounts/policies.js';
import { atLeast } from '../../accounts/policy.js';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import type { ExportLicensesTransaction, RiskListEntry } from './export-license.js';
import { applyRiskEntry } from './export-license-events.js';
import { riskEntryInput } from './export-license-input.js';

/**
 * Adds a destination to the risk list (administrators): the country, what the cited sources
 * state, and the sources — each a source already in the registry, so every entry can be checked.
 *
 * @example
 * await store.transaction((tx) => addRiskListEntry({ ctx, entry: { country: 'AZ', reason: '…', sources: ['moratorium-letter-2021-07'] } }, tx));
 */
export async function addRiskListEntry({ ctx, entry }: { ctx: CommandContext; entry: unknown }, tx: ExportLicensesTransaction): Promise<RiskListEntry> {
  authorizePolicy(ctx.actor, 'add to the destination risk list', atLeast('admin'));
  const input = parseInput(riskEntryInput, entry, 'risk-list entry');
  for (const [i, source] of input.sources.entries()) {
    if (!(await tx.exportLicenses.sourceExists(source))) throw new CommandError({ code: 'INVALID_INPUT', message: `sources[${i}]: no registry source "${source}"`, issues: [{ path: `sources[${i}]`, message: `no registry source "${source}"` }] });
  }
  for (const [i, incident] of input.incidents.entries()) {
    if (!(await tx.exportLicenses.incidentExists(incident))) throw new CommandError({ code: 'INVALID_INPUT', message: `incidents[${i}]: no registry incident "${incident}"`, issues: [{ path: `incidents[${i}]`, message: `no registry incident "${incident}"` }] });
  }
  const data = { entry: randomUUID(), country: input.country, reason: input.reason, sources: input.sources, incidents: input.incidents };
  const meta = { actor: ctx.actor.actorId, time: ctx.now.toISOString() };
  await applyRiskEntry(tx, data, meta);
  await tx.log.append({ type: 'oversight.destination-risk.entry-added', actor: meta.actor, time: meta.time, subjects: [`destination:${input.country}`], data });
  return { id: data.entry, country: data.country, reason: data.reason, sources: data.sources, incidents: data.incidents, addedAt: meta.time, addedBy: meta.actor };
}
