import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createDb, type Db } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { deMinimisCheck } from './de-minimis.check.ts';
import {
  declareDeMinimisAid,
  linkEnterprises,
  recordGrantedDeMinimisAid,
} from './de-minimis.actions.ts';
import { registerCsv, registerJson, registerRows } from './de-minimis.register.ts';

async function org(db: Db, name: string, kind: 'company' | 'funding-body' = 'company') {
  const row = await db
    .insertInto('organisations')
    .values({ name, kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function declared(
  db: Db,
  tenant: string,
  grantedOn: string,
  cents: number,
  regulation = '2023/2831',
) {
  await db
    .insertInto('de_minimis_aid')
    .values({
      tenant_id: tenant,
      source: 'declared',
      granting_body: 'Stadt Beispiel',
      granted_on: grantedOn,
      amount_cents: cents,
      regulation: regulation as '2023/2831',
      aid_instrument: 'grant',
    })
    .execute();
}

describe('de-minimis check per single undertaking', () => {
  let database: TestDatabase;
  let db: Db;
  let body: string;
  before(async () => {
    database = await createTestDatabase();
    db = database.db;
    body = await org(db, 'Förderstelle De-minimis', 'funding-body');
  });
  after(async () => database.drop());

  it('aid exactly three years before the grant day no longer counts; the day after does', async () => {
    // The law layer's rolling window (src/law/funding/de-minimis.ts): aid granted on or after the
    // day after the same calendar day three years earlier counts (Art. 3 (2), "any period of
    // three years"; the exact day count is [open] there).
    const company = await org(db, 'Fenster GmbH');
    await declared(db, company, '2024-03-15', 10_000_000);
    await declared(db, company, '2024-03-16', 5_000_000);
    const check = await deMinimisCheck(db, company, '2027-03-15', 0);
    assert.equal(check.windowFrom, '2024-03-16');
    assert.equal(check.usedCents, 5_000_000);
    assert.deepEqual(
      check.entries.map((e) => e.status),
      ['outside', 'in'],
    );
    assert.ok(check.trace.some((l) => l.includes('außerhalb des Zeitraums')));
    // Leap day: the window starts on 1 March.
    const leap = await deMinimisCheck(db, company, '2028-02-29', 0);
    assert.equal(leap.windowFrom, '2025-03-01');
  });

  it('allowed, reduce-to and refuse with the computation as trace lines', async () => {
    const company = await org(db, 'Spielraum GmbH');
    await declared(db, company, '2026-01-10', 25_000_000);
    const ok = await deMinimisCheck(db, company, '2026-06-01', 5_000_000);
    assert.equal(ok.outcome, 'allowed');
    assert.equal(ok.allowedCents, 5_000_000);
    const reduce = await deMinimisCheck(db, company, '2026-06-01', 6_000_000);
    assert.equal(reduce.outcome, 'reduce');
    assert.equal(reduce.allowedCents, 5_000_000);
    assert.ok(
      reduce.trace.some((l) => l.includes('höchstens 50.000,00 €')),
      reduce.trace.join('\n'),
    );
    await declared(db, company, '2026-02-10', 5_000_000);
    const refuse = await deMinimisCheck(db, company, '2026-06-01', 1);
    assert.equal(refuse.outcome, 'refuse');
    assert.equal(refuse.allowedCents, 0);
    assert.ok(refuse.trace.some((l) => l.includes('ausgeschöpft')));
  });

  it('counts linked enterprises together, both ways and along chains; DAWI aid is not counted', async () => {
    const parent = await org(db, 'Mutter AG');
    const child = await org(db, 'Tochter GmbH');
    const grandchild = await org(db, 'Enkel GmbH');
    const stranger = await org(db, 'Fremd GmbH');
    await linkEnterprises(db, { companyId: parent, linkedId: child, userId: null });
    await linkEnterprises(db, { companyId: grandchild, linkedId: child, userId: null });
    await declared(db, parent, '2026-01-01', 10_000_000);
    await declared(db, grandchild, '2026-02-01', 15_000_000);
    await declared(db, stranger, '2026-02-01', 29_000_000);
    await declared(db, child, '2026-03-01', 40_000_000, '2023/2832');
    const check = await deMinimisCheck(db, child, '2026-06-01', 6_000_000);
    assert.deepEqual(
      check.undertaking.map((u) => u.name),
      ['Tochter GmbH', 'Enkel GmbH', 'Mutter AG'],
    );
    assert.equal(check.usedCents, 25_000_000);
    assert.equal(check.outcome, 'reduce');
    assert.equal(check.allowedCents, 5_000_000);
    assert.ok(check.entries.some((e) => e.status === 'dawi'));
    assert.ok(check.trace[0]!.includes('Mutter AG'));
    const alone = await deMinimisCheck(db, stranger, '2026-06-01', 1_000_000);
    assert.equal(alone.usedCents, 29_000_000);
    assert.equal(alone.undertaking.length, 1);
    await assert.rejects(
      linkEnterprises(db, { companyId: parent, linkedId: parent, userId: null }),
      AppError,
    );
    await assert.rejects(
      linkEnterprises(db, { companyId: parent, linkedId: body, userId: null }),
      /gibt es nicht/,
    );
  });

  it('concurrent grants to one undertaking: only as many as fit are recorded', async () => {
    const wide = createDb(database.url, { max: 20 });
    try {
      const a = await org(db, 'Gleichzeitig A GmbH');
      const b = await org(db, 'Gleichzeitig B GmbH');
      await linkEnterprises(db, { companyId: a, linkedId: b, userId: null });
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          wide.transaction().execute((trx) =>
            recordGrantedDeMinimisAid(trx, {
              companyId: i % 2 === 0 ? a : b,
              fundingBodyId: body,
              procedureId: null,
              grantedOn: '2026-05-04',
              amountCents: 7_000_000,
              userId: null,
            }),
          ),
        ),
      );
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 4);
      for (const r of results) {
        if (r.status === 'rejected') {
          assert.ok(r.reason instanceof AppError);
          assert.equal(r.reason.code, 'conflict');
          assert.match(
            r.reason.message,
            /De-minimis-Höchstbetrag reicht nicht: Spielraum 20\.000,00 €/,
          );
        }
      }
      const check = await deMinimisCheck(db, a, '2026-05-04', 0);
      assert.equal(check.usedCents, 28_000_000);
    } finally {
      await wide.destroy();
    }
  });

  it('aid granted here cannot be changed or deleted; declared aid can be removed', async () => {
    const company = await org(db, 'Unveränderlich GmbH');
    const { id } = await recordGrantedDeMinimisAid(db, {
      companyId: company,
      fundingBodyId: body,
      procedureId: null,
      grantedOn: '2026-04-01',
      amountCents: 1_000_000,
      userId: null,
    });
    await assert.rejects(
      sql`update de_minimis_aid set amount_cents = 1 where id = ${id}`.execute(db),
      /cannot be changed/,
    );
    await assert.rejects(
      sql`delete from de_minimis_aid where id = ${id}`.execute(db),
      /cannot be changed/,
    );
    await declared(db, company, '2026-01-01', 100);
    await sql`delete from de_minimis_aid where tenant_id = ${company} and source = 'declared'`.execute(
      db,
    );
  });

  it('declarations validate hostile input in German and write nothing', async () => {
    const company = await org(db, 'Eingabe GmbH');
    const user = await db
      .insertInto('users')
      .values({ email: 'dm@example.test', display_name: 'DM', password_hash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const good = {
      grantingBody: 'Stadt Paderborn',
      grantedOn: '15.01.2026',
      amount: '12.500,00',
      regulation: '2023/2831',
      aidInstrument: 'grant',
      recipientName: '',
      reference: '',
    };
    const bad: Partial<typeof good>[] = [
      { grantingBody: '' },
      { grantedOn: '2026-02-30' },
      { grantedOn: '2099-01-01' },
      { grantedOn: "'; drop table de_minimis_aid; --" },
      { amount: '-5' },
      { amount: '1,234' },
      { amount: '1e9' },
      { amount: '0' },
      { regulation: '9999/1' },
      { aidInstrument: '<script>' },
      { recipientName: 'x' },
      { reference: 'A'.repeat(81) },
    ];
    for (const change of bad) {
      await assert.rejects(
        declareDeMinimisAid({
          db,
          companyId: company,
          userId: user.id,
          today: '2026-12-03',
          input: { ...good, ...change },
        }),
        (e: unknown) =>
          e instanceof AppError && e.code === 'validation' && /[äöüßA-Z]/.test(e.message),
        JSON.stringify(change),
      );
    }
    const rows = await db
      .selectFrom('de_minimis_aid')
      .select('id')
      .where('tenant_id', '=', company)
      .execute();
    assert.equal(rows.length, 0);
    await declareDeMinimisAid({
      db,
      companyId: company,
      userId: user.id,
      today: '2026-12-03',
      input: good,
    });
    const check = await deMinimisCheck(db, company, '2026-12-03', 0);
    assert.equal(check.usedCents, 1_250_000);
    assert.equal(check.entries[0]!.grantedOn, '2026-01-15');
  });

  it('register export: semicolon CSV with BOM and German numbers, JSON with cents, due date', async () => {
    const company = await org(db, 'Register; "Export" GmbH');
    await recordGrantedDeMinimisAid(db, {
      companyId: company,
      fundingBodyId: body,
      procedureId: null,
      grantedOn: '2026-12-01',
      amountCents: 1_234_550,
      naceCode: '43.22',
      reference: '=HYPERLINK("x")',
      userId: null,
    });
    const rows = (await registerRows(db, body)).filter((r) => r.beneficiaryPlatformId === company);
    assert.equal(rows.length, 1);
    // 20 working days after Tuesday, 1 Dec 2026: weekends and Christmas Day are not counted.
    assert.equal(rows[0]!.registerDueBy, '2026-12-30');
    const csv = registerCsv(rows);
    assert.ok(csv.startsWith('\uFEFFBeihilfe-ID;'));
    assert.ok(csv.includes(';12.345,50;'));
    assert.ok(csv.includes('"Register; ""Export"" GmbH"'));
    assert.ok(csv.includes(`'=HYPERLINK`));
    assert.ok(csv.includes(';01.12.2026;'));
    const json = registerJson('Förderstelle', rows);
    assert.equal(json.aid[0]!.amountCents, 1_234_550);
    assert.equal(json.aid[0]!.amountEuro, '12345.50');
    const other = await org(db, 'Andere Förderstelle', 'funding-body');
    assert.equal((await registerRows(db, other)).length, 0);
  });
});
