import { z } from 'zod';

/**
 * One FollowTheMoney entity as OpenSanctions publishes it in `entities.ftm.json` (one a line):
 * an id, a schema name and multi-valued properties (lists of strings). Other members (`datasets`,
 * `referents`, `first_seen` …) are allowed and not read.
 */
export const ftmLineSchema = z.looseObject({
  id: z.string().min(1).max(500),
  schema: z.string().min(1).max(100),
  properties: z.record(z.string(), z.array(z.string())),
});
export type FtmLine = z.infer<typeof ftmLineSchema>;
