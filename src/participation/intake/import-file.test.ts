import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatFromFileName, parseImportFile } from './import-file.ts';

const now = new Date('2026-11-01T12:00:00Z');
const parse = (content: string, format: 'jsonl' | 'csv', maxTextLength?: number) =>
  parseImportFile(content, format, { now, maxTextLength });
const jsonl = (...objects: unknown[]): string => objects.map((o) => JSON.stringify(o)).join('\n');
const ok = { text: 'Ich erhebe Einwendung.', receivedAt: '2026-03-14', channel: 'papier' };
const lines = (items: readonly { line: number }[]) => items.map((item) => item.line);

describe('parseImportFile: request to black out name and address', () => {
  it('reads "Schwärzung erbeten" as ja/nein and reports any other value in German', () => {
    const csv = [
      'Text;Eingangsdatum;Eingangsweg;Name;Schwärzung erbeten',
      'Ich erhebe Einwendung.;03.10.2026;Brief;Anna Muster;ja',
      'Ich erhebe Einwendung.;03.10.2026;Brief;Bernd Muster;',
      'Ich erhebe Einwendung.;03.10.2026;Brief;Carla Muster;vielleicht',
    ].join('\n');
    const { rows, problems } = parse(csv, 'csv');
    assert.deepEqual(
      rows.map((r) => [r.name, r.redactIdentity]),
      [
        ['Anna Muster', true],
        ['Bernd Muster', false],
      ],
    );
    assert.equal(problems.length, 1);
    assert.match(problems[0]?.message ?? '', /„Schwärzung erbeten“.*„vielleicht“.*ja, nein/);
  });
});

