import assert from 'node:assert/strict';
import { DEMO_AUTHORITY_PROFILES } from '../../src/procedures/authority/authority.demo.ts';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { userActor } from '../../src/platform/auth/auth.queries.ts';
import { AppError } from '../../src/platform/errors.ts';
import { changeConditions } from '../../src/permits/conditions.actions.ts';
import { permitLetterBuilder } from '../../src/permits/letters/letter-builder.ts';
import { permitFee } from '../../src/permits/letters/fee-remedies.ts';
import { formatEuro } from '../../src/permits/letters/wording.ts';
import { loadAuthorityProfile } from '../../src/procedures/authority/authority.queries.ts';
import { proposeAgencyConditions } from '../../src/procedures/conditions/conditions.queries.ts';
import {
  addOwnCondition,
  decideCondition,
} from '../../src/procedures/conditions/conditions.actions.ts';
import { verifyCaseFile } from '../../src/procedures/audit.queries.ts';
import { LETTER_KINDS } from '../../src/procedures/letters/letter.kinds.ts';
import { renderLetterPdf } from '../../src/procedures/letters/letter.pdf.ts';
import { DEFAULT_TEMPLATES } from '../../src/procedures/letters/letter.templates.ts';
import type { LetterKind } from '../../src/procedures/letters/letter.types.ts';
import { Client, createTestApp, fixedClock, type TestApp } from '../helpers/app.ts';
import { prepareSigning, signLetter, SIGNATORY } from '../helpers/letters.ts';
import { createPublishedProcedure, WORKER } from '../helpers/participation.ts';
import { apiAs, applicationBody, DEMO_PROJECTS, orgId } from '../helpers/permits.ts';
import { pdfPlainText } from '../helpers/pdf-text-embedded.ts';

const PROFILE = DEMO_AUTHORITY_PROFILES['kreis-paderborn'];
const COSTS_CENTS = 1_850_000_000;
const ADOPTED_AGENCY =
  'Die Anlagen sind vom 1. April bis 31. Oktober nachts bei Windstille abzuschalten.';
const REJECTED_AGENCY = 'Es ist ein dauerhaftes Höhenmonitoring für Greifvögel einzurichten.';
const OWN = 'Die Schallleistung ist zwölf Monate nach Inbetriebnahme durch Messung nachzuweisen.';

