import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyAction, availableActions, blockedActions, initialState, ROLES } from './index.ts';
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
