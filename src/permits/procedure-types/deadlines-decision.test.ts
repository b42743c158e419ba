import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeCaseDeadlines, dueEffects } from '../../procedures/engine/index.ts';
import type { ProcedureTypeVersion } from '../../procedures/engine/index.ts';
import { pathTo } from './scenarios.ts';
import { AGENCIES, deadlineOf, findDeadline, play, spec, versionOn } from './test-support.ts';
import type { Case } from './test-support.ts';

const simplified2024 = versionOn('bimschg-simplified', '2025-01-01');
const formal2024 = versionOn('bimschg-formal', '2025-01-01');
const simplifiedRed = versionOn('bimschg-simplified', '2025-09-01');
const checking = (type: ProcedureTypeVersion): Case =>
  play(type, pathTo(type, 'completeness-check'));

describe('decision deadline (§ 10 Abs. 6a BImSchG, § 7 Abs. 1 S. 4 9. BImSchV)', () => {
  it('without requests it starts when the check period ends; no shift for the authority (Neujahr)', () => {
    const c = play(simplified2024, pathTo(simplified2024, 'agency-involvement'));
    const decision = deadlineOf(c, simplified2024, 'decision');
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
    assert.equal(deadlineOf(c, formal2024, 'decision').end, '2026-05-01');
  });

  it('is re-computed when the requested documents arrive', () => {
    const requested = play(
      simplified2024,
      [spec.requestDocuments('P1M', 1)],
      checking(simplified2024),
    );
    assert.equal(
      findDeadline(requested, simplified2024, 'decision'),
      undefined,
      'not started while waiting',
    );
    const arrived = play(simplified2024, [spec.submitDocuments(19)], requested);
    const decision = deadlineOf(arrived, simplified2024, 'decision');
    assert.deepEqual([decision.start, decision.end], ['2025-09-22', '2025-12-22']);
    assert.match(
      decision.rationale,
      /Eingang der ersten nachgeforderten Unterlagen am Montag, 22\. September 2025/,
    );
  });

  it('a request after the check period does not restart it', () => {
    const late = play(simplified2024, [spec.requestDocuments('P1M', 34)], checking(simplified2024));
    assert.equal(deadlineOf(late, simplified2024, 'decision').start, '2025-10-01');
  });

  it('is re-computed after an extension, and again with consent', () => {
    const involving = play(simplified2024, pathTo(simplified2024, 'agency-involvement'));
    const once = play(simplified2024, [spec.extendDecision(3)], involving);
    const extended = deadlineOf(once, simplified2024, 'decision');
    assert.deepEqual([extended.end, extended.extensions], ['2026-04-01', 1]);
    assert.match(extended.rationale, /Verlängerung vom .*§ 190 BGB/s);
    const twice = play(simplified2024, [spec.consent, spec.extendDecision(1)], once);
    assert.deepEqual(
      [
        deadlineOf(twice, simplified2024, 'decision').end,
        twice.state.decisionExtensions.totalMonths,
      ],
      ['2026-05-01', 4],
    );
  });

  it('RED III: starts at the latest with the completeness confirmation', () => {
    const c = play(simplifiedRed, pathTo(simplifiedRed, 'agency-involvement'));
    const decision = deadlineOf(c, simplifiedRed, 'decision');
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
    assert.equal(deadlineOf(decided, simplified2024, 'decision').status, 'met');
    const refused = play(formal2024, pathTo(formal2024, 'refused'));
    assert.equal(deadlineOf(refused, formal2024, 'decision').status, 'met');
  });
});

describe('agency statements (§ 10 Abs. 5 BImSchG, § 11 9. BImSchV)', () => {
  const c = play(simplified2024, pathTo(simplified2024, 'agency-involvement'));

  it('one month per agency, in parallel', () => {
    for (const agency of AGENCIES) {
      const d = deadlineOf(c, simplified2024, 'agency-statement', agency);
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
