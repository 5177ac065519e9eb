import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../core/project-root.js';

/** The 297 column names of the full "Contracts Prime Transactions" download, in order. */
export function contractTransactionColumns(): string[] {
  return readFileSync(join(projectRoot(), 'dataset', 'usaspending', 'contract-transaction-columns.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Quotes a field the way USAspending does: only when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * A factory for test CSVs in the real header format: rows are given as the few columns a test
 * cares about; every other column is left empty, as most are in real files.
 *
 * @example
 * const csv = contractCsv(contractTransactionColumns(), [{ award_id_piid: 'X1', recipient_name: 'ACME' }]);
 */
export function contractCsv(columns: readonly string[], rows: readonly Readonly<Record<string, string>>[]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvField(row[column] ?? '')).join(','));
  return lines.join('\n') + '\n';
}

/** A plausible transaction row: keys built from the parts, as USAspending writes them. */
export function transactionRow(values: {
  piid: string;
  modification?: string;
  agencyId?: string;
  recipientName: string;
  uei?: string;
  description?: string;
  actionTypeCode?: string;
  amount?: string;
  actionDate?: string;
  extra?: Record<string, string>;
}): Record<string, string> {
  const agencyId = values.agencyId ?? '7012';
  const modification = values.modification ?? '0';
  const awardKey = `CONT_AWD_${values.piid}_${agencyId}_-NONE-_-NONE-`;
  return {
    contract_transaction_unique_key: `${agencyId}_-NONE-_${values.piid}_${modification}_-NONE-_0`,
    contract_award_unique_key: awardKey,
    award_id_piid: values.piid,
    modification_number: modification,
    transaction_number: '0',
    federal_action_obligation: values.amount ?? '1000.00',
    action_date: values.actionDate ?? '2024-09-27',
    awarding_agency_code: '070',
    awarding_agency_name: 'DEPARTMENT OF HOMELAND SECURITY (DHS)',
    awarding_sub_agency_code: agencyId,
    awarding_sub_agency_name: 'U.S. IMMIGRATION AND CUSTOMS ENFORCEMENT',
    recipient_uei: values.uei ?? '',
    recipient_name: values.recipientName,
    recipient_name_raw: values.recipientName,
    transaction_description: values.description ?? 'SERVICES',
    action_type_code: values.actionTypeCode ?? '',
    usaspending_permalink: `https://www.usaspending.gov/award/${awardKey}/`,
    last_modified_date: `${values.actionDate ?? '2024-09-27'} 12:00:00`,
    ...values.extra,
  };
}
