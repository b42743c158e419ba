import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  computeCaseDeadlines,
  dueEffects,
  selectProcedureVersion,
} from '../../procedures/engine/index.ts';
import type { CaseDeadline, ProcedureTypeVersion } from '../../procedures/engine/index.ts';
import { PROCEDURE_TYPE_VERSIONS } from './index.ts';
import { pathTo } from './scenarios.ts';
import { AGENCIES, attempt, play, spec } from './test-support.ts';
import type { Case, PathOptions } from './test-support.ts';

function version(key: string, onDate: string): ProcedureTypeVersion {
  const found = selectProcedureVersion(PROCEDURE_TYPE_VERSIONS, key, onDate);
  assert.ok(found, `${key} on ${onDate}`);
  return found;
}
const simplified2024 = version('bimschg-simplified', '2025-01-01');
const formal2024 = version('bimschg-formal', '2025-01-01');
const simplifiedRed = version('bimschg-simplified', '2025-09-01');

function deadline(
  c: Case,
  type: ProcedureTypeVersion,
  key: string,
  instance: string | null = null,
  asOf?: string,
): CaseDeadline | undefined {
  return computeCaseDeadlines(type, c.history, asOf).find(
    (d) => d.key === key && d.instance === instance,
  );
}
function must<T>(value: T | undefined): T {
  assert.ok(value !== undefined);
  return value;
}
const checking = (type: ProcedureTypeVersion, options?: PathOptions): Case =>
  play(type, pathTo(type, 'completeness-check', options));

describe('version selection by date (Rechtsstand)', () => {
  it('July 2024 rules from 09.07.2024, RED III rules from 15.08.2025', () => {
    assert.equal(
      selectProcedureVersion(PROCEDURE_TYPE_VERSIONS, 'bimschg-formal', '2024-07-08'),
      null,
    );
    assert.equal(version('bimschg-formal', '2024-07-09').version, '2024-07');
    assert.equal(version('bimschg-simplified', '2025-08-14').version, '2024-07');
    assert.equal(version('bimschg-simplified', '2025-08-15').version, '2025-08');
    assert.equal(
      selectProcedureVersion(PROCEDURE_TYPE_VERSIONS, 'bimschg-unknown', '2025-09-01'),
      null,
    );
  });
});

describe('completeness check (§ 7 Abs. 1 9. BImSchV, § 10a Abs. 4 BImSchG)', () => {
  it('July 2024: 1 month from receipt, once + 2 weeks', () => {
    const c = checking(simplified2024);
    const check = must(deadline(c, simplified2024, 'completeness-check'));
    assert.deepEqual(
      [check.start, check.end, check.status],
      ['2025-09-01', '2025-10-01', 'running'],
    );
    const extended = play(simplified2024, [spec.extendCompletenessCheck], c);
    const after = must(deadline(extended, simplified2024, 'completeness-check'));
    assert.equal(after.end, '2025-10-15');
    assert.ok(after.citations.includes('§ 7 Abs. 1 S. 2 9. BImSchV'));
  });

  it('RED III: 30 days inside an acceleration area, 45 days outside', () => {
    const inside = checking(simplifiedRed, { inAccelerationArea: true });
    assert.equal(must(deadline(inside, simplifiedRed, 'completeness-check')).end, '2025-10-01');
    const outside = checking(simplifiedRed, { inAccelerationArea: false });
    const check = must(deadline(outside, simplifiedRed, 'completeness-check'));
    assert.equal(check.end, '2025-10-16');
    assert.ok(check.citations.includes('§ 10a Abs. 4 BImSchG'));
  });

  it('overrun: July 2024 only tells the case worker, RED III escalates', () => {
    const soft = checking(simplified2024);
    const notice = dueEffects(
      simplified2024,
      computeCaseDeadlines(simplified2024, soft.history),
      '2025-10-02',
    );
    assert.deepEqual(
      notice.map((e) => [e.kind, e.deadline]),
      [['expiry-notice', 'completeness-check']],
    );
    const hard = checking(simplifiedRed, { inAccelerationArea: true });
    const escalation = dueEffects(
      simplifiedRed,
      computeCaseDeadlines(simplifiedRed, hard.history),
      '2025-10-02',
    );
    assert.ok(escalation.some((e) => e.kind === 'escalation' && e.recipient === 'supervisor'));
  });
});

