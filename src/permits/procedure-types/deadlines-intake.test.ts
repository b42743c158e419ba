import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  computeCaseDeadlines,
  dueEffects,
  selectProcedureVersion,
} from '../../procedures/engine/index.ts';
import type { ProcedureTypeVersion } from '../../procedures/engine/index.ts';
import { PROCEDURE_TYPE_VERSIONS } from './index.ts';
import { pathTo } from './scenarios.ts';
import { attempt, deadlineOf, play, spec, versionOn } from './test-support.ts';
import type { Case, PathOptions } from './test-support.ts';

const simplified2024 = versionOn('bimschg-simplified', '2025-01-01');
const simplifiedRed = versionOn('bimschg-simplified', '2025-09-01');
const checking = (type: ProcedureTypeVersion, options?: PathOptions): Case =>
  play(type, pathTo(type, 'completeness-check', options));

describe('version selection by date (Rechtsstand)', () => {
  it('July 2024 rules from 09.07.2024, RED III rules from 15.08.2025', () => {
    assert.equal(
      selectProcedureVersion(PROCEDURE_TYPE_VERSIONS, 'bimschg-formal', '2024-07-08'),
      null,
    );
    assert.equal(versionOn('bimschg-formal', '2024-07-09').version, '2024-07');
    assert.equal(versionOn('bimschg-simplified', '2025-08-14').version, '2024-07');
    assert.equal(versionOn('bimschg-simplified', '2025-08-15').version, '2025-08');
    assert.equal(
      selectProcedureVersion(PROCEDURE_TYPE_VERSIONS, 'bimschg-unknown', '2025-09-01'),
      null,
    );
  });
});

describe('completeness check (§ 7 Abs. 1 9. BImSchV, § 10a Abs. 4 BImSchG)', () => {
  it('July 2024: 1 month from receipt, once + 2 weeks', () => {
    const c = checking(simplified2024);
    const check = deadlineOf(c, simplified2024, 'completeness-check');
    assert.deepEqual(
      [check.start, check.end, check.status],
      ['2025-09-01', '2025-10-01', 'running'],
    );
    const extended = play(simplified2024, [spec.extendCompletenessCheck], c);
    const after = deadlineOf(extended, simplified2024, 'completeness-check');
    assert.equal(after.end, '2025-10-15');
    assert.ok(after.citations.includes('§ 7 Abs. 1 S. 2 9. BImSchV'));
  });

  it('RED III: 30 days inside an acceleration area, 45 days outside', () => {
    const inside = checking(simplifiedRed, { inAccelerationArea: true });
    assert.equal(deadlineOf(inside, simplifiedRed, 'completeness-check').end, '2025-10-01');
    const outside = checking(simplifiedRed, { inAccelerationArea: false });
    const check = deadlineOf(outside, simplifiedRed, 'completeness-check');
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
    const period = deadlineOf(requested, simplified2024, 'document-submission', 'N1');
    // 03.10.2025 is the Day of German Unity (Friday) → Monday 06.10.2025.
    assert.deepEqual(
      [period.start, period.end, period.responsible],
      ['2025-09-03', '2025-10-06', 'applicant'],
    );
    assert.match(period.rationale, /Tag der Deutschen Einheit/);
    assert.equal(deadlineOf(requested, simplified2024, 'completeness-check').status, 'met');
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
