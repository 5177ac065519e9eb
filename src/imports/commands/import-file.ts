import { createHash } from 'node:crypto';
import { authorize } from '../../accounts/policies.js';
import type { CommandContext } from '../../accounts/command-context.js';
import { canonicalJson } from '../../ledger/entries/canonical-json.js';
import { CommandError } from '../../core/command-error.js';
import { parseRecordInput } from '../../registry/record-input.js';
import { checkReferences } from '../../registry/commands/check-references.js';
import { proposeChange } from '../../registry/commands/propose-change.js';
import { writeRecord } from '../../registry/commands/write-record.js';
import { compactRecord, type RegistryRecord } from '../../registry/registry-record.js';
import { designationId } from '../../registry/schemas/designation.js';
import { relationshipId } from '../../registry/schemas/relationship.js';
import type { ImportBatch, IncomingFact, IncomingParty, PartyRef } from '../import-batch.js';
import { countOutcomes, type ImportReport, type ImportReportItem } from '../import-report.js';
import { importKeyMarker, type ImportsTransaction } from '../import-store.js';
import { mergeFact, mergeOrganization, mergePerson, newOrganization, newPerson } from '../plan/merge-record.js';
import { createPartyMatcher, type PartyMatcher } from '../plan/party-matcher.js';
import { slugOf } from '../text/slug.js';

/** Thrown at the end of a dry run, carrying its report, so the transaction rolls back. */
export class DryRunFinished extends Error {
  readonly report: ImportReport;
  constructor(report: ImportReport) {
    super('dry run: nothing was written');
    this.report = report;
  }
}

/** How far an import is: items done of all, for a progress bar. */
export type ImportProgress = (done: number, total: number) => void;

interface Resolved {
  readonly id: string | null;
  readonly waitsFor: string | null;
}

/**
 * Imports a parsed file (`ImportBatch`) into the registry, inside the caller's transaction — all of
 * it or, on any error, none. Admins only. Each incoming party is matched (`createPartyMatcher`):
 * a confident match is merged into its record (new names become aliases, the import's sources are
 * added, missing fields filled), a weak one becomes a proposal in the editorial queue whose note
 * gives the reasons (`proposeChange`; an editor accepts or rejects it; importing again neither
 * repeats it nor, once rejected, asks again — the party is then created), no match creates a
 * `reported` record. Facts follow their parties: a fact about a queued party waits with it. Every
 * record is written with `writeRecord` (its log entry included); identical records are not
 * written, so importing the same file twice changes nothing. With `dryRun` the whole import runs
 * and is then rolled back (`DryRunFinished` carries the report).
 *
 * @example
 * const report = await settleDryRun(store.transaction((tx) => importFile({ ctx, batch, dryRun: true }, tx)));
 */
