import { readFileSync } from 'node:fs';
import type { Db } from '../db/database.ts';
import { importAreas, parseAreaCollection } from '../registers/areas/area.import.ts';
import type { OrganisationKind, Role } from '../db/schema.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { seedAuthorityProfiles } from '../procedures/authority/authority.demo.ts';
import { seedAgencyDirectory } from '../procedures/agencies/agency.demo.ts';
import { seedWindConditions } from './demo-conditions.ts';

/**
 * Demo organisations and logins. All of them are examples: real authority names are used so that
 * the demo reads like the real thing, but no real person or account is behind them.
 */
export const DEMO_PASSWORD = 'Demo-Passwort-2026';

export const DEMO_ORGANISATIONS: {
  key: string;
  name: string;
  kind: OrganisationKind;
  /** Kreis or Regierungsbezirk key the authority is competent for (ZustVU NRW). */
  competenceArea?: string;
}[] = [
  { key: 'betrieb', name: 'Industrieland Betrieb (Beispiel)', kind: 'operator' },
  {
    key: 'kreis-paderborn',
    name: 'Kreis Paderborn – Untere Immissionsschutzbehörde',
    kind: 'authority',
    competenceArea: '05774',
  },
  {
    key: 'brms',
    name: 'Bezirksregierung Münster – Dezernat 53',
    kind: 'authority',
    competenceArea: '055',
  },
  {
    key: 'mwike',
    name: 'Ministerium für Wirtschaft, Industrie, Klimaschutz und Energie NRW (Aufsicht, Beispiel)',
    kind: 'ministry',
  },
  { key: 'windpark', name: 'Windpark Sintfeld GmbH & Co. KG (Beispiel)', kind: 'company' },
  { key: 'lanuk', name: 'Landesamt für Natur, Umwelt und Klima NRW (Beispiel)', kind: 'agency' },
];

export const DEMO_USERS: { email: string; name: string; org: string; role: Role; label: string }[] =
  [
    {
      email: 'admin@industrieland.example',
      name: 'Alex Admin',
      org: 'betrieb',
      role: 'admin',
      label: 'Administration',
    },
    {
      email: 'sachbearbeitung@kreis-paderborn.example',
      name: 'Sabine Sachbearbeiterin',
      org: 'kreis-paderborn',
      role: 'case_worker',
      label: 'Sachbearbeitung Kreis Paderborn',
    },
    {
      email: 'admin@kreis-paderborn.example',
      name: 'Karin Kreisadmin',
      org: 'kreis-paderborn',
      role: 'admin',
      label: 'Stammdaten Kreis Paderborn',
    },
    {
      email: 'admin@brms.example',
      name: 'Bodo Bezirksadmin',
      org: 'brms',
      role: 'admin',
      label: 'Stammdaten Bezirksregierung Münster',
    },
    {
      email: 'sachbearbeitung@brms.example',
      name: 'Bernd Bearbeiter',
      org: 'brms',
      role: 'case_worker',
      label: 'Sachbearbeitung Bezirksregierung Münster',
    },
    {
      email: 'aufsicht@mwike.example',
      name: 'Mira Aufsicht',
      org: 'mwike',
      role: 'supervisor',
      label: 'Aufsicht',
    },
    {
      email: 'antrag@windpark-sintfeld.example',
      name: 'Anton Antragsteller',
      org: 'windpark',
      role: 'applicant',
      label: 'Antragstellung',
    },
    {
      email: 'toeb@lanuk.example',
      name: 'Tanja Fachbehörde',
      org: 'lanuk',
      role: 'agency_member',
      label: 'Fachbehörde (TöB)',
    },
  ];

const DEMO_AREAS = new URL('../../data/demo/areas.geojson', import.meta.url);

/** Seeds the demo data once; returns false if the database already holds organisations. */
export async function seedDemo(db: Db): Promise<boolean> {
  const existing = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const ids = new Map<string, string>();
    for (const org of DEMO_ORGANISATIONS) {
      const row = await trx
        .insertInto('organisations')
        .values({ name: org.name, kind: org.kind, competence_area: org.competenceArea ?? null })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(org.key, row.id);
    }
    for (const user of DEMO_USERS) {
      const row = await trx
        .insertInto('users')
        .values({ email: user.email, display_name: user.name, password_hash: passwordHash })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('memberships')
        .values({ user_id: row.id, organisation_id: ids.get(user.org)!, role: user.role })
        .execute();
    }
    await seedAuthorityProfiles(trx, ids);
    await seedAgencyDirectory(trx, ids);
  });
  const areas = parseAreaCollection(JSON.parse(readFileSync(DEMO_AREAS, 'utf8')), {
    example: true,
  });
  if (!areas.ok)
    throw new Error(`Demogebiete fehlerhaft: ${areas.problems.map((p) => p.message).join(' ')}`);
  await importAreas(db, areas.areas, 'data/demo/areas.geojson');
  await seedWindConditions(db);
  return true;
}
