import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  areaMatches,
  competentAuthority,
  kreisDisplayName,
  windInstallation,
  type CompetenceSite,
} from './competence.ts';

const lichtenau: CompetenceSite = {
  ags: '05774028',
  name: 'Lichtenau',
  kreis: 'Kreis Paderborn',
  regierungsbezirk: 'Detmold',
};
const bueren: CompetenceSite = {
  ags: '05774016',
  name: 'Büren',
  kreis: 'Kreis Paderborn',
  regierungsbezirk: 'Detmold',
};
const borgentreich: CompetenceSite = {
  ags: '05762004',
  name: 'Borgentreich',
  kreis: 'Kreis Höxter',
  regierungsbezirk: 'Detmold',
};
const bielefeld: CompetenceSite = {
  ags: '05711000',
  name: 'Bielefeld',
  kreis: 'Bielefeld',
  regierungsbezirk: 'Detmold',
};
const brilon: CompetenceSite = {
  ags: '05958012',
  name: 'Brilon',
  kreis: 'Hochsauerlandkreis',
  regierungsbezirk: 'Arnsberg',
};

describe('competent authority (ZustVU NRW)', () => {
  it('a wind farm in one Kreis belongs to that Kreis', () => {
    const result = competentAuthority([lichtenau, bueren], windInstallation(12))!;
    assert.equal(result.kind, 'kreis');
    assert.equal(result.areaCode, '05774');
    assert.equal(result.areaName, 'Kreis Paderborn');
    assert.match(result.label, /der Kreis Paderborn \(untere Immissionsschutzbehörde\)/);
    assert.ok(result.citations.some((c) => /§ 1 Abs. 2 Nr. 3, Abs. 3 ZustVU/.test(c)));
    assert.equal(result.open, false);
    assert.equal(result.ruleVersion, 'ZustVU-2015');
  });

  it('a kreisfreie Stadt is competent for its own area and named as a city', () => {
    const result = competentAuthority([bielefeld], windInstallation(1))!;
    assert.equal(result.kind, 'kreis');
    assert.equal(result.areaCode, '05711');
    assert.equal(result.label, 'die Stadt Bielefeld (untere Immissionsschutzbehörde)');
    assert.equal(kreisDisplayName('Hochsauerlandkreis'), 'Hochsauerlandkreis');
  });

  it('a site spanning two Kreise of one Regierungsbezirk goes to the Bezirksregierung [open]', () => {
    const result = competentAuthority([lichtenau, borgentreich], windInstallation(25))!;
    assert.equal(result.kind, 'bezirksregierung');
    assert.equal(result.areaCode, '057');
    assert.equal(result.areaName, 'Bezirksregierung Detmold');
    assert.match(result.reason, /Kreis Paderborn, Kreis Höxter/);
    assert.equal(result.open, true);
  });

  it('spanning two Regierungsbezirke leaves the authority undetermined', () => {
    const result = competentAuthority([lichtenau, brilon], windInstallation(3))!;
    assert.equal(result.kind, 'undetermined');
    assert.equal(result.areaCode, '');
    assert.equal(areaMatches('057', result), false);
  });

  it('Anhang I installations and the Kreis as operator go to the Bezirksregierung', () => {
    for (const installation of [
      { no4BImSchV: '4.1.1', majorAccidentEstablishment: true },
      { no4BImSchV: '1.1', ieInstallation: true },
      { no4BImSchV: '1.6.2', operatedByKreis: true },
    ]) {
      const result = competentAuthority([brilon], installation)!;
      assert.equal(result.kind, 'bezirksregierung', JSON.stringify(installation));
      assert.equal(result.areaName, 'Bezirksregierung Arnsberg');
      assert.equal(result.areaCode, '059');
    }
  });

  it('an organisation matches by its competence area only', () => {
    const result = competentAuthority([lichtenau], windInstallation(3))!;
    assert.equal(areaMatches('05774', result), true);
    assert.equal(areaMatches('05762', result), false);
    assert.equal(areaMatches('057', result), false);
    assert.equal(areaMatches(null, result), false);
  });

  it('no site, no answer; Nr. 1.6.1 from 20 turbines', () => {
    assert.equal(competentAuthority([], windInstallation(3)), undefined);
    assert.equal(windInstallation(20).no4BImSchV, '1.6.1');
    assert.equal(windInstallation(19).no4BImSchV, '1.6.2');
  });
});
