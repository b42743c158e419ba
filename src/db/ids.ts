const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a value from a URL, form or file can be a uuid column value. Checked before a query,
 * because PostgreSQL answers a malformed uuid with an error rather than with no row.
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
