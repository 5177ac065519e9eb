import type { Holding } from '../holding.js';
import { exposuresOf, type Exposure } from '../match/exposure-chains.js';
import type { ExposureRegistry } from '../match/exposure-registry.js';
import { createIssuerMatcher, invalidIdentifiers, type IssuerMatch } from '../match/issuer-matcher.js';

/** A holding tied to a registry organisation, with what its ownership chains reach. */
export interface MatchedHolding {
  readonly holding: Holding;
  readonly issuer: IssuerMatch;
  readonly exposures: readonly Exposure[];
}

/** The exposure report of one holdings file. */
export interface ExposureReport {
  readonly file: string;
  readonly format: '13f' | 'csv';
  readonly generatedAt: string;
  readonly totals: {
    readonly holdings: number;
    readonly matched: number;
    /** Holdings whose chains reach a designation or an incident. */
    readonly flagged: number;
    /** Holdings the matcher could only tie by a name to check. */
    readonly possible: number;
    /** Sum of the values as filed, and of the flagged holdings' values. */
    readonly value: number;
    readonly flaggedValue: number;
  };
  /** Holdings tied (by identifier or a sure name) to designated vendors or incidents, chains shown. */
  readonly flagged: readonly MatchedHolding[];
  /** Holdings tied to registry organisations with nothing recorded at the end of their chains. */
  readonly matched: readonly MatchedHolding[];
  /** Holdings only a name suggests, for a person to check; with their chains. */
  readonly possible: readonly MatchedHolding[];
  readonly invalidIdentifiers: readonly { readonly line: number; readonly name: string; readonly problems: readonly string[] }[];
}

/**
 * Reads holdings one at a time (a 13F table streams), ties each to the registry and follows its
 * chains; keeps only what it matched, so memory grows with the matches, not with the file.
 *
 * @example
 * const report = await exposureReport(read13fInformationTable(stream, file), registry, { file, format: '13f', now: new Date() });
 */
export async function exposureReport(holdings: AsyncIterable<Holding> | Iterable<Holding>, registry: ExposureRegistry, about: { file: string; format: '13f' | 'csv'; now: Date }): Promise<ExposureReport> {
  const matcher = createIssuerMatcher(registry);
  const chains = new Map<string, Exposure[]>();
  const flagged: MatchedHolding[] = [];
  const matched: MatchedHolding[] = [];
  const possible: MatchedHolding[] = [];
  const invalid: { line: number; name: string; problems: string[] }[] = [];
  let count = 0;
  let value = 0;
  let flaggedValue = 0;
  for await (const holding of holdings) {
    count += 1;
    value += holding.value ?? 0;
    const problems = invalidIdentifiers(holding);
    if (problems.length > 0) invalid.push({ line: holding.line, name: holding.name, problems });
    const issuer = matcher.match(holding);
    if (issuer === null) continue;
    const exposures = chains.get(issuer.organizationId) ?? exposuresOf(issuer.organizationId, registry);
    chains.set(issuer.organizationId, exposures);
    const entry = { holding, issuer, exposures };
    if (issuer.by === 'possible') possible.push(entry);
    else if (exposures.length > 0) {
      flagged.push(entry);
      flaggedValue += holding.value ?? 0;
    } else matched.push(entry);
  }
  const byValue = (a: MatchedHolding, b: MatchedHolding): number => (b.holding.value ?? 0) - (a.holding.value ?? 0) || a.holding.line - b.holding.line;
  return {
    file: about.file, format: about.format, generatedAt: about.now.toISOString(),
    totals: { holdings: count, matched: flagged.length + matched.length, flagged: flagged.length, possible: possible.length, value, flaggedValue },
    flagged: flagged.sort(byValue), matched: matched.sort(byValue), possible: possible.sort(byValue), invalidIdentifiers: invalid,
  };
}
