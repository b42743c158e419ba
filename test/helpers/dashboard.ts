/**
 * Cases with known dates, deadlines, objections and amounts for the monitoring dashboard, written
 * straight into the case tables (as the procedures would have left them), so every figure can be
 * worked out by hand. Personal values are seeded on purpose: no drill-down may show them.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../src/db/database.ts';

/** Personal values that must never appear in any dashboard output. */
export const PERSONAL = {
  objectorName: 'Erika Einwenderin-Testfall',
  objectorAddress: 'Geheimgasse 77, 33100 Paderborn',
  objectorEmail: 'erika.testfall@example.org',
  objectionText: 'Mein Grundstück Flurstück 4711 wird entwertet',
  employee: 'Karl Kältetechnik-Testfall',
  iban: 'DE02120300000000202051',
  recipient: 'Hans Beispielmann-Testfall',
} as const;

async function orgId(db: Db, prefix: string): Promise<string> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('name', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();
  return row.id;
}

interface PermitFixture {
  reference: string;
  authority: 'paderborn' | 'muenster';
  submitted: string;
  complete?: string;
  decided?: string;
  delivered?: string;
  due?: string;
}

/** Stand 2026-06-30 (see the dashboard test for the expected figures). */
export const PERMITS: readonly PermitFixture[] = [
  {
    reference: 'TEST-1',
    authority: 'paderborn',
    submitted: '2026-01-05',
    complete: '2026-01-15',
    decided: '2026-03-16',
    delivered: '2026-03-20',
    due: '2026-04-15',
  },
  {
    reference: 'TEST-2',
    authority: 'paderborn',
    submitted: '2026-01-10',
    complete: '2026-02-09',
    decided: '2026-06-10',
    due: '2026-05-09',
  },
  {
    reference: 'TEST-3',
    authority: 'muenster',
    submitted: '2026-02-01',
    complete: '2026-02-21',
    due: '2026-05-21',
  },
  { reference: 'TEST-4', authority: 'muenster', submitted: '2026-06-01' },
  {
    reference: 'TEST-5',
    authority: 'muenster',
    submitted: '2026-03-01',
    complete: '2026-03-11',
    decided: '2026-05-20',
    due: '2026-06-11',
  },
  // Submitted after the stand: counted by no figure of 2026-06-30.
  { reference: 'TEST-6', authority: 'paderborn', submitted: '2026-07-05' },
];

/** Noon in Berlin (summer time), so the Berlin day is the day written. */
const at = (day: string) => `${day}T10:00:00Z`;

