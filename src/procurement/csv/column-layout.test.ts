import { describe, expect, it } from 'vitest';
import { contractTransactionColumns } from '../testing/contract-csv.js';
import { resolveColumnLayout } from './column-layout.js';

describe('resolveColumnLayout', () => {
  it('finds the ten identifying columns side by side in the 297-column download', () => {
    const layout = resolveColumnLayout(contractTransactionColumns(), 'a.csv:1');
    expect(layout).toMatchObject({ columnCount: 297, keyFirst: 48, keyLast: 57, isDelta: false });
    expect(layout.index.get('recipient_uei')).toBe(48);
    expect(layout.index.get('transaction_description')).toBe(95);
  });

  it('reads a delta file by name: two columns in front, everything shifted', () => {
    const layout = resolveColumnLayout(['correction_delete_ind', 'agency_id', ...contractTransactionColumns()], 'd.csv:1');
    expect(layout).toMatchObject({ columnCount: 299, keyFirst: 50, keyLast: 59, isDelta: true });
  });

  it('says which identifying columns a file lacks', () => {
    expect(() => resolveColumnLayout(['award_id_piid', 'recipient_name'], 'x.csv:1')).toThrow(
      expect.objectContaining({ code: 'MISSING_COLUMNS', where: 'x.csv:1', message: expect.stringContaining('recipient_uei or recipient_duns') }),
    );
  });
});
