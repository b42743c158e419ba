import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';

/**
 * Complete example master data for the demo authorities, so that every notice, letter and mail
 * of the demo can go out. EXAMPLES ONLY: the addresses follow the real authorities' towns but
 * are not their official data; phone numbers and postboxes are made up; mail addresses and
 * websites use the reserved ".example" domain; the IBANs are published test IBANs with a valid
 * checksum that belong to no real account.
 */
export interface DemoAuthorityProfile {
  department: string;
  postal: { street: string; postalCode: string; city: string };
  visiting: { street: string; postalCode: string; city: string };
  officeHours: string;
  phone: string;
  email: string;
  website: string;
  bank: { holder: string; bankName: string; iban: string; bic: string };
  referencePattern: string;
  signatories: { name: string; function: string }[];
}

export const DEMO_AUTHORITY_PROFILES: Record<
  'kreis-paderborn' | 'brms' | 'foerderung',
  DemoAuthorityProfile
> = {
  'kreis-paderborn': {
    department: 'Untere Immissionsschutzbehörde (Beispiel)',
    postal: { street: 'Postfach 99 99', postalCode: '33099', city: 'Paderborn' },
    visiting: { street: 'Aldegreverstraße 10 (Beispiel)', postalCode: '33102', city: 'Paderborn' },
    officeHours: 'Mo–Do 8:30–15:30 Uhr\nFr 8:30–12:00 Uhr\nund nach Vereinbarung',
    phone: '05251 9999-0',
    email: 'immissionsschutz@kreis-paderborn.example',
    website: 'https://www.kreis-paderborn.example',
    bank: {
      holder: 'Kreiskasse Paderborn (Beispiel)',
      bankName: 'Beispielbank Paderborn',
      // Test IBAN with a valid checksum, used in documentation; no real account.
      iban: 'DE89370400440532013000',
      bic: 'COBADEFFXXX',
    },
    referencePattern: '66.{NR}/{JJJJ}-BImSchG',
    signatories: [
      { name: 'Dr. Petra Beispiel', function: 'Leiterin der Unteren Immissionsschutzbehörde' },
      { name: 'Markus Muster', function: 'Stellvertretender Sachgebietsleiter' },
    ],
  },
  brms: {
    department: 'Dezernat 53 – Immissionsschutz (Beispiel)',
    postal: { street: 'Postfach 99 98', postalCode: '48099', city: 'Münster' },
    visiting: { street: 'Domplatz 1 (Beispiel)', postalCode: '48143', city: 'Münster' },
    officeHours: 'Mo–Fr 8:30–12:00 Uhr\nMo–Do 13:30–15:00 Uhr',
    phone: '0251 9999-0',
    email: 'dezernat53@brms.example',
    website: 'https://www.brms.example',
    bank: {
      holder: 'Landeshauptkasse NRW (Beispiel)',
      bankName: 'Beispielbank Münster',
      // Test IBAN with a valid checksum (Bundesbank test set); no real account.
      iban: 'DE02120300000000202051',
      bic: 'BYLADEM1001',
    },
    referencePattern: '53.{NR}/{JJ}',
    signatories: [
      { name: 'Carla Exempel', function: 'Dezernentin Dezernat 53' },
      { name: 'Jonas Probe', function: 'Im Auftrag: Sachbearbeiter Immissionsschutz' },
    ],
  },
  // The demo funding body (Bewilligungsbehörde for progres.nrw and the transformation concepts).
  foerderung: {
    department: 'Dezernat 33 – Förderung (Beispiel)',
    postal: { street: 'Postfach 99 97', postalCode: '59817', city: 'Arnsberg' },
    visiting: { street: 'Seibertzstraße 1 (Beispiel)', postalCode: '59821', city: 'Arnsberg' },
    officeHours: 'Mo–Do 8:30–15:00 Uhr\nFr 8:30–12:00 Uhr',
    phone: '02931 9999-0',
    email: 'foerderung@bezreg-arnsberg.example',
    website: 'https://www.bezreg-arnsberg.example',
    bank: {
      holder: 'Landeshauptkasse NRW (Beispiel)',
      bankName: 'Beispielbank Arnsberg',
      // Test IBAN with a valid checksum (Bundesbank test set); no real account.
      iban: 'DE02120300000000202051',
      bic: 'BYLADEM1001',
    },
    referencePattern: '33.{NR}/{JJJJ}-F',
    signatories: [
      { name: 'Leo Leitung', function: 'Dezernent Dezernat 33 – Förderung' },
      { name: 'Fiona Förderung', function: 'Im Auftrag: Sachbearbeitung Förderung' },
    ],
  },
};

/**
 * Writes the example master data for the demo authorities found in `orgIdByKey`, in the caller's
 * transaction (the demo seed is one); existing master data is left as it is.
 */
export async function seedAuthorityProfiles(
  db: Db | Transaction<Database>,
  orgIdByKey: ReadonlyMap<string, string>,
): Promise<void> {
  for (const [key, p] of Object.entries(DEMO_AUTHORITY_PROFILES)) {
    const organisationId = orgIdByKey.get(key);
    if (!organisationId) continue;
    {
      const trx = db;
      await trx
        .insertInto('authority_profiles')
        .values({
          organisation_id: organisationId,
          department: p.department,
          postal_street: p.postal.street,
          postal_code: p.postal.postalCode,
          postal_city: p.postal.city,
          visiting_street: p.visiting.street,
          visiting_code: p.visiting.postalCode,
          visiting_city: p.visiting.city,
          office_hours: p.officeHours,
          phone: p.phone,
          email: p.email,
          website: p.website,
          bank_holder: p.bank.holder,
          bank_name: p.bank.bankName,
          bank_iban: p.bank.iban,
          bank_bic: p.bank.bic,
          reference_pattern: p.referencePattern,
        })
        .onConflict((oc) => oc.column('organisation_id').doNothing())
        .execute();
      const existing = await trx
        .selectFrom('authority_signatories')
        .select('id')
        .where('organisation_id', '=', organisationId)
        .executeTakeFirst();
      if (existing) continue;
      await trx
        .insertInto('authority_signatories')
        .values(
          p.signatories.map((s, i) => ({
            organisation_id: organisationId,
            name: s.name,
            function: s.function,
            position: i + 1,
          })),
        )
        .execute();
    }
  }
}
