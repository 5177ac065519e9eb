import { CommandError, formatPath, type InputIssue } from '../../../core/command-error.js';
import { ueiSchema } from '../../../registry/schemas/organization.js';
import type { Identifiers, Organization } from '../../../registry/schemas/organization.js';
import type { RelationshipType } from '../../../registry/schemas/relationship.js';
import { isValidIsin, isValidLei } from '../../../registry/schemas/security-identifiers.js';
import type { Source } from '../../../registry/schemas/source.js';
import type { ImportBatch, IncomingFact, IncomingParty, RefusedItem } from '../../import-batch.js';
import { isWebAddress, webSource } from '../../import-source.js';
import { countryCode } from '../../text/country-code.js';
import { parseLooseDate } from '../../text/parse-loose-date.js';
import { authorityCode } from './ftm-authorities.js';
import { ftmLineSchema, type FtmLine } from './ftm-line-schema.js';

/** FtM party schemata and the registry kind each becomes (the export's mapping, read backwards). */
const PARTY_KINDS: Readonly<Record<string, Organization['kind']>> = { Company: 'company', PublicBody: 'government-agency', Organization: 'other', LegalEntity: 'other' };

/** FtM link schemata: the relationship each becomes, and which property names its `from` and `to`. */
const LINKS: Readonly<Record<string, { relation: RelationshipType; from: string; to: string }>> = {
  Ownership: { relation: 'owner-of', from: 'owner', to: 'asset' },
  Directorship: { relation: 'officer-of', from: 'director', to: 'organization' },
  Membership: { relation: 'part-of', from: 'member', to: 'organization' },
  Succession: { relation: 'renamed-from', from: 'successor', to: 'predecessor' },
  UnknownLink: { relation: 'affiliate-of', from: 'subject', to: 'object' },
};

const first = (e: FtmLine, ...names: string[]): string | undefined => names.flatMap((n) => e.properties[n] ?? []).map((v) => v.trim()).find((v) => v !== '');
const all = (e: FtmLine, ...names: string[]): string[] => [...new Set(names.flatMap((n) => e.properties[n] ?? []).map((v) => v.trim()).filter((v) => v !== ''))];
const dateOf = (value: string | undefined): string | undefined => (value === undefined ? undefined : parseLooseDate(value.slice(0, 10)) ?? undefined);

/** The identifiers an FtM legal entity carries that the registry keeps, each only when well formed. */
function identifiersOf(e: FtmLine): Identifiers | undefined {
  const ids: Record<string, string> = {};
  const lei = first(e, 'leiCode');
  if (lei && isValidLei(lei)) ids['lei'] = lei;
  const isin = first(e, 'isinCode');
  if (isin && isValidIsin(isin)) ids['isin'] = isin;
  const uei = first(e, 'uniqueEntityId');
  if (uei && ueiSchema.safeParse(uei).success) ids['uei'] = uei;
  const duns = first(e, 'dunsCode');
  if (duns && /^\d{9}$/.test(duns)) ids['duns'] = duns;
  const cage = first(e, 'cageCode');
  if (cage && /^[A-Z0-9]{5}$/.test(cage)) ids['cage'] = cage;
  const ticker = first(e, 'ticker');
  if (ticker && /^[A-Z0-9][A-Z0-9.-]{0,11}$/.test(ticker)) ids['ticker'] = ticker;
  return Object.keys(ids).length > 0 ? ids : undefined;
}

function country(e: FtmLine, ...names: string[]): string | undefined {
  for (const value of all(e, ...names)) {
    const code = countryCode(value.toUpperCase());
    if (code) return code;
  }
  return undefined;
}

/**
 * Reads FollowTheMoney entities, one JSON object a line (OpenSanctions' `entities.ftm.json`, e.g.
 * the US consolidated screening list), with the export's mapping read backwards: Company,
 * Organization, LegalEntity and PublicBody become organisations (names, aliases, country,
 * LEI/ISIN/UEI/DUNS/CAGE/ticker), Person people, Sanction designations (the authority by name,
 * the program as the list, listing and end dates), Ownership, Directorship, Membership,
 * Succession and UnknownLink relationships (Ownership's percentage as the stake). Entities of
 * other schemata, and links to entities the file does not hold, are refused one by one; a line
 * that is not an FtM entity rejects the file.
 *
 * @example
 * const batch = parseFtm(text, 'entities.ftm.json', fileSource('ftm', 'entities.ftm.json', bytes, {}));
 */
