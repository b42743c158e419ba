import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runDeadlineWatch } from '../../src/permits/deadline-watch.ts';
import { procedureType } from '../../src/permits/permit.types.ts';
import { applyAction, type ProcedureState } from '../../src/procedures/engine/index.ts';
import { verifyCaseFile } from '../../src/procedures/audit.queries.ts';
import { Client, createTestApp, fixedClock, type TestApp } from '../helpers/app.ts';
import { apiAs, applicationBody, DEMO_PROJECTS, orgId } from '../helpers/permits.ts';

const DAY = 86_400_000;
const APPLICANT = 'antrag@windpark-sintfeld.example';
const WORKER = 'sachbearbeitung@kreis-paderborn.example';
const MUNICIPALITY = 'bauamt@lichtenau.example';
const AVIATION = 'luftverkehr@bezreg.example';
const LANUK = 'toeb@lanuk.example';
/** An agency of the platform that is not asked in these cases. */
const NOT_ASKED = 'naturschutz@kreis-paderborn.example';

type Api = Awaited<ReturnType<typeof apiAs>>;

/**
 * The consents of the municipality (§ 36 BauGB) and of the aviation authority (§ 14 LuftVG) in
 * simplified wind procedures of the Kreis Paderborn in Lichtenau: requested with the involvement,
 * answered by the agency only, replaced only for the municipality, deemed given by the watcher
 * exactly after the two months, and a grant blocked until then.
 */
