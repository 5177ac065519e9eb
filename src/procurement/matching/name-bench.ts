/**
 * The labelled organisation-name pairs of the OpenSanctions name benchmark
 * (test/fixtures/name-matching/), parsed from its CSV, and precision/recall over them. Pure: the
 * bench script and the target test read the file and pass its text in.
 */

/** One labelled pair, with the score OpenSanctions' logic-v2 gave it. */
export interface NameBenchPair {
  readonly caseGroup: string;
  readonly schema: string;
  readonly name1: string;
  readonly name2: string;
  readonly isMatch: boolean;
  readonly notes: string;
  /** logic-v2's score, NaN where the file has none. */
  readonly logicV2Score: number;
}

/** The schemas of organisation pairs: the anchor's 259 pairs. */
export const ORGANIZATION_SCHEMAS: ReadonlySet<string> = new Set(['Company', 'Organization', 'LegalEntity']);

/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes) into rows.
 *
 * @example
 * parseCsv('a,"b, c"\n1,2\n'); // [['a', 'b, c'], ['1', '2']]
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const char = text[k];
    if (quoted) {
      if (char === '"' && text[k + 1] === '"') {
        field += '"';
        k++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[k + 1] === '\n') k++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * The organisation pairs of `nomenklatura-logic-v2-scores.csv`.
 *
 * @example
 * const pairs = readNameBenchPairs(readFileSync(path, 'utf8')); // 259 pairs
 */
export function readNameBenchPairs(csvText: string): NameBenchPair[] {
  const [header, ...rows] = parseCsv(csvText);
  if (header === undefined) return [];
  const column = (name: string): number => header.indexOf(name);
  const get = (row: readonly string[], name: string): string => row[column(name)] ?? '';
  return rows
    .filter((row) => ORGANIZATION_SCHEMAS.has(get(row, 'schema')))
    .map((row) => ({
      caseGroup: get(row, 'case_group'),
      schema: get(row, 'schema'),
      name1: get(row, 'name1'),
      name2: get(row, 'name2'),
      isMatch: get(row, 'is_match') === 'true',
      notes: get(row, 'notes'),
      logicV2Score: get(row, 'score') === '' ? Number.NaN : Number.parseFloat(get(row, 'score')),
    }));
}

/** Precision, recall and F1 with the confusion counts behind them. */
export interface PrecisionRecall {
  readonly threshold: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/**
 * Precision and recall of "score ≥ threshold means match" against the labels.
 *
 * @example
 * precisionRecall([{ score: 0.9, isMatch: true }, { score: 0.85, isMatch: false }], 0.8).precision; // 0.5
 */
export function precisionRecall(scored: readonly { readonly score: number; readonly isMatch: boolean }[], threshold: number): PrecisionRecall {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const { score, isMatch } of scored) {
    const predicted = score >= threshold;
    if (predicted && isMatch) truePositives++;
    else if (predicted) falsePositives++;
    else if (isMatch) falseNegatives++;
  }
  const precision = truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { threshold, truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

/** FNV-1a over UTF-16 code units: stable across machines and Node versions. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
  return hash >>> 0;
}

/**
 * Whether a pair belongs to the held-out split: FNV-1a of `case_group`, `name1` and `name2`
 * (joined by NUL) is divisible by three. Fixed by the pair's own text, so adding or reordering
 * pairs never moves another pair from one split to the other. About a third of the pairs.
 *
 * @example
 * isHeldOutPair({ caseGroup: 'nk_checks', name1: 'Siemens AG', name2: 'Siemens Aktiengesellschaft' }); // true or false, forever
 */
export function isHeldOutPair(pair: Pick<NameBenchPair, 'caseGroup' | 'name1' | 'name2'>): boolean {
  return fnv1a(`${pair.caseGroup}\u0000${pair.name1}\u0000${pair.name2}`) % 3 === 0;
}

/**
 * The pairs split for tuning and for the held-out measurement (see isHeldOutPair). Thresholds and
 * weights may be fitted on `tuning` only; `heldOut` is scored, never inspected pair by pair.
 *
 * @example
 * const { tuning, heldOut } = splitNameBenchPairs(pairs); // 174 and 85 of the 259
 */
export function splitNameBenchPairs(pairs: readonly NameBenchPair[]): { tuning: NameBenchPair[]; heldOut: NameBenchPair[] } {
  return { tuning: pairs.filter((pair) => !isHeldOutPair(pair)), heldOut: pairs.filter(isHeldOutPair) };
}
