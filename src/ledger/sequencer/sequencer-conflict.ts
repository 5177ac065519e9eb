import { BaseError } from '../../core/base-error.js';

/**
 * Another sequencer sequenced some of the same entries first (two processes over one database).
 * Storage throws it and rolls back; the sequencer reloads the stored tree and carries on.
 */
export class SequencerConflict extends BaseError<'SEQUENCER_CONFLICT'> {
  constructor(message: string) {
    super({ code: 'SEQUENCER_CONFLICT', message });
  }
}
