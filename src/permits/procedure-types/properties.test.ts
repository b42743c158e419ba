import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  applyAction,
  availableActions,
  computeCaseDeadlines,
  dueEffects,
  ROLES,
} from '../../procedures/engine/index.ts';
import type { ActionCommand, ProcedureTypeVersion, Role } from '../../procedures/engine/index.ts';
import { PROCEDURE_TYPE_VERSIONS } from './index.ts';
import { validScenario } from './scenarios.ts';
import { addDays, newCase, spec } from './test-support.ts';
import type { Case } from './test-support.ts';

const move = fc.record({
  /** 'available' walks the happy paths deeply; 'any' tries everything, also nonsense. */
  pick: fc.constantFrom('available', 'available', 'any'),
  index: fc.nat(),
  role: fc.constantFrom(...ROLES),
  junk: fc.option(fc.anything(), { freq: 4 }),
  inAccelerationArea: fc.boolean(),
  gap: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 25, max: 60 })),
});
type Move = typeof move extends fc.Arbitrary<infer T> ? T : never;

const codes = ['not-allowed', 'wrong-role', 'guard-failed', 'invalid-input'];

function choose(
  type: ProcedureTypeVersion,
  c: Case,
  m: Move,
): { action: string; role: Role } | null {
  if (m.pick === 'any') {
    const actions = [...new Set(type.transitions.map((t) => t.action)), 'unknown-action'];
    return { action: actions[m.index % actions.length] ?? 'unknown-action', role: m.role };
  }
  const terminal = new Set(type.steps.filter((s) => s.kind === 'terminal').map((s) => s.key));
  const all = ROLES.flatMap((role) =>
    availableActions(type, c.state, role).map((a) => ({ action: a.action, role, to: a.to })),
  );
  // Ending the case is always possible; take it rarely so that sequences get deep.
  const onward = all.filter((o) => o.to === null || !terminal.has(o.to));
  const options = m.index % 16 === 0 || onward.length === 0 ? all : onward;
  const chosen = options[m.index % Math.max(options.length, 1)];
  return chosen ? { action: chosen.action, role: chosen.role } : null;
}

function inputFor(type: ProcedureTypeVersion, c: Case, action: string, m: Move): unknown {
  if (m.junk !== null) return m.junk;
  if (action === 'submit') return spec.submit(type, m).input?.(c);
  // Answer for an agency still pending, so that random runs get past the involvement.
  const pending = c.state.agencies.filter((a) => a.answer === 'pending');
  const agency = pending[m.index % Math.max(pending.length, 1)]?.agency ?? 'Bauaufsicht';
  if (action === 'record-agency-statement')
    return { agency, verdict: 'no-objection', statement: 'Keine Bedenken' };
  if (action === 'record-agency-no-comment') return { agency };
  const open = c.state.documentRequests.filter((r) => r.answeredAt === null);
  const requestId = open[m.index % Math.max(open.length, 1)]?.id;
  if (action === 'submit-documents') return { requestId, documents: ['nachtrag.pdf'] };
  try {
    return validScenario(type, action).command.input?.(c);
  } catch {
    return undefined; // unknown action: no scenario
  }
}

function step(type: ProcedureTypeVersion, c: Case, m: Move): Case {
  const chosen = choose(type, c, m);
  if (!chosen) return c;
  const at = addDays(c.today, m.gap);
  const command: ActionCommand = { ...chosen, at, input: inputFor(type, c, chosen.action, m) };
  const result = applyAction(type, c.state, command);
  if (!result.ok) {
    assert.ok(codes.includes(result.code));
    assert.ok(result.message.length > 10);
    return c;
  }
  assert.ok(
    type.steps.some((s) => s.key === result.state.step),
    `undefined step ${result.state.step}`,
  );
  const used = type.transitions.find(
    (t) =>
      t.action === chosen.action && t.from.includes(c.state.step) && t.roles.includes(chosen.role),
  );
  assert.ok(used, `${chosen.action} by ${chosen.role} in ${c.state.step} is not in the type`);
  assert.equal(result.state.step, used.to ?? c.state.step);
  assert.equal(result.event.type, used.event);
  const event = { type: result.event.type, at, data: result.event.data };
  return { state: result.state, history: [...c.history, event], today: at };
}

function checkEnd(type: ProcedureTypeVersion, c: Case): void {
  const current = type.steps.find((s) => s.key === c.state.step);
  if (current?.kind === 'terminal') {
    for (const role of ROLES) assert.deepEqual(availableActions(type, c.state, role), []);
  }
  const deadlines = computeCaseDeadlines(type, c.history, c.today);
  for (const d of deadlines) {
    assert.ok(type.deadlines.some((def) => def.key === d.key));
    assert.ok(d.end >= d.start);
  }
  for (const effect of dueEffects(type, deadlines, addDays(c.today, 40))) {
    if (effect.kind === 'no-comment') {
      applyAction(type, c.state, { ...effect.command, at: addDays(c.today, 40) });
    }
  }
  const free = c.history.filter(
    (e) => e.type === 'decision-deadline-extended' && e.data['withConsent'] === false,
  );
  assert.ok(free.length <= 1, 'more than one extension without consent');
}

describe('random action sequences by random roles', () => {
  for (const type of PROCEDURE_TYPE_VERSIONS) {
    it(`${type.key} ${type.version}: never throw and never leave the type's steps`, () => {
      fc.assert(
        fc.property(fc.array(move, { maxLength: 60, size: 'max' }), (moves) => {
          let c = newCase(type);
          for (const m of moves) c = step(type, c, m);
          checkEnd(type, c);
        }),
        { numRuns: 150 },
      );
    });
  }
});