describe('missing documents (§ 7 Abs. 1 S. 3, § 20 Abs. 2 S. 2 9. BImSchV)', () => {
  const requested = play(
    simplified2024,
    [spec.requestDocuments('P1M', 1)],
    checking(simplified2024),
  );

  it('the period set by the case worker is shifted past a holiday (applicant period)', () => {
    const period = must(deadline(requested, simplified2024, 'document-submission', 'N1'));
    // 03.10.2025 is the Day of German Unity (Friday) → Monday 06.10.2025.
    assert.deepEqual(
      [period.start, period.end, period.responsible],
      ['2025-09-03', '2025-10-06', 'applicant'],
    );
    assert.match(period.rationale, /Tag der Deutschen Einheit/);
    assert.equal(must(deadline(requested, simplified2024, 'completeness-check')).status, 'met');
  });

  it('rejects periods longer than 3 months', () => {
    const result = attempt(
      simplified2024,
      checking(simplified2024),
      spec.requestDocuments('P3M1D'),
    );
    assert.deepEqual(result, {
      ok: false,
      code: 'invalid-input',
      message:
        'Die Frist zur Ergänzung der Unterlagen darf höchstens 3 Monate betragen (§ 20 Abs. 2 S. 2 9. BImSchV).',
    });
    assert.ok(attempt(simplified2024, checking(simplified2024), spec.requestDocuments('P3M')).ok);
    const nonsense = attempt(
      simplified2024,
      checking(simplified2024),
      spec.requestDocuments('bald'),
    );
    assert.ok(!nonsense.ok && nonsense.code === 'invalid-input');
  });

  it('after the period: notice to the case worker, then rejection is possible', () => {
    const effects = dueEffects(
      simplified2024,
      computeCaseDeadlines(simplified2024, requested.history),
      '2025-10-07',
    );
    assert.ok(
      effects.some((e) => e.kind === 'expiry-notice' && e.deadline === 'document-submission'),
    );
    const rejected = play(simplified2024, [spec.rejectIncomplete(34)], requested);
    assert.equal(rejected.state.step, 'rejected');
    assert.ok(
      computeCaseDeadlines(simplified2024, rejected.history).every((d) => d.status !== 'running'),
    );
  });
});

