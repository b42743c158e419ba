import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ALWAYS_REDACTED_KINDS,
  applyRedaction,
  detectPersonalData,
  KIND_LABELS,
  type PersonalDataKind,
} from './index.ts';

const kindsOf = (text: string): [PersonalDataKind, string][] =>
  detectPersonalData(text).map((s) => [s.kind, s.text]);

const has = (text: string, kind: PersonalDataKind, value: string): void => {
  const found = kindsOf(text);
  assert.ok(
    found.some(([k, v]) => k === kind && v === value),
    `${kind} „${value}“ not in ${JSON.stringify(found)}`,
  );
};

describe('detectPersonalData: special categories (Art. 9 DSGVO)', () => {
  const cases: [string, PersonalDataKind, string][] = [
    ['Meine Tochter leidet an Asthma.', 'health', 'Asthma'],
    ['Ich habe seit Jahren chronische Migräne.', 'health', 'chronische Migräne'],
    ['Mein Mann hat Multiple Sklerose.', 'health', 'Multiple Sklerose'],
    ['Meine Mutter hat Pflegegrad 3.', 'health', 'Pflegegrad 3'],
    ['Ich bin schwerbehindert (GdB 80).', 'health', 'schwerbehindert'],
    ['Unser Sohn hat Long Covid.', 'health', 'Long Covid'],
    ['Ich bin seit 2010 Mitglied der SPD.', 'special', 'Mitglied der SPD'],
    ['Ich bin Mitglied bei ver.di.', 'special', 'Mitglied bei ver.di'],
    ['Wir sind Zeugen Jehovas.', 'special', 'Zeugen Jehovas'],
    ['Ich bin katholisch.', 'special', 'katholisch'],
    ['Meine Familie ist kurdischer Herkunft.', 'special', 'kurdischer Herkunft'],
    ['Ich bin homosexuell und lebe mit meinem Partner hier.', 'special', 'homosexuell'],
  ];
  for (const [text, kind, value] of cases) it(`${kind}: ${value}`, () => has(text, kind, value));

  it('leaves general statements about health alone', () => {
    assert.deepEqual(kindsOf('Infraschall kann Tinnitus und Schlafstörungen auslösen.'), []);
    assert.deepEqual(kindsOf('Studien zu Depressionen durch Windenergie fehlen.'), []);
  });

  it('finds health terms across a line break and with umlauts', () => {
    has('Ich leide an chronischer\nMigräne.', 'health', 'chronischer\nMigräne');
    has('Meine Schwester ist schwerhörig.', 'health', 'schwerhörig');
  });
});

describe('detectPersonalData: dates of birth', () => {
  const cases: [string, string][] = [
    ['Maria Schulz, geb. 12.03.1956, wohnt hier.', '12.03.1956'],
    ['geboren am 3. Mai 1948 in Kleve', '3. Mai 1948'],
    ['geboren am\n3.8.2002', '3.8.2002'],
    ['Ich, Jahrgang 1951, wohne hier.', '1951'],
    ['Ich bin 1950 geboren.', '1950'],
    ['Geb.-Datum der Einwenderin: 04.02.1955.', '04.02.1955'],
    ['*12.03.1956', '12.03.1956'],
  ];
  for (const [text, value] of cases) it(value, () => has(text, 'birthdate', value));

  it('takes the birth name after "geb." as a name', () =>
    has('Anna Meier geb. Schmitz', 'name', 'Schmitz'));

  it('leaves ordinary dates alone', () => {
    assert.deepEqual(
      kindsOf('Die Auslegung endet am 12.03.2026; die Frist lief seit dem 1.2.2026.'),
      [],
    );
  });
});

