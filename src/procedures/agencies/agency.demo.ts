import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AgencyRole, Database } from '../../db/schema.ts';

/**
 * Example agencies for the two demo authorities. Real kinds of offices with made-up names, all
 * marked "(Beispiel)": no real person or mailbox is behind them. No name starts with the name of
 * a demo authority, so that looking an authority up by its name stays unambiguous. Several authorities share the
 * agencies that serve a whole region (aviation, Bundeswehr, weather service, monuments).
 */
export interface DemoAgency {
  readonly name: string;
  readonly role: AgencyRole;
  /** Preselected for wind projects. */
  readonly wind: boolean;
}

const SHARED = {
  monuments: {
    name: 'LWL-Denkmalpflege, Landschafts- und Baukultur in Westfalen (Beispiel)',
    role: 'monuments',
    wind: true,
  },
  aviation: {
    name: 'Dezernat 26 Luftverkehr der Bezirksregierung Münster (Beispiel)',
    role: 'aviation',
    wind: true,
  },
  military: {
    name: 'Bundesamt für Infrastruktur, Umweltschutz und Dienstleistungen der Bundeswehr – Referat Infra I 3 (Beispiel)',
    role: 'military',
    wind: true,
  },
  weather: { name: 'Deutscher Wetterdienst – Wetterradar (Beispiel)', role: 'weather', wind: true },
} as const satisfies Record<string, DemoAgency>;

export const DEMO_AGENCIES: Readonly<Record<'kreis-paderborn' | 'brms', readonly DemoAgency[]>> = {
  'kreis-paderborn': [
    { name: 'Stadt Lichtenau – Bauamt (Beispiel)', role: 'municipality', wind: true },
    {
      name: 'Stadt Büren – Fachbereich Planen und Bauen (Beispiel)',
      role: 'municipality',
      wind: true,
    },
    { name: 'Stadt Bad Wünnenberg – Bauamt (Beispiel)', role: 'municipality', wind: true },
    {
      name: 'Untere Naturschutzbehörde des Kreises Paderborn (Beispiel)',
      role: 'nature',
      wind: true,
    },
    { name: 'Untere Wasserbehörde des Kreises Paderborn (Beispiel)', role: 'water', wind: true },
    SHARED.monuments,
    SHARED.aviation,
    SHARED.military,
    SHARED.weather,
    {
      name: 'Straßen.NRW – Regionalniederlassung Sauerland-Hochstift (Beispiel)',
      role: 'roads',
      wind: true,
    },
    { name: 'Landesamt für Natur, Umwelt und Klima NRW (Beispiel)', role: 'other', wind: false },
  ],
  brms: [
    { name: 'Gemeinde Saerbeck – Bauamt (Beispiel)', role: 'municipality', wind: true },
    {
      name: 'Stadt Emsdetten – Fachdienst Stadtplanung (Beispiel)',
      role: 'municipality',
      wind: true,
    },
    {
      name: 'Untere Naturschutzbehörde des Kreises Steinfurt (Beispiel)',
      role: 'nature',
      wind: true,
    },
    { name: 'Untere Wasserbehörde des Kreises Steinfurt (Beispiel)', role: 'water', wind: true },
    SHARED.monuments,
    SHARED.aviation,
    SHARED.military,
    SHARED.weather,
    {
      name: 'Straßen.NRW – Regionalniederlassung Münsterland (Beispiel)',
      role: 'roads',
      wind: true,
    },
    { name: 'Landesamt für Natur, Umwelt und Klima NRW (Beispiel)', role: 'other', wind: false },
  ],
};

/**
 * Creates the example agencies (organisations of kind 'agency', reusing one of the same name)
 * and the directories of the demo authorities, marked as examples. `authorities` maps the demo
 * keys ('kreis-paderborn', 'brms') to organisation ids; missing keys are skipped.
 */
export async function seedAgencyDirectory(
  db: Db | Transaction<Database>,
  authorities: ReadonlyMap<string, string>,
): Promise<void> {
  const ids = new Map<string, string>();
  for (const [key, agencies] of Object.entries(DEMO_AGENCIES)) {
    const tenantId = authorities.get(key);
    if (!tenantId) continue;
    for (const agency of agencies) {
      let id = ids.get(agency.name);
      if (!id) {
        const existing = await db
          .selectFrom('organisations')
          .select('id')
          .where('name', '=', agency.name)
          .where('kind', '=', 'agency')
          .executeTakeFirst();
        id =
          existing?.id ??
          (
            await db
              .insertInto('organisations')
              .values({ name: agency.name, kind: 'agency' })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
        ids.set(agency.name, id);
      }
      await db
        .insertInto('agency_directory')
        .values({
          tenant_id: tenantId,
          agency_org_id: id,
          role: agency.role,
          default_for: agency.wind ? ['wind'] : [],
          example: true,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }
}
