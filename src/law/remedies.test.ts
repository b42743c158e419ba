import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { administrativeCourts, courtForKreis, remediesFor, RemediesInputError } from './index.ts';
import type { RemediesInput } from './index.ts';

/** The 53 Kreise and kreisfreie Städte of NRW (BKG VG5000 2021): key → name. */
function loadKreise(): Map<string, string> {
  const url = new URL(
    '../../../shared/data/geo/nrw_kreise_bkg_vg5000_2021.geojson',
    import.meta.url,
  );
  const data = JSON.parse(readFileSync(url, 'utf8')) as {
    features: { properties: { ARS: string; GEN: string } }[];
  };
  return new Map(data.features.map((f) => [f.properties.ARS, f.properties.GEN]));
}

describe('courts: districts of the NRW administrative courts (§ 17 JustG NRW)', () => {
  it('every one of the 53 Kreise and kreisfreie Städte belongs to exactly one VG, names agree', () => {
    const kreise = loadKreise();
    assert.equal(kreise.size, 53);
    const seen = new Map<string, string>();
    for (const court of administrativeCourts) {
      for (const [key, name] of Object.entries(court.district)) {
        assert.ok(!seen.has(key), `${key} in ${seen.get(key)} and ${court.name}`);
        seen.set(key, court.name);
        assert.equal(name.toLowerCase(), kreise.get(key)?.toLowerCase(), key);
      }
    }
    assert.deepEqual([...seen.keys()].sort(), [...kreise.keys()].sort());
  });

  it('spot checks from the statute text', () => {
    assert.equal(courtForKreis('05774')?.name, 'Verwaltungsgericht Minden'); // Kreis Paderborn
    assert.equal(courtForKreis('05915')?.name, 'Verwaltungsgericht Arnsberg'); // Hamm
    assert.equal(courtForKreis('05978')?.name, 'Verwaltungsgericht Gelsenkirchen'); // Unna
    assert.equal(courtForKreis('05162')?.name, 'Verwaltungsgericht Düsseldorf'); // Neuss
    assert.equal(courtForKreis('05334')?.name, 'Verwaltungsgericht Aachen');
    assert.equal(courtForKreis('06411'), undefined); // Darmstadt, Hessen
  });
});

const grantPaderborn: RemediesInput = {
  decisionKind: 'grant',
  totalHeightM: null,
  siteKreisAgs: '05774',
};

