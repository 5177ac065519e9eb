import { CommandError, formatPath, type InputIssue } from '../../../core/command-error.js';
import type { Source } from '../../../registry/schemas/source.js';
import type { ImportBatch, IncomingFact, IncomingParty, RefusedItem } from '../../import-batch.js';
import { isWebAddress, webSource } from '../../import-source.js';
import { countryCode } from '../../text/country-code.js';
import { decodeLatex } from '../../text/decode-latex.js';
import { jsonElementLines } from '../../text/json-element-lines.js';
import { parseLooseDate } from '../../text/parse-loose-date.js';
import { siiCompanySchema, siiNewsItemSchema, type SiiCompany } from './sii-company-schema.js';

function rejectFile(fileName: string, issues: InputIssue[]): CommandError {
  const first = issues[0];
  return new CommandError({ code: 'INVALID_INPUT', message: `${fileName} rejected, nothing was written: ${first?.path}: ${first?.message}${issues.length > 1 ? ` (and ${issues.length - 1} more problems)` : ''}`, issues });
}

const clean = (text: string): string => decodeLatex(text).replace(/\s+/g, ' ').trim();
/** "and Intrusion" → "Intrusion": the SII's lists keep the "and" of the sentence they were cut from. */
const listItem = (text: string): string => clean(text).replace(/^and\s+/i, '');
const flag = (value: readonly string[] | undefined): boolean => value?.[0] === '1';

/** People named in one field: "Yago F. Hansen and Javier Casas", "A, B". */
function peopleIn(field: string | undefined): string[] {
  if (field === undefined) return [];
  return clean(field).split(/\s*(?:,|;|\band\b|&)\s*/).map((n) => n.trim()).filter((n) => n.length > 1);
}

/** The company's news articles: `news_N` give address, title and date; `news` addresses only. */
function newsSources(company: SiiCompany, path: (string | number)[], issues: InputIssue[]): Source[] {
  const byUrl = new Map<string, Source>();
  for (const [key, value] of Object.entries(company)) {
    if (!/^news_\d+$/.test(key)) continue;
    const parsed = siiNewsItemSchema.safeParse(value);
    if (!parsed.success) {
      issues.push({ path: formatPath([...path, key]), message: 'must be an array of strings [address, title, date]' });
      continue;
    }
    const [url, title, date] = parsed.data.map(clean);
    if (url === undefined || !isWebAddress(url)) continue;
    const when = date === undefined ? null : parseLooseDate(date);
    byUrl.set(url, webSource(url, { ...(title ? { title } : {}), ...(when ? { date: when } : {}) }));
  }
  for (const url of (company.news ?? []).map(clean)) if (isWebAddress(url) && !byUrl.has(url)) byUrl.set(url, webSource(url, {}));
  return [...byUrl.values()];
}

/** What the SII says of a company that the registry has no field for, as a note that names the SII. */
function notesOf(company: SiiCompany, hqCountryUnknown: string | undefined): string | undefined {
  const parts: string[] = [];
  const sold = (company.technology_sold ?? []).map(listItem).filter((t) => t !== '');
  if (sold.length > 0) parts.push(`The Surveillance Industry Index lists it as selling: ${[...new Set(sold)].join(', ')}.`);
  if (hqCountryUnknown) parts.push(`Headquarters country as the index gives it: ${hqCountryUnknown}.`);
  const offices = (company.offices_in ?? []).map(clean).filter((o) => o !== '');
  if (offices.length > 0) parts.push(`Offices in: ${offices.join(', ')}.`);
  if (company.website && isWebAddress(clean(company.website))) parts.push(`Website: ${clean(company.website)}.`);
  if (company.incorporation_date) parts.push(`Incorporated: ${clean(company.incorporation_date)}.`);
  const memberships = [flag(company.wassenaar) ? 'the Wassenaar Arrangement' : '', flag(company.nato) ? 'NATO' : '', flag(company.eu) ? 'the EU' : ''].filter((m) => m !== '');
  if (memberships.length > 0) parts.push(`Its headquarters country belongs to ${memberships.join(', ')} (per the index).`);
  const documents = (company.company_documents ?? []).map((d) => clean(d[0] ?? '')).filter((d) => d !== '');
  if (documents.length > 0) parts.push(`Documents the index holds: ${documents.join('; ')}.`);
  const sales = (company.company_sales ?? []).map((d) => clean(d[0] ?? '')).filter((d) => d !== '');
  if (sales.length > 0) parts.push(`Sales the index records: ${[...new Set(sales)].join('; ')}.`);
  const text = parts.join(' ');
  return text === '' ? undefined : text.slice(0, 10_000);
}

