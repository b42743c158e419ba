import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyRedaction, detectPersonalData, type PersonalDataKind } from './index.ts';

const LETTER = `Anna Müller
Hauptstraße 12
47533 Kleve
Tel.: 02821 / 123 45-67
E-Mail: anna.mueller@example.de

An die Bezirksregierung Düsseldorf, Dezernat 53
Az. 53.01-1234/2025

Einwendung gegen die Errichtung von 5 Windenergieanlagen im Windpark Kellen

Sehr geehrte Damen und Herren,

mein Name ist Anna Müller, ich wohne seit 1998 am Mühlenbach 3a in Kleve. Mein Grundstück
(Gemarkung Kellen, Flur 3, Flurstück 123/4) liegt nur 650 m von der geplanten WEA 2 entfernt.
Die Anlagen mit 240 m Gesamthöhe und je 6,6 MW wurden am 12.03.2025 nach § 10 Abs. 3 BImSchG
bekannt gemacht. Schattenwurf und Lärm sind zu erwarten; mein Nachbar Herr Schmidt sieht das auch.
Für Rückfragen erreichen Sie mich mobil unter 0171-2345678. Eine etwaige Erstattung bitte auf
IBAN DE89 3704 0044 0532 0130 00.

Mit freundlichen Grüßen

Anna Müller
`;

const kindsOf = (text: string): [PersonalDataKind, string][] =>
  detectPersonalData(text).map((s) => [s.kind, s.text]);

describe('detectPersonalData on an objection letter', () => {
  const spans = detectPersonalData(LETTER);
  const found = spans.map((s) => [s.kind, s.text]);
  const expected: [PersonalDataKind, string][] = [
    ['name', 'Anna Müller'],
    ['address', 'Hauptstraße 12'],
    ['postcode', '47533 Kleve'],
    ['phone', '02821 / 123 45-67'],
    ['email', 'anna.mueller@example.de'],
    ['address', 'am Mühlenbach 3a'],
    ['parcel', 'Gemarkung Kellen, Flur 3, Flurstück 123/4'],
    ['name', 'Schmidt'],
    ['phone', '0171-2345678'],
    ['iban', 'DE89 3704 0044 0532 0130 00'],
  ];

  it('finds every item', () => {
    for (const item of expected)
      assert.ok(
        found.some((f) => f[0] === item[0] && f[1] === item[1]),
        item.join(': '),
      );
    // Letterhead, "Mein Name ist" and the signature.
    assert.equal(
      found.filter(([kind, text]) => kind === 'name' && text === 'Anna Müller').length,
      3,
    );
  });

  it('returns spans that point into the original text', () => {
    for (const s of spans) assert.equal(LETTER.slice(s.start, s.end), s.text);
  });

  it('leaves nothing of them in the redacted text and keeps the rest', () => {
    const redacted = applyRedaction(LETTER, spans);
    for (const [, text] of expected) assert.ok(!redacted.includes(text), text);
    assert.ok(!redacted.includes('Müller'));
    assert.ok(redacted.includes('Tel.: [geschwärzt: Telefon]'));
    assert.ok(redacted.includes('IBAN [geschwärzt: IBAN].'));
    assert.ok(redacted.includes('Mein Grundstück\n([geschwärzt: Flurstück]) liegt nur 650 m'));
    assert.ok(redacted.includes('§ 10 Abs. 3 BImSchG'));
    assert.ok(redacted.includes('Az. 53.01-1234/2025'));
  });
});

describe('detectPersonalData: no false positives on ordinary objection prose', () => {
  const negatives = [
    'Am 12.03.2025 wurde der Antrag ausgelegt; die Frist endet am 01/04/2025.',
    'Gemäß § 10 Abs. 3 BImSchG und § 5 Abs. 1 Nr. 1 BImSchG ist das unzulässig.',
    'Geplant sind 7 Anlagen mit 240 m Gesamthöhe, 175 m Rotordurchmesser und je 6,6 MW, zusammen 46.200 kW.',
    'Im Jahr 2025 sollen 5 Windenergieanlagen gebaut werden. Im Abschnitt 4 steht mehr dazu.',
    'Windenergieanlage 3 steht zu nah am Wald. Rotmilan und Schwarzstorch brüten dort seit 2019.',
    'Schattenwurf von 30 Stunden pro Jahr und 8 Stunden am Tag ist die Grenze. Nachts gilt 35 dB(A).',
    'Der Wertverlust beträgt 20 %, also rund 50.000 Euro; es haben 12000 Einwohner unterschrieben.',
    'Zur Anlage 3 und im Kapitel 2 des Gutachtens fehlen Angaben. Am Montag 3 Anlagen besichtigt.',
    'Sehr geehrte Damen und Herren, die Betriebszeiten von 06-22 Uhr sind zu lang.',
    'Frau Bürgermeisterin, die Familie der Anwohner ist betroffen. Ich, als Anwohner, widerspreche.',
    'Mit freundlichen Grüßen\nBürgerinitiative Gegenwind e.V.',
    '<script>alert("Hauptstraße")</script><p onclick="x()">Der Abstand beträgt 0,8 km.</p>',
  ];
  for (const text of negatives) {
    it(text.slice(0, 60), () => assert.deepEqual(kindsOf(text), []));
  }
});

