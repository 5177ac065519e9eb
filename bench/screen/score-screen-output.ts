import type { PlantedRecipient } from './planted-recipients.js';

/** What one screen run made of the planted recipients, and how good its review queue was. */
export interface ScreenOutputScore {
  readonly alertRows: number;
  readonly reviewRows: number;
  /** Distinct recipient names in the review queue, and how many of them are planted true near-misses. */
  readonly reviewRecipients: number;
  readonly trueReviewRecipients: number;
  /** Planted near-misses of entries on this watchlist, and how many reached review naming the right entry. */
  readonly nearMisses: number;
  readonly nearMissesReviewed: number;
  /** Planted exact names of entries on this watchlist (and the identifier hit), and how many alerted on the right entry. */
  readonly exactNames: number;
  readonly exactNamesAlerted: number;
  /** Distinct recipients that alerted without being planted as exact or identifier matches. */
  readonly unplannedAlertRecipients: number;
  /** Planted look-alikes that came out as a review item or an alert. */
  readonly lookAlikesFlagged: number;
  readonly lookAlikes: number;
}

// reasons[0] names the field and the recipient's name: `recipient name "X" is …` / `… matches …`.
const NAME_REASON = /^(?:recipient name|recipient raw name|doing-business-as name|parent name|parent raw name) "(.*)" (?:is|matches) /;
const IDENTIFIER_REASON = /^(?:recipient UEI|parent UEI|recipient DUNS|parent DUNS|CAGE code) /;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Reads `countersign screen --json --include-review` output and scores it against the plants of
 * the entries on a watchlist of `watchlistSize` entries (plants of later entries do not count).
 * Review-queue precision is `trueReviewRecipients / reviewRecipients`, by distinct recipient name.
 *
 * @example
 * const score = scoreScreenOutput(cost.stdout, plants, 1000);
 */
export function scoreScreenOutput(ndjson: string, plants: readonly PlantedRecipient[], watchlistSize: number): ScreenOutputScore {
  const relevant = plants.filter((plant) => plant.kind === 'look-alike' || plant.entryIndex < watchlistSize);
  const planted = new Map(relevant.map((plant) => [plant.name, plant]));
  const review = new Map<string, boolean>();
  const alerted = new Map<string, string>();
  let alertRows = 0;
  let reviewRows = 0;
  let identifierAlerted = false;
  for (const line of ndjson.split('\n')) {
    if (line === '') continue;
    const record: unknown = JSON.parse(line);
    if (!isRecord(record) || !Array.isArray(record.reasons) || typeof record.organizationId !== 'string') throw new Error(`not a screening record: ${line.slice(0, 200)}`);
    const first = String(record.reasons[0] ?? '');
    const name = NAME_REASON.exec(first)?.[1];
    if (record.decision === 'review') {
      reviewRows++;
      const key = name ?? first;
      const plant = planted.get(key);
      review.set(key, review.get(key) === true || (plant?.kind === 'near-miss' && plant.organizationId === record.organizationId));
    } else {
      alertRows++;
      if (IDENTIFIER_REASON.test(first)) identifierAlerted = true;
      else alerted.set(name ?? first, record.organizationId);
    }
  }
  const nearMisses = relevant.filter((plant) => plant.kind === 'near-miss');
  const exact = relevant.filter((plant) => plant.kind === 'exact');
  const lookAlikes = relevant.filter((plant) => plant.kind === 'look-alike');
  const identifiers = relevant.filter((plant) => plant.kind === 'identifier').length;
  const plannedAlerts = new Set(relevant.filter((plant) => plant.kind === 'exact' || plant.kind === 'identifier').map((plant) => plant.name));
  return {
    alertRows,
    reviewRows,
    reviewRecipients: review.size,
    trueReviewRecipients: [...review.values()].filter(Boolean).length,
    nearMisses: nearMisses.length,
    nearMissesReviewed: nearMisses.filter((plant) => review.get(plant.name) === true).length,
    exactNames: exact.length + identifiers,
    exactNamesAlerted: exact.filter((plant) => alerted.get(plant.name) === plant.organizationId).length + (identifierAlerted ? Math.min(1, identifiers) : 0),
    unplannedAlertRecipients: [...alerted.keys()].filter((name) => !plannedAlerts.has(name)).length,
    lookAlikesFlagged: lookAlikes.filter((plant) => review.has(plant.name) || alerted.has(plant.name)).length,
    lookAlikes: lookAlikes.length,
  };
}
