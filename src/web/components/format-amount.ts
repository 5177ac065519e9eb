/**
 * A money amount with its currency code, whole units unless there are cents; negative amounts
 * (de-obligations) keep their sign.
 *
 * @example
 * formatAmount(2000000, 'USD'); // 'USD 2,000,000'
 * formatAmount(-1250.5, 'USD'); // 'USD −1,250.50'
 */
export function formatAmount(amount: number, currency = 'USD'): string {
  const cents = !Number.isInteger(amount);
  const digits = Math.abs(amount).toLocaleString('en-US', { minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: 2 });
  return `${currency} ${amount < 0 ? '\u2212' : ''}${digits}`;
}
