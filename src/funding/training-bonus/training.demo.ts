import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * The demo funding body's course list and settings for the training bonus. Course names and
 * providers are invented examples; the account is the Bundesbank's published example IBAN format
 * with a valid check sum, not a real account.
 */
export const DEMO_COURSES = [
  {
    code: 'VDI4645-GRUNDLAGEN',
    title: 'Planung und Dimensionierung von Wärmepumpenanlagen nach VDI 4645 (Beispiel)',
    provider: 'Bildungszentrum SHK Arnsberg (Beispiel)',
    standard: 'vdi-4645' as const,
    days: 3,
  },
  {
    code: 'VDI4645-AUFBAU',
    title: 'Wärmepumpen im Bestand: hydraulischer Abgleich und Auslegung (Beispiel)',
    provider: 'Handwerkskammer Dortmund Bildungszentrum (Beispiel)',
    standard: 'vdi-4645' as const,
    days: 2,
  },
  {
    code: 'WP-KAELTE-1',
    title: 'Kältemittelkreislauf von Wärmepumpen für Planende (Beispiel)',
    provider: 'Kälte-Akademie Westfalen (Beispiel)',
    standard: 'equivalent' as const,
    days: 1,
  },
];

export async function seedTrainingBonus(
  trx: Transaction<Database>,
  fundingBodyId: string,
): Promise<void> {
  await trx
    .insertInto('training_courses')
    .values(DEMO_COURSES.map((c) => ({ ...c, tenant_id: fundingBodyId })))
    .execute();
  await trx
    .insertInto('training_bonus_settings')
    .values({
      tenant_id: fundingBodyId,
      qa_sample_permille: 50,
      debtor_name: 'Bezirksregierung Arnsberg (Beispiel)',
      debtor_iban: 'DE02370501980001802057',
      debtor_bic: 'COLSDE33XXX',
    })
    .execute();
}
