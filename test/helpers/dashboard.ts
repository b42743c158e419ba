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