/**
 * Reads the Surveillance Industry Index's `companies.json` (a JSON array of companies, fields as
 * in `siiCompanySchema`): each company becomes a vendor (its headquarters city and country, what
 * it sells and the rest the index records, in its notes), citing the file and its news articles;
 * its CEO and founders become people with `officer-of` and `founder-of` relationships dated as of
 * the entry's last modification; a parent company becomes an organisation it is `subsidiary-of`.
 * A file that is not a JSON array of objects, or has a field of the wrong type, is rejected whole.
 *
 * @example
 * const batch = parseSii(text, 'companies.json', fileSource('sii', 'companies.json', bytes, {}));
 */
export function parseSii(text: string, fileName: string, source: Source): ImportBatch {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw rejectFile(fileName, [{ path: '(root)', message: `not valid JSON: ${message}` }]);
  }
  if (!Array.isArray(json)) throw rejectFile(fileName, [{ path: '(root)', message: 'must be a JSON array of companies (sii_data/company_data/companies.json)' }]);
  const lines = jsonElementLines(text);
  const issues: InputIssue[] = [];
  const parties: IncomingParty[] = [];
  const facts: IncomingFact[] = [];
  const refused: RefusedItem[] = [];
  const sources = new Map<string, Source>();
  const seen = new Map<string, number>();
  const people = new Map<string, IncomingParty>();

  json.forEach((raw: unknown, index) => {
    const line = lines[index] ?? 1;
    const parsed = siiCompanySchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ path: `line ${line}: ${formatPath([index, ...issue.path])}`, message: issue.message });
      return;
    }
    const company = parsed.data;
    const news = newsSources(company, [index], issues);
    const name = clean(company.company_name ?? '');
    if (name === '') {
      refused.push({ line, label: company.bibtex_key ?? `company ${index + 1}`, reason: 'no company_name' });
      return;
    }
    const ref = `sii:${company.bibtex_key ?? name}`;
    const earlier = seen.get(ref);
    if (earlier !== undefined) {
      refused.push({ line, label: name, reason: `the same company as line ${earlier} (bibtex_key ${company.bibtex_key ?? name})` });
      return;
    }
    seen.set(ref, line);
    for (const s of news) sources.set(s.id, s);
    const hqCountry = company.hq_country?.[0] === undefined ? undefined : clean(company.hq_country[0]);
    const country = hqCountry === undefined ? null : countryCode(hqCountry);
    const locality = company.hq_city?.[0] === undefined ? '' : clean(company.hq_city[0]);
    const notes = notesOf(company, country === null ? hqCountry : undefined);
    const cited = [source.id, ...news.map((s) => s.id)];
    parties.push({
      ref, line, type: 'organization', name, aliases: [],
      organization: { kind: 'vendor', ...(country ? { country } : {}), ...(locality ? { locality } : {}), ...(notes ? { notes } : {}) },
      sources: cited,
    });
    // The index's entry was last modified on this day: it describes its CEO "as of" then.
    const asOf = company.date_modified?.[0] === undefined ? null : parseLooseDate(company.date_modified[0]);
    const person = (personName: string, role: string, relation: 'officer-of' | 'founder-of'): void => {
      const personRef = `sii-person:${personName}`;
      if (!people.has(personRef)) {
        const party: IncomingParty = { ref: personRef, line, type: 'person', name: personName, aliases: [], person: { role: `${role} of ${name} (per the Surveillance Industry Index)` }, sources: [source.id] };
        people.set(personRef, party);
        parties.push(party);
      }
      facts.push({ type: 'relationship', line, label: `${personName} ${relation.replace('-', ' ')} ${name}`, from: { ref: personRef }, relation, to: { ref }, fields: { ...(asOf && relation === 'officer-of' ? { asOf } : {}), notes: `${role}, per the Surveillance Industry Index.` }, sources: [source.id] });
    };
    for (const ceo of peopleIn(company.ceo)) person(ceo, 'Chief executive', 'officer-of');
    for (const founder of peopleIn(company.founder)) person(founder, 'Founder', 'founder-of');
    for (const parentName of (company.parent_company ?? []).map(clean).filter((p) => p !== '')) {
      const parentRef = `sii-parent:${parentName}`;
      if (!parties.some((p) => p.ref === parentRef)) parties.push({ ref: parentRef, line, type: 'organization', name: parentName, aliases: [], organization: { kind: 'company' }, sources: [source.id] });
      facts.push({ type: 'relationship', line, label: `${name} subsidiary of ${parentName}`, from: { ref }, relation: 'subsidiary-of', to: { ref: parentRef }, fields: { notes: 'Parent company per the Surveillance Industry Index.' }, sources: [source.id] });
    }
  });
  if (issues.length > 0) throw rejectFile(fileName, issues);
  return { format: 'sii', fileName, source, sources: [...sources.values()], parties, facts, refused };
}
