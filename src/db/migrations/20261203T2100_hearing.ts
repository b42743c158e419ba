import { sql, type Kysely } from 'kysely';

// The hearing (Erörterungstermin, §§ 14–19 9. BImSchV): its agenda built from the argument
// catalogue and ordered by the case worker, attendance, the minutes per agenda item, the written
// comments of an online consultation, and the copies of the minutes sent to objectors on request
// (§ 19 Abs. 2 9. BImSchV). Every row carries the tenant (invariant 7).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('hearings')
    .addColumn('procedure_id', 'uuid', (c) => c.primaryKey().references('procedures.id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('public_count', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`public_count >= 0 and public_count <= 100000`),
    )
    .addColumn('minutes_document_id', 'uuid', (c) => c.references('documents.id'))
    .execute();

  await db.schema
    .createTable('hearing_agenda_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('procedure_id', 'uuid', (c) => c.notNull().references('procedures.id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    // null for an item the case worker added that is not a concern of the catalogue.
    .addColumn('concern_id', 'uuid', (c) => c.references('concerns.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('minutes', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('hearing_agenda_items_procedure_idx')
    .on('hearing_agenda_items')
    .columns(['procedure_id', 'position'])
    .execute();

  await db.schema
    .createTable('hearing_attendees')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('procedure_id', 'uuid', (c) => c.notNull().references('procedures.id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('category', 'text', (c) =>
      c.notNull().check(sql`category in ('applicant', 'objector', 'agency', 'authority')`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    // Objectors are recorded by their objection; the minutes name them by its reference only.
    .addColumn('objection_id', 'uuid', (c) => c.references('objections.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('hearing_comments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('procedure_id', 'uuid', (c) => c.notNull().references('procedures.id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('agenda_item_id', 'uuid', (c) => c.notNull().references('hearing_agenda_items.id'))
    .addColumn('author_kind', 'text', (c) =>
      c.notNull().check(sql`author_kind in ('applicant', 'objector', 'agency')`),
    )
    .addColumn('objection_id', 'uuid', (c) => c.references('objections.id'))
    .addColumn('author_label', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('received_on', 'date', (c) => c.notNull())
    .addColumn('entered_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('hearing_minutes_copies')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('procedure_id', 'uuid', (c) => c.notNull().references('procedures.id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('objection_id', 'uuid', (c) => c.notNull().references('objections.id'))
    .addColumn('requested_on', 'date', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('mail', 'letter')`))
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sent_by', 'uuid', (c) => c.notNull().references('users.id'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('hearing_minutes_copies').execute();
  await db.schema.dropTable('hearing_comments').execute();
  await db.schema.dropTable('hearing_attendees').execute();
  await db.schema.dropTable('hearing_agenda_items').execute();
  await db.schema.dropTable('hearings').execute();
}