export function parseFtm(text: string, fileName: string, source: Source): ImportBatch {
  const entities: { line: number; entity: FtmLine }[] = [];
  const issues: InputIssue[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (cause) {
      issues.push({ path: `line ${line}`, message: `not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}` });
      return;
    }
    const parsed = ftmLineSchema.safeParse(json);
    if (!parsed.success) for (const issue of parsed.error.issues) issues.push({ path: `line ${line}${issue.path.length > 0 ? `: ${formatPath(issue.path)}` : ''}`, message: issue.message });
    else entities.push({ line, entity: parsed.data });
  });
  if (issues.length > 0) {
    const firstIssue = issues[0];
    throw new CommandError({ code: 'INVALID_INPUT', message: `${fileName} rejected, nothing was written: ${firstIssue?.path}: ${firstIssue?.message}${issues.length > 1 ? ` (and ${issues.length - 1} more problems)` : ''}`, issues });
  }

  const sources = new Map<string, Source>();
  const cite = (e: FtmLine): string[] => {
    const pages = all(e, 'sourceUrl').filter(isWebAddress).map((url) => webSource(url, {}));
    for (const page of pages) sources.set(page.id, page);
    return [source.id, ...pages.map((p) => p.id)];
  };
  const parties: IncomingParty[] = [];
  const refused: RefusedItem[] = [];
  const refs = new Set<string>();
  for (const { line, entity: e } of entities) {
    const names = all(e, 'name');
    const name = names[0];
    const kind = PARTY_KINDS[e.schema];
    if (kind === undefined && e.schema !== 'Person') continue;
    if (name === undefined) {
      refused.push({ line, label: `${e.schema} ${e.id}`, reason: 'no name' });
      continue;
    }
    if (refs.has(e.id)) {
      refused.push({ line, label: name, reason: `entity id ${e.id} appears twice` });
      continue;
    }
    refs.add(e.id);
    const aliases = all(e, 'name', 'alias', 'previousName').filter((a) => a !== name);
    const notes = [first(e, 'notes', 'summary', 'description'), first(e, 'address') ? `Address: ${first(e, 'address')}` : undefined].filter((n) => n !== undefined).join(' ').slice(0, 10_000);
    if (e.schema === 'Person') {
      const nationality = country(e, 'nationality', 'citizenship', 'country');
      const role = first(e, 'position');
      parties.push({ ref: e.id, line, type: 'person', name, aliases, person: { ...(role ? { role: role.slice(0, 1000) } : {}), ...(nationality ? { nationality } : {}), ...(notes ? { notes } : {}) }, sources: cite(e) });
      continue;
    }
    const where = country(e, 'country', 'jurisdiction', 'mainCountry');
    const identifiers = identifiersOf(e);
    parties.push({
      ref: e.id, line, type: 'organization', name, aliases,
      organization: { kind: kind ?? 'other', ...(where ? { country: where } : {}), ...(identifiers ? { identifiers } : {}), ...(notes ? { notes } : {}) },
      sources: cite(e),
    });
  }

  const facts: IncomingFact[] = [];
  for (const { line, entity: e } of entities) {
    if (PARTY_KINDS[e.schema] !== undefined || e.schema === 'Person') continue;
    const unknown = (ref: string | undefined): string | null => (ref === undefined ? 'names no party' : refs.has(ref) ? null : `names ${ref}, which the file does not hold as a party`);
    if (e.schema === 'Sanction') {
      const subject = first(e, 'entity');
      const problem = unknown(subject);
      const authorityName = first(e, 'authority');
      const authority = authorityName === undefined ? null : authorityCode(authorityName);
      const list = first(e, 'program', 'programId');
      const listed = dateOf(first(e, 'listingDate', 'startDate', 'date'));
      const label = `Sanction ${e.id}`;
      const reason = problem ?? (authorityName === undefined ? 'names no authority' : authority === null ? `authority "${authorityName}" has no registry code` : list === undefined ? 'names no program or list' : listed === undefined ? 'has no listing date' : null);
      if (reason !== null || subject === undefined || authority === null || list === undefined || listed === undefined) {
        refused.push({ line, label, reason: reason ?? 'incomplete' });
        continue;
      }
      const delisted = dateOf(first(e, 'endDate'));
      const why = first(e, 'reason');
      facts.push({ type: 'designation', line, label: `${authority} ${list} listing of ${subject}`, subject: { ref: subject }, fields: { authority, list: list.slice(0, 200), listed, ...(delisted ? { delisted } : {}), ...(why ? { reason: why.slice(0, 10_000) } : {}) }, sources: cite(e) });
      continue;
    }
    const link = LINKS[e.schema];
    if (link === undefined) {
      refused.push({ line, label: `${e.schema} ${e.id}`, reason: `FtM schema ${e.schema} is not imported` });
      continue;
    }
    const from = first(e, link.from);
    const to = first(e, link.to);
    const problem = unknown(from) ?? unknown(to);
    if (problem !== null || from === undefined || to === undefined) {
      refused.push({ line, label: `${e.schema} ${e.id}`, reason: problem ?? 'incomplete' });
      continue;
    }
    const percentage = Number.parseFloat((first(e, 'percentage') ?? '').replace('%', ''));
    const role = first(e, 'role', 'ownershipType', 'relationship');
    const date = dateOf(first(e, 'startDate'));
    const end = dateOf(first(e, 'endDate'));
    const asOf = date === undefined ? dateOf(first(e, 'date')) : undefined;
    facts.push({
      type: 'relationship', line, label: `${e.schema} ${e.id}`, from: { ref: from }, relation: link.relation, to: { ref: to },
      fields: { ...(date ? { date } : {}), ...(end ? { end } : {}), ...(asOf ? { asOf } : {}), ...(percentage > 0 && percentage <= 100 ? { stakePercent: percentage } : {}), ...(role ? { notes: role.slice(0, 10_000) } : {}) },
      sources: cite(e),
    });
  }
  return { format: 'ftm', fileName, source, sources: [...sources.values()], parties, facts, refused };
}
