import type { JsonValue } from '../../core/json-value.js';
import type { SealedValue } from '../seal/sealed-value.js';

/**
 * What a command appends to the transparency log. The entry is stored as canonical JSON
 * (RFC 8785) with a schema version, so its bytes — the Merkle leaf — are the same wherever it is
 * recomputed.
 */
export interface LogEntryInput {
  /** `area.thing.happened`, e.g. `registry.designation.delisted`. */
  readonly type: string;
  /** The pseudonymous actor id (never a username or e-mail address). */
  readonly actor: string;
  /** When it happened, ISO 8601 UTC; inside the entry so the log carries event time. */
  readonly time: string;
  /** What it concerns, as `type:id` (`organization:paragon-solutions`). */
  readonly subjects: readonly string[];
  /** Public data: enough to replay the public state from the log. */
  readonly data: JsonValue;
  /**
   * Fields that must never enter the log in plain text (a tip's text, a proposal not yet
   * verified, later a warrant's target). The entry holds a salted commitment per field; the
   * opening is kept apart and can be published (unsealed) or deleted (shredded). Pass a
   * `SealedValue` the command already put in the seal store when a domain row refers to the same
   * value, so its plaintext lives in one place; a plain value is put there by the appender.
   */
  readonly sealed?: Readonly<Record<string, JsonValue | SealedValue>>;
}

/** The version of the entry schema written into every entry as `v`. */
export const LOG_ENTRY_VERSION = 1;