describe('detectPersonalData: licence plates', () => {
  for (const plate of [
    'KLE-AB 123',
    'PB XY 77',
    'BOR-K 1234',
    'WES-LM 55E',
    'D-AZ 909',
    'HAM-ZZ 8H',
    'KLE-AB123',
  ]) {
    it(plate, () => has(`Mein Wagen (${plate}) stand dort.`, 'plate', plate));
  }
  it('leaves norms and turbine numbers alone', () => {
    assert.deepEqual(
      kindsOf('Nach DIN EN 61400 und TA Lärm; WEA 3 und WEA 4, A 3, B 57, L 460.'),
      [],
    );
  });
});

describe('detectPersonalData: bank details in German forms', () => {
  const cases: [string, PersonalDataKind, string][] = [
    ['IBAN DE89 3704 0044 0532 0130 00.', 'iban', 'DE89 3704 0044 0532 0130 00'],
    ['IBAN DE89370400440532013000', 'iban', 'DE89370400440532013000'],
    ['iban de89 3704 0044 0532 0130 00', 'iban', 'de89 3704 0044 0532 0130 00'],
    ['IBAN: DE 89 3704 0044 0532 0130 00', 'iban', 'DE 89 3704 0044 0532 0130 00'],
    [
      'IBAN DE89\u00A03704\u00A00044\u00A00532\u00A00130\u00A000',
      'iban',
      'DE89\u00A03704\u00A00044\u00A00532\u00A00130\u00A000',
    ],
    ['BIC: COBADEFFXXX', 'bic', 'COBADEFFXXX'],
    ['BIC WELADED1KLE.', 'bic', 'WELADED1KLE'],
    ['bic: colsde33', 'bic', 'colsde33'],
    ['Kontonummer 532013000, BLZ 370 400 44', 'account', '532013000'],
    ['Kontonummer 532013000, BLZ 370 400 44', 'account', '370 400 44'],
    ['Kto.-Nr. 1234567 bei der Sparkasse', 'account', '1234567'],
    ['Bankleitzahl: 37040044', 'account', '37040044'],
  ];
  for (const [text, kind, value] of cases) it(`${kind}: ${value}`, () => has(text, kind, value));

  it('leaves bank words without numbers alone', () => {
    assert.deepEqual(kindsOf('BIC: bei der Bank nachfragen. Mein Konto bei der Sparkasse.'), []);
  });
});

describe('detectPersonalData: third persons named in the text', () => {
  const cases: [string, string][] = [
    ['Meine Tochter Lena hat Angst.', 'Lena'],
    ['Unser Sohn Jonas Weber geht hier zur Schule.', 'Jonas Weber'],
    ['Auch im Namen meines Bruders Tim Özdemir.', 'Tim Özdemir'],
    ['Unser Nachbar Klaus Becker sieht das auch so.', 'Klaus Becker'],
    ['unsere Kinder Lea und Tim spielen dort.', 'Lea und Tim'],
    ['Kontoinhaber Hans-Werner Fröhling', 'Hans-Werner Fröhling'],
    ['Der Landwirt Bernd Hölscher bewirtschaftet die Fläche.', 'Bernd Hölscher'],
    [
      'Unterzeichnet haben unter anderem Hubertus Kreuzkümmel und Anneliese Rabenschwarz.',
      'Hubertus Kreuzkümmel und Anneliese Rabenschwarz',
    ],
    ['Unterzeichner: Jana Kowalski, Peter Brandt', 'Jana Kowalski'],
    ['Unterzeichner: Jana Kowalski, Peter Brandt', 'Peter Brandt'],
    ['Gemeinsam mit Jonas Weber erhebe ich Einwendung.', 'Jonas Weber'],
  ];
  for (const [text, value] of cases) it(value, () => has(text, 'name', value));

  it('leaves signing without names alone', () => {
    const found = kindsOf('Unterzeichnet haben 240 Anwohner. Zusammen mit der Gemeinde Lichtenau.');
    assert.deepEqual(
      found.filter(([k]) => k === 'name'),
      [],
    );
  });

  it('takes a signature without a closing formula', () => {
    has('Der Abstand ist zu gering.\n\nViele Grße\n\nRalf Böhmer', 'name', 'Ralf Böhmer');
  });
});

