/** The two storage backends. SQLite is the embedded default; PostgreSQL serves at scale. */
export type DialectName = 'sqlite' | 'postgres';
