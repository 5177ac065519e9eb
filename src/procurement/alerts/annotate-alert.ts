import type { CommandContext } from '../../accounts/command-context.js';
import { transition } from '../../kernel/workflow/transition.js';
import type { Alert } from './alert.js';
import { alertWorkflow } from './alert-workflow.js';
import type { AlertsTransaction } from './alerts-transaction.js';

/**
 * An analyst annotates a published alert — a correction, context, a follow-up — citing the
 * registry source it rests on where there is one. The annotation is public and logged; the alert
 * stays raised or confirmed.
 *
 * @example
 * await annotateAlert({ ctx, alertId, annotation: { note: 'ICE confirmed the lift to WIRED', source: 'wired-2025-09' } }, tx);
 */
export async function annotateAlert({ ctx, alertId, annotation }: { ctx: CommandContext; alertId: string; annotation: unknown }, tx: AlertsTransaction): Promise<Alert> {
  return (await transition({ ctx, workflow: alertWorkflow, id: alertId, action: 'annotate', input: annotation }, tx)).case;
}

/**
 * An editor retracts a published alert that was wrong (a look-alike confirmed by mistake, a
 * record USAspending withdrew), saying why. The alert leaves the lists and feeds; its permalink
 * stays and says "Retracted: reason". Logged, like every step.
 *
 * @example
 * await retractAlert({ ctx, alertId, retraction: { reason: 'Paragon Systems is an unrelated guard contractor' } }, tx);
 */
export async function retractAlert({ ctx, alertId, retraction }: { ctx: CommandContext; alertId: string; retraction: unknown }, tx: AlertsTransaction): Promise<Alert> {
  return (await transition({ ctx, workflow: alertWorkflow, id: alertId, action: 'retract', input: retraction }, tx)).case;
}
