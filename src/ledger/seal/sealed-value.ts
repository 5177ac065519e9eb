import type { JsonValue } from '../../core/json-value.js';

/**
 * A value held in the seal store — the one place its plaintext lives. Domain rows keep its `id`;
 * a log entry that seals it commits to it; shredding deletes it (and every opening of it), so it
 * is gone everywhere at once.
 *
 * @example
 * const contact = await tx.seals.put('signal: +1 555 0100');
 * await tx.tips.insertTip({ …, contactRef: contact.id });
 * await tx.log.append({ …, sealed: { contact } });
 */
export class SealedValue {
  readonly id: string;
  readonly value: JsonValue;

  constructor(id: string, value: JsonValue) {
    this.id = id;
    this.value = value;
  }
}
