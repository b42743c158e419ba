/** Column types the table modules share. */
import type { ColumnType } from 'kysely';

/** Table types, kept in step with src/db/migrations by hand and checked by the migration test. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

/** Receipt hash version and what version 2 covers beyond the shown values (decision 0006). */
export type ReceiptHashVersionColumn = ColumnType<1 | 2, 1 | 2 | undefined, 1 | 2>;

export type OptionalText = ColumnType<string | null, string | null | undefined, string | null>;
