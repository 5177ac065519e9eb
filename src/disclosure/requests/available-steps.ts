import type { Actor } from '../../accounts/actor.js';
import type { DisclosureRequest } from './disclosure-request.js';
import { requestWorkflow } from './request-workflow.js';

/** A step an actor may take on a request now. */
export interface AvailableStep {
  readonly step: string;
  readonly label: string;
  /** Whether the step may say it happened earlier (a letter dated last week). */
  readonly backdate: boolean;
}

/** The steps of the request workflow this actor may take from the request's state (the tick's own steps excluded). */
export function availableSteps(actor: Actor, request: DisclosureRequest): AvailableStep[] {
  const resource = requestWorkflow.resourceOf(request);
  return Object.entries(requestWorkflow.transitions)
    .filter(([, t]) => t.from.includes(request.status) && t.policy.describe !== 'Countersign itself' && t.policy.allows(actor, resource))
    .map(([step, t]) => ({ step, label: t.label, backdate: t.backdate ?? false }));
}