export async function importFile(
  { ctx, batch, dryRun = false, onProgress }: { ctx: CommandContext; batch: ImportBatch; dryRun?: boolean; onProgress?: ImportProgress },
  tx: ImportsTransaction,
): Promise<ImportReport> {
  authorize(ctx.actor, 'dataset.import');
  const total = batch.parties.length + batch.facts.length;
  const items: ImportReportItem[] = batch.refused.map((r) => ({ line: r.line, label: r.label, recordType: 'organization', outcome: 'rejected', changed: false, reasons: [r.reason] }));
  let written = 0;
  let proposed = 0;
  const write = async (unchecked: RegistryRecord): Promise<boolean> => {
    // Records built from a file are checked against their schema like any other input.
    const entry = parseRecordInput(unchecked.type, unchecked.record);
    await checkReferences(tx.registry, [entry]);
    const changed = await writeRecord(tx, ctx, entry);
    if (changed) written += 1;
    return changed;
  };

  // The file's source and the pages it cites: a page already in the registry is left as it is.
  await write({ type: 'source', record: batch.source });
  for (const source of batch.sources) if (!(await tx.registry.getRecord('source', source.id))) await write({ type: 'source', record: source });

  const matcher = createPartyMatcher({ organizations: await tx.imports.organizations(), people: await tx.imports.people(), relationships: await tx.imports.relationships() });
  const proposals = new Map((await tx.imports.importProposals()).map((p) => [p.key, p.status]));
  const resolved = new Map<string, Resolved>();
  const taken = new Set<string>();
  let done = 0;
  const step = (): void => {
    done += 1;
    if (onProgress && (done % 200 === 0 || done === total)) onProgress(done, total);
  };

  for (const party of batch.parties) {
    const item = await refusedIfInvalid({ line: party.line, label: party.name, recordType: party.type }, () => importParty(party));
    items.push(item);
    resolved.set(party.ref, { id: item.outcome === 'created' || item.outcome === 'merged' ? item.recordId ?? null : null, waitsFor: item.outcome === 'queued' ? `${party.name} (line ${party.line}), queued for review` : item.outcome === 'rejected' ? `${party.name} (line ${party.line}), rejected` : null });
    step();
  }
  for (const fact of batch.facts) {
    items.push(await refusedIfInvalid({ line: fact.line, label: fact.label, recordType: fact.type }, () => importFact(fact)));
    step();
  }

  const counts = countOutcomes(items);
  const report: ImportReport = { file: batch.fileName, format: batch.format, source: batch.source.id, licence: batch.source.licence ?? 'not stated', dryRun, counts, written, proposed, items: items.sort((a, b) => a.line - b.line) };
  if (written + proposed > 0) {
    await tx.log.append({
      type: 'imports.file.imported', actor: ctx.actor.actorId, time: ctx.now.toISOString(), subjects: [`source:${batch.source.id}`],
      data: { format: batch.format, file: (batch.fileName.split(/[\\/]/).pop() ?? batch.fileName).slice(0, 300), source: batch.source.id, ...counts, written, proposed },
    });
  }
  if (dryRun) throw new DryRunFinished(report);
  return report;

  /** An item whose record its schema refuses is rejected with the fields named; the rest of the file goes on. */
  async function refusedIfInvalid(base: Pick<ImportReportItem, 'line' | 'label' | 'recordType'>, run: () => Promise<ImportReportItem>): Promise<ImportReportItem> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof CommandError) || error.code !== 'INVALID_INPUT') throw error;
      return { ...base, outcome: 'rejected', changed: false, reasons: error.issues.length > 0 ? error.issues.map((i) => `${i.path}: ${i.message}`) : [error.message] };
    }
  }

  async function importParty(party: IncomingParty): Promise<ImportReportItem> {
    const base = { line: party.line, label: party.name, recordType: party.type };
    const match = matcher.match(party);
    if (match.strength !== 'none') {
      const merged = await mergedRecord(party, match.recordId);
      if (match.strength === 'confident') {
        const changed = await write(merged);
        if (merged.type === 'organization' || merged.type === 'person') matcher.remember(merged);
        return { ...base, outcome: 'merged', recordId: match.recordId, changed, reasons: match.reasons };
      }
      const key = `${batch.format}:${party.ref}:${createHash('sha256').update(canonicalJson(compactRecord(merged.record))).digest('hex').slice(0, 16)}`.slice(0, 200);
      const earlier = proposals.get(key);
      if (earlier === 'pending') return { ...base, outcome: 'queued', recordId: match.recordId, changed: false, reasons: [`already waiting for review: merge into ${match.recordName}`, ...match.reasons] };
      if (earlier !== 'rejected') {
        const note = `Import of ${batch.fileName} line ${party.line}: "${party.name}" may be ${match.recordName} (${match.recordId}). ${match.reasons.join('; ')}. Accept to merge it (its names become aliases, the import is cited); reject if they differ, and the next import creates it as a record of its own. ${importKeyMarker(key)}`;
        await proposeChange({ ctx, proposal: { action: 'upsert', recordType: merged.type, record: merged.record, note: note.slice(0, 10_000) } }, tx);
        proposed += 1;
        proposals.set(key, 'pending');
        return { ...base, outcome: 'queued', recordId: match.recordId, changed: true, reasons: [`queued for review: merge into ${match.recordName}?`, ...match.reasons] };
      }
    }
    const reasons = match.strength === 'weak' ? [`an editor rejected merging it into ${match.recordName}, so it is a record of its own`] : [...match.reasons];
    const id = freshId(party);
    const record: RegistryRecord = party.type === 'organization' ? { type: 'organization', record: newOrganization(id, party) } : { type: 'person', record: newPerson(id, party) };
    const changed = await write(record);
    if (record.type === 'organization' || record.type === 'person') matcher.remember(record);
    return { ...base, outcome: 'created', recordId: id, changed, reasons };
  }

  async function mergedRecord(party: IncomingParty, recordId: string): Promise<RegistryRecord> {
    if (party.type === 'organization') {
      const stored = await tx.registry.getRecord('organization', recordId);
      if (!stored) throw new Error(`organisation ${recordId} was matched but cannot be read`);
      return { type: 'organization', record: mergeOrganization(stored, party) };
    }
    const stored = await tx.registry.getRecord('person', recordId);
    if (!stored) throw new Error(`person ${recordId} was matched but cannot be read`);
    return { type: 'person', record: mergePerson(stored, party) };
  }

  /** An id for a new record: its name's slug (an agency's with its locality), numbered when taken. */
  function freshId(party: IncomingParty): string {
    const stem = slugOf(party.organization?.kind === 'government-agency' && party.organization.locality ? `${party.name} ${party.organization.locality}` : party.name);
    for (let n = 1; ; n += 1) {
      const id = n === 1 ? stem : `${stem}-${n}`;
      if (!taken.has(id) && !matcher.knows(id)) {
        taken.add(id);
        return id;
      }
    }
  }

  function resolve(ref: PartyRef): Resolved {
    if ('id' in ref) return { id: ref.id, waitsFor: null };
    return resolved.get(ref.ref) ?? { id: null, waitsFor: `${ref.ref}, which the file does not hold` };
  }

  async function importFact(fact: IncomingFact): Promise<ImportReportItem> {
    const base = { line: fact.line, label: fact.label, recordType: fact.type };
    const parties = fact.type === 'relationship' ? [resolve(fact.from), resolve(fact.to)] : fact.type === 'designation' ? [resolve(fact.subject)] : [];
    const waiting = parties.find((p) => p.id === null);
    if (waiting) {
      const queued = waiting.waitsFor?.endsWith('queued for review') ?? false;
      return { ...base, outcome: queued ? 'queued' : 'rejected', changed: false, reasons: [`waits for ${waiting.waitsFor ?? 'a party'}`] };
    }
    const entry = incoming(fact, parties.map((p) => p.id ?? ''));
    const { record, existed } = await withStored(entry);
    const changed = await write(record);
    return { ...base, outcome: existed ? 'merged' : 'created', recordId: entry.record.id, changed, reasons: existed ? ['the registry has this fact: the import is added to its sources'] : [] };
  }

  /** The fact merged with the same fact stored (by id), or as it comes when there is none. */
  async function withStored(entry: Extract<RegistryRecord, { type: 'relationship' | 'designation' | 'incident' }>): Promise<{ record: RegistryRecord; existed: boolean }> {
    switch (entry.type) {
      case 'relationship': {
        const stored = await tx.registry.getRecord('relationship', entry.record.id);
        return stored ? { record: { type: 'relationship', record: mergeFact(stored, entry.record) }, existed: true } : { record: entry, existed: false };
      }
      case 'designation': {
        const stored = await tx.registry.getRecord('designation', entry.record.id);
        return stored ? { record: { type: 'designation', record: mergeFact(stored, entry.record) }, existed: true } : { record: entry, existed: false };
      }
      case 'incident': {
        const stored = await tx.registry.getRecord('incident', entry.record.id);
        return stored ? { record: { type: 'incident', record: mergeFact(stored, entry.record) }, existed: true } : { record: entry, existed: false };
      }
    }
  }
}

