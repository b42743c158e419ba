/**
 * Driving a funding procedure through its pages as the people would (forms, CSRF, the number of
 * events seen), for the funding integration tests.
 */
import assert from 'node:assert/strict';
import type { Db } from '../../src/db/database.ts';
import { createBudgetLine } from '../../src/funding/ledger/budget-lines.ts';
import { postAppropriation } from '../../src/funding/ledger/ledger.actions.ts';
import { Client, csrfTokenFrom, type TestApp } from './app.ts';

export const FOUNDRY = 'antrag@giesserei-hellweg.example';
export const WINDPARK = 'antrag@windpark-sintfeld.example';
export const BODY = 'foerderung@bezreg-arnsberg.example';
export const HEAD = 'leitung.foerderung@bezreg-arnsberg.example';
export const REVIEWER = 'gutachten@bezreg-arnsberg.example';
export const REVIEWER2 = 'gutachten2@bezreg-arnsberg.example';

export async function orgId(db: Db, key: string): Promise<string> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('name', 'like', `${key}%`)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function userId(db: Db, email: string): Promise<string> {
  return (
    await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()
  ).id;
}

/** A call of the demo funding body for the programme in the year, with its appropriation. */
export async function openCall(
  t: TestApp,
  options: {
    programmeId: string;
    year: number;
    euros: number;
    mode?: 'single' | 'two-stage-competitive';
    line: string;
  },
): Promise<string> {
  const db = t.database.db;
  const body = await orgId(db, 'Bezirksregierung Arnsberg – Dezernat 33');
  const lineId = await createBudgetLine({
    db,
    tenantId: body,
    userId: null,
    input: {
      programmeId: options.programmeId,
      budgetLine: options.line,
      year: String(options.year),
      label: 'Test',
      callMode: options.mode ?? 'single',
      callOpenUntil: '',
    },
  });
  await db.transaction().execute((trx) =>
    postAppropriation(trx, {
      tenantId: body,
      lineId,
      amountCents: options.euros * 100,
      reason: 'Ansatz Test',
      userId: null,
    }),
  );
  return lineId;
}

export async function loggedIn(t: TestApp, email: string): Promise<Client> {
  const client = new Client(t.app);
  await client.logIn(email);
  return client;
}

/** Creates a draft through the form; returns its id. */
export async function applyFor(
  client: Client,
  lineId: string,
  measure: string,
  fields: Record<string, string>,
): Promise<string> {
  const response = await client.submit(
    `/foerderung/antraege/neu?aufruf=${lineId}&massnahme=${measure}`,
    '/foerderung/antraege/neu',
    {
      aufruf: lineId,
      massnahme: measure,
      ...fields,
    },
  );
  assert.equal(response.statusCode, 303, response.body.slice(0, 3000));
  const match = /\/foerderung\/antraege\/([0-9a-f-]{36})/.exec(String(response.headers.location));
  assert.ok(match, String(response.headers.location));
  return match[1]!;
}

/** One step through the case page's form: the fields are prefixed with the action as the form does. */
export async function step(
  client: Client,
  id: string,
  action: string,
  fields: Record<string, string> = {},
) {
  const page = await client.get(`/foerderung/antraege/${id}`);
  assert.equal(page.statusCode, 200, page.body.slice(0, 500));
  const version = /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? '0';
  const prefixed = Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [`${action}.${k}`, v]),
  );
  return client.post(`/foerderung/antraege/${id}/schritt/${action}`, {
    _csrf: csrfTokenFrom(page.body),
    version,
    ...prefixed,
  });
}

export async function stepOk(
  client: Client,
  id: string,
  action: string,
  fields: Record<string, string> = {},
) {
  const response = await step(client, id, action, fields);
  const errors =
    /<div class="kern-alert[^]*?<\/div>/.exec(response.body)?.[0] ?? response.body.slice(0, 400);
  assert.equal(
    response.statusCode,
    303,
    `${action}: ${response.statusCode} ${errors.replace(/<[^>]+>/g, ' ')}`,
  );
}

/** Drafts a letter of the kind, submits it for sign-off and has the head sign it. */
export async function signLetter(
  t: TestApp,
  worker: Client,
  head: Client,
  id: string,
  kind: string,
): Promise<void> {
  const page = await worker.get(`/verfahren/${id}/schreiben`);
  const drafted = await worker.post(`/verfahren/${id}/schreiben`, {
    _csrf: csrfTokenFrom(page.body),
    kind,
  });
  assert.equal(
    drafted.statusCode,
    303,
    /<main[^]*/
      .exec(drafted.body)?.[0]
      .replace(/<[^>]+>/g, ' ')
      .slice(0, 1500),
  );
  const letterId = /schreiben\/([0-9a-f-]{36})/.exec(String(drafted.headers.location))![1]!;
  const letterPage = await worker.get(`/verfahren/${id}/schreiben/${letterId}`);
  const signatory = (
    await t.database.db
      .selectFrom('authority_signatories')
      .select('id')
      .where(
        'organisation_id',
        '=',
        await orgId(t.database.db, 'Bezirksregierung Arnsberg – Dezernat 33'),
      )
      .orderBy('position')
      .executeTakeFirstOrThrow()
  ).id;
  const review = await worker.post(`/verfahren/${id}/schreiben/${letterId}/vorlage`, {
    _csrf: csrfTokenFrom(letterPage.body),
    signatoryId: signatory,
  });
  assert.equal(
    review.statusCode,
    303,
    /<main[^]*/
      .exec(review.body)?.[0]
      .replace(/<[^>]+>/g, ' ')
      .slice(0, 1500),
  );
  const headPage = await head.get(`/verfahren/${id}/schreiben/${letterId}`);
  const signed = await head.post(`/verfahren/${id}/schreiben/${letterId}/zeichnen`, {
    _csrf: csrfTokenFrom(headPage.body),
  });
  assert.equal(
    signed.statusCode,
    303,
    /<main[^]*/
      .exec(signed.body)?.[0]
      .replace(/<[^>]+>/g, ' ')
      .slice(0, 1500),
  );
}

export const CONCEPT_FORM = {
  titel: 'Transformationskonzept Gießerei Hellweg',
  beschreibung:
    'Externes Konzept für eine treibhausgasneutrale Produktion bis 2045: Schmelzbetrieb, Wärme, Strom.',
  beginn: '2026-07-01',
  ende: '2026-12-31',
  strasse: 'Werkstraße 12',
  plz: '59494',
  ort: 'Soest',
  kosten_k1: '80.000,00',
  kosten_k2: '0',
  eigenmittel: '40.000,00',
  beantragt: '40.000,00',
};
