import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyAction, chooseRole, initialState, reclassifyDraft, ROLE_LABELS } from './index.ts';
import type { ActionCommand, ApplyResult } from './index.ts';
import { runCommands, SAMPLE_TYPE } from './testing.ts';

const type = SAMPLE_TYPE;
const submit: ActionCommand = { action: 'submit', role: 'applicant', at: '2026-03-02' };
const ask: ActionCommand = {
  action: 'ask',
  role: 'case_worker',
  at: '2026-03-03',
  input: { agencies: ['A', 'B'] },
};
const opened = runCommands(type, [submit, ask]);

function failure(result: ApplyResult): { code: string; message: string } {
  assert.equal(result.ok, false, 'expected a failure');
  return result.ok ? { code: '', message: '' } : result;
}

describe('applyAction: success', () => {
  it('moves to the to-step, records the date and returns the event with validated data', () => {
    const result = applyAction(type, initialState(type), {
      ...submit,
      input: { facts: { fast: true } },
    });
    assert.ok(result.ok);
    assert.equal(result.state.step, 'open');
    assert.equal(result.state.lastActionAt, '2026-03-02');
    assert.equal(result.state.submittedAt, '2026-03-02');
    assert.deepEqual(result.state.facts, { fast: true });
    assert.deepEqual(result.event, { type: 'submitted', data: { facts: { fast: true } } });
  });

  it('does not change the state it was given', () => {
    const before = structuredClone(opened.state);
    applyAction(type, opened.state, {
      action: 'answer',
      role: 'agency_member',
      at: '2026-03-04',
      input: { agency: 'A', verdict: 'no-objection', statement: 'ok' },
    });
    assert.deepEqual(opened.state, before);
  });

  it('reports which deadlines the event touches', () => {
    const result = applyAction(type, initialState(type), submit);
    assert.ok(result.ok);
    assert.deepEqual(result.deadlineChanges, [
      { deadline: 'intake', change: 'started', instances: [] },
      { deadline: 'overall', change: 'recalculated', instances: [] },
      { deadline: 'latest', change: 'recalculated', instances: [] },
    ]);
    const asked = applyAction(type, result.state, ask);
    assert.ok(asked.ok);
    assert.deepEqual(asked.deadlineChanges, [
      { deadline: 'reply', change: 'started', instances: ['A', 'B'] },
      { deadline: 'overall', change: 'recalculated', instances: [] },
    ]);
    const answered = applyAction(type, asked.state, {
      action: 'answer',
      role: 'agency_member',
      at: '2026-03-04',
      input: { agency: 'B', verdict: 'no-objection', statement: 'Keine Bedenken' },
    });
    assert.ok(answered.ok);
    assert.deepEqual(answered.deadlineChanges, [
      { deadline: 'reply', change: 'satisfied', instances: ['B'] },
    ]);
    const withdrawn = applyAction(type, asked.state, {
      action: 'withdraw',
      role: 'applicant',
      at: '2026-03-05',
    });
    assert.ok(withdrawn.ok);
    assert.deepEqual(
      withdrawn.deadlineChanges.map((c) => c.change),
      ['cancelled', 'cancelled', 'cancelled', 'cancelled'],
    );
  });
});

