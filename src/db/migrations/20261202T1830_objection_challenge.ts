import { sql, type Kysely } from 'kysely';

// A solved proof-of-work challenge buys one objection (anti-abuse.ts). The idempotency key of a
// submission is the client's Idempotency-Key where it sends one, so the challenge is recorded
// separately and may be used once per procedure. Rows stored so far used the challenge itself as
// their key (32 hex digits): that is their challenge.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table objections add column challenge_id text`.execute(db);
  await sql`
    update objections set challenge_id = submission_key
    where submission_key ~ '^[0-9a-f]{32}$'`.execute(db);
  await sql`
    create unique index objections_challenge_once on objections (procedure_id, challenge_id)
      where challenge_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index objections_challenge_once`.execute(db);
  await sql`alter table objections drop column challenge_id`.execute(db);
}
