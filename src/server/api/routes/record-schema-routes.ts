import { z } from 'zod';
import { RECORD_INPUT_SCHEMAS } from '../../../registry/record-input.js';
import { recordTypeSchema } from '../../../registry/schemas/common.js';
import type { ApiRouter } from '../api-router.js';

/**
 * The shape of each record type as a proposal's `record` must have it (`POST /api/v1/changes`),
 * as JSON Schema generated from the same zod schema that validates it — and that generates the
 * portal's proposal forms — so the API documents what it accepts (issue #13).
 *
 * @example
 * addRecordSchemaRoutes(router);
 */
export function addRecordSchemaRoutes(router: ApiRouter): void {
  router.add(
    {
      method: 'get', path: '/record-schemas/{recordType}', operationId: 'getRecordSchema', summary: 'The JSON Schema of a record type: what a proposed change’s `record` must look like', tag: 'changes',
      params: z.object({ recordType: recordTypeSchema }),
      responses: { 200: { description: 'A JSON Schema (draft 2020-12)', schema: z.record(z.string(), z.unknown()) } },
    },
    async (_c, { params, reply }) => reply(z.toJSONSchema(RECORD_INPUT_SCHEMAS[params.recordType], { io: 'input', unrepresentable: 'any' })),
  );
}
