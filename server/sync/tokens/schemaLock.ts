/**
 * PostgreSQL advisory lock key held while a store creates or migrates its table: instances that
 * start together would otherwise race in `CREATE TABLE IF NOT EXISTS` (a unique-violation
 * error on the catalog).
 */
export const SCHEMA_LOCK = 0x6c6a7573;
