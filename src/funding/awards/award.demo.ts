import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import {
  PROGRES_GEOTHERMAL_2026,
  PROGRES_SOLAR_PROCESS_HEAT_2026,
  TRANSFORMATION_CONCEPTS_2022,
} from '../../law/funding/index.ts';
import { recordAward, type AwardInput } from './award.actions.ts';

/**
 * Three example grants of the demo funding body, so the public award list is not empty after
 * `npm start`. Recipients, amounts and purposes are invented and marked as examples; each is
 * published on the day of its (invented) decision.
 */
const EXAMPLES: (Omit<AwardInput, 'fundingBodyId' | 'now' | 'procedureId'> & {
  onDemoCompany?: boolean;
})[] = [
  {
    recipientOrgId: null,
    onDemoCompany: true,
    recipientSize: 'medium',
    programme: TRANSFORMATION_CONCEPTS_2022,
    amountCents: 14_850_000,
    grantedOn: '2026-10-14',
    purpose: 'Beispiel: Transformationskonzept für die treibhausgasneutrale Produktion am Standort',
    reference: 'Beispiel 33.2-2026-0147',
  },
  {
    recipientOrgId: null,
    recipientName: 'Gießerei Hennesee GmbH (Beispiel)',
    recipientAgs: '05958032',
    recipientSize: 'small',
    naceCode: '24.51',
    programme: PROGRES_GEOTHERMAL_2026,
    amountCents: 21_200_000,
    grantedOn: '2026-11-03',
    purpose: 'Beispiel: Erdwärmesondenfeld mit Wärmepumpe für die Hallenheizung',
    reference: 'Beispiel 33.2-2026-0188',
  },
  {
    recipientOrgId: null,
    recipientName: 'Kältetechnik Phoenix-See GmbH (Beispiel)',
    recipientAgs: '05913000',
    recipientSize: 'medium',
    naceCode: '28.25',
    programme: PROGRES_SOLAR_PROCESS_HEAT_2026,
    amountCents: 12_640_050,
    grantedOn: '2026-11-20',
    purpose: 'Beispiel: Solarthermieanlage für Prozesswärme in der Fertigung',
    reference: 'Beispiel 33.2-2026-0203',
  },
];

export async function seedFundingAwards(
  trx: Transaction<Database>,
  ids: { fundingBodyId: string; demoCompanyId: string },
): Promise<void> {
  for (const { onDemoCompany, ...example } of EXAMPLES) {
    await recordAward(trx, {
      ...example,
      recipientOrgId: onDemoCompany ? ids.demoCompanyId : example.recipientOrgId,
      fundingBodyId: ids.fundingBodyId,
      procedureId: null,
      now: new Date(`${example.grantedOn}T10:00:00Z`),
    });
  }
}