/** The registry record a fact becomes, given its parties' ids. */
function incoming(fact: IncomingFact, ids: readonly string[]): Extract<RegistryRecord, { type: 'relationship' | 'designation' | 'incident' }> {
  if (fact.type === 'incident') return { type: 'incident', record: fact.record };
  if (fact.type === 'relationship') {
    const [from = '', to = ''] = ids;
    const link = { from, type: fact.relation, to };
    return { type: 'relationship', record: { ...link, id: fact.id ?? relationshipId(link), ...fact.fields, sources: [...fact.sources], status: 'reported' } };
  }
  const subject = ids[0] ?? '';
  const record = { subject, ...fact.fields, sources: [...fact.sources], status: 'reported' as const };
  return { type: 'designation', record: { ...record, id: designationId(record) } };
}

/**
 * The report of an import run in a transaction, dry or not: a dry run ends in `DryRunFinished`
 * (rolling the transaction back), whose report is the answer.
 *
 * @example
 * const report = await settleDryRun(store.transaction((tx) => importFile({ ctx, batch, dryRun }, tx)));
 */
export async function settleDryRun(run: Promise<ImportReport>): Promise<ImportReport> {
  try {
    return await run;
  } catch (error) {
    if (error instanceof DryRunFinished) return error.report;
    throw error;
  }
}
