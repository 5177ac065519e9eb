import { z } from 'zod';

/**
 * The data schema of a workflow step's log entry: the case id under the workflow's key, the
 * states it moved between, when it happened if earlier than recorded, and the step's own fields.
 *
 * @example
 * defineEvent({ type: 'registry.change.rejected', summary: '…', data: stepEventData('change', { recordType: z.string() }), sealed: ['note'] });
 */
export function stepEventData<Shape extends z.ZodRawShape>(idField: string, shape: Shape) {
  return z.strictObject({
    [idField]: z.string().min(1),
    from: z.string().optional(),
    to: z.string().optional(),
    occurredAt: z.string().optional(),
    ...shape,
  });
}

/** The data of a deadline's "fired" entry (the tick appends it). */
export const deadlineFiredData = z.strictObject({
  deadline: z.uuid(),
  caseType: z.string(),
  case: z.string(),
  kind: z.string(),
  dueAt: z.string(),
  dueDate: z.string().nullable(),
  /** Why the transition the deadline names could not run (the case had moved on). */
  error: z.string().optional(),
});
export type DeadlineFiredData = z.infer<typeof deadlineFiredData>;
