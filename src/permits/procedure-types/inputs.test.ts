import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { selectProcedureVersion } from '../../procedures/engine/index.ts';
import type { ApplyResult, ProcedureTypeVersion } from '../../procedures/engine/index.ts';
import { PROCEDURE_TYPE_VERSIONS } from './index.ts';
import { pathTo } from './scenarios.ts';
import { attempt, newCase, play } from './test-support.ts';
import type { Spec } from './test-support.ts';

const simplified = selectProcedureVersion(
  PROCEDURE_TYPE_VERSIONS,
  'bimschg-simplified',
  '2025-09-01',
);
assert.ok(simplified);
const type: ProcedureTypeVersion = simplified;

function message(result: ApplyResult): string {
  assert.ok(!result.ok && result.code === 'invalid-input', JSON.stringify(result));
  return result.message;
}
const withInput = (action: string, input: unknown, role: Spec['role'] = 'case_worker'): Spec => ({
  action,
  role,
  input: () => input,
});

describe('action input is validated with German messages', () => {
  const checking = play(type, pathTo(type, 'completeness-check'));
  const involving = play(type, pathTo(type, 'agency-involvement'));
  const drafting = play(type, pathTo(type, 'decision-drafting'));

  it('submit: the RED III acceleration-area fact is required', () => {
    const result = attempt(type, newCase(type), withInput('submit', { facts: {} }, 'applicant'));
    assert.equal(
      message(result),
      'Angabe fehlt: Liegt der Standort in einem Beschleunigungsgebiet für Windenergie?',
    );
  });

  it('confirm-completeness: date after the last arrival and not after the day of confirmation', () => {
    const base = { agencies: ['Bauaufsicht'], timetable: 'Dezember 2025' };
    for (const completenessDate of ['2025-08-31', '2025-09-30']) {
      const result = attempt(
        type,
        checking,
        withInput('confirm-completeness', { ...base, completenessDate }),
      );
      assert.match(message(result), /§ 7 Abs\. 2 9\. BImSchV/);
    }
    assert.equal(
      message(
        attempt(
          type,
          checking,
          withInput('confirm-completeness', { ...base, completenessDate: '1.9.2025' }),
        ),
      ),
      'Das Vollständigkeitsdatum ist kein gültiges Datum (Format JJJJ-MM-TT).',
    );
    assert.equal(
      message(
        attempt(
          type,
          checking,
          withInput('confirm-completeness', { completenessDate: '2025-09-01', agencies: ['A'] }),
        ),
      ),
      'Der Zeitplan fehlt.',
    );
  });

  it('submit-documents needs an open request', () => {
    const result = attempt(
      type,
      checking,
      withInput('submit-documents', { documents: ['x.pdf'] }, 'applicant'),
    );
    assert.equal(message(result), 'Es sind keine Unterlagen nachgefordert.');
  });

  it('agencies: no duplicates, only agencies asked, one answer each', () => {
    assert.equal(
      message(attempt(type, involving, withInput('ask-agencies', { agencies: ['Bauaufsicht'] }))),
      'Die Behörde „Bauaufsicht“ ist bereits beteiligt.',
    );
    assert.equal(
      message(
        attempt(
          type,
          involving,
          withInput('record-agency-statement', {
            agency: 'Forstamt',
            verdict: 'no-objection',
            statement: 'ok',
          }),
        ),
      ),
      'Die Behörde „Forstamt“ wurde nicht beteiligt.',
    );
    const answered = play(
      type,
      [
        withInput('record-agency-statement', {
          agency: 'Bauaufsicht',
          verdict: 'no-objection',
          statement: 'ok',
        }),
      ],
      involving,
    );
    assert.equal(
      message(
        attempt(
          type,
          answered,
          withInput('record-agency-statement', {
            agency: 'Bauaufsicht',
            verdict: 'no-objection',
            statement: 'nochmal',
          }),
        ),
      ),
      'Für die Behörde „Bauaufsicht“ ist bereits eine Antwort erfasst.',
    );
  });

  it('decide: outcome, reasons, and no conditions in a refusal', () => {
    assert.equal(
      message(
        attempt(type, drafting, withInput('decide', { outcome: 'vielleicht', reasons: 'x' })),
      ),
      'Die Entscheidung (Genehmigung oder Ablehnung) fehlt oder ist ungültig.',
    );
    assert.equal(
      message(
        attempt(
          type,
          drafting,
          withInput('decide', { outcome: 'refused', conditions: ['Auflage'], reasons: 'x' }),
        ),
      ),
      'Eine Ablehnung enthält keine Nebenbestimmungen.',
    );
    assert.equal(
      message(attempt(type, drafting, withInput('decide', { outcome: 'granted' }))),
      'Die Begründung der Entscheidung fehlt.',
    );
    const refused = play(
      type,
      [withInput('decide', { outcome: 'refused', reasons: 'Flugsicherung' })],
      drafting,
    );
    assert.equal(refused.state.decision?.outcome, 'refused');
  });

  it('refusals and rejections need reasons; withdrawal does not', () => {
    const formal = selectProcedureVersion(PROCEDURE_TYPE_VERSIONS, 'bimschg-formal', '2025-09-01');
    assert.ok(formal);
    const review = play(formal, pathTo(formal, 'agency-involvement'));
    assert.equal(
      message(attempt(formal, review, withInput('refuse', {}))),
      'Die Begründung der Ablehnung fehlt.',
    );
    assert.ok(attempt(formal, review, withInput('withdraw', {}, 'applicant')).ok);
  });
});
