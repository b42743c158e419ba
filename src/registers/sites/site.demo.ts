import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { importSites, type ImportRow } from './site.import.ts';

/** The demo provider: a municipality's economic-development office and its login. */
export const DEMO_SITE_PROVIDER = 'Stadt Marl – Wirtschaftsförderung';
export const DEMO_SITE_PROVIDER_EMAIL = 'flaechen@marl.example';

/** A rectangle of `eastWest` × `northSouth` metres around a centre, counter-clockwise. */
function rectangle(
  [lon, lat]: [number, number],
  eastWest: number,
  northSouth: number,
): GeoJSON.Polygon {
  const dLat = northSouth / 2 / 111_250;
  const dLon = eastWest / 2 / (111_320 * Math.cos((lat * Math.PI) / 180));
  const r = (n: number) => Math.round(n * 1e6) / 1e6;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [r(lon - dLon), r(lat - dLat)],
        [r(lon + dLon), r(lat - dLat)],
        [r(lon + dLon), r(lat + dLat)],
        [r(lon - dLon), r(lat + dLat)],
        [r(lon - dLon), r(lat - dLat)],
      ],
    ],
  };
}

/**
 * gate.ruhr on the former Auguste Victoria 3/7 colliery in Marl (closed 18 December 2015), with
 * the figures its developers publish: about 90 ha in all (gate.ruhr, Stadt Marl, RAG Montan
 * Immobilien) and about 45 ha net for industry and business (RAG Montan Immobilien); parts of the
 * site still under mining supervision; land owned by RAG Montan Immobilien, developed together
 * with the city; Bebauungsplan 239a in preparation (2022).
 * [offen] not verified: the outline (a schematic rectangle of 90 ha around the colliery's
 * coordinates 51° 41′ 6,5″ N, 7° 6′ 38″ O), the current state of Bebauungsplan 239a, GI as the
 * type of area, the state of remediation, the grid connection and the date of availability.
 */
const GATE_RUHR: ImportRow = {
  label: 'gate.ruhr',
  fields: {
    kennung: 'MARL-GATE-RUHR',
    bezeichnung: 'gate.ruhr – ehemaliges Bergwerk Auguste Victoria 3/7',
    flaeche_brutto_ha: '90',
    flaeche_netto_ha: '45',
    eigentum: 'private',
    planungsstand: 'plan-in-preparation',
    gebietsart: 'GI',
    altlasten: 'suspected',
    bergaufsicht: 'under',
    netzanschluss: 'unknown',
    verfuegbarkeit: 'short-term',
    kontakt:
      'Wirtschaftsförderung der Stadt Marl (Demodaten: Umriss schematisch, einzelne Angaben ungeprüft)',
    beginn: '2026-11-02',
  },
  geometry: rectangle([7.1106, 51.6851], 1200, 750),
};

/** Invented sites in Marl that show the register's range; marked as examples. */
const EXAMPLES: ImportRow[] = [
  {
    label: 'Beispiel 1',
    fields: {
      kennung: 'MARL-BSP-01',
      bezeichnung: 'Gewerbegebiet Brassert-Süd',
      laenge: '7,085',
      breite: '51,665',
      flaeche_brutto_ha: '8',
      flaeche_netto_ha: '6,5',
      eigentum: 'municipal',
      planungsstand: 'binding-plan',
      gebietsart: 'GE',
      altlasten: 'remediated',
      bergaufsicht: 'released',
      netzanschluss: 'available',
      verfuegbarkeit: 'immediate',
      kontakt: 'Wirtschaftsförderung der Stadt Marl (Beispiel)',
      beginn: '2026-11-02',
    },
  },
  {
    label: 'Beispiel 2',
    fields: {
      kennung: 'MARL-BSP-02',
      bezeichnung: 'Industriefläche Lippe-Ost',
      flaeche_brutto_ha: '15',
      flaeche_netto_ha: '12',
      eigentum: 'public-other',
      planungsstand: 'binding-plan',
      gebietsart: 'GI',
      altlasten: 'none',
      bergaufsicht: 'never',
      netzanschluss: 'planned',
      verfuegbarkeit: 'short-term',
      verfuegbar_ab: '01.07.2027',
      kontakt: 'Wirtschaftsförderung der Stadt Marl (Beispiel)',
      beginn: '2026-11-02',
    },
    geometry: rectangle([7.15, 51.665], 500, 300),
  },
  {
    label: 'Beispiel 3',
    fields: {
      kennung: 'MARL-BSP-03',
      bezeichnung: 'Brachfläche Hüls-Nord',
      laenge: '7,10',
      breite: '51,655',
      flaeche_brutto_ha: '3,5',
      eigentum: 'private',
      planungsstand: 'section-34',
      gebietsart: 'MI',
      altlasten: 'suspected',
      bergaufsicht: 'never',
      netzanschluss: 'available',
      verfuegbarkeit: 'medium-term',
      kontakt: 'Wirtschaftsförderung der Stadt Marl (Beispiel)',
      beginn: '2026-11-02',
    },
  },
  {
    // Stated 9 ha, drawn 5 ha: the validator flags it and the provider sees an open problem.
    label: 'Beispiel 4',
    fields: {
      kennung: 'MARL-BSP-04',
      bezeichnung: 'Logistikfläche Sickingmühle',
      flaeche_brutto_ha: '9',
      eigentum: 'mixed',
      planungsstand: 'land-use-plan',
      gebietsart: 'GE',
      altlasten: 'unknown',
      bergaufsicht: 'released',
      netzanschluss: 'none',
      verfuegbarkeit: 'long-term',
      kontakt: 'Wirtschaftsförderung der Stadt Marl (Beispiel)',
      beginn: '2026-11-02',
    },
    geometry: rectangle([7.06, 51.645], 250, 200),
  },
];

/** Seeds the demo sites of the demo provider; refuses loudly if the data no longer validate. */
export async function seedDemoSites(db: Db, now: Date): Promise<void> {
  const member = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['u.id as userId', 'u.display_name', 'o.id as orgId', 'o.name as orgName'])
    .where('u.email', '=', DEMO_SITE_PROVIDER_EMAIL)
    .where('m.role', '=', 'site_provider')
    .executeTakeFirst();
  if (!member) return;
  const actor: Actor = {
    kind: 'user',
    userId: member.userId,
    email: DEMO_SITE_PROVIDER_EMAIL,
    displayName: member.display_name,
    via: 'session',
    memberships: [
      {
        organisationId: member.orgId,
        organisationName: member.orgName,
        organisationKind: 'municipality',
        role: 'site_provider',
      },
    ],
  };
  const today = now.toISOString().slice(0, 10);
  for (const [rows, example] of [
    [[GATE_RUHR], false],
    [EXAMPLES, true],
  ] as const) {
    const result = await importSites({ db, actor, rows, today, now, example });
    if (!result.ok)
      throw new Error(
        `Demoflächen fehlerhaft: ${result.refusals.map((r) => `${r.label}: ${r.message}`).join(' ')}`,
      );
  }
}