describe('parseImportFile (JSONL)', () => {
  it('reads good rows with defaults, aliases and 1-based physical line numbers', () => {
    const list = { ...ok, channel: 'Unterschriftenliste', signatures: 312, externalRef: 'L-1' };
    const content = `${jsonl(ok)}\n\n   \n${jsonl({ ...list, name: ' Anna Muster ', address: '' })}\n`;
    const { rows, problems } = parse(content, 'jsonl');
    assert.deepEqual(problems, []);
    assert.deepEqual(rows, [
      {
        line: 1,
        text: 'Ich erhebe Einwendung.',
        name: null,
        address: null,
        receivedAt: new Date('2026-03-13T23:00:00Z'),
        channel: 'paper',
        externalRef: null,
        signatures: 1,
        signaturesConfirmed: false,
        representative: null,
        redactIdentity: false,
      },
      {
        line: 4,
        text: 'Ich erhebe Einwendung.',
        name: 'Anna Muster',
        address: null,
        receivedAt: new Date('2026-03-13T23:00:00Z'),
        channel: 'signature-list',
        externalRef: 'L-1',
        signatures: 312,
        signaturesConfirmed: false,
        representative: null,
        redactIdentity: false,
      },
    ]);
  });

  it('maps every channel alias', () => {
    const aliases = { 'E-Mail': 'email', mail: 'email', liste: 'signature-list', FAX: 'fax' };
    const all = { ...aliases, sonstiges: 'other', other: 'other', paper: 'paper', email: 'email' };
    for (const [alias, channel] of Object.entries(all)) {
      const { rows } = parse(jsonl({ ...ok, channel: alias, signatures: 2 }), 'jsonl');
      assert.equal(rows[0]?.channel, channel, alias);
    }
  });

  it('converts dates to midnight in Berlin across daylight saving changes', () => {
    const cases = {
      '2026-03-29': '2026-03-28T23:00:00.000Z', // clocks go forward at 02:00 that day
      '2026-03-30': '2026-03-29T22:00:00.000Z',
      '2026-10-25': '2026-10-24T22:00:00.000Z', // clocks go back at 03:00 that day
      '2026-10-26': '2026-10-25T23:00:00.000Z',
      '2026-03-14T09:30:00+01:00': '2026-03-14T08:30:00.000Z',
      '2026-03-14T09:30:00.25Z': '2026-03-14T09:30:00.250Z',
      '2026-07-01T00:00-02:30': '2026-07-01T02:30:00.000Z',
    };
    for (const [input, expected] of Object.entries(cases)) {
      const { rows, problems } = parse(jsonl({ ...ok, receivedAt: input }), 'jsonl');
      assert.deepEqual(problems, [], input);
      assert.equal(rows[0]?.receivedAt.toISOString(), expected, input);
    }
  });

  it('reports each problem with its line, and all problems of a row', () => {
    const content = [
      jsonl(ok),
      jsonl({ ...ok, text: '   ', receivedAt: '2026-14-03', channel: 'brieftaube' }),
      jsonl({ ...ok, receivedAt: '2026-02-30' }),
      jsonl({ ...ok, receivedAt: '2026-03-14T09:30:00' }),
      jsonl({ ...ok, receivedAt: '2026-11-02' }),
      jsonl({ ...ok, receivedAt: '1999-12-31' }),
      jsonl({ ...ok, channel: 'liste' }),
      jsonl({ ...ok, signatures: 0 }),
      jsonl({ ...ok, signatures: 1.5 }),
      jsonl({ ...ok, signatures: '1000001' }),
      jsonl({ ...ok, name: 42, bemerkung: 'x' }),
      jsonl({ ...ok, externalRef: 'x'.repeat(201) }),
      '{"text": "kaputt"',
      '["kein Objekt"]',
      jsonl({ ...ok, channel: 'constructor' }),
    ].join('\n');
    const { rows, problems } = parse(content, 'jsonl');
    // A date and time without a zone is Berlin local time (line 4), as offices write it.
    assert.deepEqual(lines(rows), [1, 4]);
    assert.deepEqual(lines(problems), [2, 2, 2, 3, 5, 6, 7, 8, 9, 10, 11, 11, 12, 13, 14, 15]);
    const messages = problems.map((p) => p.message);
    // German field names only: never the code's keys (receivedAt, channel …) or "ISO 8601".
    for (const message of messages) {
      assert.doesNotMatch(message, /receivedAt|channel|signatures|externalRef|ISO 8601/);
    }
    assert.equal(messages[0], 'Zeile 2: „Text“ fehlt oder ist leer.');
    assert.match(
      messages[1]!,
      /^Zeile 2: „Eingangsdatum“ „2026-14-03“ ist kein gültiges Datum \(erwartet wie 03\.12\.2026/,
    );
    assert.match(messages[2]!, /^Zeile 2: „Eingangsweg“ hat den unbekannten Wert „brieftaube“/);
    assert.match(messages[4]!, /^Zeile 5: „Eingangsdatum“ liegt in der Zukunft\. /);
    assert.match(messages[5]!, /^Zeile 6: „Eingangsdatum“ liegt vor dem Jahr 2000\.$/);
    assert.match(messages[6]!, /^Zeile 7: „Unterschriften“ fehlt/);
    assert.match(messages[7]!, /^Zeile 8: „Unterschriften“ muss eine ganze Zahl ab 1 sein/);
    assert.match(messages[8]!, /^Zeile 9: „Unterschriften“ muss eine ganze Zahl ab 1 sein/);
    assert.match(
      messages[9]!,
      /^Zeile 10: „Unterschriften“: 1\.000\.001 Unterschriften .* nicht möglich/,
    );
    assert.match(messages[10]!, /^Zeile 11: unbekanntes Feld „bemerkung“/);
    assert.match(messages[11]!, /^Zeile 11: „Name“ muss ein Text sein\.$/);
    assert.equal(messages[13], 'Zeile 13: kein gültiges JSON.');
    assert.match(messages[15]!, /^Zeile 15: „Eingangsweg“ hat den unbekannten Wert „constructor“/);
  });

  it('limits the text length', () => {
    const { rows, problems } = parse(
      jsonl({ ...ok, text: 'zu lang' }, { ...ok, text: 'kurz' }),
      'jsonl',
      5,
    );
    assert.deepEqual(lines(rows), [2]);
    assert.equal(problems[0]?.message, 'Zeile 1: „Text“ ist zu lang (7 Zeichen, höchstens 5).');
    const long = 'x'.repeat(100_001);
    assert.match(
      parse(jsonl({ ...ok, text: long }), 'jsonl').problems[0]!.message,
      /100\.001 Zeichen, höchstens 100\.000/,
    );
  });

  it('reports a duplicate externalRef on its second occurrence only', () => {
    const content = jsonl(
      { ...ok, externalRef: 'B-7' },
      { ...ok, externalRef: 'B-8' },
      { ...ok, externalRef: ' B-7 ' },
    );
    const { rows, problems } = parse(content, 'jsonl');
    assert.deepEqual(lines(rows), [1, 2]);
    assert.deepEqual(problems, [
      { line: 3, message: 'Zeile 3: „Aktenzeichen“ „B-7“ kommt bereits in Zeile 1 vor.' },
    ]);
  });
});

describe('parseImportFile (CSV)', () => {
  it('reads German headers, semicolons, a BOM and quoted multi-line text', () => {
    const content =
      '\uFEFFText;Name;Anschrift;Eingang;Kanal;Aktenzeichen;Unterschriften\r\n' +
      '"Erste Zeile;\r\nzweite ""Zeile""";Anna Muster;Hauptstr. 5, 45127 Essen;2026-10-25;E-Mail;E-1;\r\n' +
      '\r\n' +
      ';;;;;;\r\n' +
      'Liste gegen das Vorhaben;;;2026-03-29T10:00:00+02:00;Liste;L-2;1234\r\n';
    const { rows, problems } = parse(content, 'csv');
    assert.deepEqual(problems, []);
    assert.deepEqual(
      rows.map((r) => [r.line, r.text, r.name, r.address, r.receivedAt.toISOString(), r.channel]),
      [
        [
          2,
          'Erste Zeile;\nzweite "Zeile"',
          'Anna Muster',
          'Hauptstr. 5, 45127 Essen',
          '2026-10-24T22:00:00.000Z',
          'email',
        ],
        [6, 'Liste gegen das Vorhaben', null, null, '2026-03-29T08:00:00.000Z', 'signature-list'],
      ],
    );
    assert.deepEqual(
      rows.map((r) => [r.externalRef, r.signatures]),
      [
        ['E-1', 1],
        ['L-2', 1234],
      ],
    );
  });

  it('reads English headers with commas, case-insensitively', () => {
    const content =
      'TEXT,receivedat,Channel,externalRef,Referenz-frei\n"a, b",2026-01-05,fax,F-1,\n';
    const withUnknown = parse(content, 'csv');
    assert.deepEqual(withUnknown.rows, []);
    assert.match(withUnknown.problems[0]!.message, /^Zeile 1: unbekannte Spalte „Referenz-frei“/);
    const { rows, problems } = parse(content.replace(',Referenz-frei', ''), 'csv');
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /^Zeile 2: 5 Spalten statt 4/);
    assert.equal(rows.length, 0);
    const fixed = parse('TEXT,receivedat,Channel\n"a, b",2026-01-05,fax\n', 'csv');
    assert.deepEqual(
      fixed.rows.map((r) => [r.text, r.channel]),
      [['a, b', 'fax']],
    );
  });

  it('reports header, quoting and field problems with the line where the record starts', () => {
    const header = 'Text;Eingang;Kanal;Referenz\n';
    const content =
      header +
      '"zwei\nZeilen";2026-03-14;Papier;R-1\n' + // line 2, valid
      '"drei\n\nZeilen";morgen;Papier;R-1\n' + // line 4: bad date and duplicate
      'Er sagte "nein";2026-03-14;Papier;\n' + // line 7: stray quote
      'ok;2026-03-14;Papier;R-3\n' + // line 8, valid
      '"offen;2026-03-14;Papier;\n'; // line 9: never closed
    const { rows, problems } = parse(content, 'csv');
    assert.deepEqual(lines(rows), [2, 8]);
    assert.deepEqual(lines(problems), [4, 4, 7, 9]);
    assert.match(
      problems[0]!.message,
      /^Zeile 4: „Eingangsdatum“ „morgen“ ist kein gültiges Datum/,
    );
    assert.equal(
      problems[1]!.message,
      'Zeile 4: „Aktenzeichen“ „R-1“ kommt bereits in Zeile 2 vor.',
    );
    assert.match(problems[3]!.message, /^Zeile 9: Anführungszeichen wird bis zum Dateiende nicht/);
  });

  it('rejects a header with missing, duplicate or prototype-named columns', () => {
    const { rows, problems } = parse('Text;text;constructor;Kanal\nx;y;z;papier\n', 'csv');
    assert.deepEqual(rows, []);
    assert.deepEqual(
      problems.map((p) => p.message.slice(0, 30)),
      [
        'Zeile 1: Spalte „text“ doppelt',
        'Zeile 1: unbekannte Spalte „co',
        'Zeile 1: Spalte „Eingangsdatum',
      ],
    );
    assert.match(parse('', 'csv').problems[0]!.message, /^Zeile 1: Kopfzeile fehlt/);
  });

  it('accepts empty header columns but not values in them', () => {
    const content = 'Text;Eingang;Kanal;\nok;2026-03-14;fax;\nnicht ok;2026-03-14;fax;?\n';
    const { rows, problems } = parse(content, 'csv');
    assert.deepEqual(lines(rows), [2]);
    assert.equal(problems[0]?.message, 'Zeile 3: Wert in Spalte 4, die keine Überschrift hat.');
  });
});

describe('parseImportFile robustness', () => {
  it('never throws, and every reported line exists', () => {
    const pieces = fc.constantFrom(
      '"',
      ';',
      ',',
      '\n',
      '\r',
      '{',
      '}',
      ':',
      'Text',
      'Eingang',
      'Kanal',
      '2026-03-14',
      'x',
    );
    const content = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: pieces }));
    fc.assert(
      fc.property(content, fc.constantFrom('jsonl' as const, 'csv' as const), (text, format) => {
        const { rows, problems } = parse(text, format);
        const lineCount = text.split(/\r\n|\r|\n/).length;
        for (const { line } of [...rows, ...problems]) assert.ok(line >= 1 && line <= lineCount);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('formatFromFileName', () => {
  it('recognises JSONL and CSV, case-insensitively', () => {
    assert.equal(formatFromFileName('einwendungen.JSONL'), 'jsonl');
    assert.equal(formatFromFileName('export.ndjson'), 'jsonl');
    assert.equal(formatFromFileName('liste 2026.csv'), 'csv');
    assert.equal(formatFromFileName('scan.pdf'), null);
    assert.equal(formatFromFileName('csv'), null);
  });
});
