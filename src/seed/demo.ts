import type { Db } from '../db/database.ts';
import { seedDemoAreas } from '../registers/areas/area.demo.ts';
import type { OrganisationKind, Role } from '../db/schema.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { seedAuthorityProfiles } from '../procedures/authority/authority.demo.ts';
import { seedAgencyDirectory } from '../procedures/agencies/agency.demo.ts';
import { seedWindConditions } from './demo-conditions.ts';
import { seedCompanyProfile } from '../funding/profile/profile.demo.ts';
import { seedTrainingBonus } from '../funding/training-bonus/training.demo.ts';
import { seedFundingAwards } from '../funding/awards/award.demo.ts';
import { seedFoundryProfile, seedFundingCalls } from '../funding/procedure/grant.demo.ts';
import { seedDemoSites } from '../registers/sites/site.demo.ts';

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
    // No competence area: in the demo this authority stands in for the Kreise of its example
    // projects (Münsterland, Niederrhein, Rheinland), which under § 1 Abs. 2 Nr. 3 ZustVU would
    // decide wind cases themselves. The competence check is shown with Kreis Paderborn.
  },
  {
    key: 'mwike',
    name: 'Ministerium für Wirtschaft, Industrie, Klimaschutz und Energie NRW (Aufsicht, Beispiel)',
    kind: 'ministry',
  },
  { key: 'windpark', name: 'Windpark Sintfeld GmbH & Co. KG (Beispiel)', kind: 'company' },
  { key: 'giesserei', name: 'Gießerei Hellweg GmbH (Beispiel)', kind: 'company' },
  // The funding body of progres.nrw and the transformation grants (Bewilligungsbehörde).
  {
    key: 'foerderung',
    name: 'Bezirksregierung Arnsberg – Dezernat 33 Förderung (Beispiel)',
    kind: 'funding-body',
  },
  // Agencies (Träger öffentlicher Belange) a wind case asks (§ 10 Abs. 5 BImSchG, § 11
  // 9. BImSchV), named as in the authorities' example agency directories so that the directory
  // and these logins meet. No name starts like an authority's: tests find organisations so.
  { key: 'lanuk', name: 'Landesamt für Natur, Umwelt und Klima NRW (Beispiel)', kind: 'agency' },
  { key: 'gemeinde', name: 'Stadt Lichtenau – Bauamt (Beispiel)', kind: 'agency' },
  // The site register's demo provider: a municipality's economic-development office.
  { key: 'marl', name: 'Stadt Marl – Wirtschaftsförderung', kind: 'municipality' },
  {
    key: 'naturschutz',
    name: 'Untere Naturschutzbehörde des Kreises Paderborn (Beispiel)',
    kind: 'agency',
  },
  { key: 'wasser', name: 'Untere Wasserbehörde des Kreises Paderborn (Beispiel)', kind: 'agency' },
  {
    key: 'denkmal',
    name: 'LWL-Denkmalpflege, Landschafts- und Baukultur in Westfalen (Beispiel)',
    kind: 'agency',
  },
  {
    key: 'luftfahrt',
    name: 'Dezernat 26 Luftverkehr der Bezirksregierung Münster (Beispiel)',
    kind: 'agency',
  },
  {
    key: 'bundeswehr',
    name: 'Bundesamt für Infrastruktur, Umweltschutz und Dienstleistungen der Bundeswehr – Referat Infra I 3 (Beispiel)',
    kind: 'agency',
  },
  { key: 'wetterdienst', name: 'Deutscher Wetterdienst – Wetterradar (Beispiel)', kind: 'agency' },
  {
    key: 'strasse',
    name: 'Straßen.NRW – Regionalniederlassung Sauerland-Hochstift (Beispiel)',
    kind: 'agency',
  },
];

export interface DemoUser {
  email: string;
  name: string;
  org: string;
  role: Role;
  label: string;
}

