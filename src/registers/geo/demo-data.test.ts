import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDemoAreas, loadDemoWindProjects } from './demo-data.ts';
import { findMunicipality, isInsideNrw, pointInPolygon, validateParcel } from './index.ts';

const projects = loadDemoWindProjects();
const areas = loadDemoAreas();

describe('demo wind projects', () => {
  it('has at least 18 projects with unique keys over all five Regierungsbezirke', () => {
    assert.ok(projects.length >= 18, `${projects.length} Projekte`);
    assert.equal(new Set(projects.map((p) => p.key)).size, projects.length);
    assert.deepEqual([...new Set(projects.map((p) => p.regierungsbezirk))].sort(), [
      'Arnsberg',
      'Detmold',
      'Düsseldorf',
      'Köln',
      'Münster',
    ]);
    assert.ok(projects.filter((p) => p.repowering).length >= 3);
    const sizes = projects.map((p) => p.turbines.length);
    assert.equal(Math.min(...sizes), 1);
    assert.equal(Math.max(...sizes), 25);
  });

  for (const project of projects) {
    it(`${project.title}: in NRW, in ${project.gemeinde}, with a valid parcel`, () => {
      assert.match(project.title, /\(Beispiel\)$/);
      assert.match(project.plannedCommissioning, /^20\d\d-(0[1-9]|1[0-2])$/);
      for (const t of project.turbines) {
        assert.equal(isInsideNrw(t), true);
        assert.equal(findMunicipality(t)?.ags, project.ags);
        assert.equal(t.totalHeightM, Math.round(t.hubHeightM + t.rotorDiameterM / 2));
        assert.match(t.type, /^Beispieltyp /);
      }
      const { gemarkung, gemarkungKey, flur, flurstueck } = project.parcel;
      const result = validateParcel({ gemarkung: gemarkungKey, flur, flurstueck });
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.gemarkung.name, gemarkung);
      // The parcel belongs to the Katasteramt of the project's Kreis.
      assert.equal(result.gemarkung.katasteramt.replace('a.d.', 'an der'), project.kreis);
      // By name it either validates too or asks for the key, never says "unknown".
      const byName = validateParcel({ gemarkung, flur, flurstueck });
      if (!byName.ok) assert.match(byName.problems[0]?.message ?? '', /mehrfach/);
    });
  }
});

describe('demo areas', () => {
  it('has 3–5 example areas of both kinds', () => {
    assert.ok(areas.length >= 3 && areas.length <= 5);
    assert.deepEqual([...new Set(areas.map((a) => a.kind))].sort(), [
      'acceleration',
      'wind-energy',
    ]);
    for (const area of areas) {
      assert.match(area.name, /\(Beispielgebiet, keine echte Ausweisung\)$/);
      assert.equal(area.example, true);
      assert.equal(area.seaDone, true);
      assert.equal(area.protectedAreaOverlap, false);
      assert.match(area.designatedOn, /^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('every area contains at least one demo turbine', () => {
    for (const area of areas) {
      const inside = projects
        .flatMap((p) => p.turbines)
        .filter((t) => pointInPolygon(t, area.geometry));
      assert.ok(inside.length > 0, area.name);
    }
  });

  it('at least four projects lie completely inside an area', () => {
    const covered = projects.filter((p) =>
      p.turbines.every((t) => areas.some((a) => pointInPolygon(t, a.geometry))),
    );
    assert.ok(covered.length >= 4, covered.map((p) => p.key).join(', '));
  });
});
