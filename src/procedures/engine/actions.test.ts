import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applyAction,
  availableActions,
  blockedActions,
  initialState,
  ROLE_LABELS,
  ROLES,
} from './index.ts';
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
      input: { agency: 'A', statement: 'ok' },
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
      input: { agency: 'B', statement: 'Keine Bedenken' },
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

describe('extensions with and without consent', () => {
  const extend = (at: string, months: unknown = 1): ActionCommand => ({
    action: 'extend',
    role: 'case_worker',
    at,
    input: { months, reason: 'Gutachten fehlt' },
  });

  it('validates months 1–3 (form strings accepted) and a non-empty reason', () => {
    for (const months of [0, 4, 1.5, 'drei', null]) {
      assert.equal(
        failure(applyAction(type, opened.state, extend('2026-03-04', months))).code,
        'invalid-input',
      );
    }
    const noReason = applyAction(type, opened.state, {
      ...extend('2026-03-04'),
      input: { months: 2, reason: '  ' },
    });
    assert.equal(failure(noReason).message, 'Die Begründung der Verlängerung fehlt.');
    const fromForm = applyAction(type, opened.state, extend('2026-03-04', '3'));
    assert.ok(fromForm.ok);
    assert.equal(fromForm.event.data['duration'], 'P3M');
  });

  it('once freely, then only with consent, and the consent is used up', () => {
    const once = runCommands(type, [extend('2026-03-04', 2)], opened);
    assert.deepEqual(once.state.decisionExtensions, { count: 1, totalMonths: 2 });
    assert.equal(
      failure(applyAction(type, once.state, extend('2026-03-05'))).message,
      'Nur mit Zustimmung.',
    );
    const consented = runCommands(
      type,
      [{ action: 'consent', role: 'applicant', at: '2026-03-05' }],
      once,
    );
    const f = failure(
      applyAction(type, consented.state, {
        action: 'consent',
        role: 'applicant',
        at: '2026-03-05',
      }),
    );
    assert.equal(f.message, 'Liegt schon vor.');
    const twice = runCommands(type, [extend('2026-03-06', 3)], consented);
    assert.deepEqual(twice.state.decisionExtensions, { count: 2, totalMonths: 5 });
    assert.equal(twice.state.applicantConsentAt, null);
    assert.equal(twice.history.at(-1)?.data['withConsent'], true);
    assert.equal(
      failure(applyAction(type, twice.state, extend('2026-03-07'))).code,
      'guard-failed',
    );
  });
});

describe('availableActions and blockedActions', () => {
  it('lists what the role may do now, for buttons', () => {
    const names = (role: (typeof ROLES)[number], today?: string): string[] =>
      availableActions(type, opened.state, role, today).map((a) => a.action);
    assert.deepEqual(names('case_worker'), ['ask', 'extend']);
    assert.deepEqual(names('applicant'), ['consent', 'withdraw']);
    assert.deepEqual(names('agency_member'), ['answer']);
    // Without a date the date guard is open; with one it is checked.
    assert.deepEqual(names('system'), ['silence']);
    assert.deepEqual(names('system', '2026-04-07'), []);
    assert.deepEqual(names('system', '2026-04-08'), ['silence']);
    const submitted = availableActions(type, initialState(type), 'applicant');
    assert.deepEqual(submitted[0], {
      action: 'submit',
      label: 'Einreichen',
      to: 'open',
      effect: 'submit-application',
      citations: [],
    });
  });

  it('explains blocked actions', () => {
    assert.deepEqual(blockedActions(type, opened.state, 'supervisor'), [
      { action: 'finish', label: 'Abschließen', reason: 'Antworten fehlen.' },
    ]);
  });

  it('offers nothing in a terminal step or for a foreign state', () => {
    const gone = runCommands(
      type,
      [{ action: 'withdraw', role: 'applicant', at: '2026-03-04' }],
      opened,
    );
    for (const role of ROLES) assert.deepEqual(availableActions(type, gone.state, role), []);
    assert.deepEqual(availableActions(type, { ...opened.state, typeKey: 'x' }, 'case_worker'), []);
  });
});
