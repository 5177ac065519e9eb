import { z } from 'zod';

/**
 * What a use may collect from a device, as an authorisation scopes it. A fixed vocabulary, so that
 * "beyond scope" is a comparison anyone can repeat; each category is one bit of a mask, so the
 * audit compares scopes in SQL (`use_mask & ~scope_mask`) over any number of uses at once.
 */
export const DATA_CATEGORIES = [
  { id: 'messages', label: 'Messages (content)' },
  { id: 'call-content', label: 'Calls (content)' },
  { id: 'communications-metadata', label: 'Communications metadata (who, when)' },
  { id: 'contacts', label: 'Contacts' },
  { id: 'location', label: 'Location' },
  { id: 'photos-and-files', label: 'Photos and files' },
  { id: 'browsing', label: 'Browsing history' },
  { id: 'microphone', label: 'Live microphone' },
  { id: 'camera', label: 'Live camera' },
  { id: 'credentials', label: 'Account credentials and tokens' },
  { id: 'cloud-accounts', label: 'Cloud accounts reached from the device' },
  { id: 'device-information', label: 'Device information' },
] as const;

export type DataCategory = (typeof DATA_CATEGORIES)[number]['id'];

const ids = DATA_CATEGORIES.map((c) => c.id) as [DataCategory, ...DataCategory[]];
export const dataCategorySchema = z.enum(ids);
export const dataCategoryListSchema = z.array(dataCategorySchema).min(1, 'at least one data category').max(DATA_CATEGORIES.length)
  .refine((list) => new Set(list).size === list.length, 'each data category once');

/** The bit mask of a set of categories (bit i = the i-th category above). */
export function dataCategoryMask(categories: readonly DataCategory[]): number {
  let mask = 0;
  for (const category of categories) mask |= 1 << ids.indexOf(category);
  return mask;
}

/** The categories of `collected` outside `scope`, in vocabulary order. */
export function beyondScope(collected: readonly DataCategory[], scope: readonly DataCategory[]): DataCategory[] {
  return ids.filter((id) => collected.includes(id) && !scope.includes(id));
}

/** The label readers see for a category id. */
export function dataCategoryLabel(id: string): string {
  return DATA_CATEGORIES.find((c) => c.id === id)?.label ?? id;
}
