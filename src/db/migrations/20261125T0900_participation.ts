import { sql, type Kysely } from 'kysely';

// Public participation (§ 10 Abs. 3–8 BImSchG): notices, objections with attachments, groups of
// uniform submissions, the argument catalogue, hearing notes and the intake rate limit. Every
// table carries tenant_id (architecture invariant 7).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table notices (
      id uuid primary key default gen_random_uuid(),
      procedure_id uuid not null references procedures(id),
      tenant_id uuid not null,
      kind text not null check (kind in ('application', 'hearing', 'decision')),
      published_on date not null,
      published_at timestamptz not null,
      title text not null,
      summary text not null,
      content jsonb not null,
      body_text text not null,
      pdf_sha256 text not null,
      pdf_size integer not null,
      search tsvector generated always as (
        to_tsvector('german', title || ' ' || summary || ' ' || body_text)
      ) stored
    )`.execute(db);
  await sql`create index notices_published_idx on notices (published_at desc)`.execute(db);
  await sql`create index notices_procedure_idx on notices (procedure_id, published_at)`.execute(db);
  await sql`create index notices_search_idx on notices using gin (search)`.execute(db);

  await sql`create sequence objection_number_seq`.execute(db);
  await sql`
    create table objections (
      id uuid primary key default gen_random_uuid(),
      procedure_id uuid not null references procedures(id),
      tenant_id uuid not null,
      reference text not null unique,
      received_at timestamptz not null,
      channel text not null check (channel in ('web', 'api', 'paper', 'email', 'signature-list', 'fax', 'other')),
      body text not null,
      name text,
      address text,
      email text,
      redact_identity boolean not null default false,
      late boolean not null,
      sha256 text not null,
      submission_key text,
      external_ref text,
      signatures integer not null default 1 check (signatures >= 1),
      entered_by uuid references users(id),
      group_id uuid,
      redacted_body text,
      redaction_spans jsonb,
      redaction_confirmed_at timestamptz,
      redaction_confirmed_by uuid references users(id)
    )`.execute(db);
  await sql`create unique index objections_submission_key on objections (procedure_id, submission_key) where submission_key is not null`.execute(
    db,
  );
  await sql`create unique index objections_external_ref on objections (procedure_id, external_ref) where external_ref is not null`.execute(
    db,
  );
  await sql`create index objections_procedure_idx on objections (procedure_id, received_at, id)`.execute(
    db,
  );
  await sql`create index objections_group_idx on objections (group_id) where group_id is not null`.execute(
    db,
  );

  await sql`
    create table objection_attachments (
      objection_id uuid not null references objections(id),
      position integer not null,
      tenant_id uuid not null,
      filename text not null,
      media_type text not null,
      sha256 text not null,
      size integer not null,
      primary key (objection_id, position)
    )`.execute(db);

  // Groups of uniform submissions (§ 17 VwVfG) and their traceable history.
  await sql`
    create table objection_groups (
      id uuid primary key default gen_random_uuid(),
      procedure_id uuid not null references procedures(id),
      tenant_id uuid not null,
      origin text not null check (origin in ('auto', 'manual')),
      representative_id uuid references objections(id),
      confirmed_at timestamptz,
      confirmed_by uuid references users(id),
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index objection_groups_procedure_idx on objection_groups (procedure_id)`.execute(
    db,
  );
  await sql`alter table objections add constraint objections_group_fk foreign key (group_id) references objection_groups(id)`.execute(
    db,
  );
  await sql`
    create table objection_group_events (
      id bigserial primary key,
      procedure_id uuid not null references procedures(id),
      tenant_id uuid not null,
      group_id uuid,
      kind text not null,
      actor_id uuid references users(id),
      at timestamptz not null,
      data jsonb not null
    )`.execute(db);
  await sql`create index objection_group_events_idx on objection_group_events (procedure_id, id)`.execute(
    db,
  );

  // The argument catalogue (Belange) with one assessment per concern.
  await sql`
    create table concerns (
      id uuid primary key default gen_random_uuid(),
      procedure_id uuid not null references procedures(id),
      tenant_id uuid not null,
      key text not null,
      label text not null,
      description text not null,
      position integer not null,
      assessment text,
      assessed_at timestamptz,
      assessed_by uuid references users(id),
      unique (procedure_id, key)
    )`.execute(db);
  await sql`
    create table objection_concerns (
      objection_id uuid not null references objections(id),
      concern_id uuid not null references concerns(id),
      procedure_id uuid not null,
      tenant_id uuid not null,
      source text not null check (source in ('suggested', 'confirmed')),
      score real not null default 0,
      primary key (objection_id, concern_id)
    )`.execute(db);
  await sql`create index objection_concerns_concern_idx on objection_concerns (concern_id, source)`.execute(
    db,
  );
  await sql`
    create table statement_concerns (
      procedure_id uuid not null references procedures(id),
      agency_org_id uuid not null references organisations(id),
      concern_id uuid not null references concerns(id),
      tenant_id uuid not null,
      source text not null check (source in ('suggested', 'confirmed')),
      primary key (procedure_id, agency_org_id, concern_id)
    )`.execute(db);
  await sql`
    create table hearing_notes (
      procedure_id uuid not null references procedures(id),
      concern_id uuid not null references concerns(id),
      tenant_id uuid not null,
      note text not null,
      primary key (procedure_id, concern_id)
    )`.execute(db);

  // Fixed-window counter per (hashed) address and procedure; shared by all instances.
  await sql`
    create table intake_rate (
      bucket text not null,
      window_start timestamptz not null,
      count integer not null,
      primary key (bucket, window_start)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'intake_rate',
    'hearing_notes',
    'statement_concerns',
    'objection_concerns',
    'concerns',
    'objection_group_events',
  ]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
  await sql`alter table objections drop constraint objections_group_fk`.execute(db);
  await sql`drop table objection_groups`.execute(db);
  await sql`drop table objection_attachments`.execute(db);
  await sql`drop table objections`.execute(db);
  await sql`drop sequence objection_number_seq`.execute(db);
  await sql`drop table notices`.execute(db);
}
