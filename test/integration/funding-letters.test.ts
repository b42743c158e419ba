import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FUNDING_LETTER_BUILDERS } from '../../src/funding/procedure/grant.letters.ts';
import { recoveryFor } from '../../src/funding/procedure/grant.interest.ts';
import type { FundingApplication, GrantProposal } from '../../src/funding/procedure/grant.types.ts';
import {
  FUNDING_COMPETITIVE,
  FUNDING_GRANT,
  FUNDING_PROCEDURE_TYPES,
} from '../../src/funding/procedure/procedure-types/funding-grant.ts';
import type { AuthorityProfile } from '../../src/procedures/authority/authority.types.ts';
import { appendAuditEvent } from '../../src/procedures/audit.queries.ts';
import { initialState, type ProcedureState } from '../../src/procedures/engine/index.ts';
import type { LetterBuildContext } from '../../src/procedures/letters/letter.builder.ts';
import { PROFILE_FIXTURE } from '../../src/procedures/letters/letter.fixtures.ts';
import { renderLetterPdf } from '../../src/procedures/letters/letter.pdf.ts';
import { DEFAULT_TEMPLATES } from '../../src/procedures/letters/letter.templates.ts';
import type { LetterKind } from '../../src/procedures/letters/letter.types.ts';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { AppError } from '../../src/platform/errors.ts';
import { createDirectoryStore } from '../../src/platform/storage.ts';
import { draftLetter, requestSignOff } from '../../src/procedures/letters/letter.actions.ts';
import { signOff } from '../../src/procedures/letters/letter.signing.ts';
import { type LetterDeps } from '../../src/procedures/letters/letter.work.ts';
import { findLetter } from '../../src/procedures/letters/letter.queries.ts';
import { seedLetterWorld, type LetterWorld } from '../../src/procedures/letters/letter.testkit.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { pdfPlainText } from '../helpers/pdf-text-embedded.ts';

