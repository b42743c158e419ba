import { sql, type Kysely } from 'kysely';

// Login throttling per (account, source address) pair and per address (decision 0005). It
// replaces the per-account lock-out of decision 0001 and its table login_failures.
// Migrations never import application code (style.md rule 11).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table login_throttle (
      kind text not null check (kind in ('pair', 'address')),
      -- lower-cased e-mail as typed (also for unknown accounts); '' on address rows
      email_key text not null,
      ip text not null,
      failures integer not null check (failures > 0),
      -- failures count from here; the count starts over when the window has passed
      window_started_at timestamptz not null,
      last_failure_at timestamptz not null,
      blocked_until timestamptz,
      primary key (kind, email_key, ip)
    )`.execute(db);
  await sql`create index login_throttle_stale_idx on login_throttle (last_failure_at)`.execute(db);
  await sql`
    create table login_notices (
      user_id uuid primary key references users (id) on delete cascade,
      sent_at timestamptz not null
    )`.execute(db);
  await sql`drop table login_failures`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table login_failures (
      id bigserial primary key,
      email_key text not null,
      ip text not null,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index login_failures_email_idx on login_failures (email_key, at)`.execute(db);
  await sql`create index login_failures_ip_idx on login_failures (ip, at)`.execute(db);
  await sql`drop table login_notices`.execute(db);
  await sql`drop table login_throttle`.execute(db);
}
