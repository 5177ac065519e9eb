import { ProcurementError } from '../procurement-error.js';

/** The CSV columns the screening engine reads, by USAspending header name. */
export const IDENTIFYING_COLUMNS = [
  'recipient_uei',
  'recipient_duns',
  'cage_code',
  'recipient_parent_uei',
  'recipient_parent_duns',
  'recipient_name',
  'recipient_name_raw',
  'recipient_doing_business_as_name',
  'recipient_parent_name',
  'recipient_parent_name_raw',
] as const;

/** Columns decoded only for rows that match. */
export const TRANSACTION_COLUMNS = [
  'correction_delete_ind',
  'agency_id',
  'contract_transaction_unique_key',
  'contract_award_unique_key',
  'award_id_piid',
  'modification_number',
  'transaction_number',
  'parent_award_agency_id',
  'parent_award_id_piid',
  'federal_action_obligation',
  'action_date',
  'awarding_agency_name',
  'awarding_sub_agency_code',
  'awarding_sub_agency_name',
  'funding_office_name',
  'transaction_description',
  'action_type_code',
  'action_type',
  'usaspending_permalink',
  'last_modified_date',
] as const;

export type LayoutColumn = (typeof IDENTIFYING_COLUMNS)[number] | (typeof TRANSACTION_COLUMNS)[number];

/**
 * Where each needed column sits in one file's header. Plain data, so it can be posted to a worker.
 * Older files have fewer columns: a missing column reads as ''.
 */
export interface ColumnLayout {
  readonly columnCount: number;
  /** Position of each needed column; absent when the file lacks it. */
  readonly index: ReadonlyMap<LayoutColumn, number>;
  /**
   * The identifying columns lie between these two (inclusive); the raw bytes from the start of
   * the first to the end of the last are the recipient's cache key. In every USAspending format
   * the ten identifying columns are adjacent, so the span holds nothing else.
   */
  readonly keyFirst: number;
  readonly keyLast: number;
  /** A monthly delta file: `correction_delete_ind` is the first column. */
  readonly isDelta: boolean;
}

/**
 * Maps a header row to a layout, by name. Throws MISSING_COLUMNS when the file cannot be
 * screened: it needs a recipient name and at least one recipient identifier, and a PIID.
 *
 * @example
 * const layout = resolveColumnLayout(['award_id_piid', 'recipient_uei', 'recipient_name'], 'a.csv:1');
 * layout.index.get('recipient_uei'); // 1
 */
export function resolveColumnLayout(header: readonly string[], where: string): ColumnLayout {
  const positions = new Map<string, number>();
  header.forEach((name, position) => {
    const key = name.trim().toLowerCase();
    if (!positions.has(key)) positions.set(key, position);
  });
  const index = new Map<LayoutColumn, number>();
  for (const name of [...IDENTIFYING_COLUMNS, ...TRANSACTION_COLUMNS]) {
    const position = positions.get(name);
    if (position !== undefined) index.set(name, position);
  }
  const missing: string[] = [];
  if (!index.has('recipient_name')) missing.push('recipient_name');
  if (!index.has('recipient_uei') && !index.has('recipient_duns')) missing.push('recipient_uei or recipient_duns');
  if (!index.has('award_id_piid') && !index.has('contract_transaction_unique_key')) missing.push('award_id_piid');
  if (missing.length > 0) {
    throw new ProcurementError({
      code: 'MISSING_COLUMNS',
      message: `not a USAspending contract transactions file: the header lacks ${missing.join(', ')}`,
      where,
    });
  }
  const present = IDENTIFYING_COLUMNS.flatMap((name) => {
    const position = index.get(name);
    return position === undefined ? [] : [position];
  });
  return {
    columnCount: header.length,
    index,
    keyFirst: Math.min(...present),
    keyLast: Math.max(...present),
    isDelta: index.get('correction_delete_ind') === 0,
  };
}
