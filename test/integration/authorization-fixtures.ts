import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { DEMO_PASSWORD, type TestApp } from '../helpers/app.ts';
import { createPublishedProcedure, seedObjections } from '../helpers/participation.ts';
import { apiAs, applicationBody, DEMO_PROJECTS, orgId } from '../helpers/permits.ts';
import { proposeAgencyConditions } from '../../src/procedures/conditions/conditions.queries.ts';

export const PEOPLE = {
  applicant: 'antrag@windpark-sintfeld.example',
  caseWorker: 'sachbearbeitung@kreis-paderborn.example',
  agency: 'toeb@lanuk.example',
  supervisor: 'aufsicht@mwike.example',
  /** Same roles as the parties, in organisations that take no part in the procedures. */
  otherApplicant: 'antrag@windkraft-eggegebirge.example',
  otherCaseWorker: 'sachbearbeitung@brms.example',
  otherAgency: 'toeb@wasserverband.example',
} as const;
export type Person = keyof typeof PEOPLE;

/** Real procedures of Windpark Sintfeld at Kreis Paderborn, and the objects their routes name. */
export interface AuthorizationFixtures {
  /** A draft application. */
  draft: string;
  /** A withdrawn (closed) application. */
  closed: string;
  /** A formal procedure in public participation, LANUK asked, with objections and groups. */
  participation: string;
  objectionId: string;
  groupId: string;
  concernId: string;
  lanuk: string;
  /** A letter of the participation procedure, signed (not yet delivered). */
  letterId: string;
  /** An agency's proposed condition of the participation procedure. */
  conditionId: string;
  /** An active entry of Kreis Paderborn's catalogue of conditions. */
  catalogueId: string;
  /** Case work: the Kreis Paderborn case worker's user id and a follow-up on `participation`. */
  caseWorkerUserId: string;
  followUpId: string;
}