describe('detectPersonalData: the individual detectors', () => {
  const cases: [string, PersonalDataKind, string][] = [
    ['Rufen Sie an: +49 211 1234567.', 'phone', '+49 211 1234567'],
    ['Rufen Sie an: 0049 211 1234567.', 'phone', '0049 211 1234567'],
    ['Tel 0211 1234567', 'phone', '0211 1234567'],
    ['Tel (0211) 12345', 'phone', '(0211) 12345'],
    ['Telefon: 12 34 56', 'phone', '12 34 56'],
    ['Bank: NL91ABNA0417164300', 'iban', 'NL91ABNA0417164300'],
    ['Bank: GB82 WEST 1234 5698 7654 32 (Barclays)', 'iban', 'GB82 WEST 1234 5698 7654 32'],
    ['Vertippt: DE12 3456 7890 1234 5678 90', 'iban', 'DE12 3456 7890 1234 5678 90'],
    ['betrifft Flurstück 45 und mehr', 'parcel', 'Flurstück 45'],
    ['betrifft Flst. 12/3.', 'parcel', 'Flst. 12/3'],
    ['Flur 7 Flurstück 88', 'parcel', 'Flur 7 Flurstück 88'],
    ['Flurstücke 12, 13 und 14/2 der Flur 5', 'parcel', 'Flurstücke 12, 13 und 14/2 der Flur 5'],
    ['wohnhaft Berliner Str. 101, Köln', 'address', 'Berliner Str. 101'],
    ['wohnhaft Konrad-Adenauer-Straße 5a', 'address', 'Konrad-Adenauer-Straße 5a'],
    ['Kölner Allee 7', 'address', 'Kölner Allee 7'],
    ['Platz der Republik 1', 'address', 'Platz der Republik 1'],
    ['Auf dem Berg 4', 'address', 'Auf dem Berg 4'],
    ['Kirchweg 5', 'address', 'Kirchweg 5'],
    ['in D-50667 Köln', 'postcode', 'D-50667 Köln'],
    ['in 45468 Mülheim an der Ruhr', 'postcode', '45468 Mülheim an der Ruhr'],
    ['Ich heiße Jan de Vries und wohne hier.', 'name', 'Jan de Vries'],
    ['Ich, Karl-Heinz von der Heide, erhebe Einwendungen.', 'name', 'Karl-Heinz von der Heide'],
    ['gez. Prof. Dr. Eva Schulz', 'name', 'Prof. Dr. Eva Schulz'],
    ['Familie Becker ist dagegen.', 'name', 'Becker'],
    ['Sehr geehrte Frau Dr. Meier,', 'name', 'Dr. Meier'],
    ['Sehr geehrter Herr Bürgermeister Lang,', 'name', 'Lang'],
    ['Hochachtungsvoll\nPeter und Maria Hoffmann\n', 'name', 'Peter und Maria Hoffmann'],
    ['Viele Grüße, Jonas', 'name', 'Jonas'],
    ['MfG\n\nA. Nowak', 'name', 'A. Nowak'],
  ];
  for (const [text, kind, value] of cases) {
    it(`${kind}: ${value}`, () => assert.deepEqual(kindsOf(text), [[kind, value]]));
  }

  it('rejects a foreign IBAN with a wrong checksum', () => {
    assert.deepEqual(kindsOf('Bank: GB82 WEST 1234 5698 7654 33'), []);
  });
});

describe('detectPersonalData with a known identity', () => {
  const known = {
    name: 'Jonas Becker',
    address: 'Lindenweg 7, 47559 Kranenburg',
    email: 'jb@web.de',
  };

  it('finds the known values in the body, case-insensitively and as whole words', () => {
    const text =
      'Ich schreibe für JONAS BECKER (Becker, Jonas) aus Kranenburg, Lindenweg 7; Post an JB@web.de. ' +
      'Die Kranenburger Heide bleibt ungeschwärzt.';
    assert.deepEqual(
      detectPersonalData(text, known).map((s) => [s.kind, s.text]),
      [
        ['name', 'JONAS BECKER'],
        ['name', 'Becker, Jonas'],
        ['postcode', 'Kranenburg'],
        ['address', 'Lindenweg 7'],
        ['email', 'JB@web.de'],
      ],
    );
  });

  it('ignores empty and null values', () => {
    assert.deepEqual(detectPersonalData('Lärm.', { name: null, address: ' ', email: '' }), []);
  });
});

describe('merging and applyRedaction', () => {
  it('merges overlapping spans into their union, taking the kind of the wider one', () => {
    // The known address overlaps the detected street and postcode.
    const text = 'Wir wohnen Hauptstraße 12 47533 Kleve.';
    const spans = detectPersonalData(text, { address: 'Hauptstraße 12 47533 Kleve' });
    assert.deepEqual(spans, [
      { start: 11, end: 37, kind: 'address', text: 'Hauptstraße 12 47533 Kleve' },
    ]);
  });

  it('accepts unsorted, overlapping spans and replaces them by German placeholders', () => {
    const text = 'abc def ghi';
    const redacted = applyRedaction(text, [
      { start: 8, end: 11, kind: 'iban', text: 'ghi' },
      { start: 0, end: 3, kind: 'phone', text: 'abc' },
      { start: 1, end: 2, kind: 'name', text: 'b' },
    ]);
    assert.equal(redacted, '[geschwärzt: Telefon] def [geschwärzt: IBAN]');
  });
});
