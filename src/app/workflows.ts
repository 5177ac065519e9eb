import type { Workflow } from '../kernel/workflow/workflow.js';
import { alertWorkflow } from '../procurement/alerts/alert-workflow.js';
import { changeWorkflow } from '../registry/changes/change-workflow.js';
import { tipWorkflow } from '../registry/tips/tip-workflow.js';
import type { StoreTransaction } from '../store/store.js';
import { exportLicenseWorkflow } from '../oversight/export-licenses/export-license-workflow.js';
import { requestWorkflow } from '../disclosure/requests/request-workflow.js';
import { acquisitionReviewWorkflow } from '../oversight/reviews/review-workflow.js';
import { authorizationWorkflow } from '../oversight/authorizations/authorization-workflow.js';
import { useWorkflow } from '../oversight/uses/use-workflow.js';
import { auditWorkflow } from '../oversight/audits/audit-workflow.js';
import { docketWorkflow } from '../oversight/dockets/docket-workflow.js';
import { complaintWorkflow } from '../disclosure/complaints/complaint-workflow.js';
import { targetNoticeWorkflow } from '../disclosure/target-notices/target-notice-workflow.js';
import { vendorReportWorkflow } from '../disclosure/vendor-reports/vendor-report-workflow.js';

/** Every workflow of the app, by case type: the tick runs their deadline transitions, the calendar route reads their cases. */
export const WORKFLOWS: ReadonlyMap<string, Workflow<unknown, StoreTransaction>> = new Map<string, Workflow<unknown, StoreTransaction>>([
  [changeWorkflow.caseType, changeWorkflow],
  [tipWorkflow.caseType, tipWorkflow],
  [alertWorkflow.caseType, alertWorkflow],
  [exportLicenseWorkflow.caseType, exportLicenseWorkflow],
  [requestWorkflow.caseType, requestWorkflow],
  [acquisitionReviewWorkflow.caseType, acquisitionReviewWorkflow],
  [authorizationWorkflow.caseType, authorizationWorkflow],
  [useWorkflow.caseType, useWorkflow],
  [auditWorkflow.caseType, auditWorkflow],
  [docketWorkflow.caseType, docketWorkflow],
  [complaintWorkflow.caseType, complaintWorkflow],
  [targetNoticeWorkflow.caseType, targetNoticeWorkflow],
  [vendorReportWorkflow.caseType, vendorReportWorkflow],
]);