async function addPerson(t: TestApp, email: string, org: string, kind: 'company' | 'agency') {
  const db = t.database.db;
  const organisation = await db
    .insertInto('organisations')
    .values({ name: org, kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto('users')
    .values({ email, display_name: org, password_hash: await hashPassword(DEMO_PASSWORD) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('memberships')
    .values({
      user_id: user.id,
      organisation_id: organisation.id,
      role: kind === 'company' ? 'applicant' : 'agency_member',
    })
    .execute();
}

export async function createAuthorizationFixtures(t: TestApp): Promise<AuthorizationFixtures> {
  await addPerson(t, PEOPLE.otherApplicant, 'Windkraft Eggegebirge GmbH (Beispiel)', 'company');
  await addPerson(t, PEOPLE.otherAgency, 'Wasserverband Obere Lippe (Beispiel)', 'agency');
  const applicant = await apiAs(t, PEOPLE.applicant);
  const kreis = await orgId(t, 'Kreis Paderborn');
  const project = DEMO_PROJECTS.find((p) => p.key === 'bad-wuennenberg-nord')!;
  const create = async () => {
    const created = await applicant.post('/api/v1/procedures', applicationBody(project, kreis, 3));
    if (created.statusCode !== 201) throw new Error(created.body);
    return created.json<{ id: string }>().id;
  };
  const draft = await create();
  const closed = await create();
  for (const [action, body] of [
    ['submit', {}],
    ['withdraw', { reason: 'Standort wird aufgegeben.' }],
  ] as const) {
    const response = await applicant.post(`/api/v1/procedures/${closed}/actions/${action}`, body);
    if (response.statusCode !== 200) throw new Error(`${action}: ${response.body}`);
  }
  const published = await createPublishedProcedure(t);
  const texts = [
    'Ich erhebe Einwendung gegen den Windpark wegen Lärm in der Nacht und Schattenwurf auf mein Haus.',
    'Ich erhebe Einwendung gegen den Windpark wegen Lärm in der Nacht und Schattenwurf auf mein Haus!',
    'Ich erhebe Einwendung gegen den Windpark wegen Lärm in der Nacht und Schattenwurf auf unser Haus.',
  ];
  const [objectionId] = await seedObjections(
    t,
    published,
    // 60 signatures: a group of more than 50 may name a representative (§ 17 Abs. 1 VwVfG).
    texts.map((text, i) => ({
      text,
      name: `Person ${i + 1}`,
      address: 'Dorfstraße 1',
      signatures: 20,
      // § 17 Abs. 1 VwVfG: each names the representative with name, profession and address.
      representative: { name: 'Vera Vertreterin', profession: 'Ärztin', address: 'Dorfstraße 2' },
    })),
  );
  const worker = await apiAs(t, PEOPLE.caseWorker);
  const computed = await worker.post(`/api/v1/procedures/${published.id}/objection-groups/compute`);
  if (computed.statusCode !== 200) throw new Error(computed.body);
  // LANUK has answered: it may no longer attach material (the wrong state for an agency upload).
  const agency = await apiAs(t, PEOPLE.agency);
  const stated = await agency.post(
    `/api/v1/procedures/${published.id}/actions/record-agency-statement`,
    { verdict: 'no-objection', statement: 'Keine Bedenken.' },
  );
  if (stated.statusCode !== 200) throw new Error(stated.body);
  const db = t.database.db;
  const group = await db
    .selectFrom('objection_groups')
    .select('id')
    .where('procedure_id', '=', published.id)
    .executeTakeFirstOrThrow();
  const concern = await db
    .selectFrom('concerns')
    .select('id')
    .where('procedure_id', '=', published.id)
    .executeTakeFirstOrThrow();
  const letterId = await signedLetter(t, published.id);
  const lanukId = await orgId(t, 'Landesamt für Natur');
  await db.transaction().execute((trx) =>
    proposeAgencyConditions(trx, {
      procedureId: published.id,
      tenantId: published.tenantId,
      agencyOrgId: lanukId,
      texts: ['Fledermausabschaltung von April bis Oktober.'],
      now: new Date(),
    }),
  );
  const condition = await db
    .selectFrom('procedure_conditions')
    .select('id')
    .where('procedure_id', '=', published.id)
    .executeTakeFirstOrThrow();
  const entry = await db
    .insertInto('condition_catalogue')
    .values({
      tenant_id: kreis,
      key: 'auth-test',
      category: 'Schallschutz',
      title: 'Nachtbetrieb',
      text: 'Nachts schallreduziert.',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const caseWorkerUser = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', PEOPLE.caseWorker)
    .executeTakeFirstOrThrow();
  const followUp = await db
    .insertInto('procedure_follow_ups')
    .values({
      procedure_id: published.id,
      tenant_id: await orgId(t, 'Kreis Paderborn'),
      due_date: '2026-12-01',
      text: 'Stellungnahme LANUK auswerten',
      created_by: caseWorkerUser.id,
      created_at: new Date('2026-11-24T09:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    letterId,
    caseWorkerUserId: caseWorkerUser.id,
    followUpId: followUp.id,
    draft,
    closed,
    participation: published.id,
    objectionId: objectionId!,
    groupId: group.id,
    concernId: concern.id,
    conditionId: condition.id,
    catalogueId: entry.id,
    lanuk: await orgId(t, 'Landesamt für Natur'),
  };
}

/** A signed letter written straight into the table: no builder or signatory is needed for it. */
async function signedLetter(t: TestApp, procedureId: string): Promise<string> {
  const db = t.database.db;
  const procedure = await db
    .selectFrom('procedures')
    .select('tenant_id')
    .where('id', '=', procedureId)
    .executeTakeFirstOrThrow();
  const worker = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', PEOPLE.caseWorker)
    .executeTakeFirstOrThrow();
  const at = new Date('2026-11-23T09:00:00Z');
  const letter = await db
    .insertInto('letters')
    .values({
      procedure_id: procedureId,
      tenant_id: procedure.tenant_id,
      kind: 'receipt',
      version: 1,
      status: 'signed',
      content: JSON.stringify({
        kind: 'receipt',
        subject: 'Eingangsbestätigung',
        references: [],
        addressee: { name: 'Windpark Sintfeld GmbH & Co. KG (Beispiel)', lines: [] },
        salutation: 'Sehr geehrte Damen und Herren,',
        blocks: [{ kind: 'paragraph', text: 'Ihr Antrag ist eingegangen.' }],
        closing: 'Mit freundlichen Grüßen',
      }),
      signatory_id: 'fixture',
      signatory: JSON.stringify({
        id: 'fixture',
        name: 'Erika Zeichnung',
        function: 'Amtsleitung',
      }),
      drafted_by: worker.id,
      drafted_at: at,
      signed_by: worker.id,
      signed_at: at,
      letter_date: '2026-11-23',
      pdf_sha256: '0'.repeat(64),
      pdf_size: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return letter.id;
}
