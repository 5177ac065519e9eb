import type { Actor } from './actor.js';

/**
 * Who acts and when. Every command takes one. `now` is when the step is recorded; a step that
 * reports something that happened earlier (a notice sent last year) carries that date in its
 * input as `occurredAt`, and clocks use it.
 */
export interface CommandContext {
  readonly actor: Actor;
  readonly now: Date;
  /** Rules an operator may configure; each is on unless set otherwise. */
  readonly settings?: CommandSettings;
}

export interface CommandSettings {
  /** A change is accepted by someone other than its proposer (default on). */
  readonly twoPersonReview?: boolean;
}
