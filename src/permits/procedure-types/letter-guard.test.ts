import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAction, initialState, type ProcedureState } from '../../procedures/engine/index.ts';
import { PROCEDURE_TYPE_VERSIONS } from './index.ts';

const simplified = PROCEDURE_TYPE_VERSIONS.find((t) => t.key === 'bimschg-simplified')!;
const formal = PROCEDURE_TYPE_VERSIONS.find((t) => t.key === 'bimschg-formal')!;

function decided(outcome: 'granted' | 'refused'): ProcedureState {
  return {
    ...initialState(simplified),
    step: 'decided',
    submittedAt: '2026-01-05',
    decision: {
      outcome,
      conditions: [],
      reasons: 'Gründe',
      decidedAt: '2026-03-01',
      deliveredAt: null,
    },
  };
}

const deliver = (state: ProcedureState, signedLetters: string[]) =>
  applyAction(simplified, state, {
    action: 'deliver-decision',
    role: 'case_worker',
    at: '2026-03-02',
    signedLetters,
  });

test('a decision is delivered only with the signed letter that matches its outcome', () => {
  const none = deliver(decided('granted'), []);
  assert.equal(none.ok, false);
  assert.equal(!none.ok && none.code, 'guard-failed');
  assert.match(!none.ok ? none.message : '', /von einer zweiten Person gezeichnet/);
  assert.equal(deliver(decided('granted'), ['decision']).ok, true);
  assert.equal(deliver(decided('granted'), ['refusal']).ok, false);
  assert.equal(deliver(decided('refused'), ['decision']).ok, false);
  assert.equal(deliver(decided('refused'), ['refusal']).ok, true);
});

test('the formal refusal and the rejection for missing documents wait for their signed letters', () => {
  const state: ProcedureState = {
    ...initialState(formal),
    step: 'agency-involvement',
    submittedAt: '2026-01-05',
  };
  const refuse = (signedLetters: string[]) =>
    applyAction(formal, state, {
      action: 'refuse',
      role: 'case_worker',
      at: '2026-03-02',
      input: { reasons: 'Nicht genehmigungsfähig.' },
      signedLetters,
    });
  assert.equal(refuse([]).ok, false);
  assert.equal(refuse(['rejection']).ok, false);
  assert.equal(refuse(['refusal']).ok, true);
});