export async function seedPermitCases(db: Db): Promise<Record<string, string>> {
  const authorities = {
    paderborn: await orgId(db, 'Kreis Paderborn'),
    muenster: await orgId(db, 'Bezirksregierung Münster'),
  };
  const ids: Record<string, string> = {};
  for (const p of PERMITS) {
    const tenant = authorities[p.authority];
    const { id } = await db
      .insertInto('procedures')
      .values({
        tenant_id: tenant,
        reference: p.reference,
        title: `Vorhaben von ${PERSONAL.recipient}`,
        type_key: 'bimschg-simplified',
        type_version: '2024-07',
        step: 'submitted',
        state: '{}',
        submitted_at: at(p.submitted),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[p.reference] = id;
    const events: [string, string | undefined][] = [
      ['application-submitted', p.submitted],
      ['completeness-confirmed', p.complete],
      ['decision-issued', p.decided],
      ['decision-delivered', p.delivered],
    ];
    let seq = 0;
    for (const [type, day] of events) {
      if (!day) continue;
      seq += 1;
      await db
        .insertInto('procedure_events')
        .values({
          procedure_id: id,
          seq,
          tenant_id: tenant,
          at: at(day),
          actor_id: null,
          actor_role: 'case_worker',
          type,
          data: JSON.stringify({ note: PERSONAL.objectorName }),
          prev_hash: null,
          hash: createHash('sha256').update(`${id}${seq}`).digest('hex'),
        })
        .execute();
    }
    if (p.due) {
      await db
        .insertInto('procedure_deadlines')
        .values({
          procedure_id: id,
          key: 'decision',
          tenant_id: tenant,
          label: 'Entscheidungsfrist',
          start_date: p.complete!,
          end_date: p.due,
          status: p.decided ? 'met' : 'running',
          responsible: 'authority',
          effect_on_expiry: 'escalate',
          rationale: 'Test',
          citations: '[]',
        })
        .execute();
    }
  }
  return ids;
}

/** Five objections on TEST-2 (three of them in one group) and one on TEST-3. */
export async function seedObjections(db: Db, ids: Record<string, string>): Promise<void> {
  const procedure = await db
    .selectFrom('procedures')
    .select(['id', 'tenant_id'])
    .where('id', '=', ids['TEST-2']!)
    .executeTakeFirstOrThrow();
  const group = await db
    .insertInto('objection_groups')
    .values({
      procedure_id: procedure.id,
      tenant_id: procedure.tenant_id,
      origin: 'auto',
      created_at: at('2026-04-01'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const objection = (procedureId: string, tenantId: string, n: number, groupId: string | null) => ({
    procedure_id: procedureId,
    tenant_id: tenantId,
    reference: `EW-TEST-${n}`,
    received_at: at('2026-03-20'),
    channel: 'web' as const,
    body: `${PERSONAL.objectionText} (${n})`,
    name: PERSONAL.objectorName,
    address: PERSONAL.objectorAddress,
    email: PERSONAL.objectorEmail,
    late: false,
    sha256: createHash('sha256').update(String(n)).digest('hex'),
    group_id: groupId,
  });
  await db
    .insertInto('objections')
    .values(
      [1, 2, 3, 4, 5].map((n) =>
        objection(procedure.id, procedure.tenant_id, n, n <= 3 ? group.id : null),
      ),
    )
    .execute();
  const other = await db
    .selectFrom('procedures')
    .select(['id', 'tenant_id'])
    .where('id', '=', ids['TEST-3']!)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('objections')
    .values(objection(other.id, other.tenant_id, 6, null))
    .execute();
}

async function profile(db: Db, companyPrefix: string, seatAgs: string): Promise<string> {
  const tenant = await orgId(db, companyPrefix);
  await db
    .insertInto('company_profile_versions')
    .values({
      tenant_id: tenant,
      version: 99,
      valid_from: '2026-01-01',
      recorded_at: at('2026-01-02'),
      recorded_by: null,
      legal_form: 'gmbh',
      legal_form_other: null,
      register_court: null,
      register_number: null,
      nace_code: '24.51',
      seat_ags: seatAgs,
      staff_awu: '40',
      turnover_cents: 500_000_000,
      balance_sheet_cents: 400_000_000,
      figures_year: 2025,
      crafts_chamber_member: false,
      crafts_trade: null,
      public_bodies_share_ppm: 0,
      undertaking_in_difficulty: false,
    })
    .execute();
  return tenant;
}

export const PROGRAMME_A = 'nrw-transformationskonzepte';
export const PROGRAMME_B = 'nrw-erstberatung-klimaneutral';

/**
 * Three funding cases (stand 2026-06-30): F1 and F3 of a foundry in Kreis Soest, F2 of a wind
 * farm in Kreis Paderborn; money booked on the ledger, grants in the award list by size class,
 * and two training bonuses paid in May and June.
 */
export async function seedFundingCases(db: Db): Promise<void> {
  const body = await orgId(db, 'Bezirksregierung Arnsberg – Dezernat 33');
  const foundry = await profile(db, 'Gießerei Hellweg', '05974028');
  const windpark = await profile(db, 'Windpark Sintfeld', '05774032');
  const lines: Record<string, string> = {};
  for (const programme of [PROGRAMME_A, PROGRAMME_B, 'progres-bildungspraemie-waermepumpe']) {
    const { id } = await db
      .insertInto('funding_budget_lines')
      .values({
        tenant_id: body,
        programme_id: programme,
        budget_line: `685 ${programme.length}`,
        year: 2026,
        label: 'Test',
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    lines[programme] = id;
    await db
      .insertInto('funding_ledger_entries')
      .values({
        tenant_id: body,
        line_id: id,
        kind: 'appropriation',
        amount_cents: 1_000_000_00,
        procedure_id: null,
        reason: 'Haushalt 2026',
        recorded_at: at('2026-01-02'),
      })
      .execute();
  }
  const cases = [
    {
      ref: 'F-1',
      programme: PROGRAMME_A,
      company: foundry,
      submitted: '2026-02-01',
      decided: '2026-03-03',
      requested: 100_000_00,
      money: [
        ['commitment', 80_000_00, '2026-03-03'],
        ['payment', 50_000_00, '2026-05-05'],
      ],
    },
    {
      ref: 'F-2',
      programme: PROGRAMME_A,
      company: windpark,
      submitted: '2026-02-10',
      decided: '2026-04-21',
      requested: 50_000_00,
      money: [
        ['commitment', 40_000_50, '2026-04-21'],
        ['release', 500_50, '2026-06-01'],
      ],
    },
    {
      ref: 'F-3',
      programme: PROGRAMME_B,
      company: foundry,
      submitted: '2026-05-01',
      decided: undefined,
      requested: 20_000_00,
      money: [],
    },
  ] as const;
  for (const c of cases) {
    const { id } = await db
      .insertInto('procedures')
      .values({
        tenant_id: body,
        applicant_org_id: c.company,
        reference: c.ref,
        title: `Antrag von ${PERSONAL.recipient}`,
        type_key: 'funding-grant',
        type_version: '2026-01',
        step: 'submitted',
        state: '{}',
        submitted_at: at(c.submitted),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('funding_cases')
      .values({
        procedure_id: id,
        tenant_id: body,
        applicant_org_id: c.company,
        line_id: lines[c.programme]!,
        programme_id: c.programme,
        programme_version: '2026-01',
        measure_id: 'm1',
        requested_cents: c.requested,
        eligible_cents: c.requested,
      })
      .execute();
    if (c.decided) {
      await db
        .insertInto('procedure_events')
        .values({
          procedure_id: id,
          seq: 1,
          tenant_id: body,
          at: at(c.decided),
          actor_id: null,
          actor_role: 'case_worker',
          type: 'grant-decided',
          data: '{}',
          prev_hash: null,
          hash: createHash('sha256').update(id).digest('hex'),
        })
        .execute();
    }
    for (const [kind, cents, day] of c.money) {
      await db
        .insertInto('funding_ledger_entries')
        .values({
          tenant_id: body,
          line_id: lines[c.programme]!,
          kind,
          amount_cents: cents,
          procedure_id: id,
          reason: 'Test',
          recorded_at: at(day),
        })
        .execute();
    }
  }
  const award = (size: 'small' | 'medium' | 'large' | null, cents: number, ref: string) => ({
    tenant_id: body,
    recipient_name: PERSONAL.recipient,
    recipient_natural_person: true,
    recipient_size: size,
    programme_id: PROGRAMME_A,
    programme_title: 'Transformationskonzepte',
    aid_basis: 'Art. 22 AGVO',
    aid_instrument: 'grant' as const,
    amount_cents: cents,
    granted_on: '2026-03-03',
    purpose: 'Test',
    reference: ref,
  });
  await db
    .insertInto('funding_awards')
    .values([
      award('small', 30_000_00, 'F-1'),
      award('medium', 60_000_00, 'A-2'),
      award(null, 10_000_00, 'A-3'),
    ])
    .execute();
  const { id: course } = await db
    .insertInto('training_courses')
    .values({
      tenant_id: body,
      code: 'WP-TEST',
      title: 'Wärmepumpe Grundkurs',
      provider: 'Testakademie',
      standard: 'vdi-4645',
      days: 3,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [n, paidOn, cents] of [
    [1, '2026-05-10', 450_00],
    [2, '2026-06-12', 600_00],
  ] as const) {
    const { id: claim } = await db
      .insertInto('training_claims')
      .values({
        tenant_id: body,
        company_id: windpark,
        person_key: createHash('sha256').update(`person${n}`).digest('hex'),
        employee_name: `${PERSONAL.employee} ${n}`,
        role: 'fitter',
        course_id: course,
        course_start: '2026-04-01',
        course_end: '2026-04-03',
        training_days: 3,
        iban: PERSONAL.iban,
        account_holder: PERSONAL.employee,
        requested_cents: cents,
        cap_cents: 1_000_00,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // As the checks and the payment run leave it: approved with the amount, then paid.
    for (const status of ['approved', 'paid'] as const) {
      await db
        .updateTable('training_claims')
        .set({ status, granted_cents: cents })
        .where('id', '=', claim)
        .execute();
    }
    const line = lines['progres-bildungspraemie-waermepumpe']!;
    for (const kind of ['commitment', 'payment'] as const) {
      await db
        .insertInto('funding_ledger_entries')
        .values({
          tenant_id: body,
          line_id: line,
          kind,
          amount_cents: cents,
          procedure_id: null,
          claim_id: claim,
          reason: 'Bildungsprämie',
          recorded_at: at(paidOn),
        })
        .execute();
    }
  }
}
