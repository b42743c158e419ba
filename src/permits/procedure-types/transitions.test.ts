import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROLES } from '../../procedures/engine/index.ts';
import type { ProcedureTypeVersion, TransitionDef } from '../../procedures/engine/index.ts';
import { PROCEDURE_TYPE_VERSIONS } from './index.ts';
import { guardViolations, pathTo, validScenario } from './scenarios.ts';
import { attempt, play } from './test-support.ts';
import type { Case, PathOptions } from './test-support.ts';

function inStep(type: ProcedureTypeVersion, step: string, options?: PathOptions): Case {
  return play(type, pathTo(type, step, options));
}

/** Each transition gets its own tests: allowed, wrong role, wrong step, every guard. */
function describeTransition(type: ProcedureTypeVersion, t: TransitionDef): void {
  const scenario = validScenario(type, t.action);

  describe(`${t.action}`, () => {
    it(`allowed from ${t.from.join(', ')} for ${t.roles.join(', ')} → ${t.to ?? '(same step)'}`, () => {
      for (const from of t.from) {
        const ready = play(type, scenario.setup, inStep(type, from, scenario.options));
        for (const role of t.roles) {
          const result = attempt(type, ready, { ...scenario.command, role });
          assert.ok(result.ok, `${from}/${role}: ${result.ok ? '' : result.message}`);
          assert.equal(result.state.step, t.to ?? from);
          assert.equal(result.event.type, t.event);
        }
      }
    });

    it('refuses every other role with wrong-role', () => {
      const ready = play(type, scenario.setup, inStep(type, t.from[0] ?? '', scenario.options));
      for (const role of ROLES.filter((r) => !t.roles.includes(r))) {
        const result = attempt(type, ready, { ...scenario.command, role });
        assert.ok(!result.ok && result.code === 'wrong-role', `${role} must be refused`);
        assert.match(result.message, /darf nur vornehmen: /);
      }
    });

    it('refuses every other step with not-allowed', () => {
      for (const step of type.steps.filter((s) => !t.from.includes(s.key))) {
        const result = attempt(type, inStep(type, step.key), scenario.command);
        assert.ok(!result.ok && result.code === 'not-allowed', `${step.key} must refuse`);
        assert.equal(
          result.message,
          `„${t.label}“ ist im Verfahrensschritt „${step.label}“ nicht möglich.`,
        );
      }
    });

    t.guards.forEach((guard, index) => {
      it(`guard ${guard.check.kind} fails with its German message`, () => {
        const cases = guardViolations(type, t.action).filter((v) => v.guard === index);
        assert.ok(cases.length > 0, `no violation scenario for guard ${index}`);
        for (const violation of cases) {
          const ready = play(
            type,
            violation.setup,
            inStep(type, t.from[0] ?? '', violation.options),
          );
          const result = attempt(type, ready, violation.command);
          assert.ok(!result.ok && result.code === 'guard-failed', `${violation.command.action}`);
          // A guard may add what it found (e.g. which consents are open) after its message.
          assert.ok(result.message.startsWith(guard.message), result.message);
        }
      });
    });
  });
}

for (const type of PROCEDURE_TYPE_VERSIONS) {
  describe(`${type.key} ${type.version}: every transition and guard`, () => {
    it('has a path to every step', () => {
      for (const step of type.steps) assert.equal(inStep(type, step.key).state.step, step.key);
    });
    for (const t of type.transitions) describeTransition(type, t);
  });
}