describe('detectPersonalData: hostile and edge input', () => {
  it('finds nothing in a text without personal data, and leaves it unchanged', () => {
    const text =
      'Die Anlagen sind zu hoch. Der Schattenwurf übersteigt 30 Stunden im Jahr. Gemäß § 5 BImSchG ist das unzulässig.';
    assert.deepEqual(detectPersonalData(text), []);
    assert.equal(applyRedaction(text, []), text);
    assert.deepEqual(detectPersonalData(''), []);
  });

  it('finds data at the very start and the very end of the text', () => {
    assert.deepEqual(kindsOf('KLE-AB 123'), [['plate', 'KLE-AB 123']]);
    assert.deepEqual(kindsOf('DE89 3704 0044 0532 0130 00'), [
      ['iban', 'DE89 3704 0044 0532 0130 00'],
    ]);
    const text = 'geb. 12.03.1956 – und am Ende: BIC COBADEFFXXX';
    const spans = detectPersonalData(text);
    assert.equal(spans.at(-1)!.end, text.length);
  });

  it('finds data at both ends of a very long text in linear time', () => {
    const filler = 'Die Anlage ist zu laut und zu hoch. '.repeat(6000);
    const text = `Meine Tochter Lena hat Asthma. ${filler}Mein Wagen KLE-AB 123, IBAN de89 3704 0044 0532 0130 00`;
    const before = process.cpuUsage();
    const found = kindsOf(text);
    const used = process.cpuUsage(before);
    assert.ok((used.user + used.system) / 1000 < 5000);
    for (const [kind, value] of [
      ['name', 'Lena'],
      ['health', 'Asthma'],
      ['plate', 'KLE-AB 123'],
      ['iban', 'de89 3704 0044 0532 0130 00'],
    ] as const) {
      assert.ok(
        found.some(([k, v]) => k === kind && v === value),
        value,
      );
    }
  });

  it('merges overlapping spans of different kinds into one, leaving nothing visible', () => {
    // The known name and the relative overlap; a postcode overlaps the known address.
    const text = 'Meine Frau Anna Müller, geb. 1.2.1960, hat Asthma. Wohnhaft 47533 Kleve.';
    const spans = detectPersonalData(text, { name: 'Anna Müller', address: '47533 Kleve' });
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i - 1]!.end <= spans[i]!.start);
    const redacted = applyRedaction(text, spans);
    for (const value of ['Anna', 'Müller', '1.2.1960', 'Asthma', 'Kleve']) {
      assert.ok(!redacted.includes(value), `${value} in ${redacted}`);
    }
    assert.ok(redacted.includes('[geschwärzt: Gesundheitsdaten]'));
    assert.ok(redacted.includes('[geschwärzt: Geburtsdatum]'));
  });

  it('survives pathological repetitions of the new patterns', () => {
    const size = 200_000;
    const repeat = (unit: string): string =>
      unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    for (const unit of [
      'Multiple ',
      'geb. ',
      'KLE-AB ',
      'BIC ',
      'Konto 1 ',
      'meine Tochter ',
      'de89 ',
      'Ich habe chronische ',
    ]) {
      const before = process.cpuUsage();
      detectPersonalData(repeat(unit));
      const used = process.cpuUsage(before);
      const ms = (used.user + used.system) / 1000;
      assert.ok(ms < 10_000, `${unit}: ${ms.toFixed(0)} ms`);
    }
  });

  it('labels every kind and marks the special categories as always redacted', () => {
    for (const kind of ALWAYS_REDACTED_KINDS) assert.ok(KIND_LABELS[kind]);
    assert.ok(ALWAYS_REDACTED_KINDS.includes('health'));
    assert.ok(ALWAYS_REDACTED_KINDS.includes('special'));
    // Kind names travel in form values ("start:end:kind"), which accept lower-case letters only.
    for (const kind of Object.keys(KIND_LABELS)) assert.match(kind, /^[a-z]+$/);
  });
});
