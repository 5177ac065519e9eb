import { REASON_FOR_MODIFICATION } from '../events/reason-for-modification.js';

const CODE_BY_MEANING = new Map(Object.entries(REASON_FOR_MODIFICATION).map(([code, meaning]) => [meaning.toUpperCase(), code]));

/**
 * The API gives a contract's action type as a code (`M`) in some places and as its meaning
 * (`OTHER ADMINISTRATIVE ACTION`) in others: both become the code and the meaning.
 *
 * @example
 * actionTypeOf('OTHER ADMINISTRATIVE ACTION'); // { code: 'M', meaning: 'OTHER ADMINISTRATIVE ACTION' }
 */
export function actionTypeOf(value: string, description = ''): { code: string; meaning: string } {
  const trimmed = value.trim();
  if (/^[A-Z]$/i.test(trimmed)) {
    const code = trimmed.toUpperCase();
    return { code, meaning: description.trim() || (REASON_FOR_MODIFICATION[code] ?? '').toUpperCase() };
  }
  const code = CODE_BY_MEANING.get(trimmed.toUpperCase()) ?? '';
  return { code, meaning: trimmed.toUpperCase() };
}