/** Whitespace-insensitive: the renderer breaks lines and pages wherever it must. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
const NOW = new Date('2026-12-03T10:00:00Z');

const APPLICATION: FundingApplication = {
  programmeId: 'nrw-transformationskonzepte',
  versionId: 'nrw-transformationskonzepte-2022-11',
  measureId: 'transformation-concept',
  description: 'Erstellung eines Transformationskonzepts für die Gießerei am Standort Paderborn.',
  periodStart: '2027-01-01',
  periodEnd: '2027-06-30',
  plan: {
    costs: [
      { key: 'k1', label: 'Externe Beratungsleistungen', cents: 3_000_000 },
      { key: 'k2', label: 'Vorprüfungen und Untersuchungen', cents: 2_000_000 },
    ],
    ownFundsCents: 2_000_000,
    otherAid: [{ source: 'Kammerzuschuss', cents: 500_000 }],
  },
  requestedCents: 2_500_000,
  applicant: {
    name: 'Gießerei Senne GmbH',
    profileVersion: 1,
    validFrom: '2026-10-01',
    legalForm: 'GmbH',
    seatAgs: '05774032',
    seatName: 'Paderborn',
    naceCode: '24.51',
    sizeClass: 'small',
    street: 'Industriestraße 7',
    postcode: '33100',
    city: 'Paderborn',
  },
  finder: {
    checkedOn: '2026-10-20',
    eligibility: 'eligible',
    estimateCents: 2_500_000,
    deciding: [],
    missing: [],
  },
};

const GRANT_PROPOSAL: GrantProposal = {
  recommendation: 'grant',
  eligibility: 'eligible',
  decidingRules: [
    'Sitz oder Betriebsstätte in Nordrhein-Westfalen: erfüllt (Nr. 3 der Richtlinie).',
  ],
  eligibleCents: 5_000_000,
  ratePpm: 500_000,
  computedCents: 2_500_000,
  grantCents: 2_500_000,
  steps: ['50 % von 50.000,00 € = 25.000,00 €.'],
  periodStart: '2027-01-01',
  periodEnd: '2027-06-30',
  aidKind: 'de-minimis',
  aidLabel: 'De-minimis-Beihilfe',
  deMinimis: {
    ceilingCents: 30_000_000,
    usedCents: 4_000_000,
    headroomCents: 26_000_000,
    windowFrom: '2023-11-21',
  },
  note: 'Die Kosten sind plausibel.',
};

const REFUSE_PROPOSAL: GrantProposal = {
  ...GRANT_PROPOSAL,
  recommendation: 'refuse',
  eligibility: 'not-eligible',
  decidingRules: [
    'Das Unternehmen ist kein KMU im Sinne von Anhang I AGVO (Nr. 3.1 der Richtlinie).',
    'Das Vorhaben hat vor der Bewilligung begonnen (VV Nr. 1.3 zu § 44 LHO NRW).',
  ],
  grantCents: 0,
  note: '',
};

describe('letters of the funding procedure, built from stored cases and rendered as PDF', () => {
  let t: TestDatabase;
  let tenantId: string;
  let companyId: string;
  let lineId: string;
  let profile: AuthorityProfile;
  let world: LetterWorld;
  let counter = 0;

  before(async () => {
    t = await createTestDatabase();
    // The letters engine's world: a body with a case worker and a supervisor, an applicant.
    world = await seedLetterWorld(t.db, FUNDING_GRANT);
    tenantId = world.tenantId;
    companyId = world.applicantOrgId;
    lineId = (
      await t.db
        .insertInto('funding_budget_lines')
        .values({
          tenant_id: tenantId,
          programme_id: APPLICATION.programmeId,
          budget_line: '0815.686 10',
          year: 2027,
          label: null,
          created_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    profile = {
      ...PROFILE_FIXTURE,
      organisationId: tenantId,
      name: 'Förderstelle Ostwestfalen',
      department: 'Dezernat Wirtschaftsförderung',
    };
  });

  after(async () => {
    await t.drop();
  });

  /** A funding case written straight into the tables, with its events through the audit chain. */
  async function createCase(options: {
    step: string;
    typeKey?: string;
    state?: Partial<ProcedureState>;
    submitted?: boolean;
    application?: FundingApplication;
    events?: { type: string; at: string; data: Record<string, unknown> }[];
  }): Promise<string> {
    const typeKey = options.typeKey ?? FUNDING_GRANT;
    const type = FUNDING_PROCEDURE_TYPES.find((p) => p.key === typeKey)!;
    const submitted = options.submitted ?? true;
    const state: ProcedureState = {
      ...initialState(type),
      step: options.step,
      submittedAt: submitted ? '2026-10-28' : null,
      ...options.state,
    };
    counter += 1;
    const procedure = await t.db
      .insertInto('procedures')
      .values({
        tenant_id: tenantId,
        applicant_org_id: companyId,
        reference: submitted ? `FÖ-2026-${String(counter).padStart(4, '0')}` : null,
        title: `Transformationskonzept Gießerei ${counter}`,
        type_key: typeKey,
        type_version: type.version,
        step: options.step,
        state: JSON.stringify(state),
        application: JSON.stringify(options.application ?? APPLICATION),
        submitted_at: submitted ? new Date('2026-10-28T09:00:00Z') : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('funding_cases')
      .values({
        procedure_id: procedure.id,
        tenant_id: tenantId,
        applicant_org_id: companyId,
        line_id: lineId,
        programme_id: APPLICATION.programmeId,
        programme_version: APPLICATION.versionId,
        measure_id: APPLICATION.measureId,
        requested_cents: APPLICATION.requestedCents,
        eligible_cents: 5_000_000,
      })
      .execute();
    for (const event of options.events ?? []) {
      await t.db.transaction().execute((trx) =>
        appendAuditEvent(trx, {
          procedureId: procedure.id,
          tenantId,
          at: new Date(`${event.at}T10:00:00Z`),
          actorId: null,
          actorRole: 'case_worker',
          type: event.type,
          data: event.data,
        }),
      );
    }
    return procedure.id;
  }

  function ctx(procedureId: string): LetterBuildContext {
    return {
      db: t.db,
      procedureId,
      tenantId,
      profile,
      templates: DEFAULT_TEMPLATES,
      now: NOW,
    };
  }

  const builder = FUNDING_LETTER_BUILDERS[FUNDING_GRANT]!;

  async function render(procedureId: string, kind: LetterKind, c = ctx(procedureId)) {
    const content = await builder.build(kind, c);
    const pdf = await renderLetterPdf({
      content,
      profile,
      reference: 'FÖ-2026',
      date: '2026-12-03',
      signatory: { name: 'Dr. Petra Zeichner', function: 'Dezernentin' },
      contact: { name: 'Sina Bearbeiterin', phone: null, email: null },
      logo: null,
    });
    return flat(await pdfPlainText(pdf));
  }

  function includesAll(text: string, expected: string[]) {
    for (const e of expected) assert.ok(text.includes(e), `enthält „${e}“:\n${text}`);
  }

  it('registers one builder for both funding procedure types', () => {
    assert.equal(
      FUNDING_LETTER_BUILDERS[FUNDING_GRANT],
      FUNDING_LETTER_BUILDERS[FUNDING_COMPETITIVE],
    );
  });

  it('offers no letter for a draft and only the receipt after submission', async () => {
    const draft = await createCase({ step: 'draft', submitted: false });
    assert.deepEqual(await builder.availableKinds(ctx(draft)), []);
    const received = await createCase({ step: 'received' });
    assert.deepEqual(await builder.availableKinds(ctx(received)), ['receipt']);
    const text = await render(received, 'receipt');
    includesAll(text, [
      'Eingangsbestätigung – Transformationskonzept Gießerei',
      'Gießerei Senne GmbH',
      'Industriestraße 7',
      'Beantragte Zuwendung: 25.000,00 €',
      'Transformationskonzept für eine treibhausgasneutrale Produktion bis 2045',
      '§ 24 Abs. 3 VwVfG NRW',
    ]);
    assert.doesNotMatch(text, /Rechtsbehelfsbelehrung/);
  });

  it('confirms the receipt of an outline in a two-stage call', async () => {
    const id = await createCase({ step: 'outline-review', typeKey: FUNDING_COMPETITIVE });
    const competitive = FUNDING_LETTER_BUILDERS[FUNDING_COMPETITIVE]!;
    assert.deepEqual(await competitive.availableKinds(ctx(id)), ['receipt']);
    const content = await competitive.build('receipt', {
      ...ctx(id),
      templates: { ...DEFAULT_TEMPLATES, receipt: { intro: '', closing: '', notes: '' } },
    });
    const text = content.blocks.map((b) => ('text' in b ? b.text : '')).join(' ');
    assert.match(text, /Eingang Ihrer Projektskizze/);
    assert.match(text, /Die Projektskizze ist am 28\. Oktober 2026 eingegangen/);
    assert.deepEqual(content.references[1], {
      label: 'Ihre Projektskizze vom',
      value: '28.10.2026',
    });

    // After the accepted outline the letters speak of the full application and its day.
    const full = await createCase({
      step: 'received',
      typeKey: FUNDING_COMPETITIVE,
      events: [{ type: 'full-application-submitted', at: '2026-11-16', data: {} }],
    });
    const receipt = await competitive.build('receipt', {
      ...ctx(full),
      templates: { ...DEFAULT_TEMPLATES, receipt: { intro: '', closing: '', notes: '' } },
    });
    const fullText = receipt.blocks.map((b) => ('text' in b ? b.text : '')).join(' ');
    assert.match(fullText, /Eingang Ihres Antrags/);
    assert.match(fullText, /Der Antrag ist am 16\. November 2026 eingegangen/);
  });

  it('writes the Zuwendungsbescheid with amount, rate, period, binding plan, ANBest-P, de-minimis certificate and remedies', async () => {
    const id = await createCase({
      step: 'decision',
      events: [
        { type: 'application-submitted', at: '2026-10-28', data: {} },
        { type: 'assessment-completed', at: '2026-11-25', data: { ...GRANT_PROPOSAL } },
      ],
    });
    assert.deepEqual(await builder.availableKinds(ctx(id)), ['receipt', 'decision', 'refusal']);
    const text = await render(id, 'decision');
    includesAll(text, [
      'Zuwendungsbescheid – Transformationskonzept Gießerei',
      // the funding body's intro text (DEFAULT_TEMPLATES) with the project filled in
      'auf Ihren Antrag für das Vorhaben „Transformationskonzept Gießerei',
      'I. Entscheidung',
      'eine Zuwendung in Höhe von 25.000,00 €',
      'Anteilfinanzierung in Höhe von 50 % der zuwendungsfähigen Ausgaben von 50.000,00 €, höchstens jedoch 25.000,00 € (Höchstbetrag), als nicht rückzahlbarer Zuschuss',
      'Bewilligungszeitraum: 1. Januar 2027 bis 30. Juni 2027',
      'Der Finanzierungsplan (Abschnitt III) ist verbindlich',
      'Externe Beratungsleistungen',
      'Eigenmittel',
      'Andere Förderung: Kammerzuschuss',
      'Zuwendung nach diesem Bescheid',
      'ANBest-P',
      'innerhalb von zwei Monaten',
      // six months after the end of the funding period, no deadline row yet
      'bis zum 30. Dezember 2027 vorzulegen',
      'V. De-minimis-Bescheinigung',
      'Verordnung (EU) 2023/2831 der Kommission vom 13. Dezember 2023',
      'ABl. L, 2023/2831, 15.12.2023',
      'Bruttosubventionsäquivalent beträgt 25.000,00 €',
      'Rechtsbehelfsbelehrung',
      'Klage',
      'Ein Widerspruchsverfahren findet nicht statt (§ 68 Abs. 1 Satz 2 VwGO i. V. m. § 110 Abs. 1 JustG NRW)',
      'Verwaltungsgericht Minden, Königswall 8, 32423 Minden',
    ]);
  });

  it('takes the proof-of-use date from the deadline engine once the case has it, and leaves out the certificate for other aid', async () => {
    const id = await createCase({
      step: 'decision',
      events: [
        {
          type: 'assessment-completed',
          at: '2026-11-25',
          data: { ...GRANT_PROPOSAL, aidKind: 'gber', aidLabel: 'Art. 25 AGVO' },
        },
      ],
    });
    await t.db
      .insertInto('procedure_deadlines')
      .values({
        procedure_id: id,
        key: 'proof-of-use',
        tenant_id: tenantId,
        label: 'Vorlage des Verwendungsnachweises',
        start_date: '2027-06-30',
        end_date: '2028-01-03',
        status: 'running',
        responsible: 'applicant',
        effect_on_expiry: 'escalate',
        rationale: '',
        citations: JSON.stringify([]),
      })
      .execute();
    const text = await render(id, 'decision');
    includesAll(text, ['bis zum 3. Januar 2028 vorzulegen']);
    assert.doesNotMatch(text, /De-minimis-Bescheinigung|2023\/2831/);
  });

  it('refuses with the failing rules as reasons; no decision letter when the assessment recommends refusal', async () => {
    const id = await createCase({
      step: 'decision',
      events: [{ type: 'assessment-completed', at: '2026-11-25', data: { ...REFUSE_PROPOSAL } }],
    });
    assert.deepEqual(await builder.availableKinds(ctx(id)), ['receipt', 'refusal']);
    const text = await render(id, 'refusal');
    includesAll(text, [
      'Ablehnung des Antrags auf eine Zuwendung',
      'wird abgelehnt',
      'Das Unternehmen ist kein KMU im Sinne von Anhang I AGVO',
      'Das Vorhaben hat vor der Bewilligung begonnen',
      'Rechtsbehelfsbelehrung',
      'Verwaltungsgericht Minden',
    ]);
  });

  it("names the court of the body's seat when the company sits outside NRW", async () => {
    const id = await createCase({
      step: 'decision',
      application: {
        ...APPLICATION,
        applicant: { ...APPLICATION.applicant, seatAgs: '09162000', seatName: 'München' },
      },
      events: [{ type: 'assessment-completed', at: '2026-11-25', data: { ...REFUSE_PROPOSAL } }],
    });
    const content = await builder.build('refusal', {
      ...ctx(id),
      profile: {
        ...profile,
        postalAddress: { street: 'Cecilienallee 2', postalCode: '40474', city: 'Düsseldorf' },
      },
    });
    const text = content.blocks.map((b) => ('text' in b ? b.text : '')).join(' ');
    assert.match(text, /Die Klage ist beim Verwaltungsgericht Düsseldorf, /);
    assert.doesNotMatch(text, /Minden/);
  });

  it('requests documents with their deadline and rejects only once the request is overdue', async () => {
    const request = {
      id: 'r1',
      items: ['Handelsregisterauszug', 'Angebot des Beratungsunternehmens'],
      period: 'P1M',
      requestedAt: '2026-10-30',
      answeredAt: null,
      documents: [],
    };
    const id = await createCase({ step: 'formal-check', state: { documentRequests: [request] } });
    const deadline = (end: string) =>
      t.db
        .insertInto('procedure_deadlines')
        .values({
          procedure_id: id,
          key: 'document-submission#r1',
          tenant_id: tenantId,
          label: 'Nachreichen der Unterlagen',
          start_date: '2026-10-30',
          end_date: end,
          status: 'running',
          responsible: 'applicant',
          effect_on_expiry: 'remind-only',
          rationale: '',
          citations: JSON.stringify([]),
        })
        .onConflict((oc) => oc.columns(['procedure_id', 'key']).doUpdateSet({ end_date: end }))
        .execute();
    await deadline('2026-12-10');
    assert.deepEqual(await builder.availableKinds(ctx(id)), ['receipt', 'missing-documents']);
    const custom = {
      ...DEFAULT_TEMPLATES,
      'missing-documents': {
        ...DEFAULT_TEMPLATES['missing-documents'],
        closing: 'Bitte senden Sie alles bis {frist}.',
      },
    };
    const text = await render(id, 'missing-documents', { ...ctx(id), templates: custom });
    includesAll(text, [
      'Handelsregisterauszug',
      'Angebot des Beratungsunternehmens',
      'Frist: 10. Dezember 2026',
      'Bitte senden Sie alles bis 10. Dezember 2026.',
    ]);

    await deadline('2026-11-30');
    assert.deepEqual(await builder.availableKinds(ctx(id)), [
      'receipt',
      'missing-documents',
      'rejection',
    ]);
    const rejection = await render(id, 'rejection');
    includesAll(rejection, [
      'Ablehnung des Antrags wegen Unvollständigkeit',
      'bis zum 30. November 2026 nachzureichen',
      'Handelsregisterauszug',
      'Rechtsbehelfsbelehrung',
    ]);
  });

  it('writes the revocation with recognised costs, recovery, interest steps and due date when the proof check found an overpayment', async () => {
    const assessment = recoveryFor({
      plan: APPLICATION.plan,
      grantedCents: 2_500_000,
      ratePpm: 500_000,
      spent: { k1: 3_000_000, k2: 1_000_000 },
      payments: [{ paidOn: '2026-03-02', cents: 2_500_000 }],
      until: '2026-11-20',
    });
    // 40 000 € recognised × 50 % = 20 000 € due; 25 000 € paid: 5 000 € back. Interest on 5 000 €:
    // 03.03.–30.06.2026, 120 days at 6,27 % = 103,07 €; 01.07.–20.11.2026, 143 days = 122,82 €.
    assert.equal(assessment.recoveryCents, 500_000);
    assert.equal(assessment.interestCents, 22_589);
    const id = await createCase({
      step: 'proof-check',
      events: [
        { type: 'grant-decided', at: '2026-01-15', data: { periodEnd: '2026-09-30' } },
        { type: 'proof-assessed', at: '2026-11-20', data: { ...assessment, note: '' } },
      ],
    });
    await t.db
      .updateTable('funding_cases')
      .set({ granted_cents: 2_500_000, granted_on: '2026-01-15' })
      .where('procedure_id', '=', id)
      .execute();
    await t.db
      .insertInto('funding_payment_requests')
      .values({
        procedure_id: id,
        tenant_id: tenantId,
        number: 1,
        amount_cents: 2_500_000,
        needed_by: '2026-04-01',
        purpose: 'Erste Rate der Beratungsleistungen',
        status: 'paid',
        requested_on: '2026-02-20',
        decided_on: '2026-03-02',
      })
      .execute();
    await t.db
      .insertInto('funding_proofs')
      .values({
        procedure_id: id,
        tenant_id: tenantId,
        submitted_on: '2026-11-02',
        report: 'Das Konzept wurde erstellt und mit der Geschäftsführung abgestimmt.',
        spent: JSON.stringify({ k1: 3_000_000, k2: 1_000_000 }),
        spent_total_cents: 4_000_000,
        own_funds_cents: 2_000_000,
        other_aid_cents: 0,
      })
      .execute();
    assert.deepEqual(await builder.availableKinds(ctx(id)), ['receipt', 'revocation']);
    const text = await render(id, 'revocation');
    includesAll(text, [
      'Widerruf und Erstattung der Zuwendung',
      'Der Zuwendungsbescheid vom 15. Januar 2026 über 25.000,00 € wird in Höhe von 5.000,00 € mit Wirkung für die Vergangenheit widerrufen',
      'Die Zuwendung beträgt danach 20.000,00 €',
      'auf 5.000,00 € festgesetzt',
      // one month from the letter's day (03.01.2027 is a Sunday)
      'bis zum 4. Januar 2027 zu zahlen',
      '225,89 €',
      '120 Tage',
      '143 Tage',
      'Der Basiszinssatz ab 01.07.2026 ist noch nicht bekannt',
      'Anerkannte zuwendungsfähige Ausgaben',
      '40.000,00 €',
      'Verwendungsnachweis am 2. November 2026',
      'Nr. 1 vom 20.02.2026 02.03.2026 25.000,00 €',
      'IBAN DE12 4765 0130 0000 0123 45',
      'Rechtsbehelfsbelehrung',
      'Verwaltungsgericht Minden',
    ]);
  });

  it('offers no revocation when the proof check found nothing to recover', async () => {
    const assessment = recoveryFor({
      plan: APPLICATION.plan,
      grantedCents: 2_500_000,
      ratePpm: 500_000,
      spent: { k1: 3_000_000, k2: 2_000_000 },
      payments: [{ paidOn: '2026-03-02', cents: 2_500_000 }],
      until: '2026-11-20',
    });
    assert.equal(assessment.recoveryCents, 0);
    const id = await createCase({
      step: 'proof-check',
      events: [{ type: 'proof-assessed', at: '2026-11-20', data: { ...assessment, note: '' } }],
    });
    assert.deepEqual(await builder.availableKinds(ctx(id)), ['receipt']);
  });

  it('goes through the letters engine: a kind the step does not offer is refused and nothing is written; the decision is drafted and signed by a second person', async () => {
    const filesDir = mkdtempSync(path.join(tmpdir(), 'funding-letters-'));
    const deps: LetterDeps = {
      db: t.db,
      clock: fixedClock(NOW),
      store: createDirectoryStore(filesDir),
      config: loadConfig({ DATA_DIR: filesDir, LOG_LEVEL: 'silent', SEED_DEMO: 'false' }),
      builders: FUNDING_LETTER_BUILDERS,
      loadProfile: async () => profile,
    };
    const id = await createCase({
      step: 'decision',
      events: [{ type: 'assessment-completed', at: '2026-11-25', data: { ...GRANT_PROPOSAL } }],
    });
    const letters = () =>
      t.db
        .selectFrom('letters')
        .select(['kind', 'status'])
        .where('procedure_id', '=', id)
        .execute();
    const base = { deps, procedureId: id };
    const refused = await draftLetter({
      ...base,
      actor: world.users.drafter.actor,
      kind: 'revocation',
    }).then(
      () => assert.fail('der Widerruf ist im Entscheidungsschritt nicht vorgesehen'),
      (error: unknown) => error,
    );
    assert.ok(refused instanceof AppError);
    assert.equal(refused.code, 'conflict');
    assert.match(refused.message, /Widerrufs- und Erstattungsbescheid.*nicht vorgesehen/);
    assert.deepEqual(await letters(), []);

    const letterId = await draftLetter({
      ...base,
      actor: world.users.drafter.actor,
      kind: 'decision',
    });
    await requestSignOff({
      ...base,
      actor: world.users.drafter.actor,
      letterId,
      signatoryId: 'sig-1',
    });
    const { sha256 } = await signOff({ ...base, actor: world.users.supervisor.actor, letterId });
    const letter = await findLetter(t.db, id, letterId);
    assert.equal(letter?.status, 'signed');
    assert.equal(letter?.pdfSha256, sha256);
    assert.deepEqual(await letters(), [{ kind: 'decision', status: 'signed' }]);
  });
});