describe('applyAction: failures are values with German messages', () => {
  it('unknown action → not-allowed', () => {
    const f = failure(
      applyAction(type, opened.state, { action: 'fly', role: 'applicant', at: '2026-03-04' }),
    );
    assert.equal(f.code, 'not-allowed');
    assert.equal(f.message, 'Die Aktion „fly“ ist in diesem Verfahren nicht vorgesehen.');
  });

  it('known action in the wrong step → not-allowed naming the step', () => {
    const f = failure(applyAction(type, opened.state, { ...submit, at: '2026-03-04' }));
    assert.equal(f.code, 'not-allowed');
    assert.equal(
      f.message,
      '„Einreichen“ ist im Verfahrensschritt „In Bearbeitung“ nicht möglich.',
    );
  });

  it('wrong role → wrong-role listing who may act', () => {
    const f = failure(
      applyAction(type, opened.state, { action: 'finish', role: 'applicant', at: '2026-03-04' }),
    );
    assert.equal(f.code, 'wrong-role');
    assert.equal(
      f.message,
      `„Abschließen“ darf nur vornehmen: ${ROLE_LABELS.case_worker} oder ${ROLE_LABELS.supervisor}.`,
    );
  });

  it('state of another type or version → not-allowed', () => {
    const foreign = { ...opened.state, version: '0' };
    assert.equal(
      failure(applyAction(type, foreign, { ...ask, at: '2026-03-04' })).code,
      'not-allowed',
    );
  });

  it('invalid date, or a date before the last action → invalid-input', () => {
    for (const at of ['2026-02-30', '4.3.2026', '']) {
      const f = failure(
        applyAction(type, opened.state, { ...ask, at, input: { agencies: ['C'] } }),
      );
      assert.equal(f.code, 'invalid-input');
      assert.match(f.message, /Datum der Aktion ist ungültig/);
    }
    const f = failure(
      applyAction(type, opened.state, { ...ask, at: '2026-03-01', input: { agencies: ['C'] } }),
    );
    assert.equal(f.code, 'invalid-input');
    assert.match(f.message, /nicht vor dem letzten Verfahrensschritt \(03\.03\.2026\)/);
  });

  it('input that is not an object, or fields that fail validation → invalid-input', () => {
    for (const input of [
      'x',
      42,
      [],
      { agencies: [] },
      { agencies: ['A'] },
      { agencies: ['C', 'C'] },
    ]) {
      const f = failure(applyAction(type, opened.state, { ...ask, at: '2026-03-04', input }));
      assert.equal(f.code, 'invalid-input', JSON.stringify(input));
    }
  });

  it('guard failure → guard-failed with the message of the data', () => {
    const f = failure(
      applyAction(type, opened.state, { action: 'finish', role: 'case_worker', at: '2026-03-04' }),
    );
    assert.deepEqual(f, { ok: false, code: 'guard-failed', message: 'Antworten fehlen.' });
  });

  it('input is checked before guards, so input-dependent guards see valid input', () => {
    const unknownAgency = failure(
      applyAction(type, opened.state, {
        action: 'silence',
        role: 'system',
        at: '2026-05-01',
        input: { agency: 'Z' },
      }),
    );
    assert.equal(unknownAgency.code, 'invalid-input');
    const early = failure(
      applyAction(type, opened.state, {
        action: 'silence',
        role: 'system',
        at: '2026-04-07',
        input: { agency: 'A' },
      }),
    );
    assert.equal(early.code, 'guard-failed');
    const late = applyAction(type, opened.state, {
      action: 'silence',
      role: 'system',
      at: '2026-04-08',
      input: { agency: 'A' },
    });
    assert.ok(late.ok);
  });

  it('facts: unknown or non-boolean values are refused', () => {
    for (const facts of [
      { slow: true },
      { fast: 'ja' },
      JSON.parse('{"__proto__": true}'),
      ['fast'],
    ]) {
      const f = failure(applyAction(type, initialState(type), { ...submit, input: { facts } }));
      assert.equal(f.code, 'invalid-input');
    }
  });
});

describe('chooseRole: the role an actor acts in, decided on the current state', () => {
  it('picks the first of the actor’s roles the step’s transition allows', () => {
    const choice = chooseRole(type, opened.state, 'ask', ['applicant', 'case_worker']);
    assert.ok(choice.ok);
    assert.equal(choice.role, 'case_worker');
    assert.equal(choice.transition.event, 'asked');
  });

  it('refuses an action the current step does not have, whatever the roles', () => {
    for (const roles of [['applicant'], ['case_worker', 'supervisor'], []] as const) {
      const choice = chooseRole(type, opened.state, 'submit', roles);
      assert.equal(choice.ok, false);
      assert.equal(choice.ok ? '' : choice.code, 'not-allowed');
    }
  });

  it('refuses a role the step does not allow with wrong-role', () => {
    const choice = chooseRole(type, opened.state, 'ask', ['applicant', 'agency_member']);
    assert.equal(choice.ok ? '' : choice.code, 'wrong-role');
    assert.equal(chooseRole(type, opened.state, 'ask', []).ok, false);
  });
});

describe('reclassifyDraft: only a draft may change its procedure type', () => {
  const other: typeof type = { ...type, key: 'sample-other', version: '2' };

  it('gives the initial state of the new type for an untouched draft', () => {
    const result = reclassifyDraft(type, initialState(type), other);
    assert.ok(result.ok);
    assert.deepEqual(result.state, initialState(other));
  });

  it('refuses every state that left the initial step, so nothing recorded is lost', () => {
    const closed = runCommands(type, [submit, { ...submit, action: 'withdraw', at: '2026-03-03' }]);
    for (const state of [opened.state, closed.state]) {
      const result = reclassifyDraft(type, state, other);
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.message, /nur im Schritt „Entwurf“/);
    }
  });

  it('refuses a state of another type', () => {
    assert.equal(reclassifyDraft(other, initialState(type), type).ok, false);
  });
});
