import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DEFAULT_CONCERNS, suggestConcerns } from './suggest.ts';

// FreiRaum Ottensen (Hamburg 2021), 697 whole contributions, CC BY 4.0; see shared/data/SOURCES.md.
const OTTENSEN = new URL(
  '../../../../shared/data/text/cimt_thematic_categorization/FreiRaum-Ottensen/dataset-Ottensen-thematic-d1a.csv',
  import.meta.url,
);

/** Minimal RFC 4180 reader: quoted fields may contain commas, line breaks and doubled quotes. */
function parseCsv(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted && c === '"' && source[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('suggestConcerns on real participation texts', () => {
  const [header, ...rows] = parseCsv(readFileSync(OTTENSEN, 'utf8'));
  const textColumn = header!.indexOf('text');
  const texts = rows.map((row) => `${row[1]}\n${row[textColumn]}`);

  it('reads all 697 contributions', () => {
    assert.equal(textColumn, 2);
    assert.equal(texts.length, 697);
  });

  it('returns well-formed suggestions for all of them', () => {
    const keys = new Set(DEFAULT_CONCERNS.map((c) => c.key));
    const results = texts.map((text) => suggestConcerns(text));
    results.forEach((suggestions, i) => {
      assert.ok(suggestions.length <= 5);
      suggestions.forEach((s, k) => {
        assert.ok(keys.has(s.key), s.key);
        assert.ok(s.score >= 0.3 && s.score < 1, `${s.score}`);
        if (k > 0) assert.ok(suggestions[k - 1]!.score >= s.score, 'best first');
        assert.ok(s.evidence.length >= 1 && s.evidence.length <= 5);
        for (const word of s.evidence) assert.ok(texts[i]!.includes(word), word);
      });
      assert.equal(new Set(suggestions.map((s) => s.key)).size, suggestions.length);
    });
  });
});
