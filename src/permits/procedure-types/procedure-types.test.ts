import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkProcedureType } from '../../procedures/engine/index.ts';
import type { DeadlineDef, ProcedureTypeVersion } from '../../procedures/engine/index.ts';
import { PROCEDURE_TYPE_VERSIONS } from './index.ts';
import { pathTo } from './scenarios.ts';
import { play } from './test-support.ts';

function def(type: ProcedureTypeVersion, key: string): DeadlineDef {
  const found = type.deadlines.find((d) => d.key === key);
  assert.ok(found, key);
  return found;
}

describe('PROCEDURE_TYPE_VERSIONS', () => {
  it('holds formal and simplified, each for July 2024 and RED III', () => {
    assert.deepEqual(
      PROCEDURE_TYPE_VERSIONS.map((t) => `${t.key}@${t.version}:${t.validFrom}`),
      [
        'bimschg-formal@2024-07:2024-07-09',
        'bimschg-formal@2025-08:2025-08-15',
        'bimschg-simplified@2024-07:2024-07-09',
        'bimschg-simplified@2025-08:2025-08-15',
      ],
    );
  });

  for (const type of PROCEDURE_TYPE_VERSIONS) {
    describe(`${type.key} ${type.version}`, () => {
      it('is consistent (steps, events, deadline references, facts)', () => {
        assert.deepEqual(checkProcedureType(type), []);
      });

      it('cites its rules everywhere: steps, transitions, deadlines, documents', () => {
        const lists = [
          type.citations,
          ...type.transitions.map((t) => t.citations),
          ...type.deadlines.map((d) => d.citations),
          ...type.requiredDocuments.map((d) => d.citations),
        ];
        for (const list of lists) assert.ok(list.length > 0 && list.every((c) => /§/.test(c)));
      });

      it('lets the applicant withdraw in every non-terminal step and nowhere else', () => {
        const withdraw = type.transitions.find((t) => t.action === 'withdraw');
        const open = type.steps.filter((s) => s.kind !== 'terminal').map((s) => s.key);
        assert.deepEqual(withdraw?.from, open);
        assert.deepEqual(withdraw.roles, ['applicant']);
      });

      it('decides the weekend/holiday shift per deadline, with a reason', () => {
        assert.equal(def(type, 'completeness-check').shiftPastNonWorkingDays, false);
        assert.equal(def(type, 'decision').shiftPastNonWorkingDays, false);
        assert.equal(def(type, 'agency-statement').shiftPastNonWorkingDays, true);
        assert.equal(def(type, 'document-submission').shiftPastNonWorkingDays, true);
        for (const d of type.deadlines) assert.ok(d.shiftCitation.length > 0);
      });

      it('has no extension of agency deadlines for renewables and silence = no comment', () => {
        const agency = def(type, 'agency-statement');
        assert.deepEqual(agency.extensions, []);
        assert.equal(agency.effectOnExpiry, 'no-comment');
        assert.equal(agency.expiryAction, 'record-agency-no-comment');
      });

      it('escalates decision overruns to the supervisory authority', () => {
        const decision = def(type, 'decision');
        assert.equal(decision.effectOnExpiry, 'escalate');
        assert.equal(decision.escalateTo, 'supervisor');
        const months = type.key === 'bimschg-formal' ? 'P7M' : 'P3M';
        assert.deepEqual(decision.duration, { kind: 'fixed', duration: months });
      });

      it('RED III versions ask for the acceleration-area fact', () => {
        assert.deepEqual(
          type.facts.map((f) => [f.key, f.required]),
          [
            ...(type.version === '2025-08' ? [['inAccelerationArea', true]] : []),
            ...(type.key === 'bimschg-formal' ? [['eiaRequired', false]] : []),
          ],
        );
      });
    });
  }
});

describe('bimschg-simplified: full run to the delivered decision', () => {
  for (const type of PROCEDURE_TYPE_VERSIONS.filter((t) => t.key === 'bimschg-simplified')) {
    it(`${type.version}: draft → … → delivered`, () => {
      const c = play(type, pathTo(type, 'delivered'));
      assert.deepEqual(
        c.history.map((e) => e.type),
        [
          'application-submitted',
          'receipt-confirmed',
          'completeness-confirmed',
          'agency-statement-recorded',
          'agency-statement-recorded',
          'agency-involvement-completed',
          'decision-issued',
          'decision-delivered',
        ],
      );
      assert.equal(c.state.decision?.outcome, 'granted');
      assert.equal(c.state.decision.deliveredAt, c.today);
    });
  }
});
