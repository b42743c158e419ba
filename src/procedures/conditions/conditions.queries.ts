import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Category of conditions an agency proposes when it names none (shown as its own group). */
export const AGENCY_CONDITION_CATEGORY = 'Fachbehördliche Nebenbestimmungen';

/**
 * Records the conditions an agency proposes in its statement, as proposals the case worker adopts
 * or rejects with a reason. Runs in the caller's transaction (the one that stores the statement).
 */
export async function proposeAgencyConditions(
  trx: Transaction<Database>,
  options: {
    procedureId: string;
    tenantId: string;
    agencyOrgId: string;
    texts: readonly string[];
    category?: string;
    now: Date;
  },
): Promise<void> {
  const texts = options.texts.map((t) => t.trim()).filter((t) => t.length > 0);
  if (texts.length === 0) return;
  const last = await trx
    .selectFrom('procedure_conditions')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('procedure_id', '=', options.procedureId)
    .executeTakeFirst();
  const start = Number(last?.max ?? 0) + 1;
  await trx
    .insertInto('procedure_conditions')
    .values(
      texts.map((text, index) => ({
        procedure_id: options.procedureId,
        tenant_id: options.tenantId,
        source: 'agency' as const,
        agency_org_id: options.agencyOrgId,
        category: options.category ?? AGENCY_CONDITION_CATEGORY,
        text,
        status: 'proposed' as const,
        position: start + index,
        proposed_at: options.now,
      })),
    )
    .execute();
}
