import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { downloadName, safeFileName, UniquePaths } from './zip-names.ts';

describe('safeFileName', () => {
  it('removes path traversal, separators and characters Windows refuses', () => {
    assert.equal(safeFileName('../../etc/passwd'), '_.._etc_passwd');
    assert.equal(safeFileName('..'), 'datei');
    assert.equal(safeFileName('C:\\Windows\\system.ini'), 'C__Windows_system.ini');
    assert.equal(safeFileName('a<b>c:d"e|f?g*h.pdf'), 'a_b_c_d_e_f_g_h.pdf');
    assert.equal(safeFileName('CON.txt'), '_CON.txt');
    assert.equal(safeFileName('  plan.pdf. . '), 'plan.pdf');
  });

  it('drops control, zero-width and bidi characters and keeps umlauts', () => {
    assert.equal(safeFileName('rechnung\u202efdp.exe'), 'rechnungfdp.exe');
    assert.equal(safeFileName('Lärm\u0000gut\u200bachten\n.pdf'), 'Lärmgutachten.pdf');
    assert.equal(safeFileName('Fla\u0308che.pdf'), 'Fläche.pdf');
  });

  it('shortens long names but keeps the extension', () => {
    const safe = safeFileName(`${'x'.repeat(500)}.pdf`);
    assert.equal([...safe].length, 120);
    assert.ok(safe.endsWith('.pdf'));
  });

  it('never yields a separator, a control character, a leading dot or an empty name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (name) => {
        const safe = safeFileName(name);
        assert.ok(safe.length > 0);
        assert.doesNotMatch(safe, /[\\/\p{Cc}\p{Cf}]|^\./u);
        assert.notEqual(safe, '..');
      }),
      { numRuns: 500 },
    );
  });
});

describe('UniquePaths', () => {
  it('numbers repeated names, ignoring case', () => {
    const paths = new UniquePaths();
    assert.equal(paths.claim('unterlagen/', 'Plan.pdf'), 'unterlagen/Plan.pdf');
    assert.equal(paths.claim('unterlagen/', 'plan.pdf'), 'unterlagen/plan (2).pdf');
    assert.equal(paths.claim('unterlagen/', 'PLAN.pdf'), 'unterlagen/PLAN (3).pdf');
    assert.equal(paths.claim('', 'Plan.pdf'), 'Plan.pdf');
  });
});

describe('downloadName', () => {
  it('is plain ASCII, safe inside a quoted Content-Disposition value', () => {
    assert.equal(
      downloadName(['Einwendungen', 'G-2026/0042 "Süd"', '2026-11-25'], 'csv'),
      'Einwendungen-G-2026_0042_Sued_-2026-11-25.csv',
    );
    assert.equal(downloadName(['', ''], 'zip'), 'export.zip');
  });
});
