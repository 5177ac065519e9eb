import type { Workflow } from '../kernel/workflow/workflow.js';
import { alertWorkflow } from '../procurement/alerts/alert-workflow.js';
import { changeWorkflow } from '../registry/changes/change-workflow.js';
import { tipWorkflow } from '../registry/tips/tip-workflow.js';
import type { StoreTransaction } from '../store/store.js';
import { acquisitionReviewWorkflow } from '../oversight/reviews/review-workflow.js';
import { requestWorkflow } from '../disclosure/requests/request-workflow.js';
import { docketWorkflow } from '../oversight/dockets/docket-workflow.js';

/** Every workflow of the app, by case type: the tick runs their deadline transitions, the calendar route reads their cases. */
export const WORKFLOWS: ReadonlyMap<string, Workflow<unknown, StoreTransaction>> = new Map<string, Workflow<unknown, StoreTransaction>>([
  [changeWorkflow.caseType, changeWorkflow],
  [tipWorkflow.caseType, tipWorkflow],
  [alertWorkflow.caseType, alertWorkflow],
  [acquisitionReviewWorkflow.caseType, acquisitionReviewWorkflow],
  [requestWorkflow.caseType, requestWorkflow],
  [docketWorkflow.caseType, docketWorkflow],
]);
