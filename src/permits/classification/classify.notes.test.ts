import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JULY_2024, project, RED_III } from './classification.fixtures.ts';
import { classifyWindProject } from './index.ts';

describe('classifyWindProject: texts and notes', () => {
  it('labels come from the deadline engine in German', () => {
    const result = classifyWindProject(project({ turbineCount: 20 }), JULY_2024);
    assert.equal(result.decisionDeadline?.label, '7 Monate');
    assert.match(
      result.decisionDeadline?.extension ?? '',
      /einmalige Verlängerung um bis zu 3 Monate/i,
    );
    assert.equal(
      result.completenessDeadline?.extension,
      'Einmalige Verlängerung um 2 Wochen möglich.',
    );
    assert.match(result.procedureLabel, /Förmliches Genehmigungsverfahren.*§ 10 BImSchG/);
    assert.ok(result.reasons.some((r) => r.text.includes('innerhalb von 7 Monaten')));
  });

  it('acceleration area under RED III: 30 days without extension, agency month without extension', () => {
    const result = classifyWindProject(
      project({ turbineCount: 4, inAccelerationArea: true }),
      RED_III,
    );
    assert.equal(result.completenessDeadline?.label, '30 Tage');
    assert.equal(result.completenessDeadline?.extension, 'Keine Verlängerung möglich.');
    assert.deepEqual(result.completenessDeadline?.citations, ['§ 10a Abs. 4 BImSchG']);
    assert.match(result.agencyStatementDeadline?.extension ?? '', /Keine Verlängerung/);
    assert.ok(
      result.notes.some((n) => n.includes('52.000 €')),
      'payment note § 6b WindBG',
    );
    assert.match(result.eiaLabel, /§ 6b WindBG/);
  });

  it('marks open legal points for review', () => {
    const outside = classifyWindProject(project({ turbineCount: 4 }), RED_III);
    assert.ok(
      outside.notes.some((n) => n.startsWith('Rechtlich zu prüfen:') && n.includes('45 Tagen')),
    );
    const formalInArea = classifyWindProject(
      project({ turbineCount: 25, inAccelerationArea: true }),
      RED_III,
    );
    assert.ok(
      formalInArea.notes.some(
        (n) => n.includes('Rechtlich zu prüfen') && n.includes('§ 10a Abs. 6'),
      ),
    );
    const expired = classifyWindProject(
      project({ turbineCount: 10, inWindEnergyArea: true }),
      RED_III,
    );
    assert.ok(expired.notes.some((n) => n.includes('30. Juni 2025') && n.includes('§ 6a WindBG')));
  });

  it('a date before the oldest version uses it with a warning', () => {
    const result = classifyWindProject(project({ turbineCount: 3 }), '2023-01-10');
    assert.equal(result.ruleVersion.key, 'bimschg-2024-07');
    assert.ok(result.notes[0]?.includes('vor dem ältesten hinterlegten Rechtsstand'));
  });

  it('electronic-only note depends on 21.11.2025', () => {
    const before = classifyWindProject(project({ turbineCount: 3 }), '2025-11-20');
    const after = classifyWindProject(project({ turbineCount: 3 }), '2025-11-21');
    assert.ok(before.notes.some((n) => n.startsWith('Ab dem 21. November 2025')));
    assert.ok(after.notes.some((n) => n.startsWith('Das Verfahren wird vollständig elektronisch')));
  });

  it('no permit: building law explained, no deadlines', () => {
    const result = classifyWindProject(project({ turbineCount: 2, maxTotalHeightM: 45 }), RED_III);
    assert.match(result.procedureLabel, /Baugenehmigung/);
    assert.ok(result.reasons.some((r) => r.citations.includes('4. BImSchV Anhang 1 Nr. 1.6')));
    assert.equal(result.publicParticipation, false);
  });

  it('rejects an invalid date or input', () => {
    assert.throws(() => classifyWindProject(project({}), '2025-02-30'), RangeError);
    assert.throws(() => classifyWindProject(project({}), '1.3.2025'), RangeError);
    assert.throws(() => classifyWindProject(project({ turbineCount: 0 }), RED_III), RangeError);
    assert.throws(() => classifyWindProject(project({ turbineCount: 2.5 }), RED_III), RangeError);
    assert.throws(
      () => classifyWindProject(project({ maxTotalHeightM: NaN }), RED_III),
      RangeError,
    );
  });
});
