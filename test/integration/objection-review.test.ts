import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { userActor } from '../../src/platform/auth/auth.queries.ts';
import type { Actor } from '../../src/platform/auth/actor.ts';
import {
  addConcern,
  confirmConcerns,
  confirmStatementConcerns,
  ensureCatalogue,
  saveAssessment,
  suggestForProcedure,
} from '../../src/participation/catalogue/catalogue.actions.ts';
import {
  assessmentsForDecision,
  catalogueSummary,
  concernsOfObjection,
} from '../../src/participation/catalogue/catalogue.queries.ts';
import { DEFAULT_CONCERNS } from '../../src/participation/catalogue/suggest.ts';
import {
  confirmRedaction,
  proposeRedaction,
  publicText,
} from '../../src/participation/review/redaction.actions.ts';
import { findObjection } from '../../src/participation/review/review.queries.ts';
import { Client, createTestApp, csrfTokenFrom, type TestApp } from '../helpers/app.ts';
import {
  APPLICANT,
  createPublishedProcedure,
  seedObjections,
  WORKER,
} from '../helpers/participation.ts';
import { orgId } from '../helpers/permits.ts';

const NOISE =
  'Ich wohne 600 m von der geplanten Anlage WEA 3 entfernt. Schon jetzt höre ich nachts das Rauschen der bestehenden Windräder. Der zusätzliche Lärm wird meine Nachtruhe zerstören; die Immissionsrichtwerte der TA Lärm werden am Immissionsort nicht eingehalten.';
const SHADOW =
  'Im Winter steht die Sonne tief. Dann wirft der Rotor seinen Schlagschatten direkt in unser Wohnzimmer, ein Flackern wie in der Disco. Die Abschaltautomatik muss den Schattenwurf auf 30 Stunden im Jahr begrenzen.';
const RED_KITE =
  'Im Waldstück nördlich des Standorts brütet seit Jahren ein Rotmilan, der Horst liegt keine 800 m entfernt. Das Tötungsrisiko durch Kollision mit den Rotorblättern ist signifikant erhöht (§ 44 BNatSchG).';
const FORM_LETTER =
  'Ich erhebe Einwendung gegen den Windpark. Die Anlagen verschandeln unsere Landschaft, der Horizont wird zugestellt und die Naherholung im Sintfeld geht verloren.';
const PERSONAL =
  'Sehr geehrte Damen und Herren,\nmein Name ist Anna Schneider, ich wohne in der Lindenstraße 12, 33165 Lichtenau. Mein Grundstück (Gemarkung Lichtenau, Flur 3, Flurstück 112) grenzt an die Zuwegung. Sie erreichen mich unter anna.schneider@example.org oder 0170 1234567. Für Gutachten habe ich bereits Geld ausgegeben, bitte erstatten Sie es auf DE89 3704 0044 0532 0130 00.\nDer Lärm der Anlagen ist unzumutbar.';
const XSS = 'Bitte prüfen Sie <script>alert(1)</script> und den Schattenwurf.';
const OPEN_NAME = 'Peter Neumann';
const OPEN_ADDRESS = 'Dorfstraße 5, 33165 Lichtenau-Atteln';
const OPEN_EMAIL = 'peter.neumann@example.com';
const HIDDEN_NAME = 'Clara Vogelsang';
const HIDDEN_ADDRESS = 'Am Hang 7, 33165 Lichtenau-Henglarn';
const HIDDEN_EMAIL = 'clara.vogelsang@example.net';
const HIDDEN_TEXT =
  'Ich, Clara Vogelsang, wohne Am Hang 7 und fürchte Infraschall und Eiswurf im Winter; der Wanderweg führt direkt an der Anlage vorbei.';