describe('decision deadline (§ 10 Abs. 6a BImSchG, § 7 Abs. 1 S. 4 9. BImSchV)', () => {
  it('without requests it starts when the check period ends; no shift for the authority (Neujahr)', () => {
    const c = play(simplified2024, pathTo(simplified2024, 'agency-involvement'));
    const decision = must(deadline(c, simplified2024, 'decision'));
    assert.deepEqual([decision.start, decision.end], ['2025-10-01', '2026-01-01']);
    assert.match(
      decision.rationale,
      /Ende der Frist zur Vollständigkeitsprüfung mit Ablauf des 1\. Oktober 2025/,
    );
    assert.match(decision.rationale, /Obwohl dieser Tag ein gesetzlicher Feiertag \(Neujahr\) ist/);
    assert.equal(decision.effectOnExpiry, 'escalate');
  });

  it('formal procedure: 7 months', () => {
    const c = play(formal2024, pathTo(formal2024, 'agency-involvement'));
    assert.equal(must(deadline(c, formal2024, 'decision')).end, '2026-05-01');
  });

  it('is re-computed when the requested documents arrive', () => {
    const requested = play(
      simplified2024,
      [spec.requestDocuments('P1M', 1)],
      checking(simplified2024),
    );
    assert.equal(
      deadline(requested, simplified2024, 'decision'),
      undefined,
      'not started while waiting',
    );
    const arrived = play(simplified2024, [spec.submitDocuments(19)], requested);
    const decision = must(deadline(arrived, simplified2024, 'decision'));
    assert.deepEqual([decision.start, decision.end], ['2025-09-22', '2025-12-22']);
    assert.match(
      decision.rationale,
      /Eingang der ersten nachgeforderten Unterlagen am Montag, 22\. September 2025/,
    );
  });

  it('a request after the check period does not restart it', () => {
    const late = play(simplified2024, [spec.requestDocuments('P1M', 34)], checking(simplified2024));
    assert.equal(must(deadline(late, simplified2024, 'decision')).start, '2025-10-01');
  });

  it('is re-computed after an extension, and again with consent', () => {
    const involving = play(simplified2024, pathTo(simplified2024, 'agency-involvement'));
    const once = play(simplified2024, [spec.extendDecision(3)], involving);
    const extended = must(deadline(once, simplified2024, 'decision'));
    assert.deepEqual([extended.end, extended.extensions], ['2026-04-01', 1]);
    assert.match(extended.rationale, /Verlängerung vom .*§ 190 BGB/s);
    const twice = play(simplified2024, [spec.consent, spec.extendDecision(1)], once);
    assert.deepEqual(
      [
        must(deadline(twice, simplified2024, 'decision')).end,
        twice.state.decisionExtensions.totalMonths,
      ],
      ['2026-05-01', 4],
    );
  });

  it('RED III: starts at the latest with the completeness confirmation', () => {
    const c = play(simplifiedRed, pathTo(simplifiedRed, 'agency-involvement'));
    const decision = must(deadline(c, simplifiedRed, 'decision'));
    // Confirmed 03.09.2025, earlier than the end of the 45-day check.
    assert.deepEqual([decision.start, decision.end], ['2025-09-03', '2025-12-03']);
    assert.match(decision.rationale, /Bestätigung der Vollständigkeit .*\(§ 10a Abs. 4 BImSchG\)/);
  });

  it('overrun escalates to the supervisory authority; a decision meets it', () => {
    const c = play(simplified2024, pathTo(simplified2024, 'agency-involvement'));
    const late = dueEffects(
      simplified2024,
      computeCaseDeadlines(simplified2024, c.history, '2026-01-02'),
      '2026-01-02',
    );
    assert.ok(
      late.some(
        (e) => e.kind === 'escalation' && e.deadline === 'decision' && e.recipient === 'supervisor',
      ),
    );
    const reminder = dueEffects(
      simplified2024,
      computeCaseDeadlines(simplified2024, c.history),
      '2025-12-25',
    );
    assert.ok(
      reminder.some(
        (e) => e.kind === 'reminder' && e.deadline === 'decision' && e.daysBefore === 7,
      ),
    );
    const decided = play(simplified2024, pathTo(simplified2024, 'decided'));
    assert.equal(must(deadline(decided, simplified2024, 'decision')).status, 'met');
    const refused = play(formal2024, pathTo(formal2024, 'refused'));
    assert.equal(must(deadline(refused, formal2024, 'decision')).status, 'met');
  });
});

describe('agency statements (§ 10 Abs. 5 BImSchG, § 11 9. BImSchV)', () => {
  const c = play(simplified2024, pathTo(simplified2024, 'agency-involvement'));

  it('one month per agency, in parallel', () => {
    for (const agency of AGENCIES) {
      const d = must(deadline(c, simplified2024, 'agency-statement', agency));
      // 03.10.2025 is a holiday: silence has consequences for the agency, so the end moves. [open]
      assert.deepEqual(
        [d.start, d.end, d.responsible],
        ['2025-09-03', '2025-10-06', 'agency_member'],
      );
    }
  });

  it('silence after the month is recorded as no comment by the watcher', () => {
    const today = '2025-10-07';
    const effects = dueEffects(
      simplified2024,
      computeCaseDeadlines(simplified2024, c.history, today),
      today,
    );
    const silent = effects.filter((e) => e.kind === 'no-comment');
    assert.equal(silent.length, 2);
    let current = c;
    for (const effect of silent) {
      if (effect.kind !== 'no-comment') continue;
      const input = effect.command.input;
      current = play(
        simplified2024,
        [{ action: effect.command.action, role: 'system', input: () => input, gap: 0 }],
        { ...current, today },
      );
    }
    assert.ok(current.state.agencies.every((a) => a.answer === 'no-comment'));
    assert.equal(
      play(simplified2024, [spec.completeAgencyInvolvement], current).state.step,
      'decision-drafting',
    );
  });

  it('withdrawal cancels every running deadline', () => {
    const withdrawn = play(simplified2024, [spec.withdraw], c);
    const list = computeCaseDeadlines(simplified2024, withdrawn.history);
    assert.ok(list.length >= 4);
    assert.ok(list.every((d) => d.status === 'cancelled' || d.status === 'met'));
    assert.deepEqual(dueEffects(simplified2024, list, '2026-02-01'), []);
  });
});
