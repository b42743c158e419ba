import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { DEMO_PASSWORD, type TestApp } from './app.ts';
import { apiAs, applicationBody, DEMO_PROJECTS, orgId } from './permits.ts';

export const WORKER = 'sachbearbeitung@kreis-paderborn.example';
/** A second case worker of Kreis Paderborn: the team a case can be given to. */
export const COLLEAGUE = 'kollegin@kreis-paderborn.example';
export const OTHER_AUTHORITY = 'sachbearbeitung@brms.example';
export const APPLICANT = 'antrag@windpark-sintfeld.example';
export const AGENCY = 'toeb@lanuk.example';
export const SUPERVISOR = 'aufsicht@mwike.example';

export async function addColleague(t: TestApp): Promise<string> {
  const user = await t.database.db
    .insertInto('users')
    .values({
      email: COLLEAGUE,
      display_name: 'Katrin Kollegin',
      password_hash: await hashPassword(DEMO_PASSWORD),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.database.db
    .insertInto('memberships')
    .values({
      user_id: user.id,
      organisation_id: await orgId(t, 'Kreis Paderborn'),
      role: 'case_worker',
    })
    .execute();
  return user.id;
}

export async function userId(t: TestApp, email: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A submitted application of Windpark Sintfeld at Kreis Paderborn, receipt confirmed. */
export async function submittedProcedure(t: TestApp, title?: string): Promise<string> {
  const applicant = await apiAs(t, APPLICANT);
  const worker = await apiAs(t, WORKER);
  const project = DEMO_PROJECTS.find((p) => p.key === 'bueren-ost')!;
  const body = applicationBody(project, await orgId(t, 'Kreis Paderborn'), 2);
  const created = await applicant.post('/api/v1/procedures', {
    ...body,
    title: title ?? body.title,
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const id = created.json<{ id: string }>().id;
  for (const [client, action] of [
    [applicant, 'submit'],
    [worker, 'confirm-receipt'],
  ] as const) {
    const response = await client.post(`/api/v1/procedures/${id}/actions/${action}`);
    if (response.statusCode !== 200) throw new Error(`${action}: ${response.body}`);
  }
  return id;
}
