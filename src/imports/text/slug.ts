import { foldText } from '../../registry/search/fold-text.js';

/**
 * A registry id from a name: folded to lower-case ASCII, words joined by hyphens, at most 90
 * characters (room for a `-2` when the id is taken).
 *
 * @example
 * slugOf('Fresno Police Department (CA)'); // 'fresno-police-department-ca'
 */
export function slugOf(text: string): string {
  const slug = foldText(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 90).replace(/-+$/, '');
  return slug === '' ? 'unnamed' : slug;
}
