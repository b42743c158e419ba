/**
 * The funding body's application export over more than two pages of the keyset paging: every
 * submitted case of the body exactly once, in one piece, with the paid amount of the case's own
 * budget line; drafts and another body's cases never. The volume benchmark is
 * bench/funding-export.bench.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { EXPORT_PAGE } from '../../src/funding/procedure/grant.export.ts';
import { createTestApp, type Client, type TestApp } from '../helpers/app.ts';
import { BODY, loggedIn, orgId } from '../helpers/funding.ts';

const CASES = EXPORT_PAGE * 2 + 37;

describe('funding application export across pages', () => {
  let t: TestApp;
  let worker: Client;

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const body = await orgId(db, 'Bezirksregierung Arnsberg – Dezernat 33');
    const company = await orgId(db, 'Gießerei Hellweg');
    const lines = await db
      .selectFrom('funding_budget_lines')
      .select('id')
      .where('tenant_id', '=', body)
      .where('programme_id', '=', 'nrw-transformationskonzepte')
      .orderBy('year')
      .execute();
    const [line, otherLine] = [lines[0]!.id, lines[1]!.id];
    const other = await db
      .insertInto('organisations')
      .values({ name: 'Andere Förderstelle (Test)', kind: 'funding-body' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const foreignLine = await db
      .insertInto('funding_budget_lines')
      .values({
        tenant_id: other.id,
        programme_id: 'nrw-transformationskonzepte',
        budget_line: '1410/686 01',
        year: 2026,
        label: 'Test',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // g ≤ 50: drafts of the body; 51..60: cases of the other body; the rest submitted cases.
    await sql`create temp table export_cases as
      select g, gen_random_uuid() as id,
        case when g <= 50 then 'draft' when g % 3 = 0 then 'granted' else 'received' end as step,
        case when g between 51 and 60 then ${other.id}::uuid else ${body}::uuid end as tenant,
        case when g between 51 and 60 then ${foreignLine.id}::uuid else ${line}::uuid end as line
      from generate_series(1, ${CASES + 60}::int) g`.execute(db);
    await sql`insert into procedures (id, tenant_id, applicant_org_id, reference, title, type_key,
        type_version, step, state, submitted_at)
      select id, tenant, ${company}, case when step <> 'draft' then 'T-' || g end, 'Vorhaben ' || g,
        'funding-grant', '2026-12', step, '{}', case when step <> 'draft' then now() end
      from export_cases`.execute(db);
    await sql`insert into funding_cases (procedure_id, tenant_id, applicant_org_id, line_id,
        programme_id, programme_version, measure_id, requested_cents, eligible_cents, granted_cents)
      select id, tenant, ${company}, line, 'nrw-transformationskonzepte',
        'nrw-transformationskonzepte-2022-11', 'transformation-concept', 100000, 200000,
        case when step = 'granted' then 100000 end
      from export_cases`.execute(db);
    // Granted cases were paid g cents on their own line; every tenth also holds a position on
    // the body's other line (e.g. after moving the commitment), which must not add a row.
    await sql`insert into funding_ledger_positions (line_id, tenant_id, procedure_id,
        committed_cents, paid_cents)
      select line, tenant, id, 100000, g from export_cases where step = 'granted'
      union all
      select ${otherLine}, tenant, id, 5000, 4999 from export_cases
      where step = 'granted' and g % 10 = 0 and tenant = ${body}`.execute(db);
    worker = await loggedIn(t, BODY);
  });
  after(async () => t?.close());

  it('lists every submitted case of the body exactly once, over all pages', async () => {
    const response = await worker.get('/foerderstelle/antraege.csv');
    assert.equal(response.statusCode, 200);
    const records = response.body.split('\r\n');
    assert.equal(records.pop(), '', 'the file ends with CRLF');
    assert.ok(records.shift()!.startsWith('\uFEFFAktenzeichen;'));
    const references = records.map((r) => r.split(';')[0]!);
    assert.equal(records.length, CASES);
    assert.equal(new Set(references).size, records.length, 'no case twice');
    const numbers = references.map((r) => Number(r.slice(2)));
    assert.ok(
      numbers.every((g) => g > 60),
      'no draft, no case of another body',
    );
    // The paid amount is the one on the case's own line, never the other position's.
    const paid = (g: number) => records[references.indexOf(`T-${g}`)]!.split(';')[11];
    assert.equal(paid(90), '0,90');
    assert.equal(paid(93), '0,93');
    assert.equal(paid(91), '0,00');
  });

  it('filters by step over all pages', async () => {
    const response = await worker.get('/foerderstelle/antraege.csv?schritt=granted');
    assert.equal(response.statusCode, 200);
    const granted = Array.from({ length: CASES + 60 }, (_, i) => i + 1).filter(
      (g) => g > 60 && g % 3 === 0,
    ).length;
    assert.equal(response.body.split('\r\n').length - 2, granted);
  });
});