/** Whitespace-insensitive: the renderer breaks lines and pages wherever it must. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('permit letters rendered as PDF from a real case', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let formal: string;
  let simplified: string;
  let tenantId: string;
  let lanuk: string;

  async function actor(email: string) {
    const user = await t.database.db
      .selectFrom('users')
      .select(['id', 'email', 'display_name'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    return userActor(t.database.db, user, 'session');
  }

  async function render(procedureId: string, kind: LetterKind): Promise<string> {
    const profile = await loadAuthorityProfile(t.database.db, tenantId);
    const content = await permitLetterBuilder.build(kind, {
      db: t.database.db,
      procedureId,
      tenantId,
      profile,
      templates: DEFAULT_TEMPLATES,
      now: clock.now(),
    });
    const row = await t.database.db
      .selectFrom('procedures')
      .select('reference')
      .where('id', '=', procedureId)
      .executeTakeFirstOrThrow();
    const pdf = await renderLetterPdf({
      content,
      profile,
      reference: row.reference ?? '',
      date: '2026-11-24',
      signatory: SIGNATORY,
      contact: { name: 'Sabine Sachbearbeiterin', phone: null, email: null },
      logo: null,
    });
    return flat(await pdfPlainText(pdf));
  }

  before(async () => {
    t = await createTestApp({ clock });
    tenantId = await orgId(t, 'Kreis Paderborn');
    lanuk = await orgId(t, 'Landesamt für Natur');
    await prepareSigning(t, tenantId);
    formal = (await createPublishedProcedure(t, { documents: true })).id;
    const applicant = await apiAs(t, 'antrag@windpark-sintfeld.example');
    const project = DEMO_PROJECTS.find((p) => p.key === 'bueren-ost')!;
    const created = await applicant.post(
      '/api/v1/procedures',
      applicationBody(project, tenantId, 1),
    );
    simplified = created.json<{ id: string }>().id;
    await applicant.upload(`/api/v1/procedures/${simplified}/documents`, { docType: 'site-plans' });
    assert.equal(
      (await applicant.post(`/api/v1/procedures/${simplified}/actions/submit`, {})).statusCode,
      200,
    );
    // The application form does not ask for the investment costs yet; the fee needs them.
    for (const id of [formal, simplified])
      await sql`update procedures set application = application || ${JSON.stringify({ investmentCostsCents: COSTS_CENTS })}::jsonb where id = ${id}`.execute(
        t.database.db,
      );
    // The argument catalogue of the formal case: one assessed concern.
    await t.database.db
      .insertInto('concerns')
      .values({
        procedure_id: formal,
        tenant_id: tenantId,
        key: 'laerm',
        label: 'Lärm in der Nacht',
        description: 'Geräusche der Anlagen nachts',
        position: 1,
        assessment:
          'Die Richtwerte der TA Lärm werden durch den schallreduzierten Nachtbetrieb eingehalten.',
        assessed_at: clock.now(),
      })
      .execute();
    await t.database.db.transaction().execute((trx) =>
      proposeAgencyConditions(trx, {
        procedureId: formal,
        tenantId,
        agencyOrgId: lanuk,
        texts: [ADOPTED_AGENCY, REJECTED_AGENCY],
        category: 'Artenschutz',
        now: clock.now(),
      }),
    );
  });
  after(async () => t.close());

  async function conditionId(text: string): Promise<string> {
    return (
      await t.database.db
        .selectFrom('procedure_conditions')
        .select('id')
        .where('text', '=', text)
        .executeTakeFirstOrThrow()
    ).id;
  }

  async function refusal(promise: Promise<unknown>): Promise<AppError> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    assert.fail('erwartete eine Ablehnung');
  }

  const count = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('procedure_conditions')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('the case worker adopts one agency proposal and rejects the other with a reason; each change is in the chain', async () => {
    const deps = t.deps;
    const worker = await actor(WORKER);
    await changeConditions({
      deps,
      actor: worker,
      procedureId: formal,
      change: async (c) =>
        decideCondition(c, {
          conditionId: await conditionId(ADOPTED_AGENCY),
          decision: 'adopt',
          reason: '',
        }),
    });
    await changeConditions({
      deps,
      actor: worker,
      procedureId: formal,
      change: async (c) =>
        decideCondition(c, {
          conditionId: await conditionId(REJECTED_AGENCY),
          decision: 'reject',
          reason: 'Die Art ist am Standort nicht nachgewiesen.',
        }),
    });
    await changeConditions({
      deps,
      actor: worker,
      procedureId: formal,
      change: (c) => addOwnCondition(c, { category: 'Schallschutz', text: OWN }),
    });
    const events = await t.database.db
      .selectFrom('procedure_events')
      .select('type')
      .where('procedure_id', '=', formal)
      .execute();
    assert.deepEqual(
      events.map((e) => e.type).filter((e) => e.startsWith('condition-')),
      ['condition-adopted', 'condition-rejected', 'condition-added'],
    );
    assert.equal((await verifyCaseFile(t.database.db, formal))?.problem, undefined);
  });

  it('refuses a rejection without reason, another authority, the applicant — and changes nothing', async () => {
    const deps = t.deps;
    const before = await count();
    const noReason = await refusal(
      changeConditions({
        deps,
        actor: await actor(WORKER),
        procedureId: formal,
        change: async (c) =>
          decideCondition(c, {
            conditionId: await conditionId(ADOPTED_AGENCY),
            decision: 'reject',
            reason: '  ',
          }),
      }),
    );
    assert.equal(noReason.code, 'validation');
    assert.match(noReason.fieldErrors[0]!.message, /begründen/);
    for (const email of [
      'sachbearbeitung@brms.example',
      'antrag@windpark-sintfeld.example',
      'toeb@lanuk.example',
    ]) {
      const refused = await refusal(
        changeConditions({
          deps,
          actor: await actor(email),
          procedureId: formal,
          change: (c) => addOwnCondition(c, { category: 'X', text: 'Y' }),
        }),
      );
      assert.equal(refused.code, 'not_found', email);
    }
    assert.equal(await count(), before);
    // The database itself refuses a rejection without a reason.
    await assert.rejects(
      t.database.db
        .updateTable('procedure_conditions')
        .set({ status: 'rejected', reason: null })
        .where('text', '=', ADOPTED_AGENCY)
        .execute(),
      /procedure_conditions_rejection_reason/,
    );
  });

  it('renders every letter kind of the formal case with letterhead, address, Aktenzeichen, signatory', async () => {
    const reference = (
      await t.database.db
        .selectFrom('procedures')
        .select('reference')
        .where('id', '=', formal)
        .executeTakeFirstOrThrow()
    ).reference!;
    const fee = permitFee({
      kind: 'decision',
      typeKey: 'bimschg-formal',
      investmentCostsCents: COSTS_CENTS,
      eia: true,
      today: '2026-11-24',
    })!;
    // Every kind a permit can have (the revocation of a grant belongs to funding procedures).
    for (const kind of LETTER_KINDS.filter((k) => k !== 'revocation')) {
      const text = await render(formal, kind);
      assert.match(text, /Kreis Paderborn/, kind);
      assert.match(text, /Untere Immissionsschutzbehörde/, kind);
      // The authority's master data as the demo seeds them (src/procedures/authority/authority.demo.ts).
      assert.ok(text.includes(PROFILE.postal.street), `${kind}: Postanschrift`);
      assert.ok(text.includes(reference), `${kind}: Aktenzeichen ${reference}`);
      assert.match(text, /Dr\. Hanna Zeichner/, kind);
      if (kind === 'decision' || kind === 'refusal' || kind === 'rejection') {
        assert.ok(
          text.includes(formatEuro(fee.amountCents)) || kind !== 'decision',
          `${kind}: Gebühr`,
        );
        assert.match(text, /Tarifstelle/, kind);
        assert.match(text, /aus den im Antrag angegebenen Investitionskosten/, kind);
        assert.match(text, /Rechtsbehelfsbelehrung/, kind);
        assert.match(text, /innerhalb eines Monats nach Bekanntgabe Klage/, kind);
        assert.match(text, /Oberverwaltungsgericht/, kind);
        assert.ok(
          text.includes(PROFILE.bank.iban.replace(/(.{4})(?!$)/g, '$1 ')),
          `${kind}: Bankverbindung`,
        );
      }
    }
  });

  it('the formal Bescheid lists documents, adopted conditions (not the rejected one), the objections and the procedure history', async () => {
    const text = await render(formal, 'decision');
    assert.match(text, /im förmlichen Verfahren nach § 10 BImSchG erteilt/);
    assert.match(text, /III\. Antragsunterlagen/);
    assert.match(text, /Lagepläne und Angaben zum Standort/);
    assert.match(text, /Betriebs- und Geschäftsgeheimnis \(nicht öffentlich\)/);
    assert.doesNotMatch(text, /geheim-herstellerdaten\.pdf/);
    const conditions = text.slice(
      text.indexOf('IV. Nebenbestimmungen'),
      text.indexOf('V. Begründung'),
    );
    assert.ok(conditions.includes(flat(ADOPTED_AGENCY)), 'übernommener Vorschlag der Fachbehörde');
    assert.ok(conditions.includes(flat(OWN)));
    assert.ok(
      !text.includes(flat(REJECTED_AGENCY)),
      'abgelehnter Vorschlag erscheint nirgends im Wortlaut',
    );
    assert.match(
      text,
      /nicht übernommen\. Begründung: Die Art ist am Standort nicht nachgewiesen\./,
    );
    assert.match(text, /Lärm in der Nacht/);
    assert.match(text, /öffentlich bekannt gemacht/);
    assert.match(text, /Einwendungen konnten bis zum/);
  });

  it('renders every letter kind of the simplified case; one turbine in the singular', async () => {
    // Every kind a permit can have (the revocation of a grant belongs to funding procedures).
    for (const kind of LETTER_KINDS.filter((k) => k !== 'revocation')) {
      const text = await render(simplified, kind);
      assert.match(text, /Kreis Paderborn/, kind);
      assert.match(text, /Dr\. Hanna Zeichner/, kind);
    }
    const decision = await render(simplified, 'decision');
    assert.match(decision, /Betrieb einer Windenergieanlage am Standort/);
    assert.match(decision, /im vereinfachten Verfahren nach § 19 BImSchG erteilt/);
    assert.doesNotMatch(decision, /im Vereinfachtes Verfahren/i);
  });

  it('once the refusal is signed, the conditions can no longer change (409)', async () => {
    // The formal case in participation cannot be refused; the simplified one after drafting can.
    const worker = await apiAs(t, WORKER);
    const agency = await apiAs(t, 'toeb@lanuk.example');
    const act = (client: typeof worker, action: string, body: object = {}) =>
      client.post(`/api/v1/procedures/${simplified}/actions/${action}`, body);
    assert.equal((await act(worker, 'confirm-receipt')).statusCode, 200);
    const confirmed = await act(worker, 'confirm-completeness', {
      completenessDate: '2026-11-24',
      agencies: [lanuk],
      timetable: 'Entscheidung im Februar.',
      missingDocumentsReason: 'Die übrigen Unterlagen liegen der Behörde bereits vor.',
    });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    // The timetable of the completeness confirmation is on the case page, also for the applicant.
    const page = new Client(t.app);
    await page.logIn('antrag@windpark-sintfeld.example');
    const html = (await page.get(`/verfahren/${simplified}`)).body;
    assert.match(html, /Geplanter zeitlicher Ablauf/);
    assert.match(html, /Entscheidung im Februar\./);
    assert.equal(
      (
        await act(agency, 'record-agency-statement', {
          verdict: 'no-objection',
          statement: 'Keine Bedenken.',
        })
      ).statusCode,
      200,
    );
    assert.equal((await act(worker, 'complete-agency-involvement')).statusCode, 200);
    await signLetter(t, simplified, 'refusal');
    const before = await count();
    const frozen = await refusal(
      changeConditions({
        deps: t.deps,
        actor: await actor(WORKER),
        procedureId: simplified,
        change: (c) => addOwnCondition(c, { category: 'Schallschutz', text: 'Nachträglich.' }),
      }),
    );
    assert.equal(frozen.code, 'conflict');
    assert.match(frozen.message, /bereits gezeichnet/);
    assert.equal(await count(), before);
  });
  it('conditions given with the decision join the adopted list once and reach the Bescheid', async () => {
    const applicant = await apiAs(t, 'antrag@windpark-sintfeld.example');
    const worker = await apiAs(t, WORKER);
    const agency = await apiAs(t, 'toeb@lanuk.example');
    const project = DEMO_PROJECTS.find((p) => p.key === 'lichtenau-nord')!;
    const id = (
      await applicant.post('/api/v1/procedures', applicationBody(project, tenantId, 1))
    ).json<{ id: string }>().id;
    const act = async (client: typeof worker, action: string, body: object = {}) => {
      const response = await client.post(`/api/v1/procedures/${id}/actions/${action}`, body);
      assert.equal(response.statusCode, 200, `${action}: ${response.body}`);
    };
    await act(applicant, 'submit');
    await act(worker, 'confirm-receipt');
    await act(worker, 'confirm-completeness', {
      completenessDate: '2026-11-24',
      agencies: [lanuk],
      timetable: 'Entscheidung im Januar.',
      missingDocumentsReason: 'Die übrigen Unterlagen liegen der Behörde bereits vor.',
    });
    await act(agency, 'record-agency-statement', { verdict: 'no-comment' });
    await act(worker, 'complete-agency-involvement');
    await changeConditions({
      deps: t.deps,
      actor: await actor(WORKER),
      procedureId: id,
      change: (c) => addOwnCondition(c, { category: 'Schallschutz', text: OWN }),
    });
    const typed = 'Der Betreiber meldet die Inbetriebnahme vier Wochen vorher an.';
    await act(worker, 'decide', {
      outcome: 'granted',
      conditions: [OWN, typed],
      reasons: 'Die Voraussetzungen des § 6 BImSchG liegen vor.',
    });
    const adopted = await t.database.db
      .selectFrom('procedure_conditions')
      .select(['text', 'category', 'status'])
      .where('procedure_id', '=', id)
      .orderBy('position')
      .execute();
    assert.deepEqual(
      adopted.map((c) => [c.text, c.category, c.status]),
      [
        [OWN, 'Schallschutz', 'adopted'],
        [typed, 'Weitere Nebenbestimmungen', 'adopted'],
      ],
    );
    const text = await render(id, 'decision');
    assert.ok(text.includes(OWN), 'eigene Nebenbestimmung im Bescheid');
    assert.ok(text.includes(typed), 'mit der Entscheidung gegebene Nebenbestimmung im Bescheid');
  });
});