/** One entry per e-mail address; the first entry of an organisation and role is its default. */
export const DEMO_USERS: DemoUser[] = [
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
    email: 'vertretung@kreis-paderborn.example',
    name: 'Valentin Vertreter',
    org: 'kreis-paderborn',
    role: 'case_worker',
    label: 'Sachbearbeitung Kreis Paderborn (Vertretung)',
  },
  {
    email: 'leitung@kreis-paderborn.example',
    name: 'Lena Leitung',
    org: 'kreis-paderborn',
    role: 'supervisor',
    label: 'Leitung Kreis Paderborn (zeichnet)',
  },
  {
    email: 'admin@kreis-paderborn.example',
    name: 'Anja Verwaltung',
    org: 'kreis-paderborn',
    role: 'admin',
    label: 'Administration Kreis Paderborn',
  },
  {
    email: 'sachbearbeitung@brms.example',
    name: 'Bernd Bearbeiter',
    org: 'brms',
    role: 'case_worker',
    label: 'Sachbearbeitung Bezirksregierung Münster',
  },
  {
    email: 'vertretung@brms.example',
    name: 'Vera Vertreterin',
    org: 'brms',
    role: 'case_worker',
    label: 'Sachbearbeitung BR Münster (Vertretung)',
  },
  {
    email: 'leitung@brms.example',
    name: 'Dirk Dezernent',
    org: 'brms',
    role: 'supervisor',
    label: 'Leitung Bezirksregierung Münster (zeichnet)',
  },
  {
    email: 'admin@brms.example',
    name: 'Birgit Verwaltung',
    org: 'brms',
    role: 'admin',
    label: 'Administration Bezirksregierung Münster',
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
    label: 'Fachbehörde (TöB) Landesamt für Natur',
  },
  {
    email: 'bauamt@lichtenau.example',
    name: 'Gerd Gemeinde',
    org: 'gemeinde',
    role: 'agency_member',
    label: 'TöB Gemeinde (Einvernehmen, § 36 BauGB)',
  },
  {
    email: 'naturschutz@kreis-paderborn.example',
    name: 'Nora Naturschutz',
    org: 'naturschutz',
    role: 'agency_member',
    label: 'TöB Untere Naturschutzbehörde',
  },
  {
    email: 'wasser@kreis-paderborn.example',
    name: 'Walter Wasser',
    org: 'wasser',
    role: 'agency_member',
    label: 'TöB Untere Wasserbehörde',
  },
  {
    email: 'denkmal@lwl.example',
    name: 'Dana Denkmal',
    org: 'denkmal',
    role: 'agency_member',
    label: 'TöB Denkmalpflege',
  },
  {
    email: 'luftverkehr@bezreg.example',
    name: 'Ludger Luftfahrt',
    org: 'luftfahrt',
    role: 'agency_member',
    label: 'TöB Luftverkehrsbehörde (§ 14 LuftVG)',
  },
  {
    email: 'infra@bundeswehr.example',
    name: 'Bastian Bundeswehr',
    org: 'bundeswehr',
    role: 'agency_member',
    label: 'TöB Bundeswehr (Infrastruktur)',
  },
  {
    email: 'wetter@dwd.example',
    name: 'Wiebke Wetter',
    org: 'wetterdienst',
    role: 'agency_member',
    label: 'TöB Deutscher Wetterdienst',
  },
  {
    email: 'strasse@strassen-nrw.example',
    name: 'Stefan Straße',
    org: 'strasse',
    role: 'agency_member',
    label: 'TöB Straßenbaubehörde',
  },
  {
    email: 'foerderung@bezreg-arnsberg.example',
    name: 'Fiona Förderung',
    org: 'foerderung',
    role: 'case_worker',
    label: 'Sachbearbeitung Förderstelle Arnsberg',
  },
  {
    email: 'leitung.foerderung@bezreg-arnsberg.example',
    name: 'Leo Leitung',
    org: 'foerderung',
    role: 'supervisor',
    label: 'Leitung Förderstelle Arnsberg (zeichnet)',
  },
  {
    email: 'antrag@giesserei-hellweg.example',
    name: 'Gisela Guss',
    org: 'giesserei',
    role: 'applicant',
    label: 'Antragstellung Gießerei (Förderung)',
  },
  {
    email: 'gutachten@bezreg-arnsberg.example',
    name: 'Greta Gutachten',
    org: 'foerderung',
    role: 'reviewer',
    label: 'Begutachtung Förderstelle Arnsberg',
  },
  {
    email: 'gutachten2@bezreg-arnsberg.example',
    name: 'Gerd Gutachter',
    org: 'foerderung',
    role: 'reviewer',
    label: 'Begutachtung Förderstelle Arnsberg',
  },
  {
    email: 'flaechen@marl.example',
    name: 'Mara Marl',
    org: 'marl',
    role: 'site_provider',
    label: 'Flächenpflege Wirtschaftsförderung Marl',
  },
];

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
    await seedCompanyProfile(trx, ids.get('windpark')!);
    await seedTrainingBonus(trx, ids.get('foerderung')!);
    await seedFundingCalls(trx, ids.get('foerderung')!);
    await seedFoundryProfile(trx, ids.get('giesserei')!);
    await seedFundingAwards(trx, {
      fundingBodyId: ids.get('foerderung')!,
      demoCompanyId: ids.get('windpark')!,
    });
  });
  await seedDemoAreas(db);
  await seedWindConditions(db);
  await seedDemoSites(db, new Date());
  return true;
}
