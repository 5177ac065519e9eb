import { z } from 'zod';
import { recordIdSchema } from '../../registry/schemas/common.js';
import { piidSchema } from '../../registry/schemas/contract.js';

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const idParamsSchema = z.object({ id: recordIdSchema });
export const piidParamsSchema = z.object({ piid: piidSchema });
export const uuidParamsSchema = z.object({ id: z.uuid() });

/** JSON Schema of a page of items, for the OpenAPI document. */
export function pageSchema(item: Record<string, unknown> = { type: 'object' }): Record<string, unknown> {
  return { type: 'object', required: ['items', 'total', 'limit', 'offset'], properties: { items: { type: 'array', items: item }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } } };
}
