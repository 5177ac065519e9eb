import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../core/project-root.js';
import { EMPTY_RECIPIENT } from '../contract-transaction.js';
import { loadWatchlistFile } from '../screening/load-watchlist-file.js';
import { screenTransaction } from '../screening/screen-transaction.js';
import { createRecipientMatcher } from '../testing/stand-in-recipient-matcher.js';
import { awardTransactionsSchema } from './api-responses.js';
import { awardTransactionToTransaction } from './award-transaction-to-transaction.js';

describe('awardTransactionToTransaction', () => {
  it('maps an award transaction history from /api/v2/transactions/ and screens it', async () => {
    const awardKey = 'CONT_AWD_70CTD024P00000012_7012_-NONE-_-NONE-';
    const json: unknown = JSON.parse(readFileSync(join(projectRoot(), 'test', 'fixtures', 'usaspending-api', `transactions-${awardKey}.json`), 'utf8'));
    const response = awardTransactionsSchema.parse(json);
    const recipient = { ...EMPTY_RECIPIENT, uei: 'NW6QFTZACWM7', name: 'PARAGON SOLUTIONS (US) INC.' };
    const transactions = response.results.map((row) => awardTransactionToTransaction(row, { awardKey, recipient }, 'https://api.usaspending.gov/api/v2/transactions/'));
    expect(transactions[0]).toMatchObject({
      transactionKey: '7012_-NONE-_70CTD024P00000012_P00002_-NONE-_0',
      piid: '70CTD024P00000012',
      modification: 'P00002',
      actionTypeCode: 'M',
      actionType: 'OTHER ADMINISTRATIVE ACTION',
      agencyId: '7012',
      permalink: `https://www.usaspending.gov/award/${awardKey}/`,
    });
    const matcher = createRecipientMatcher(await loadWatchlistFile(join(projectRoot(), 'test', 'fixtures', 'watchlist.json')));
    expect(transactions.map((transaction) => screenTransaction(transaction, matcher)?.event.event)).toEqual(['stop-work-lifted', 'stop-work', 'award']);
    expect(transactions[2]?.amount).toBe(2_000_000);
  });
});