describe('remediesFor', () => {
  it('no wind turbine: VG of the site, no objection procedure, one month, electronic hint', () => {
    const r = remediesFor(grantPaderborn);
    assert.equal(r.firstInstance, 'vg');
    assert.equal(r.court.name, 'Verwaltungsgericht Minden');
    assert.equal(r.heading, 'Rechtsbehelfsbelehrung');
    assert.match(
      r.text,
      /^Gegen diesen Genehmigungsbescheid kann innerhalb eines Monats nach Bekanntgabe Klage erhoben werden\. Ein Widerspruchsverfahren findet nicht statt \(§ 110 Abs\. 1 JustG NRW\)\./,
    );
    assert.match(
      r.text,
      /beim Verwaltungsgericht Minden, Königswall 8, 32423 Minden, schriftlich oder zur Niederschrift/,
    );
    assert.match(r.text, /§ 55a VwGO/);
    assert.match(r.text, /Eine einfache E-Mail genügt nicht\./);
    assert.doesNotMatch(r.text, /Oberverwaltungsgericht|aufschiebende Wirkung/);
    assert.equal(r.open, false);
    assert.ok(r.openPoints.some((p) => p.startsWith('Anschrift Verwaltungsgericht Minden')));
    assert.ok(r.citations.includes('§ 52 Nr. 1 VwGO'));
  });

  it('an 8-digit municipality key selects its Kreis', () => {
    assert.equal(remediesFor({ ...grantPaderborn, siteKreisAgs: '05774032' }).court.seat, 'Minden');
  });

  it('wind turbine over 50 m: OVG in the first instance, lawyer required, written only', () => {
    const r = remediesFor({ ...grantPaderborn, totalHeightM: 246.5 });
    assert.equal(r.firstInstance, 'ovg');
    assert.match(
      r.text,
      /schriftlich beim Oberverwaltungsgericht für das Land Nordrhein-Westfalen, Aegidiikirchplatz 5, 48143 Münster, zu erheben/,
    );
    assert.match(r.text, /§ 48 Abs\. 1 Satz 1 Nr\. 3a VwGO/);
    assert.match(r.text, /§ 67 Abs\. 4 VwGO/);
    assert.match(r.text, /keine aufschiebende Wirkung \(§ 63 BImSchG\)/);
    assert.doesNotMatch(r.text, /Niederschrift/);
    assert.equal(r.open, true);
  });

  it('exactly 50 m stays at the VG ("more than 50 metres")', () => {
    assert.equal(remediesFor({ ...grantPaderborn, totalHeightM: 50 }).firstInstance, 'vg');
    assert.equal(remediesFor({ ...grantPaderborn, totalHeightM: 50.1 }).firstInstance, 'ovg');
  });

  it('refusal and rejection name their subject and carry no third-party hint', () => {
    const refusal = remediesFor({ ...grantPaderborn, decisionKind: 'refusal', totalHeightM: 200 });
    assert.match(refusal.text, /^Gegen die Ablehnung des Genehmigungsantrags kann/);
    assert.doesNotMatch(refusal.text, /§ 63 BImSchG/);
    const rejection = remediesFor({ ...grantPaderborn, decisionKind: 'rejection' });
    assert.match(rejection.text, /^Gegen die Zurückweisung des Genehmigungsantrags kann/);
    assert.equal(rejection.court.name, 'Verwaltungsgericht Minden');
  });

  it('fee decision: no suspensive effect, suspension first at the authority, marked open', () => {
    const r = remediesFor({ ...grantPaderborn, decisionKind: 'fee', siteKreisAgs: '05962' });
    assert.equal(r.court.name, 'Verwaltungsgericht Arnsberg');
    assert.match(r.text, /^Gegen die Festsetzung der Gebühren und Auslagen kann/);
    assert.match(r.text, /keine aufschiebende Wirkung \(§ 80 Abs\. 2 Satz 1 Nr\. 1 VwGO\)/);
    assert.match(r.text, /§ 80 Abs\. 4 VwGO/);
    assert.match(r.text, /§ 80 Abs\. 6 VwGO/);
    assert.equal(r.open, true);
    assert.ok(r.openPoints.some((p) => p.includes('§ 52 Nr. 1 oder Nr. 3 VwGO')));
  });

  it('bad input gets a German message naming the field', () => {
    const cases: [Partial<Record<keyof RemediesInput, unknown>>, string, RegExp][] = [
      [{ decisionKind: 'appeal' }, 'decisionKind', /Art der Entscheidung/],
      [{ totalHeightM: -3 }, 'totalHeightM', /Gesamthöhe/],
      [{ totalHeightM: Number.NaN }, 'totalHeightM', /Gesamthöhe/],
      [{ siteKreisAgs: '06411' }, 'siteKreisAgs', /keine kreisfreie Stadt in Nordrhein-Westfalen/],
      [{ siteKreisAgs: '05999' }, 'siteKreisAgs', /„05999“/],
      [{ siteKreisAgs: 'abc' }, 'siteKreisAgs', /5 oder 8 Ziffern/],
    ];
    for (const [change, field, message] of cases) {
      assert.throws(
        () => remediesFor({ ...grantPaderborn, ...change } as RemediesInput),
        (error: unknown) => {
          assert.ok(error instanceof RemediesInputError, String(error));
          assert.equal(error.field, field);
          assert.match(error.message, message);
          return true;
        },
      );
    }
  });
});
