import { sql, type Kysely } from 'kysely';

// Uniform submissions (§ 17 VwVfG) and intake plausibility on each objection:
// - the representative as named in the submission (name, profession, address; § 17 Abs. 1 S. 1);
// - the case worker's decision whether a list without a representative is disregarded
//   (§ 17 Abs. 2 S. 1 VwVfG), with its reason, who and when;
// - when the objection arrived relative to the public notice and the display (verfrüht);
// - whether an implausibly high number of signatures was explicitly confirmed at intake.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('objections')
    .addColumn('representative_name', 'text')
    .addColumn('representative_profession', 'text')
    .addColumn('representative_address', 'text')
    .addColumn('disregard_decision', 'text', (c) =>
      c.check(sql`disregard_decision in ('disregard', 'consider')`),
    )
    .addColumn('disregard_reason', 'text')
    .addColumn('disregard_decided_at', 'timestamptz')
    .addColumn('disregard_decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('early', 'text', (c) => c.check(sql`early in ('before-notice', 'before-display')`))
    .addColumn('signatures_confirmed', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('objections')
    .dropColumn('representative_name')
    .dropColumn('representative_profession')
    .dropColumn('representative_address')
    .dropColumn('disregard_decision')
    .dropColumn('disregard_reason')
    .dropColumn('disregard_decided_at')
    .dropColumn('disregard_decided_by')
    .dropColumn('early')
    .dropColumn('signatures_confirmed')
    .execute();
}
