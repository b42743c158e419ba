import { sql, type Kysely } from 'kysely';

// The receipt hash of an objection is versioned (docs/receipt-hash.md, decision 0006). Receipts
// issued so far are version 1 and must keep verifying, hence the default for existing rows.
// Version 2 covers the text as received (not trimmed) and file names as sent (not cleaned); the
// two new columns keep those where they differ from what is shown, so that the stored objection
// can be checked against its receipt later.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table objections
      add column receipt_hash_version smallint not null default 1
        check (receipt_hash_version in (1, 2)),
      add column received_text text`.execute(db);
  await sql`alter table objection_attachments add column name_as_sent text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table objection_attachments drop column name_as_sent`.execute(db);
  await sql`
    alter table objections drop column received_text, drop column receipt_hash_version`.execute(db);
}
