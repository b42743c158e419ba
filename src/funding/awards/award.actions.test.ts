import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { DE_MINIMIS_2023 } from '../../law/funding/programmes/common-rules.ts';
import { AppError } from '../../platform/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { recordAward, type AwardInput } from './award.actions.ts';
import { aidBasisLabel, publicationDecision } from './award.publication.ts';

async function org(db: Db, name: string, kind: 'company' | 'funding-body') {
  const row = await db
    .insertInto('organisations')
    .values({ name, kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function awardCount(db: Db): Promise<number> {
  const row = await sql<{ n: string }>`select count(*) as n from funding_awards`.execute(db);
  return Number(row.rows[0]!.n);
}

const GBER = { kind: 'gber', article: 'Art. 38 AGVO' } as const;

describe('publication decision (Art. 9 (1) (c) AGVO)', () => {
  it('publishes strictly above 100,000 EUR, for every basis except none', () => {
    assert.equal(publicationDecision(GBER, 10_000_000).publish, false);
    assert.equal(publicationDecision(GBER, 10_000_001).publish, true);
    assert.equal(publicationDecision(DE_MINIMIS_2023, 10_000_001).publish, true);
    assert.equal(publicationDecision(DE_MINIMIS_2023, 9_999_999).publish, false);
    assert.equal(
      publicationDecision({ kind: 'none', reason: 'keine Begünstigung' }, 50_000_000).publish,
      false,
    );
  });

  it('labels the legal basis as the list shows it', () => {
    assert.equal(aidBasisLabel(GBER), 'AGVO Art. 38');
    assert.equal(aidBasisLabel(DE_MINIMIS_2023), 'De-minimis (VO (EU) 2023/2831)');
  });
});

describe('recordAward', () => {
  let database: TestDatabase;
  let db: Db;
  let body: string;
  let company: string;
  let input: (overrides?: Partial<AwardInput>) => AwardInput;
  before(async () => {
    database = await createTestDatabase();
    db = database.db;
    body = await org(db, 'Bezirksregierung Beispiel – Förderung', 'funding-body');
    company = await org(db, 'Beispiel Metallbau GmbH', 'company');
    input = (overrides = {}) => ({
      fundingBodyId: body,
      procedureId: null,
      recipientOrgId: company,
      recipientAgs: '05774028',
      recipientSize: 'small',
      naceCode: '25.11',
      programme: { programmeId: 'nrw-beispiel', title: 'Beispielprogramm', stateAid: GBER },
      amountCents: 10_000_001,
      grantedOn: '2026-11-30',
      purpose: 'Neue Fertigungslinie',
      now: new Date('2026-11-30T09:00:00Z'),
      ...overrides,
    });
  });
  after(async () => database.drop());

  it('publishes 100,000.01 € at once and records 100,000.00 € unpublished', async () => {
    const above = await recordAward(db, input());
    assert.equal(above.published, true);
    const exact = await recordAward(db, input({ amountCents: 10_000_000 }));
    assert.equal(exact.published, false);
    const rows = await db
      .selectFrom('funding_awards')
      .select(['id', 'published_from', 'recipient_name', 'aid_basis', 'tenant_id'])
      .execute();
    const published = rows.find((r) => r.id === above.id)!;
    assert.deepEqual(published.published_from, new Date('2026-11-30T09:00:00Z'));
    assert.equal(published.recipient_name, 'Beispiel Metallbau GmbH');
    assert.equal(published.aid_basis, 'AGVO Art. 38');
    assert.equal(published.tenant_id, body);
    assert.equal(rows.find((r) => r.id === exact.id)!.published_from, null);
  });

  it('works inside the caller’s transaction: a rollback leaves nothing', async () => {
    const before = await awardCount(db);
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await recordAward(trx, input());
        throw new Error('Bescheid nicht gezeichnet');
      }),
    );
    assert.equal(await awardCount(db), before);
  });

  it('refuses bad input with German messages and writes nothing', async () => {
    const before = await awardCount(db);
    const cases: [Partial<AwardInput>, RegExp][] = [
      [{ amountCents: 0 }, /größer als 0,00 €/],
      [{ amountCents: -5 }, /größer als 0,00 €/],
      [{ amountCents: 12.5 }, /ganzen Cent/],
      [{ amountCents: 100_000_000_001 }, /1 Mrd/],
      [{ grantedOn: '2026-02-30' }, /Tag der Bewilligung/],
      [{ purpose: ' ' }, /Zweck/],
      [{ recipientAgs: '5774028' }, /8 Ziffern/],
      [{ naceCode: 'C25' }, /NACE/],
      [{ recipientSize: 'huge' as 'large' }, /Unternehmensgröße/],
      [{ recipientOrgId: 'kein-uuid' }, /Zuwendungsempfängers ist ungültig/],
      [{ recipientOrgId: body }, /kein Unternehmen/],
      [{ recipientOrgId: null }, /Name des Zuwendungsempfängers/],
      [{ procedureId: 'x' }, /Förderverfahrens/],
      [
        { programme: { programmeId: 'Bad Id', title: 'X', stateAid: GBER } },
        /Förderprogramms ist ungültig/,
      ],
      [{ reference: 'A'.repeat(81) }, /Aktenzeichen/],
    ];
    for (const [overrides, message] of cases) {
      await assert.rejects(recordAward(db, input(overrides)), (error: unknown) => {
        assert.ok(error instanceof AppError, String(error));
        assert.equal(error.code, 'validation');
        assert.match(error.message, message);
        return true;
      });
    }
    await assert.rejects(
      recordAward(db, input({ fundingBodyId: company })),
      (e: unknown) => e instanceof AppError && e.code === 'not_found',
    );
    assert.equal(await awardCount(db), before);
  });

  it('records one award per procedure; a second is a conflict', async () => {
    const procedure = await db
      .insertInto('procedures')
      .values({
        tenant_id: body,
        reference: 'F-2026-1',
        title: 'Förderantrag',
        type_key: 'funding',
        type_version: '1',
        step: 'decided',
        state: JSON.stringify({}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAward(db, input({ procedureId: procedure.id }));
    const before = await awardCount(db);
    await assert.rejects(
      recordAward(db, input({ procedureId: procedure.id })),
      (e: unknown) => e instanceof AppError && e.code === 'conflict',
    );
    assert.equal(await awardCount(db), before);
  });

  it('two concurrent decisions on one procedure record one award; the other is a conflict', async () => {
    const procedure = await db
      .insertInto('procedures')
      .values({
        tenant_id: body,
        reference: 'F-2026-2',
        title: 'Förderantrag',
        type_key: 'funding',
        type_version: '1',
        step: 'decided',
        state: JSON.stringify({}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const results = await Promise.allSettled(
      [1, 2].map(() =>
        db.transaction().execute(async (trx) => {
          const result = await recordAward(trx, input({ procedureId: procedure.id }));
          await sql`select pg_sleep(0.05)`.execute(trx);
          return result;
        }),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const refused = results.find((r) => r.status === 'rejected');
    assert.ok(refused?.reason instanceof AppError && refused.reason.code === 'conflict');
    const rows = await db
      .selectFrom('funding_awards')
      .select('id')
      .where('procedure_id', '=', procedure.id)
      .execute();
    assert.equal(rows.length, 1);
  });

  it('takes seat, sector and legal form from the company profile; a sole trader is marked', async () => {
    const trader = await org(db, 'Erika Mustermann Kältetechnik', 'company');
    await db
      .insertInto('company_profile_versions')
      .values({
        tenant_id: trader,
        version: 1,
        valid_from: '2025-12-31',
        recorded_by: null,
        legal_form: 'einzelunternehmen',
        legal_form_other: null,
        register_court: null,
        register_number: null,
        nace_code: '43.22',
        seat_ags: '05913000',
        staff_awu: '3',
        turnover_cents: 40_000_000,
        balance_sheet_cents: 10_000_000,
        figures_year: 2025,
        crafts_chamber_member: true,
        crafts_trade: null,
        public_bodies_share_ppm: null,
        undertaking_in_difficulty: false,
      })
      .execute();
    const { id } = await recordAward(
      db,
      input({
        recipientOrgId: trader,
        recipientAgs: undefined,
        naceCode: undefined,
        recipientSize: 'micro',
      }),
    );
    const row = await db
      .selectFrom('funding_awards')
      .select(['recipient_ags', 'nace_code', 'recipient_natural_person', 'recipient_size'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, {
      recipient_ags: '05913000',
      nace_code: '43.22',
      recipient_natural_person: true,
      recipient_size: 'small',
    });
  });
});
