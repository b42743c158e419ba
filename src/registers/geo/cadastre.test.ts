import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatFlurRanges, searchGemarkungen, validateParcel } from './index.ts';
import type { ParcelProblem, ParcelReference } from './index.ts';

const oracle = JSON.parse(
  readFileSync(
    new URL(
      '../../../../shared/data/geo/nrw_katasteraemter_gemarkungen_fluren.json',
      import.meta.url,
    ),
    'utf8',
  ),
) as Record<string, Record<string, { fluren: string[]; schluessel: string }>>;

function problemsOf(ref: ParcelReference): ParcelProblem[] {
  const result = validateParcel(ref);
  assert.equal(result.ok, false, 'expected problems');
  return result.ok ? [] : result.problems;
}

describe('validateParcel', () => {
  it('accepts a unique name, the 4-digit key, the 05-prefixed key and "Name (Schlüssel)"', () => {
    const expected = { name: 'Altenhagen', key: '2851', katasteramt: 'Bielefeld' };
    for (const gemarkung of ['Altenhagen', ' altenhagen ', '2851', '052851', 'Altenhagen (2851)']) {
      assert.deepEqual(validateParcel({ gemarkung, flur: '4', flurstueck: '123' }), {
        ok: true,
        gemarkung: expected,
      });
    }
  });

  it('accepts Flurstück as Zähler or Zähler/Nenner and Flur with a "Flur" prefix', () => {
    for (const flurstueck of ['1', '123', '45/2', '45 / 2', '00123', '99999/9999']) {
      assert.equal(
        validateParcel({ gemarkung: '2851', flur: '15', flurstueck }).ok,
        true,
        flurstueck,
      );
    }
    assert.equal(validateParcel({ gemarkung: '2851', flur: 'Flur 7', flurstueck: '1' }).ok, true);
  });

  it('names an unknown Gemarkung or key in German', () => {
    assert.deepEqual(problemsOf({ gemarkung: 'Xyz', flur: '1', flurstueck: '1' }), [
      { field: 'gemarkung', message: 'Die Gemarkung „Xyz“ gibt es in NRW nicht.' },
    ]);
    assert.deepEqual(problemsOf({ gemarkung: '9999', flur: '1', flurstueck: '1' }), [
      { field: 'gemarkung', message: 'Den Gemarkungsschlüssel „9999“ gibt es in NRW nicht.' },
    ]);
    const [short] = problemsOf({ gemarkung: '123', flur: '1', flurstueck: '1' });
    assert.match(short?.message ?? '', /ist ungültig: Er hat vier Ziffern/);
    const [mismatch] = problemsOf({ gemarkung: 'Babenhausen (2851)', flur: '4', flurstueck: '1' });
    assert.equal(
      mismatch?.message,
      'Der Gemarkungsschlüssel 2851 gehört zur Gemarkung Altenhagen, nicht zu „Babenhausen“.',
    );
  });

  it('asks for the key when a name exists in several Katasterämter', () => {
    const [problem, ...rest] = problemsOf({ gemarkung: 'Berge', flur: '1', flurstueck: '1' });
    assert.equal(rest.length, 0);
    assert.equal(problem?.field, 'gemarkung');
    assert.match(problem?.message ?? '', /^Die Gemarkung „Berge“ gibt es in NRW mehrfach: /);
    assert.match(problem?.message ?? '', /1344 \(Katasteramt Ennepe-Ruhr-Kreis\)/);
    assert.match(
      problem?.message ?? '',
      /Bitte geben Sie den vierstelligen Gemarkungsschlüssel an\.$/,
    );
    // The same name with the key is fine.
    assert.equal(
      validateParcel({ gemarkung: 'Berge (1344)', flur: '1', flurstueck: '1' }).ok,
      true,
    );
    assert.equal(validateParcel({ gemarkung: '1344', flur: '1', flurstueck: '1' }).ok, true);
  });

  it('reports a missing or unknown Flur with the available range', () => {
    assert.deepEqual(problemsOf({ gemarkung: 'Altenhagen', flur: '99', flurstueck: '1' }), [
      {
        field: 'flur',
        message: 'Die Gemarkung Altenhagen (2851) hat keine Flur 99; vorhanden sind 4–15.',
      },
    ]);
    assert.deepEqual(problemsOf({ gemarkung: 'Altenhagen', flur: '', flurstueck: '1' }), [
      { field: 'flur', message: 'Bitte geben Sie die Flur an.' },
    ]);
    const [bad] = problemsOf({ gemarkung: 'Altenhagen', flur: '4a', flurstueck: '1' });
    assert.match(bad?.message ?? '', /^Die Flur „4a“ ist keine gültige Flurnummer/);
  });

  it('rejects badly formatted Flurstücke', () => {
    for (const flurstueck of ['0', '12/0', 'abc', '45/', '/2', '12-3', '123456', '1/2/3']) {
      const problems = problemsOf({ gemarkung: '2851', flur: '4', flurstueck });
      assert.equal(problems.length, 1, flurstueck);
      assert.equal(problems[0]?.field, 'flurstueck');
      assert.match(problems[0]?.message ?? '', /z\. B\. 123 oder 45\/2\.$/);
    }
    assert.deepEqual(problemsOf({ gemarkung: '2851', flur: '4', flurstueck: ' ' }), [
      { field: 'flurstueck', message: 'Bitte geben Sie das Flurstück an.' },
    ]);
  });

  it('collects all problems at once, also for missing fields at run time', () => {
    const fields = problemsOf({ gemarkung: '', flur: 'x', flurstueck: '' }).map((p) => p.field);
    assert.deepEqual(fields, ['gemarkung', 'flur', 'flurstueck']);
    const fromForm = { gemarkung: 'Altenhagen' } as unknown as ParcelReference;
    assert.deepEqual(
      problemsOf(fromForm).map((p) => p.message),
      ['Bitte geben Sie die Flur an.', 'Bitte geben Sie das Flurstück an.'],
    );
  });

  it('property: every Gemarkung/Flur of the source validates by key', () => {
    const pairs = Object.entries(oracle).flatMap(([katasteramt, gemarkungen]) =>
      Object.values(gemarkungen).flatMap((g) =>
        g.fluren.map((flur) => ({ katasteramt, key: g.schluessel, flur })),
      ),
    );
    assert.equal(pairs.length, 50_654);
    fc.assert(
      fc.property(fc.constantFrom(...pairs), ({ katasteramt, key, flur }) => {
        const result = validateParcel({ gemarkung: key, flur, flurstueck: '1' });
        return (
          result.ok && result.gemarkung.katasteramt === katasteramt && result.gemarkung.key === key
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatFlurRanges', () => {
  it('compresses runs and lists gaps', () => {
    assert.equal(formatFlurRanges([4, 5, 6, 7]), '4–7');
    assert.equal(formatFlurRanges([1, 2, 3, 5, 7, 8]), '1–3, 5, 7–8');
    assert.equal(formatFlurRanges([9]), '9');
    assert.equal(formatFlurRanges([]), '');
    assert.equal(formatFlurRanges([1, 3, 5, 7], 2), '1, 3, …');
  });
});

describe('searchGemarkungen', () => {
  it('finds by name prefix, exact match first, respecting the limit', () => {
    const hits = searchGemarkungen('lichtenau');
    assert.deepEqual(hits[0], { name: 'Lichtenau', key: '2943', katasteramt: 'Kreis Paderborn' });
    assert.ok(searchGemarkungen('Ber', 5).length === 5);
    assert.ok(searchGemarkungen('Ber', 100).every((g) => g.name.toLowerCase().startsWith('ber')));
    const berge = searchGemarkungen('Berge', 5);
    assert.ok(
      berge.slice(0, 5).every((g) => g.name === 'Berge'),
      'the five exact matches first',
    );
  });
  it('finds by key prefix and ignores empty input', () => {
    assert.deepEqual(
      searchGemarkungen('285', 2).map((g) => g.key),
      ['2851', '2852'],
    );
    assert.deepEqual(
      searchGemarkungen('052851').map((g) => g.name),
      ['Altenhagen'],
    );
    assert.deepEqual(searchGemarkungen('   '), []);
    assert.deepEqual(searchGemarkungen('Lichtenau', 0), []);
  });
});