describe('consents of the municipality and the aviation authority', () => {
  // Tuesday, 24.11.2026: two months end on Sunday, 24.01.2027, moved to Monday, 25.01.2027.
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let api: Record<'applicant' | 'worker' | 'municipality' | 'aviation' | 'lanuk' | 'other', Api>;
  let gemeinde: string;
  let luftfahrt: string;
  let lanuk: string;
  let kreis: string;

  async function post(client: Api, id: string, action: string, body: object = {}) {
    return client.post(`/api/v1/procedures/${id}/actions/${action}`, body);
  }

  async function act(client: Api, id: string, action: string, body: object = {}) {
    const response = await post(client, id, action, body);
    assert.equal(response.statusCode, 200, `${action}: ${response.body}`);
  }

  async function refused(
    response: Awaited<ReturnType<typeof post>>,
    status: number[],
    message: RegExp,
  ) {
    assert.ok(status.includes(response.statusCode), `${response.statusCode}: ${response.body}`);
    assert.match(String(response.headers['content-type']), /problem\+json/);
    assert.match(response.json<{ detail: string }>().detail, message);
  }

  async function consentRow(id: string, agency: string) {
    return t.database.db
      .selectFrom('procedure_agencies')
      .select(['consent', 'consent_status', 'consent_due', 'consent_reasons'])
      .where('procedure_id', '=', id)
      .where('agency_org_id', '=', agency)
      .executeTakeFirstOrThrow();
  }

  async function eventCount(id: string): Promise<number> {
    const row = await t.database.db
      .selectFrom('procedures')
      .select('event_count')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row.event_count;
  }

  /** A submitted simplified case in Lichtenau with completeness confirmed today. */
  async function newCase(projectKey: string, agencies: string[], extra: object = {}) {
    const project = DEMO_PROJECTS.find((p) => p.key === projectKey)!;
    const created = await api.applicant.post(
      '/api/v1/procedures',
      applicationBody(project, kreis, 3),
    );
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json<{ id: string }>().id;
    await act(api.applicant, id, 'submit');
    await act(api.worker, id, 'confirm-receipt');
    await act(api.worker, id, 'confirm-completeness', {
      completenessDate: '2026-11-24',
      agencies,
      timetable: 'Stellungnahmen bis Ende Dezember, Entscheidung im Februar.',
      missingDocumentsReason: 'Die Unterlagen liegen der Behörde aus der Vorprüfung vor.',
      ...extra,
    });
    return id;
  }

  const statement = { verdict: 'no-objection', statement: 'Keine Bedenken.' };

  before(async () => {
    t = await createTestApp({ clock });
    api = {
      applicant: await apiAs(t, APPLICANT),
      worker: await apiAs(t, WORKER),
      municipality: await apiAs(t, MUNICIPALITY),
      aviation: await apiAs(t, AVIATION),
      lanuk: await apiAs(t, LANUK),
      other: await apiAs(t, NOT_ASKED),
    };
    gemeinde = await orgId(t, 'Stadt Lichtenau');
    luftfahrt = await orgId(t, 'Dezernat 26 Luftverkehr');
    lanuk = await orgId(t, 'Landesamt für Natur');
    kreis = await orgId(t, 'Kreis Paderborn');
  });
  after(async () => t.close());

  describe('requests, answers and the replacement', () => {
    let id: string;
    before(async () => {
      // 184 m turbines: the aviation authority's consent is needed (§ 14 Abs. 1 LuftVG).
      id = await newCase('lichtenau-nord', [gemeinde, lanuk]);
    });

    it('the site municipality owes its Einvernehmen from the request, with its own deadline', async () => {
      assert.deepEqual(await consentRow(id, gemeinde), {
        consent: 'municipality',
        consent_status: 'requested',
        consent_due: '2027-01-25',
        consent_reasons: null,
      });
      assert.equal((await consentRow(id, lanuk)).consent, null, 'no consent for the Landesamt');
      const deadline = await t.database.db
        .selectFrom('procedure_deadlines')
        .selectAll()
        .where('procedure_id', '=', id)
        .where('key', '=', `municipal-consent#${gemeinde}`)
        .executeTakeFirstOrThrow();
      assert.equal(deadline.end_date, '2027-01-25');
      assert.equal(deadline.responsible, 'agency_member');
      assert.match(deadline.label, /Einvernehmen der Gemeinde: Stadt Lichtenau/);
      assert.match(deadline.rationale, /§ 36 Abs\. 2 Satz 2 BauGB/);
      assert.match(deadline.rationale, /Sonntag|Sonn- oder Feiertag|25\.01\.2027|25\. Januar 2027/);
      const mails = await t.database.db
        .selectFrom('mail_outbox')
        .select('body_text')
        .where('to_address', '=', MUNICIPALITY)
        .execute();
      assert.ok(
        mails.some(
          (m) =>
            /Einvernehmen/.test(m.body_text) && /25\.01\.2027|25\. Januar 2027/.test(m.body_text),
        ),
        'the request names the consent and its end',
      );
    });

    it('asking the aviation authority later requests its consent too (§ 14 Abs. 1 LuftVG)', async () => {
      clock.advance(5 * DAY);
      await act(api.worker, id, 'ask-agencies', { agencies: [luftfahrt] });
      const row = await consentRow(id, luftfahrt);
      assert.equal(row.consent, 'aviation');
      assert.equal(row.consent_status, 'requested');
      // Asked on 29.11.2026: two months end on 29.01.2027 (a Friday).
      assert.equal(row.consent_due, '2027-01-29');
      const deadline = await t.database.db
        .selectFrom('procedure_deadlines')
        .select('rationale')
        .where('key', '=', `aviation-consent#${luftfahrt}`)
        .executeTakeFirstOrThrow();
      assert.match(deadline.rationale, /§ 14 Abs\. 1 i\. V\. m\. § 12 Abs\. 2 Satz 2 LuftVG/);
    });

    it('/stellungnahmen shows the municipality its consent deadline once its statement is in', async () => {
      await act(api.municipality, id, 'record-agency-statement', statement);
      const page = new Client(t.app);
      await page.logIn(MUNICIPALITY);
      const html = (await page.get('/stellungnahmen')).body;
      assert.match(html, /25\. Januar 2027/);
      assert.match(html, /Einvernehmen der Gemeinde/);
      const caseHtml = (await page.get(`/verfahren/${id}`)).body;
      assert.match(caseHtml, /Einvernehmen der Gemeinde: Stadt Lichtenau/);
      assert.match(caseHtml, /Einvernehmen bzw\. Zustimmung verweigern/);
      assert.doesNotMatch(caseHtml, /Zustimmung der Luftfahrtbehörde: /, 'not another agency’s');
    });

    it('only the agency that owes the consent answers it', async () => {
      const before = await eventCount(id);
      await refused(await post(api.applicant, id, 'give-consent'), [403], /darf nur vornehmen/);
      await refused(await post(api.worker, id, 'give-consent'), [403], /darf nur vornehmen/);
      await refused(await post(api.other, id, 'give-consent'), [404], /nicht beteiligt/);
      await refused(
        await post(api.lanuk, id, 'give-consent'),
        [400, 422],
        /weder Einvernehmen noch Zustimmung erbeten/,
      );
      await refused(
        await post(api.worker, id, 'deem-consent-given', { agency: gemeinde }),
        [403],
        /darf nur vornehmen/,
      );
      await refused(
        await post(api.municipality, id, 'refuse-consent', { reasons: '  ' }),
        [400, 422],
        /Begründung der Verweigerung fehlt/,
      );
      assert.equal(await eventCount(id), before, 'nothing recorded');
      assert.equal((await consentRow(id, gemeinde)).consent_status, 'requested');
    });

    it('the municipality refuses on its page without script; the case worker is told', async () => {
      const page = new Client(t.app);
      await page.logIn(MUNICIPALITY);
      const version = String(await eventCount(id));
      const empty = await page.submit(
        `/verfahren/${id}`,
        `/verfahren/${id}/aktionen/refuse-consent`,
        {
          version,
          'refuse-consent.reasons': '',
        },
      );
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Begründung der Verweigerung fehlt/);
      const noToken = await page.post(`/verfahren/${id}/aktionen/refuse-consent`, {
        version,
        'refuse-consent.reasons': 'Ohne Formularschutz.',
      });
      assert.equal(noToken.statusCode, 403, 'CSRF');
      const reasons =
        'Der Standort widerspricht der Darstellung des Flächennutzungsplans.\r\n\r\nEine Ausnahme nach § 35 Abs. 3 Satz 3 BauGB liegt nicht vor.';
      const response = await page.submit(
        `/verfahren/${id}`,
        `/verfahren/${id}/aktionen/refuse-consent`,
        {
          version,
          'refuse-consent.reasons': reasons,
        },
      );
      assert.equal(response.statusCode, 303, response.body.slice(0, 300));
      const row = await consentRow(id, gemeinde);
      assert.equal(row.consent_status, 'refused');
      assert.equal(row.consent_reasons, reasons.replace(/\r\n/g, '\n'));
      const toWorker = await t.database.db
        .selectFrom('mail_outbox')
        .select('subject')
        .where('to_address', '=', WORKER)
        .execute();
      assert.ok(toWorker.some((m) => /verweigert/.test(m.subject)));
    });

    it('a consent is answered once', async () => {
      const before = await eventCount(id);
      await refused(await post(api.municipality, id, 'give-consent'), [409], /bereits entschieden/);
      await refused(
        await post(api.municipality, id, 'refuse-consent', { reasons: 'Noch einmal.' }),
        [409],
        /bereits entschieden/,
      );
      assert.equal(await eventCount(id), before);
    });

    it('the authority replaces the municipality’s refusal, never the aviation authority’s', async () => {
      await act(api.aviation, id, 'refuse-consent', {
        reasons: 'Die Anlagen liegen im Anflugsektor des Verkehrslandeplatzes.',
      });
      const before = await eventCount(id);
      await refused(
        await post(api.worker, id, 'replace-consent', {
          agency: luftfahrt,
          reasons: 'Unbegründet.',
        }),
        [400, 422],
        /Zustimmung der Luftfahrtbehörde kann nicht ersetzt werden/,
      );
      await refused(
        await post(api.worker, id, 'replace-consent', { agency: gemeinde }),
        [400, 422],
        /Begründung der Ersetzung fehlt/,
      );
      await refused(
        await post(api.applicant, id, 'replace-consent', { agency: gemeinde, reasons: 'x' }),
        [403],
        /darf nur vornehmen/,
      );
      await refused(
        await post(api.municipality, id, 'replace-consent', { agency: gemeinde, reasons: 'x' }),
        [403],
        /darf nur vornehmen/,
      );
      assert.equal(await eventCount(id), before);
      await act(api.worker, id, 'replace-consent', {
        agency: gemeinde,
        reasons:
          'Der Flächennutzungsplan entfaltet keine Ausschlusswirkung; die Verweigerung ist rechtswidrig.',
      });
      assert.equal((await consentRow(id, gemeinde)).consent_status, 'replaced');
      await refused(
        await post(api.worker, id, 'replace-consent', {
          agency: gemeinde,
          reasons: 'Noch einmal.',
        }),
        [409],
        /Ersetzt werden kann nur ein verweigertes Einvernehmen/,
      );
      const mails = await t.database.db
        .selectFrom('mail_outbox')
        .select('subject')
        .where('to_address', '=', MUNICIPALITY)
        .execute();
      assert.ok(mails.some((m) => /ersetzt/.test(m.subject)));
      const page = new Client(t.app);
      await page.logIn(WORKER);
      const html = (await page.get(`/verfahren/${id}`)).body;
      assert.match(html, /Einvernehmen ersetzt \(§ 36 Abs\. 2 Satz 3 BauGB\)/);
      assert.match(html, /Zustimmung verweigert/);
    });
  });

  describe('no consent where the law needs none; refusal of the permit stays possible', () => {
    let id: string;
    before(async () => {
      clock.set(new Date('2026-11-24T10:00:00Z'));
      // 85 m turbines: no consent of the aviation authority. The client's own list is ignored.
      id = await newCase('lichtenau-nordost', [gemeinde, luftfahrt], {
        consents: { [lanuk]: 'municipality', [luftfahrt]: 'aviation' },
      });
    });

    it('only the municipality owes a consent', async () => {
      assert.equal((await consentRow(id, gemeinde)).consent, 'municipality');
      assert.equal((await consentRow(id, luftfahrt)).consent, null);
      await refused(
        await post(api.aviation, id, 'give-consent'),
        [400, 422],
        /weder Einvernehmen noch Zustimmung erbeten/,
      );
    });

    it('the permit may be refused while the consent is open; afterwards nobody answers it', async () => {
      await act(api.municipality, id, 'record-agency-statement', statement);
      await act(api.aviation, id, 'record-agency-statement', statement);
      await act(api.worker, id, 'complete-agency-involvement');
      await act(api.worker, id, 'decide', {
        outcome: 'refused',
        reasons: 'Dem Vorhaben stehen Belange des Artenschutzes entgegen.',
      });
      await refused(await post(api.municipality, id, 'give-consent'), [409], /nicht möglich/);
      const deadline = await t.database.db
        .selectFrom('procedure_deadlines')
        .select('status')
        .where('key', '=', `municipal-consent#${gemeinde}`)
        .where('procedure_id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(deadline.status, 'cancelled');
    });
  });

  describe('the fiction after two months and the guard on the grant', () => {
    let id: string;
    before(async () => {
      clock.set(new Date('2026-11-24T11:00:00Z'));
      id = await newCase('lichtenau-nord', [gemeinde, luftfahrt]);
      await act(api.municipality, id, 'record-agency-statement', statement);
      await act(api.aviation, id, 'record-agency-statement', statement);
      await act(api.worker, id, 'complete-agency-involvement');
    });

    it('a grant is blocked while a consent is open, with the reason on the case page', async () => {
      const grant = {
        outcome: 'granted',
        reasons: 'Die Genehmigungsvoraussetzungen des § 6 BImSchG liegen vor.',
      };
      await refused(
        await post(api.worker, id, 'decide', grant),
        [409],
        /Genehmigung kann erst erteilt werden.*Offen: Einvernehmen der Gemeinde: erbeten.*Zustimmung der Luftfahrtbehörde: erbeten/s,
      );
      const view = (await api.worker.get(`/api/v1/procedures/${id}`)).json<{
        blockedActions: { action: string; label: string; reason: string }[];
        actions: { action: string }[];
      }>();
      const blocked = view.blockedActions.find((b) => b.action === 'decide');
      assert.equal(blocked?.label, 'Entscheidung treffen (Genehmigung erteilen)');
      assert.ok(
        view.actions.some((a) => a.action === 'decide'),
        'refusal stays possible',
      );
      const page = new Client(t.app);
      await page.logIn(WORKER);
      const html = (await page.get(`/verfahren/${id}`)).body;
      assert.match(
        html,
        /Entscheidung treffen \(Genehmigung erteilen\): Die Genehmigung kann erst erteilt werden/,
      );
      await act(api.aviation, id, 'give-consent');
      await refused(
        await post(api.worker, id, 'decide', grant),
        [409],
        /Einvernehmen der Gemeinde: erbeten/,
      );
    });

    it('the Einvernehmen is deemed given exactly after the two months, not a day earlier', async () => {
      // The engine's own rule, on the stored state: not on the last day, from the day after.
      const row = await t.database.db
        .selectFrom('procedures')
        .select(['type_key', 'type_version', 'state'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const type = procedureType(row.type_key, row.type_version);
      const deem = (at: string) =>
        applyAction(type, row.state as ProcedureState, {
          action: 'deem-consent-given',
          role: 'system',
          at,
          input: { agency: gemeinde },
        });
      const early = deem('2027-01-25');
      assert.ok(!early.ok && early.code === 'guard-failed', JSON.stringify(early));
      assert.ok(deem('2027-01-26').ok);
      // 25.01.2027, 23:59 in Berlin: the last day of the period.
      clock.set(new Date('2027-01-25T22:59:00Z'));
      await runDeadlineWatch(t.deps);
      assert.equal((await consentRow(id, gemeinde)).consent_status, 'requested');
      // 26.01.2027, 00:00:30 in Berlin: the period has ended without a refusal.
      clock.set(new Date('2027-01-25T23:00:30Z'));
      await runDeadlineWatch(t.deps);
      assert.equal((await consentRow(id, gemeinde)).consent_status, 'deemed-given');
      const event = await t.database.db
        .selectFrom('procedure_events')
        .select(['actor_role', 'data'])
        .where('procedure_id', '=', id)
        .where('type', '=', 'consent-deemed-given')
        .executeTakeFirstOrThrow();
      assert.equal(event.actor_role, 'system');
      assert.equal((event.data as { agency: string }).agency, gemeinde);
      const view = (await api.worker.get(`/api/v1/procedures/${id}`)).json<{
        agencies: { id: string; consent: { kind: string; status: string; due: string } | null }[];
      }>();
      assert.deepEqual(view.agencies.find((a) => a.id === gemeinde)?.consent, {
        kind: 'municipality',
        status: 'deemed-given',
        due: '2027-01-25',
        reasons: null,
      });
      const chain = await verifyCaseFile(t.database.db, id);
      assert.equal(chain?.problem, undefined, 'the hash chain holds');
      await runDeadlineWatch(t.deps);
      const events = await t.database.db
        .selectFrom('procedure_events')
        .select('seq')
        .where('procedure_id', '=', id)
        .where('type', '=', 'consent-deemed-given')
        .execute();
      assert.equal(events.length, 1, 'once');
      const page = new Client(t.app);
      await page.logIn(WORKER);
      const html = (await page.get(`/verfahren/${id}`)).body;
      assert.match(html, /Einvernehmen gilt als erteilt \(§ 36 Abs\. 2 Satz 2 BauGB\)/);
    });

    it('with every consent settled the permit may be granted', async () => {
      await act(api.worker, id, 'decide', {
        outcome: 'granted',
        reasons: 'Die Genehmigungsvoraussetzungen des § 6 BImSchG liegen vor.',
      });
      await refused(
        await post(api.municipality, id, 'refuse-consent', { reasons: 'Zu spät.' }),
        [409],
        /nicht möglich/,
      );
    });
  });
});
