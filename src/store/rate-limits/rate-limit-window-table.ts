/** A client's hit count in a bucket's current fixed window (migration 0045). */
export type RateLimitWindowTable = {
  bucket: string;
  clientKey: string;
  /** Milliseconds since the epoch. */
  windowStart: number;
  hits: number;
};

/** The tables this folder adds to the schema, for `db.withTables`. */
export type RateLimitTables = {
  rateLimitWindows: RateLimitWindowTable;
};
