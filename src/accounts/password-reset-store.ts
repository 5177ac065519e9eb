/** An admin-issued password-reset link: only the hash of its token is kept. */
export interface PasswordResetRow {
  /** SHA-256 of the link's token (`hashSecretToken`). */
  readonly id: string;
  readonly userId: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly usedAt: string | null;
}

/** What password resets need of storage. */
export interface PasswordResetStore {
  insertReset(reset: PasswordResetRow): Promise<void>;
  findReset(id: string): Promise<PasswordResetRow | null>;
  /** Marks a link used; true only for the one caller that found it unused (a link works once, even in a race). */
  markUsed(id: string, usedAt: string): Promise<boolean>;
}
