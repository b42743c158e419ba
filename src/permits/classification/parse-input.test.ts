import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseWindProjectInput } from './index.ts';
import type { InputProblem } from './index.ts';

function problemsOf(raw: Record<string, unknown>): InputProblem[] {
  const parsed = parseWindProjectInput(raw);
  assert.equal(parsed.ok, false, 'expected problems');
  return parsed.ok ? [] : parsed.problems;
}

describe('parseWindProjectInput', () => {
  it('parses HTML form strings; a missing checkbox is false', () => {
    const parsed = parseWindProjectInput({
      turbineCount: ' 12 ',
      maxTotalHeightM: '199,5',
      repowering: 'on',
      inAccelerationArea: 'ja',
      inWindEnergyArea: 'nein',
      eiaScreeningOutcome: 'no-eia',
    });
    assert.deepEqual(parsed, {
      ok: true,
      value: {
        turbineCount: 12,
        maxTotalHeightM: 199.5,
        repowering: true,
        inAccelerationArea: true,
        inWindEnergyArea: false,
        eiaScreeningOutcome: 'no-eia',
        applicantRequestsFormal: false,
      },
    });
  });

  it('parses JSON values and string booleans in any case', () => {
    const parsed = parseWindProjectInput({
      turbineCount: 20,
      maxTotalHeightM: 230.5,
      repowering: false,
      inAccelerationArea: 'TRUE',
      inWindEnergyArea: 'false',
      eiaScreeningOutcome: 'eia-required',
      applicantRequestsFormal: true,
    });
    assert.ok(parsed.ok);
    assert.equal(parsed.value.turbineCount, 20);
    assert.equal(parsed.value.inAccelerationArea, true);
    assert.equal(parsed.value.applicantRequestsFormal, true);
  });

  it('defaults a missing screening outcome to not-done', () => {
    const parsed = parseWindProjectInput({ turbineCount: '3', maxTotalHeightM: '150' });
    assert.ok(parsed.ok);
    assert.equal(parsed.value.eiaScreeningOutcome, 'not-done');
  });

  it('collects all problems, each in German naming the field', () => {
    const problems = problemsOf({
      turbineCount: '0',
      maxTotalHeightM: 'hoch',
      repowering: 'vielleicht',
      inAccelerationArea: ['true'],
      eiaScreeningOutcome: 'weiß nicht',
      applicantRequestsFormal: 2,
    });
    assert.deepEqual(
      problems.map((p) => p.field),
      [
        'turbineCount',
        'maxTotalHeightM',
        'repowering',
        'inAccelerationArea',
        'eiaScreeningOutcome',
        'applicantRequestsFormal',
      ],
    );
    const byField = new Map(problems.map((p) => [p.field, p.message]));
    assert.equal(
      byField.get('turbineCount'),
      'Die Anzahl der Windenergieanlagen muss zwischen 1 und 200 liegen.',
    );
    assert.match(
      byField.get('maxTotalHeightM') ?? '',
      /^Die Gesamthöhe der höchsten Anlage muss eine Zahl sein.*„hoch“/,
    );
    assert.match(
      byField.get('repowering') ?? '',
      /^Die Angabe „Repowering“ hat den ungültigen Wert „vielleicht“; erlaubt sind „ja“ oder „nein“\.$/,
    );
    assert.match(byField.get('inAccelerationArea') ?? '', /Beschleunigungsgebiet/);
    assert.match(
      byField.get('eiaScreeningOutcome') ?? '',
      /^Das Ergebnis der UVP-Vorprüfung „weiß nicht“ ist ungültig/,
    );
    assert.match(byField.get('applicantRequestsFormal') ?? '', /förmliches Verfahren/);
  });

  it('reports missing numbers and non-integer turbine counts', () => {
    const problems = problemsOf({ maxTotalHeightM: '', turbineCount: '12,5' });
    assert.deepEqual(problems, [
      {
        field: 'turbineCount',
        message: 'Die Anzahl der Windenergieanlagen muss eine ganze Zahl sein, zum Beispiel 5.',
      },
      { field: 'maxTotalHeightM', message: 'Geben Sie die Gesamthöhe der höchsten Anlage an.' },
    ]);
    assert.deepEqual(problemsOf({ maxTotalHeightM: 100 }), [
      { field: 'turbineCount', message: 'Geben Sie die Anzahl der Windenergieanlagen an.' },
    ]);
  });

  it('enforces the bounds 1..200 turbines and 1..400 m', () => {
    assert.ok(parseWindProjectInput({ turbineCount: '200', maxTotalHeightM: '400' }).ok);
    assert.ok(parseWindProjectInput({ turbineCount: 1, maxTotalHeightM: 1 }).ok);
    const problems = problemsOf({ turbineCount: 201, maxTotalHeightM: '400,5' });
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        'Die Anzahl der Windenergieanlagen muss zwischen 1 und 200 liegen.',
        'Die Gesamthöhe der höchsten Anlage muss zwischen 1 und 400 Metern liegen.',
      ],
    );
    assert.equal(problemsOf({ turbineCount: '-3', maxTotalHeightM: '0,5' }).length, 2);
  });

  it('rejects numbers that are not finite or not plain', () => {
    for (const bad of [NaN, Infinity, '1e3', '12 m', '0x10', true, {}, ['5']]) {
      const problems = problemsOf({ turbineCount: bad, maxTotalHeightM: '100' });
      assert.equal(problems[0]?.field, 'turbineCount', JSON.stringify(bad));
    }
  });

  it('does not trip over prototype keys as values', () => {
    const problems = problemsOf({
      turbineCount: '3',
      maxTotalHeightM: '100',
      repowering: '__proto__',
      eiaScreeningOutcome: 'constructor',
    });
    assert.deepEqual(
      problems.map((p) => p.field),
      ['repowering', 'eiaScreeningOutcome'],
    );
  });
});
