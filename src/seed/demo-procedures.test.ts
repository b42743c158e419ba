import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { berlinDate } from '../procedures/case/case.queries.ts';
import { currentType } from '../permits/permit.types.ts';
import { verifyCaseFile } from '../procedures/audit.queries.ts';
import type { ProcedureState } from '../procedures/engine/index.ts';
import { loadDemoWindProjects } from '../registers/geo/demo-data.ts';
import { demoPdf, seedDemoProcedures } from './demo-procedures.ts';
import { FORMAL_SCENARIOS } from './demo-scenarios-formal.ts';

/**
 * The demo procedures on a fresh demo database: every step of both procedure types, overdue
 * deadlines relative to the real today, acceleration areas, both authorities, intact audit chains.
 */
describe('demo permit procedures', () => {
  let t: TestApp;
  let created: number;
  let seedMs: number;
  let procedures: {
    id: string;
    key: string;
    type_key: string;
    type_version: string;
    application: { permitWish?: string };
    step: string;
    state: ProcedureState;
    authority: string;
  }[];

  before(async () => {
    t = await createTestApp();
    const started = performance.now();
    ({ created } = await seedDemoProcedures(t.deps));
    seedMs = performance.now() - started;
    const rows = await t.database.db
      .selectFrom('procedures as p')
      .innerJoin('organisations as o', 'o.id', 'p.tenant_id')
      .select([
        'p.id',
        'p.reference',
        'p.type_key',
        'p.type_version',
        'p.application',
        'p.step',
        'p.state',
        'o.name as authority',
      ])
      .execute();
    procedures = rows.map((r) => ({
      id: r.id,
      key: r.reference ?? r.id,
      type_key: r.type_key,
      type_version: r.type_version,
      application: r.application as { permitWish?: string },
      step: r.step,
      state: r.state as ProcedureState,
      authority: r.authority,
    }));
  });
  after(async () => t.close());

  it('creates at least 30 procedures for both authorities', (ctx) => {
    // Duration is reported, not asserted: timing belongs to bench/, not to tests on a shared machine.
    ctx.diagnostic(`seedDemoProcedures: ${Math.round(seedMs)} ms`);
    assert.ok(created >= 30, `created ${created}`);
    assert.equal(procedures.length, created);
    for (const authority of ['Kreis Paderborn', 'Bezirksregierung Münster']) {
      assert.ok(
        procedures.some((p) => p.authority.startsWith(authority)),
        `keine Verfahren bei ${authority}`,
      );
    }
  });

  it('holds a procedure in every step of both current procedure types', () => {
    const today = berlinDate(new Date());
    for (const key of ['bimschg-formal', 'bimschg-simplified'] as const) {
      const type = currentType(key, today);
      for (const step of type.steps) {
        // A draft has no procedure type yet: it is classified on submission (§§ 10, 19 BImSchG),
        // so a formal draft is one whose applicant asks for the formal procedure.
        const found =
          step.key === type.initialStep
            ? procedures.some(
                (p) =>
                  p.step === step.key &&
                  (key === 'bimschg-formal') === (p.application.permitWish === 'formal'),
              )
            : procedures.some(
                (p) => p.type_key === key && p.type_version === type.version && p.step === step.key,
              );
        assert.ok(found, `${type.title}: kein Demoverfahren im Schritt „${step.label}“`);
      }
    }
  });

  it('shows the public part of the formal procedure in each of its phases', async () => {
    const today = berlinDate(new Date());
    const formal = procedures.filter((p) => p.type_key === 'bimschg-formal');
    const inParticipation = formal.filter((p) => p.step === 'participation');
    const phase = (p: (typeof procedures)[number]) => {
      const record = p.state.participation!;
      if (today < record.displayStart) return 'notice';
      return today <= record.objectionEnd ? 'objections' : 'after';
    };
    assert.deepEqual(
      [...new Set(inParticipation.map(phase))].sort(),
      ['after', 'notice', 'objections'],
      'bekannt gemacht, Einwendungsfrist läuft, Einwendungsfrist vorbei',
    );
    const sorted = inParticipation.find((p) => phase(p) === 'after')!;
    const groups = await t.database.db
      .selectFrom('objection_groups')
      .select(['confirmed_at'])
      .where('procedure_id', '=', sorted.id)
      .execute();
    assert.ok(groups.length > 0 && groups.every((g) => g.confirmed_at !== null), 'Gruppen');
    const assessed = await t.database.db
      .selectFrom('concerns')
      .select('assessment')
      .where('procedure_id', '=', sorted.id)
      .where('assessment', 'is not', null)
      .execute();
    assert.ok(assessed.length >= 3, `nur ${assessed.length} Belange bewertet`);
    assert.ok(
      formal.some((p) => p.step === 'hearing' && p.state.hearing!.date! > today),
      'Erörterungstermin angesetzt',
    );
    assert.ok(
      formal.some((p) => p.step === 'decision-drafting' && p.state.hearing?.heldAt),
      'Erörterung durchgeführt',
    );
    assert.ok(
      formal.some((p) => p.step === 'delivered' && p.state.decisionPublication),
      'nach öffentlicher Bekanntmachung als zugestellt abgeschlossen',
    );
    const notices = await t.database.db.selectFrom('notices').select('kind').execute();
    for (const kind of ['application', 'decision'])
      assert.ok(
        notices.some((n) => n.kind === kind),
        `keine Bekanntmachung ${kind}`,
      );
  });

  it('puts each formal demo case in the step its scenario describes', async () => {
    // One case per step of the public part, closed after a hearing at the end: what the scenario
    // comments in demo-scenarios-formal.ts promise, checked against the replayed database.
    const expected: Record<string, string> = {
      'laer-nordost': 'draft',
      'borchen-ost': 'ready-for-participation',
      'extertal-nord': 'participation',
      'willebadessen-nordost': 'participation',
      'schoeppingen-suedwest': 'hearing',
      'altenberge-suedwest': 'decision-drafting',
      'sassenberg-nord': 'decided',
      'horstmar-nordwest': 'decision-published',
      'paderborn-ost': 'delivered',
      'altenbeken-suedwest': 'withdrawn',
      'warendorf-suedwest': 'refused',
      'marienmuenster-suedwest': 'rejected',
    };
    const titles = new Map(loadDemoWindProjects().map((p) => [p.key, p.title]));
    assert.deepEqual(
      FORMAL_SCENARIOS.map((s) => s.project).sort(),
      Object.keys(expected).sort(),
      'jeder formale Demofall hat einen erwarteten Schritt',
    );
    const rows = await t.database.db
      .selectFrom('procedures')
      .select(['id', 'step', 'application', 'state', 'type_key'])
      .execute();
    // Some projects also serve a simplified case: the formal one runs as such or asked for it.
    const formal = rows.filter(
      (r) =>
        r.type_key === 'bimschg-formal' ||
        (r.application as { permitWish?: string }).permitWish === 'formal',
    );
    const today = berlinDate(new Date());
    for (const scenario of FORMAL_SCENARIOS) {
      const title = titles.get(scenario.project);
      const matches = formal.filter((r) => (r.application as { title?: string }).title === title);
      assert.equal(matches.length, 1, `${scenario.project}: ${matches.length} formale Fälle`);
      const row = matches[0]!;
      assert.equal(row.step, expected[scenario.project], scenario.project);
      // After the objection period the applicant has received the objections, in two batches.
      const participation = (row.state as ProcedureState).participation;
      const after =
        participation !== null && participation !== undefined && today > participation.objectionEnd;
      const releases = await t.database.db
        .selectFrom('objection_releases')
        .select(['number', 'objection_count'])
        .where('procedure_id', '=', row.id)
        .orderBy('number')
        .execute();
      if (!after) {
        assert.deepEqual(releases, [], `${scenario.project}: Freigabe vor Fristende`);
        continue;
      }
      assert.deepEqual(
        releases.map((r) => r.number),
        [1, 2],
        `${scenario.project}: zwei Freigaben an die Antragstellerin`,
      );
      const unreleased = await t.database.db
        .selectFrom('objections as o')
        .leftJoin('objection_release_items as i', 'i.objection_id', 'o.id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('o.procedure_id', '=', row.id)
        .where('i.objection_id', 'is', null)
        .executeTakeFirstOrThrow();
      assert.equal(Number(unreleased.n), 0, `${scenario.project}: nicht freigegeben`);
    }
  });

  it('has objections, open requests and agencies in every status', async () => {
    const objections = await t.database.db
      .selectFrom('objections')
      .select(['channel', 'signatures', 'late'])
      .execute();
    assert.ok(objections.length > 80, 'Demo-Einwendungen fehlen');
    assert.ok(objections.some((o) => o.channel === 'signature-list' && o.signatures > 50));
    assert.ok(objections.some((o) => o.channel === 'web'));
    assert.ok(
      objections.every((o) => !o.late),
      'alle innerhalb der Einwendungsfrist',
    );
    assert.ok(
      procedures.some(
        (p) =>
          p.step === 'completeness-check' &&
          p.state.documentRequests.some((r) => r.answeredAt === null),
      ),
      'keine offene Nachforderung',
    );
    const agencies = await t.database.db
      .selectFrom('procedure_agencies as a')
      .innerJoin('procedures as p', 'p.id', 'a.procedure_id')
      .select(['a.status', 'a.agency_org_id', 'p.step'])
      .execute();
    for (const status of ['asked', 'answered', 'no-comment']) {
      assert.ok(
        agencies.some((a) => a.status === status && a.step === 'agency-involvement'),
        `Beteiligung ohne Status ${status}`,
      );
    }
    assert.ok(new Set(agencies.map((a) => a.agency_org_id)).size >= 8, 'mehrere Fachbehörden');
  });

  it('has deadlines overdue relative to the real today', async () => {
    const today = berlinDate(new Date());
    const overdue = await t.database.db
      .selectFrom('procedure_deadlines')
      .select('procedure_id')
      .distinct()
      .where((eb) =>
        eb.or([
          eb('status', '=', 'expired'),
          eb.and([eb('status', '=', 'running'), eb('end_date', '<', today)]),
        ]),
      )
      .execute();
    assert.ok(overdue.length >= 3, `nur ${overdue.length} überfällig`);
    const escalated = await t.database.db
      .selectFrom('procedure_events')
      .select('procedure_id')
      .where('type', '=', 'deadline-escalated')
      .execute();
    assert.ok(escalated.length >= 2, 'Überschreitungen an die Aufsicht gemeldet');
  });

  it('places at least three procedures in acceleration areas', () => {
    const inside = procedures.filter((p) => p.state.facts.inAccelerationArea === true);
    assert.ok(inside.length >= 3, `nur ${inside.length} im Beschleunigungsgebiet`);
  });

  it('keeps every audit chain intact, in order and in the past', async () => {
    const now = new Date();
    for (const p of procedures) {
      const result = await verifyCaseFile(t.database.db, p.id);
      assert.equal(result?.problem, undefined, `${p.key}: ${result?.problem?.message}`);
      const events = await t.database.db
        .selectFrom('procedure_events')
        .select(['at', 'seq'])
        .where('procedure_id', '=', p.id)
        .orderBy('seq')
        .execute();
      events.forEach((e, i) => {
        assert.ok(e.at <= now, `${p.key}: Ereignis ${e.seq} liegt in der Zukunft`);
        if (i > 0) assert.ok(e.at >= events[i - 1]!.at, `${p.key}: Ereignis ${e.seq} rückdatiert`);
      });
    }
  });

  it('sends mails and files generated decisions', async () => {
    const mails = await t.database.db
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.ok(Number(mails.n) > 20);
    const decisions = await t.database.db
      .selectFrom('documents')
      .select('id')
      .where('doc_type', '=', 'decision')
      .execute();
    assert.ok(decisions.length >= 2);
  });

  it('shows a municipality’s Einvernehmen deemed given and consents of the aviation authority', async () => {
    const consents = await t.database.db
      .selectFrom('procedure_agencies')
      .select(['consent', 'consent_status'])
      .where('consent', 'is not', null)
      .execute();
    assert.ok(
      consents.some((c) => c.consent === 'municipality' && c.consent_status === 'deemed-given'),
      JSON.stringify(consents),
    );
    assert.ok(
      consents.some((c) => c.consent === 'aviation'),
      JSON.stringify(consents),
    );
  });

  it('signs delivered decisions by a second person and leaves one in the sign-off queue', async () => {
    const letters = await t.database.db
      .selectFrom('letters')
      .select(['status', 'drafted_by', 'signed_by', 'kind'])
      .execute();
    const signed = letters.filter((l) => l.status === 'signed' || l.status === 'delivered');
    assert.ok(signed.length >= 2, 'gezeichnete Bescheide');
    assert.ok(signed.every((l) => l.signed_by !== null && l.signed_by !== l.drafted_by));
    assert.ok(
      letters.some((l) => l.status === 'in-review' && l.kind === 'decision'),
      `ein Bescheid zur Zeichnung: ${JSON.stringify(letters.map((l) => l.status))}`,
    );
  });

  it('does nothing when procedures exist', async () => {
    assert.deepEqual(await seedDemoProcedures(t.deps), { created: 0 });
  });

  it('writes small valid PDFs', () => {
    const pdf = demoPdf(['Schallimmissionsprognose (Beispiel) – Prüfung']).toString('latin1');
    assert.ok(pdf.startsWith('%PDF-1.4'));
    const xref = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
    assert.equal(pdf.slice(xref, xref + 4), 'xref');
    assert.match(pdf, /\\\(Beispiel\\\) - Pr\xfcfung/);
  });
});
