import type { TestApp } from '../helpers/app.ts';
import { applicationBody, DEMO_PROJECTS, orgId } from '../helpers/permits.ts';
import { parseApplication } from '../../src/permits/application.ts';
import { PROCEDURE_TYPE_VERSIONS } from '../../src/permits/procedure-types/index.ts';
import { reachableCases } from '../../src/permits/procedure-types/reachable.ts';
import { appendAuditEvent } from '../../src/procedures/audit.queries.ts';
import type { ProcedureTypeVersion } from '../../src/procedures/engine/index.ts';

export const APPLICANT = 'antrag@windpark-sintfeld.example';
export const WORKER = 'sachbearbeitung@kreis-paderborn.example';
export const AGENCY = 'toeb@lanuk.example';
export const SUPERVISOR = 'leitung@kreis-paderborn.example';
/** Same roles, other organisations: an authority and (below) a company that are not parties. */
export const OTHER_WORKER = 'sachbearbeitung@brms.example';

export interface MatrixProcedure {
  id: string;
  type: ProcedureTypeVersion;
  step: string;
  /** The asked agency (LANUK) is a party once the engine state lists asked agencies. */
  agencyAsked: boolean;
}

/**
 * One procedure of Kreis Paderborn and Windpark Sintfeld in every step of every procedure type
 * version, reached by walking the type from its draft with the engine (reachableCases) and stored
 * with its history in the hash-chained audit log, as performAction would have left it. Writing
 * the rows directly keeps the matrix fast and reaches old rule versions that today's clock
 * would no longer pick for a new application.
 */
export async function createMatrixProcedures(t: TestApp): Promise<MatrixProcedure[]> {
  const kreis = await orgId(t, 'Kreis Paderborn');
  const windpark = await orgId(t, 'Windpark Sintfeld');
  const lanuk = await orgId(t, 'Landesamt für Natur');
  const application = parseApplication(applicationBody(DEMO_PROJECTS[0]!, kreis)).data;
  const created: MatrixProcedure[] = [];
  for (const type of PROCEDURE_TYPE_VERSIONS) {
    for (const [step, c] of reachableCases(type)) {
      const id = await t.database.db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('procedures')
          .values({
            tenant_id: kreis,
            applicant_org_id: windpark,
            reference: `MATRIX-${type.key}-${type.version}-${step}`,
            title: `${application.title} (${step})`,
            type_key: type.key,
            type_version: type.version,
            step,
            state: JSON.stringify(c.state),
            application: JSON.stringify(application),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (const event of c.history) {
          const emitter = type.transitions.find((tr) => tr.event === event.type);
          await appendAuditEvent(trx, {
            procedureId: row.id,
            tenantId: kreis,
            at: new Date(`${event.at}T10:00:00Z`),
            actorId: null,
            actorRole: emitter?.roles[0] ?? 'system',
            type: event.type,
            data: { ...event.data },
          });
        }
        if (c.state.agencies.length > 0) {
          await trx
            .insertInto('procedure_agencies')
            .values({
              procedure_id: row.id,
              agency_org_id: lanuk,
              tenant_id: kreis,
              asked_at: new Date(`${c.today}T10:00:00Z`),
              due_date: c.today,
              status: 'asked',
            })
            .execute();
        }
        return row.id;
      });
      created.push({ id, type, step, agencyAsked: c.state.agencies.length > 0 });
    }
  }
  return created;
}
