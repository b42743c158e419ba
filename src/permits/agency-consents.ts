import type { Transaction } from 'kysely';
import type { ConsentKind, ConsentStatus, Database } from '../db/schema.ts';
import { namesPlace } from '../procedures/agencies/agency.queries.ts';
import type { CaseDeadline, ProcedureEvent } from '../procedures/engine/index.ts';
import { CONSENTS } from './procedure-types/consents.ts';
import type { ApplicationData } from './application.ts';
import type { ProcedureRow } from './permit.queries.ts';

/** § 14 Abs. 1 LuftVG: outside protection areas, structures higher than 100 m above ground. */
export const AVIATION_CONSENT_HEIGHT_M = 100;

/**
 * Total height of the tallest turbine (hub height plus half the rotor diameter), from the
 * application's numbers rather than the rounded total stored with each turbine.
 */
export function tallestTurbineM(application: ApplicationData): number {
  return Math.max(
    0,
    ...application.turbines
      .map((t) => t.hubHeightM + t.rotorDiameterM / 2)
      .filter((height) => Number.isFinite(height)),
  );
}

/**
 * Which of the agencies asked now owe a consent, from the authority's directory and the project
 * — never from the person's input:
 * - the site's municipality (directory role 'municipality', named like the site's Gemeinde):
 *   wind turbines are outer-area projects (§ 35 Abs. 1 Nr. 5 BauGB), so its Einvernehmen is
 *   needed (§ 36 Abs. 1 S. 1 BauGB). [open] A site inside a Bebauungsplan (§ 30 BauGB) needs
 *   none; the application does not record that yet. A neighbouring municipality is asked for its
 *   statement only.
 * - the aviation authority (role 'aviation') when a turbine is higher than 100 m (§ 14 Abs. 1
 *   LuftVG). [open] Lower structures on elevations (§ 14 Abs. 2) and sites in a protection area
 *   (§ 12 LuftVG) are not modelled.
 */
export async function consentsOwed(
  trx: Transaction<Database>,
  row: ProcedureRow,
  agencies: readonly string[],
): Promise<Record<string, ConsentKind>> {
  if (agencies.length === 0) return {};
  const entries = await trx
    .selectFrom('agency_directory as d')
    .innerJoin('organisations as o', 'o.id', 'd.agency_org_id')
    .select(['d.agency_org_id', 'd.role', 'o.name'])
    .where('d.tenant_id', '=', row.tenantId)
    .where('d.agency_org_id', 'in', [...agencies])
    .execute();
  const tall = tallestTurbineM(row.application) > AVIATION_CONSENT_HEIGHT_M;
  const owed: Record<string, ConsentKind> = {};
  for (const entry of entries) {
    if (entry.role === 'municipality' && namesPlace(entry.name, row.application.site.gemeinde))
      owed[entry.agency_org_id] = 'municipality';
    if (entry.role === 'aviation' && tall) owed[entry.agency_org_id] = 'aviation';
  }
  return owed;
}

const STATUS_OF: Record<string, ConsentStatus> = {
  'consent-given': 'given',
  'consent-refused': 'refused',
  'consent-deemed-given': 'deemed-given',
  'consent-replaced': 'replaced',
};

const deadlineKey = (kind: string) => CONSENTS.find((c) => c.key === kind)?.deadline;

/**
 * Keeps the consent columns of procedure_agencies in step with the audit event (same
 * transaction): requested with the involvement (due date from the deadline engine), then the
 * answer, the fiction or the replacement with its reasons.
 */
export async function recordConsents(
  trx: Transaction<Database>,
  row: ProcedureRow,
  event: ProcedureEvent,
  deadlines: readonly CaseDeadline[],
): Promise<void> {
  const requested = event.data.consents;
  if (requested && typeof requested === 'object' && !Array.isArray(requested)) {
    for (const [agency, kind] of Object.entries(requested as Record<string, unknown>)) {
      if (kind !== 'municipality' && kind !== 'aviation') continue;
      const due = deadlines.find((d) => d.key === deadlineKey(kind) && d.instance === agency)?.end;
      await trx
        .updateTable('procedure_agencies')
        .set({ consent: kind, consent_status: 'requested', consent_due: due ?? null })
        .where('procedure_id', '=', row.id)
        .where('agency_org_id', '=', agency)
        .execute();
    }
  }
  const status = STATUS_OF[event.type];
  const agency = event.data.agency;
  if (!status || typeof agency !== 'string') return;
  const reasons = typeof event.data.reasons === 'string' ? event.data.reasons : '';
  await trx
    .updateTable('procedure_agencies')
    .set({
      consent_status: status,
      ...(status === 'deemed-given' ? {} : { consent_reasons: reasons || null }),
    })
    .where('procedure_id', '=', row.id)
    .where('agency_org_id', '=', agency)
    .execute();
}
