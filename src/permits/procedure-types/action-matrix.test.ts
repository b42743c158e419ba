import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyAction, chooseRole, ROLES } from '../../procedures/engine/index.ts';
import { PROCEDURE_TYPE_VERSIONS } from './index.ts';
import { expectedOutcome, reachableCases } from './reachable.ts';
import { addDays } from './test-support.ts';

/**
 * The state × action × role matrix of every procedure type version: in every step reachable from
 * the initial state, the engine refuses exactly what the type's transitions do not allow there
 * (including `submit` outside the draft), and a refusal leaves the given state untouched.
 */
describe('every action in every reachable state, for every role', () => {
  for (const type of PROCEDURE_TYPE_VERSIONS) {
    const actions = [...new Set(type.transitions.map((t) => t.action)), 'unknown-action'];

    it(`${type.key} ${type.version}: every step is reachable from the draft`, () => {
      const reached = [...reachableCases(type).keys()].sort();
      assert.deepEqual(reached, type.steps.map((s) => s.key).sort());
    });

    it(`${type.key} ${type.version}: the engine refuses what the type does not allow`, () => {
      for (const [step, c] of reachableCases(type)) {
        for (const action of actions) {
          for (const role of ROLES) {
            const expected = expectedOutcome(type, step, action, role);
            const before = structuredClone(c.state);
            const result = applyAction(type, c.state, {
              action,
              role,
              at: addDays(c.today, 1),
              input: {},
            });
            const where = `${action} by ${role} in ${step}`;
            assert.deepEqual(c.state, before, `${where} changed the state it was given`);
            const choice = chooseRole(type, c.state, action, [role]);
            if (expected === 'allowed') {
              assert.ok(result.ok || !['not-allowed', 'wrong-role'].includes(result.code), where);
              assert.ok(choice.ok, where);
            } else {
              assert.equal(result.ok ? 'ok' : result.code, expected, where);
              assert.equal(choice.ok ? 'ok' : choice.code, expected, where);
            }
          }
        }
      }
    });

    it(`${type.key} ${type.version}: submit only in the draft step`, () => {
      const submitSteps = type.transitions
        .filter((t) => t.action === 'submit')
        .flatMap((t) => t.from);
      assert.deepEqual(submitSteps, [type.initialStep]);
      for (const [step, c] of reachableCases(type)) {
        if (step === type.initialStep) continue;
        const result = applyAction(type, c.state, {
          action: 'submit',
          role: 'applicant',
          at: addDays(c.today, 1),
          input: { facts: { inAccelerationArea: false } },
        });
        assert.equal(result.ok ? 'ok' : result.code, 'not-allowed', step);
      }
    });
  }
});