async function actorFor(t: TestApp, email: string): Promise<Actor> {
  const user = await t.database.db
    .selectFrom('users')
    .select(['id', 'email', 'display_name'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return userActor(t.database.db, user, 'session');
}

async function linksOf(t: TestApp, objectionId: string) {
  return t.database.db
    .selectFrom('objection_concerns as oc')
    .innerJoin('concerns as c', 'c.id', 'oc.concern_id')
    .select(['c.key', 'oc.source'])
    .where('oc.objection_id', '=', objectionId)
    .orderBy('c.key')
    .execute();
}

async function concernId(t: TestApp, procedureId: string, key: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('concerns')
    .select('id')
    .where('procedure_id', '=', procedureId)
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('objection review: catalogue of concerns and redaction', () => {
  let t: TestApp;
  let procedure: { id: string; tenantId: string };
  let worker: Actor;
  let ids: Record<string, string>;
  let lanuk: string;

  before(async () => {
    t = await createTestApp();
    procedure = await createPublishedProcedure(t);
    worker = await actorFor(t, WORKER);
    lanuk = await orgId(t, 'Landesamt für Natur');
    const [noise, shadow, redKite, form1, form2, form3, personal, xss, open, hidden] =
      await seedObjections(t, procedure, [
        { text: NOISE, name: 'Jens Wolff', signatures: 1 },
        { text: SHADOW },
        { text: RED_KITE, late: true },
        { text: FORM_LETTER, signatures: 40, channel: 'signature-list' },
        { text: FORM_LETTER, signatures: 2 },
        { text: FORM_LETTER },
        {
          text: PERSONAL,
          name: 'Anna Schneider',
          address: 'Lindenstraße 12, 33165 Lichtenau',
          email: 'anna.schneider@example.org',
        },
        { text: XSS },
        {
          text: NOISE.replace('600 m', '700 m'),
          name: OPEN_NAME,
          address: OPEN_ADDRESS,
          email: OPEN_EMAIL,
        },
        {
          text: HIDDEN_TEXT,
          name: HIDDEN_NAME,
          address: HIDDEN_ADDRESS,
          email: HIDDEN_EMAIL,
          redactIdentity: true,
        },
      ]);
    ids = { noise, shadow, redKite, form1, form2, form3, personal, xss, open, hidden } as Record<
      string,
      string
    >;
    await t.database.db
      .updateTable('procedure_agencies')
      .set({
        status: 'answered',
        statement:
          'Aus artenschutzrechtlicher Sicht bestehen Bedenken: Im 1.000-m-Radius wurde ein Brutplatz des Rotmilans kartiert. Eine Raumnutzungsanalyse ist nachzureichen.',
      })
      .where('procedure_id', '=', procedure.id)
      .where('agency_org_id', '=', lanuk)
      .execute();
  });
  after(async () => {
    await t.close();
  });

  it('suggests the right concerns for typical wind objections and agency statements', async () => {
    const result = await suggestForProcedure({
      deps: t.deps,
      actor: worker,
      procedureId: procedure.id,
    });
    assert.equal(result.objections, 10);
    assert.equal(result.statements, 1);
    const keys = async (id: string) => (await linksOf(t, id)).map((l) => l.key);
    assert.equal((await keys(ids.noise!)).includes('noise'), true);
    assert.equal(!(await keys(ids.noise!)).includes('birds-bats'), true);
    assert.equal((await keys(ids.shadow!)).includes('shadow-flicker'), true);
    assert.equal(!(await keys(ids.shadow!)).includes('birds-bats'), true);
    assert.equal((await keys(ids.redKite!)).includes('birds-bats'), true);
    assert.equal(!(await keys(ids.redKite!)).includes('shadow-flicker'), true);
    assert.equal((await keys(ids.form1!)).includes('landscape'), true);
    assert.equal((await keys(ids.hidden!)).includes('infrasound'), true);
    assert.equal(
      (await linksOf(t, ids.noise!)).every((l) => l.source === 'suggested'),
      true,
    );
    const statement = await t.database.db
      .selectFrom('statement_concerns as sc')
      .innerJoin('concerns as c', 'c.id', 'sc.concern_id')
      .select(['c.key', 'sc.source'])
      .where('sc.procedure_id', '=', procedure.id)
      .execute();
    assert.equal(
      statement.some((s) => s.key === 'birds-bats' && s.source === 'suggested'),
      true,
    );

    // Idempotent: the catalogue is created once, a second run adds nothing.
    await t.database.db.transaction().execute((trx) => ensureCatalogue(trx, procedure));
    const concerns = await t.database.db
      .selectFrom('concerns')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('procedure_id', '=', procedure.id)
      .executeTakeFirstOrThrow();
    assert.equal(concerns.n, DEFAULT_CONCERNS.length);
    const again = await suggestForProcedure({
      deps: t.deps,
      actor: worker,
      procedureId: procedure.id,
    });
    assert.equal(again.objectionLinks, 0);
    assert.equal(again.statementLinks, 0);
  });

  it('confirms concerns for a whole group of uniform objections in one step', async () => {
    const group = await t.database.db
      .insertInto('objection_groups')
      .values({
        procedure_id: procedure.id,
        tenant_id: procedure.tenantId,
        origin: 'manual',
        representative_id: ids.form1!,
        created_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.database.db
      .updateTable('objections')
      .set({ group_id: group.id })
      .where('id', 'in', [ids.form1!, ids.form2!, ids.form3!])
      .execute();
    const landscape = await concernId(t, procedure.id, 'landscape');
    const oppressive = await concernId(t, procedure.id, 'oppressive-effect');
    const result = await confirmConcerns({
      deps: t.deps,
      actor: worker,
      procedureId: procedure.id,
      objectionId: ids.form2!,
      concernIds: [landscape, oppressive],
      applyToGroup: true,
    });
    assert.equal(result.objections, 3);
    for (const id of [ids.form1!, ids.form2!, ids.form3!]) {
      assert.deepEqual(await linksOf(t, id), [
        { key: 'landscape', source: 'confirmed' },
        { key: 'oppressive-effect', source: 'confirmed' },
      ]);
    }
    // Objections outside the group keep their suggestions.
    assert.equal(
      (await linksOf(t, ids.noise!)).some((l) => l.source === 'suggested'),
      true,
    );

    // Without applyToGroup only the one objection changes; exactly the given list stays.
    await confirmConcerns({
      deps: t.deps,
      actor: worker,
      procedureId: procedure.id,
      objectionId: ids.form3!,
      concernIds: [landscape],
      applyToGroup: false,
    });
    assert.deepEqual(await linksOf(t, ids.form3!), [{ key: 'landscape', source: 'confirmed' }]);
    assert.equal((await linksOf(t, ids.form1!)).length, 2);

    // A new suggestion run never touches reviewed objections.
    await suggestForProcedure({ deps: t.deps, actor: worker, procedureId: procedure.id });
    assert.deepEqual(await linksOf(t, ids.form3!), [{ key: 'landscape', source: 'confirmed' }]);

    const birds = await concernId(t, procedure.id, 'birds-bats');
    await confirmStatementConcerns({
      deps: t.deps,
      actor: worker,
      procedureId: procedure.id,
      agencyOrgId: lanuk,
      concernIds: [birds],
    });
    const statement = await t.database.db
      .selectFrom('statement_concerns')
      .select(['concern_id', 'source'])
      .where('procedure_id', '=', procedure.id)
      .execute();
    assert.deepEqual(statement, [{ concern_id: birds, source: 'confirmed' }]);
  });

  it('stores one assessment per concern and hands it to the decision and the objectors', async () => {
    const landscape = await concernId(t, procedure.id, 'landscape');
    const birds = await concernId(t, procedure.id, 'birds-bats');
    const answer =
      'Die Beeinträchtigung des Landschaftsbildes wird durch das Ersatzgeld nach § 15 Abs. 6 BNatSchG kompensiert.';
    await saveAssessment({
      deps: t.deps,
      actor: worker,
      procedureId: procedure.id,
      concernId: landscape,
      assessment: `  ${answer}  `,
    });
    await confirmConcerns({
      deps: t.deps,
      actor: worker,
      procedureId: procedure.id,
      objectionId: ids.redKite!,
      concernIds: [birds],
      applyToGroup: true,
    });
    await saveAssessment({
      deps: t.deps,
      actor: worker,
      procedureId: procedure.id,
      concernId: birds,
      assessment: 'Eine Abschaltung zur Brutzeit wird als Nebenbestimmung festgesetzt.',
    });
    const decision = await assessmentsForDecision(t.database.db, procedure.id);
    assert.deepEqual(
      decision.map((d) => d.label),
      ['Vögel und Fledermäuse (Artenschutz)', 'Landschaftsbild'],
    );
    const landscapeRow = decision.find((d) => d.label === 'Landschaftsbild')!;
    assert.deepEqual(landscapeRow, {
      label: 'Landschaftsbild',
      objections: 3,
      signatures: 43,
      statements: 0,
      assessment: answer,
    });
    const birdsRow = decision.find((d) => d.label.startsWith('Vögel'))!;
    assert.equal(birdsRow.objections, 1);
    assert.equal(birdsRow.statements, 1);

    const summary = await catalogueSummary(t.database.db, procedure.id);
    const noise = summary.find((c) => c.key === 'noise')!;
    assert.equal(noise.confirmedObjections, 0);
    assert.equal(noise.suggestedObjections >= 3, true);
    assert.equal(noise.assessment, null);

    assert.deepEqual(await concernsOfObjection(t.database.db, ids.form1!), [
      { label: 'Landschaftsbild', assessment: answer },
      { label: 'Abstand und optisch bedrängende Wirkung', assessment: null },
    ]);

    const custom = await addConcern({
      deps: t.deps,
      actor: worker,
      procedureId: procedure.id,
      label: 'Wegenutzung im Sintfeld',
      description: 'Schwertransporte über Wirtschaftswege.',
    });
    const after = await catalogueSummary(t.database.db, procedure.id);
    assert.equal(after.at(-1)!.id, custom);
    await assert.rejects(
      addConcern({
        deps: t.deps,
        actor: worker,
        procedureId: procedure.id,
        label: 'lärm',
        description: '',
      }),
      /gibt es im Katalog bereits/,
    );
  });

  it('finds personal data, publishes only the confirmed redaction and keeps the original', async () => {
    const objection = (await findObjection(t.database.db, procedure.id, ids.personal!))!;
    assert.equal(publicText(objection), null);
    const spans = proposeRedaction(objection);
    const kinds = new Set(spans.map((s) => s.kind));
    for (const kind of ['name', 'email', 'phone', 'iban', 'parcel'] as const)
      assert.ok(kinds.has(kind), `kein Vorschlag der Art ${kind}`);
    const covered = (value: string) => {
      const start = PERSONAL.indexOf(value);
      return spans.some((s) => s.start <= start && s.end >= start + value.length);
    };
    for (const value of [
      'Anna Schneider',
      'anna.schneider@example.org',
      '0170 1234567',
      'DE89 3704 0044 0532 0130 00',
      'Flurstück 112',
    ])
      assert.ok(covered(value), `nicht erkannt: ${value}`);

    await confirmRedaction({
      deps: t.deps,
      actor: worker,
      procedureId: procedure.id,
      objectionId: ids.personal!,
      spans,
    });
    const confirmed = (await findObjection(t.database.db, procedure.id, ids.personal!))!;
    const text = publicText(confirmed);
    assert.ok(text !== null, 'kein veröffentlichter Text');
    for (const value of [
      'Anna',
      'Schneider',
      'anna.schneider',
      '1234567',
      'DE89',
      '3704 0044',
      'Flurstück 112',
      'Lindenstraße',
    ])
      assert.ok(!text.includes(value), `veröffentlicht: ${value}`);
    assert.match(text, /\[geschwärzt: E-Mail\]/);
    assert.match(text, /Der Lärm der Anlagen ist unzumutbar\./);
    assert.equal(confirmed.body, PERSONAL);
    assert.equal(confirmed.redactionSpans!.length, spans.length);
  });

  it('confirms each proposal only in a review of its own objection', async () => {
    const before = (await findObjection(t.database.db, procedure.id, ids.personal!))!;
    // Every redaction is confirmed on its own; there is no bulk take-over of unreviewed proposals.
    for (const id of Object.values(ids)) {
      if (id === ids.personal) continue;
      const row = (await findObjection(t.database.db, procedure.id, id))!;
      await confirmRedaction({
        deps: t.deps,
        actor: worker,
        procedureId: procedure.id,
        objectionId: id,
        spans: proposeRedaction(row),
      });
    }
    const still = (await findObjection(t.database.db, procedure.id, ids.personal!))!;
    assert.deepEqual(still.redactionConfirmedAt, before.redactionConfirmedAt);
    const open = (await findObjection(t.database.db, procedure.id, ids.open!))!;
    assert.equal(publicText(open) !== null, true);
    assert.equal(!publicText(open)!.includes(OPEN_NAME), true);
    // Reset for the page tests below: the hidden objector's text is unconfirmed again.
    await t.database.db
      .updateTable('objections')
      .set({
        redacted_body: null,
        redaction_spans: null,
        redaction_confirmed_at: null,
        redaction_confirmed_by: null,
      })
      .where('id', '=', ids.hidden!)
      .execute();
  });

  describe('pages', () => {
    const staff = new Map<string, Client>();
    const base = () => `/verfahren/${procedure.id}`;
    before(async () => {
      for (const email of [
        WORKER,
        APPLICANT,
        'toeb@lanuk.example',
        'aufsicht@mwike.example',
        'sachbearbeitung@brms.example',
        'admin@industrieland.example',
      ]) {
        const client = new Client(t.app);
        await client.logIn(email);
        staff.set(email, client);
      }
    });
    const as = (email: string) => staff.get(email)!;

    it('lists the objections for the case worker with filters', async () => {
      const all = await as(WORKER).get(`${base()}/einwendungen`);
      assert.equal(all.statusCode, 200);
      assert.match(all.body, /10 Einwendungen/);
      assert.match(all.body, /Unterschriftenliste/);
      assert.match(all.body, /3 gleichförmige/);
      assert.match(all.body, /Landschaftsbild/);
      const late = await as(WORKER).get(`${base()}/einwendungen?spaet=ja`);
      assert.match(late.body, /1 Einwendung</);
      const search = await as(WORKER).get(
        `${base()}/einwendungen?q=${encodeURIComponent('Rotmilan')}`,
      );
      assert.match(search.body, /1 Einwendung</);
      const open = await as(WORKER).get(`${base()}/einwendungen?schwaerzungOffen=ja`);
      assert.match(open.body, /1 Einwendung</);
      const unreviewed = await as(WORKER).get(`${base()}/einwendungen?ohneBelange=ja`);
      assert.match(unreviewed.body, /6 Einwendungen/);
      const wildcard = await as(WORKER).get(`${base()}/einwendungen?q=${encodeURIComponent('%')}`);
      assert.match(wildcard.body, /Keine Einwendungen gefunden/);
    });

    it('shows an objection with its text escaped, proposals and concern suggestions', async () => {
      const page = await as(WORKER).get(`${base()}/einwendungen/${ids.xss!}`);
      assert.equal(page.statusCode, 200);
      assert.equal(!page.body.includes('<script>alert(1)</script>'), true);
      assert.match(page.body, /&lt;script>alert\(1\)&lt;\/script>/);
      assert.match(page.body, /Was wird veröffentlicht\?/);
      const personal = await as(WORKER).get(`${base()}/einwendungen/${ids.personal!}`);
      assert.match(personal.body, /Hinweise im Text:/);
      assert.match(personal.body, /name="spans" value="\d+:\d+:name" checked/);
      assert.match(personal.body, /Name: „Anna Schneider“/);
      assert.match(personal.body, /IBAN: „DE89 3704 0044 0532 0130 00“/);
    });

    it('confirms a redaction and concerns by form (Post/Redirect/Get)', async () => {
      const url = `${base()}/einwendungen/${ids.hidden!}`;
      const page = await as(WORKER).get(url);
      const span = /name="spans" value="(\d+:\d+:[a-z]+)"/.exec(page.body)![1]!;
      const saved = await as(WORKER).post(`${url}/schwaerzung`, {
        _csrf: csrfTokenFrom(page.body),
        spans: span,
        weitere: 'Am Hang 7',
        weitereArt: 'address',
      });
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, `${url}?ok=schwaerzung`);
      const row = (await findObjection(t.database.db, procedure.id, ids.hidden!))!;
      assert.equal(row.redactedBody!.includes('[geschwärzt: Anschrift]'), true);
      assert.equal(row.body, HIDDEN_TEXT);

      const infrasound = await concernId(t, procedure.id, 'infrasound');
      const iceThrow = await concernId(t, procedure.id, 'ice-throw');
      const form = await as(WORKER).get(url);
      // Two checkboxes with the same name, as a browser sends them.
      const fields = new URLSearchParams({ _csrf: csrfTokenFrom(form.body) });
      fields.append('concerns', infrasound);
      fields.append('concerns', iceThrow);
      const belange = await t.app.inject({
        method: 'POST',
        url: `${url}/belange`,
        headers: {
          cookie: as(WORKER).jar.header(),
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: fields.toString(),
      });
      assert.equal(belange.statusCode, 303);
      assert.deepEqual(await linksOf(t, ids.hidden!), [
        { key: 'ice-throw', source: 'confirmed' },
        { key: 'infrasound', source: 'confirmed' },
      ]);
    });

    it('refuses bad input with a German message and changes nothing', async () => {
      const url = `${base()}/einwendungen/${ids.shadow!}`;
      const linksBefore = await linksOf(t, ids.shadow!);
      const page = await as(WORKER).get(url);
      const unknown = await as(WORKER).post(`${url}/belange`, {
        _csrf: csrfTokenFrom(page.body),
        concerns: '00000000-0000-4000-8000-000000000000',
      });
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.body, /gehört nicht zum Katalog dieses Verfahrens/);
      assert.match(unknown.body, /<title>Fehler: /);
      assert.deepEqual(await linksOf(t, ids.shadow!), linksBefore);

      await t.database.db
        .updateTable('objections')
        .set({ redacted_body: null, redaction_spans: null, redaction_confirmed_at: null })
        .where('id', '=', ids.shadow!)
        .execute();
      const outside = await as(WORKER).post(`${url}/schwaerzung`, {
        _csrf: csrfTokenFrom(page.body),
        spans: `0:${SHADOW.length + 5}:name`,
      });
      assert.equal(outside.statusCode, 400);
      assert.match(outside.body, /liegt nicht im Text der Einwendung/);
      const missing = await as(WORKER).post(`${url}/schwaerzung`, {
        _csrf: csrfTokenFrom(page.body),
        weitere: 'Gibt es nicht',
        weitereArt: 'name',
      });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.body, /Nicht im Text gefunden/);
      const row = (await findObjection(t.database.db, procedure.id, ids.shadow!))!;
      assert.equal(row.redactionConfirmedAt, null);
      assert.equal(row.redactedBody, null);

      const catalogue = await as(WORKER).get(`${base()}/belange`);
      const assessment = await as(WORKER).post(
        `${base()}/belange/00000000-0000-4000-8000-000000000000`,
        {
          _csrf: csrfTokenFrom(catalogue.body),
          'bewertung-00000000-0000-4000-8000-000000000000': 'x',
        },
      );
      // The concern is named in the URL: one the procedure does not have is a missing page.
      assert.equal(assessment.statusCode, 404);
      assert.match(assessment.body, /Diesen Belang gibt es in diesem Verfahren nicht/);
      const empty = await as(WORKER).post(`${base()}/belange/neu`, {
        _csrf: csrfTokenFrom(catalogue.body),
        label: 'x',
      });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Bezeichnung mit 3 bis 120 Zeichen/);
    });

    it('runs the catalogue page: counts, assessment, new concern, suggestions, bulk redaction', async () => {
      const page = await as(WORKER).get(`${base()}/belange`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Vorschläge berechnen/);
      assert.doesNotMatch(page.body, /Alle Schwärzungsvorschläge übernehmen|schwaerzung-alle/);
      assert.match(page.body, /Landesamt für Natur/);
      assert.match(page.body, /Brutplatz des Rotmilans/);
      const csrf = csrfTokenFrom(page.body);
      const noise = await concernId(t, procedure.id, 'noise');
      const saved = await as(WORKER).post(`${base()}/belange/${noise}`, {
        _csrf: csrf,
        [`bewertung-${noise}`]:
          'Die Richtwerte der TA Lärm werden durch einen schallreduzierten Nachtbetrieb eingehalten.',
      });
      assert.equal(saved.statusCode, 303);
      const added = await as(WORKER).post(`${base()}/belange/neu`, {
        _csrf: csrf,
        label: 'Denkmalschutz Kloster Dalheim',
        description: 'Sichtbeziehungen zum Kloster.',
      });
      assert.equal(added.statusCode, 303);
      assert.equal(
        (await as(WORKER).post(`${base()}/belange/vorschlaege`, { _csrf: csrf })).statusCode,
        303,
      );
      const statement = await as(WORKER).post(`${base()}/belange/stellungnahmen/${lanuk}`, {
        _csrf: csrf,
        concerns: noise,
      });
      assert.equal(statement.statusCode, 303);
      // Accepting all unreviewed proposals at once is gone: the route does not exist.
      const bulk = await as(WORKER).post(`${base()}/einwendungen/schwaerzung-alle`, {
        _csrf: csrf,
      });
      assert.equal(bulk.statusCode, 404);
      assert.match(bulk.body, /gibt es nicht/);
      const after = await as(WORKER).get(`${base()}/belange`);
      assert.match(after.body, /Denkmalschutz Kloster Dalheim/);
      assert.match(after.body, /schallreduzierten Nachtbetrieb/);
      const decision = await assessmentsForDecision(t.database.db, procedure.id);
      assert.equal(
        decision.some((d) => d.label === 'Lärm' && d.statements === 1),
        true,
      );
    });

    it('shows the applicant only released batches, redacted (§ 12 Abs. 2 9. BImSchV)', async () => {
      await t.database.db
        .updateTable('objections')
        .set({
          redacted_body: null,
          redaction_spans: null,
          redaction_confirmed_at: null,
          redaction_confirmed_by: null,
        })
        .where('id', '=', ids.hidden!)
        .execute();
      const url = `${base()}/einwendungen-antragstellerin`;
      const before = await as(APPLICANT).get(url);
      assert.equal(before.statusCode, 200);
      assert.match(before.body, /noch keine Einwendungen freigegeben/);
      for (const secret of [OPEN_NAME, 'Wanderweg führt direkt', 'Rotmilan', HIDDEN_NAME])
        assert.ok(!before.body.includes(secret), `sichtbar vor der Freigabe: ${secret}`);

      const page = await as(WORKER).get(`${base()}/einwendungen/freigabe`);
      const released = await as(WORKER).post(`${base()}/einwendungen/freigabe`, {
        _csrf: csrfTokenFrom(page.body),
        umfang: 'reviewed',
      });
      assert.equal(released.statusCode, 303, released.body.slice(0, 3000));
      const first = await as(APPLICANT).get(url);
      assert.equal(first.body.includes(OPEN_NAME), true, 'Name fehlt');
      assert.equal(first.body.includes('Dorfstraße 5'), true);
      assert.match(first.body, /Freigabe 1/);
      for (const secret of [HIDDEN_NAME, 'Vogelsang', 'Am Hang 7', HIDDEN_EMAIL, 'Wanderweg'])
        assert.ok(!first.body.includes(secret), `sichtbar ohne Prüfung: ${secret}`);
      // The e-mail address given in the form is never passed on, not even of open objectors.
      assert.equal(first.body.includes(OPEN_EMAIL), false, 'E-Mail-Adresse sichtbar');

      const hiddenRow = (await findObjection(t.database.db, procedure.id, ids.hidden!))!;
      await confirmRedaction({
        deps: t.deps,
        actor: worker,
        procedureId: procedure.id,
        objectionId: ids.hidden!,
        spans: proposeRedaction(hiddenRow),
      });
      const again = await as(WORKER).get(`${base()}/einwendungen/freigabe`);
      // The shadow objection's redaction is still unreviewed (see the refusals above): "all"
      // is refused and names it, nothing is released; "reviewed" leaves it for later.
      const shadow = (await findObjection(t.database.db, procedure.id, ids.shadow!))!;
      assert.equal(shadow.redactionConfirmedAt, null);
      const refused = await as(WORKER).post(`${base()}/einwendungen/freigabe`, {
        _csrf: csrfTokenFrom(again.body),
        umfang: 'all',
      });
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /noch nicht geprüft/);
      assert.ok(refused.body.includes(shadow.reference));
      assert.match(refused.body, /Es wurde nichts freigegeben/);
      const second = await as(WORKER).post(`${base()}/einwendungen/freigabe`, {
        _csrf: csrfTokenFrom(again.body),
        umfang: 'reviewed',
      });
      assert.equal(second.statusCode, 303);
      const afterRelease = await as(APPLICANT).get(`${url}?freigabe=2`);
      assert.equal(afterRelease.body.includes('Wanderweg führt direkt'), true);
      for (const secret of [HIDDEN_NAME, 'Vogelsang', 'Am Hang 7', 'Henglarn', HIDDEN_EMAIL])
        assert.ok(!afterRelease.body.includes(secret), `sichtbar: ${secret}`);
    });

    it('answers 404 to everybody but the authority’s case workers (and the applicant on its page)', async () => {
      const staffUrls = [
        `${base()}/einwendungen`,
        `${base()}/einwendungen/freigabe`,
        `${base()}/einwendungen/${ids.personal!}`,
        `${base()}/belange`,
      ];
      for (const email of [
        APPLICANT,
        'toeb@lanuk.example',
        'aufsicht@mwike.example',
        'sachbearbeitung@brms.example',
        'admin@industrieland.example',
      ]) {
        for (const url of staffUrls) {
          const response = await as(email).get(url);
          assert.equal(response.statusCode, 404, `${email} ${url}`);
          assert.equal(!response.body.includes('Anna Schneider'), true);
        }
        const token = csrfTokenFrom(
          (await as(email).get(`${base()}/einwendungen-antragstellerin`)).body,
        );
        const post = await as(email).post(`${base()}/einwendungen/freigabe`, {
          _csrf: token,
          umfang: 'reviewed',
        });
        assert.equal(post.statusCode, 404, `${email} POST`);
      }
      for (const email of [
        WORKER,
        'toeb@lanuk.example',
        'aufsicht@mwike.example',
        'sachbearbeitung@brms.example',
      ]) {
        const response = await as(email).get(`${base()}/einwendungen-antragstellerin`);
        assert.equal(response.statusCode, 404, email);
      }
      const anonymous = await new Client(t.app).get(`${base()}/einwendungen`);
      assert.equal(anonymous.statusCode, 303);
      assert.match(anonymous.headers.location as string, /^\/anmelden/);
    });
  });
});
