import type { ClientBase } from 'pg';
import { DEMO_ORGANISATIONS, DEMO_USERS } from '../../src/seed/demo.ts';

/**
 * The organisations of a realistic Land: the demo authorities plus 50 generated permit
 * authorities named after NRW districts, cities and regional governments (marked "Benchmark"),
 * a handful of agencies asked for statements, and the companies that apply.
 */
const DISTRICTS = [
  'Städteregion Aachen',
  'Kreis Borken',
  'Kreis Coesfeld',
  'Kreis Düren',
  'Ennepe-Ruhr-Kreis',
  'Kreis Euskirchen',
  'Kreis Gütersloh',
  'Kreis Heinsberg',
  'Kreis Herford',
  'Hochsauerlandkreis',
  'Kreis Höxter',
  'Kreis Kleve',
  'Kreis Lippe',
  'Märkischer Kreis',
  'Kreis Mettmann',
  'Kreis Minden-Lübbecke',
  'Oberbergischer Kreis',
  'Kreis Olpe',
  'Kreis Recklinghausen',
  'Rhein-Erft-Kreis',
  'Rhein-Kreis Neuss',
  'Rhein-Sieg-Kreis',
  'Rheinisch-Bergischer Kreis',
  'Kreis Siegen-Wittgenstein',
  'Kreis Soest',
  'Kreis Steinfurt',
  'Kreis Unna',
  'Kreis Viersen',
  'Kreis Warendorf',
  'Kreis Wesel',
  'Bezirksregierung Arnsberg',
  'Bezirksregierung Detmold',
  'Bezirksregierung Düsseldorf',
  'Bezirksregierung Köln',
  'Stadt Bielefeld',
  'Stadt Bochum',
  'Stadt Bonn',
  'Stadt Dortmund',
  'Stadt Duisburg',
  'Stadt Essen',
  'Stadt Gelsenkirchen',
  'Stadt Hagen',
  'Stadt Hamm',
  'Stadt Köln',
  'Stadt Krefeld',
  'Stadt Mönchengladbach',
  'Stadt Münster',
  'Stadt Oberhausen',
  'Stadt Solingen',
  'Stadt Wuppertal',
] as const;

const AGENCIES = [
  'Landesbetrieb Wald und Holz NRW',
  'Geologischer Dienst NRW',
  'Deutsche Flugsicherung (Beispiel)',
  'Bundesamt für Infrastruktur, Umweltschutz und Dienstleistungen der Bundeswehr (Beispiel)',
  'LWL-Denkmalpflege (Beispiel)',
  'Landwirtschaftskammer NRW (Beispiel)',
  'Wasserverband (Beispiel)',
] as const;

export const GEMEINDEN = [
  'Bad Wünnenberg',
  'Lichtenau',
  'Büren',
  'Brilon',
  'Marsberg',
  'Warburg',
  'Willebadessen',
  'Rüthen',
  'Anröchte',
  'Haltern am See',
  'Bocholt',
  'Rheine',
  'Ochtrup',
  'Kerpen',
  'Jüchen',
  'Schmallenberg',
  'Erwitte',
  'Delbrück',
] as const;

export interface Organisations {
  paderbornId: string;
  brmsId: string;
  generatedAuthorityIds: string[];
  agencyIds: string[];
  companyIds: string[];
  windparkId: string;
  /** Organisation id → id of its demo user, to attribute audit events and uploads. */
  demoUserOf: Map<string, string>;
}

async function insertOrganisations(
  client: ClientBase,
  names: readonly string[],
  kind: 'authority' | 'agency' | 'company',
): Promise<string[]> {
  const result = await client.query<{ id: string }>(
    `insert into organisations (name, kind)
     select name, $2 from unnest($1::text[]) with ordinality as t(name, n) order by n
     returning id`,
    [names, kind],
  );
  return result.rows.map((row) => row.id);
}

export async function createOrganisations(
  client: ClientBase,
  companies: number,
): Promise<Organisations> {
  const orgs = await client.query<{ id: string; name: string }>(
    'select id, name from organisations',
  );
  const orgIdByKey = new Map(
    DEMO_ORGANISATIONS.map((org) => {
      const row = orgs.rows.find((r) => r.name === org.name);
      if (!row) throw new Error(`Demo-Organisation fehlt: ${org.name}`);
      return [org.key, row.id] as const;
    }),
  );
  const users = await client.query<{ id: string; email: string }>('select id, email from users');
  const demoUserOf = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const row = users.rows.find((r) => r.email === user.email);
    if (row) demoUserOf.set(orgIdByKey.get(user.org)!, row.id);
  }
  const generatedAuthorityIds = await insertOrganisations(
    client,
    DISTRICTS.map((name) => `${name} – Immissionsschutz (Benchmark)`),
    'authority',
  );
  const agencyIds = await insertOrganisations(client, [...AGENCIES], 'agency');
  const companyIds = await insertOrganisations(
    client,
    Array.from(
      { length: companies },
      (_, i) => `Windenergie ${GEMEINDEN[i % GEMEINDEN.length]} ${i + 1} GmbH & Co. KG (Benchmark)`,
    ),
    'company',
  );
  return {
    paderbornId: orgIdByKey.get('kreis-paderborn')!,
    brmsId: orgIdByKey.get('brms')!,
    generatedAuthorityIds,
    agencyIds: [orgIdByKey.get('lanuk')!, ...agencyIds],
    companyIds,
    windparkId: orgIdByKey.get('windpark')!,
    demoUserOf,
  };
}
