import { sql, type Kysely } from 'kysely';

// Letters of a case (receipt, request for documents, hearing under § 28 VwVfG, decision, …) and
// the authority's editable texts for them. A letter is drafted, reviewed and signed off by a
// second person; from sign-off on it is frozen: the database itself refuses any change to what
// was signed, so that the hash in the case file's chain always names the document that went out.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('letter_templates')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('texts', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('letter_templates_pkey', ['tenant_id', 'kind', 'version'])
    .execute();

  await db.schema
    .createTable('letters')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('procedure_id', 'uuid', (c) => c.notNull().references('procedures.id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // A series is one letter and its corrected versions; a second request for documents is a
    // new series of the same kind, a corrected decision a new version of the same series.
    .addColumn('series', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`series >= 1`),
    )
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'in-review', 'signed', 'delivered', 'superseded')`),
    )
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('signatory_id', 'text')
    // What the signature block prints (name, function), kept as chosen: a later edit of the
    // authority's signatories must not change a signed letter.
    .addColumn('signatory', 'jsonb')
    .addColumn('drafted_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('drafted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('review_requested_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('review_requested_at', 'timestamptz')
    .addColumn('reviewer_comment', 'text')
    .addColumn('returned_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('returned_at', 'timestamptz')
    .addColumn('signed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('signed_at', 'timestamptz')
    .addColumn('letter_date', 'date')
    .addColumn('pdf_sha256', 'text')
    .addColumn('pdf_size', 'integer')
    .addColumn('document_id', 'uuid', (c) => c.references('documents.id'))
    .addColumn('delivered_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('supersedes_id', 'uuid', (c) => c.references('letters.id'))
    .addColumn('change_reason', 'text')
    .addUniqueConstraint('letters_version', ['procedure_id', 'kind', 'series', 'version'])
    .execute();

  // What a state implies is stored with it: a signed letter names its signer, date and PDF; a
  // new version names the one it replaces and why.
  await sql`alter table letters add constraint letters_signed_complete check (
    status in ('draft', 'in-review') or (
      signed_by is not null and signed_at is not null and letter_date is not null
      and pdf_sha256 is not null and pdf_size is not null and signatory is not null))`.execute(db);
  await sql`alter table letters add constraint letters_delivered_complete check (
    (status = 'delivered' and delivered_at is not null)
    or (status <> 'delivered' and (delivered_at is null or status = 'superseded')))`.execute(db);
  await sql`alter table letters add constraint letters_revision_reason check (
    (version = 1) = (supersedes_id is null)
    and (supersedes_id is null or length(btrim(coalesce(change_reason, ''))) > 0))`.execute(db);
  await sql`alter table letters add constraint letters_review_signatory check (
    status <> 'in-review' or signatory_id is not null)`.execute(db);

  // At most one letter in work and at most one valid signed letter per series.
  await sql`create unique index letters_one_open on letters (procedure_id, kind, series)
    where status in ('draft', 'in-review')`.execute(db);
  await sql`create unique index letters_one_valid on letters (procedure_id, kind, series)
    where status in ('signed', 'delivered')`.execute(db);
  await sql`create index letters_review_queue on letters (tenant_id, status)
    where status = 'in-review'`.execute(db);

  // The freeze: once signed, only the way to delivery and replacement is open. Content, PDF,
  // signatory and everything else of the row stay as signed; nothing signed is ever deleted.
  await sql`
    create function letters_freeze() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if old.status in ('signed', 'delivered', 'superseded') then
          raise exception 'Das Schreiben ist gezeichnet und kann nicht gelöscht werden.'
            using errcode = 'P0001', constraint = 'letters_frozen';
        end if;
        return old;
      end if;
      if old.status in ('signed', 'delivered', 'superseded') then
        if (to_jsonb(new) - 'status' - 'delivered_at' - 'delivered_by')
           is distinct from (to_jsonb(old) - 'status' - 'delivered_at' - 'delivered_by')
           or not (
             new.status = old.status
             or (old.status = 'signed' and new.status in ('delivered', 'superseded'))
             or (old.status = 'delivered' and new.status = 'superseded'))
           or (old.delivered_at is not null and (new.delivered_at is distinct from old.delivered_at
               or new.delivered_by is distinct from old.delivered_by)) then
          raise exception 'Das Schreiben ist gezeichnet und kann nicht mehr geändert werden.'
            using errcode = 'P0001', constraint = 'letters_frozen';
        end if;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger letters_freeze before update or delete on letters
    for each row execute function letters_freeze()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('letters').execute();
  await sql`drop function if exists letters_freeze()`.execute(db);
  await db.schema.dropTable('letter_templates').execute();
}
