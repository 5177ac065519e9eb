import { z } from 'zod';

/**
 * A page of items, presented through the item's schema.
 *
 * @example
 * responses: { 200: { description: 'A page of changes', schema: pageOf(changePresenter) } }
 */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
}
