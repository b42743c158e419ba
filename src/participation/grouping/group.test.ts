import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REAL_TEXTS } from './grouping.fixtures.ts';
import { groupNearDuplicates, minhashSignature, normalizeText, shingles } from './index.ts';
import { estimatedJaccard, jaccard } from './index.ts';

const template = REAL_TEXTS[0]!;
const letter = (greeting: string, body: string, name: string): string =>
  `${greeting}\n\n${body}\n\nMit freundlichen Grüßen\n${name}\nHauptstraße 5\n45127 Essen`;

describe('normalizeText', () => {
  it('folds umlauts and ß, strips punctuation, greeting and signature', () => {
    const text =
      'Sehr geehrte Damen und Herren,\nDie Straße ist GRÖSSER!!  Übel.\nMfG\nAnna Müller';
    assert.equal(normalizeText(text), 'die strasse ist groesser uebel');
  });
  it('keeps an ordinary first sentence', () => {
    assert.equal(normalizeText('Lärm stört.'), 'laerm stoert');
  });
  it('drops "Sehr geehrter Herr …", a subject line and an address header', () => {
    const text =
      'An die Bezirksregierung Münster\nDomplatz 1\n\nBetreff: Einwendung\nSehr geehrter Herr Dr. Weber,\nDer Lärm stört.';
    assert.equal(normalizeText(text), 'der laerm stoert');
    assert.equal(
      normalizeText('Sehr geehrte Damen und Herren Der Lärm stört.'),
      'der laerm stoert',
    );
  });
  it('drops the signature of a letter that arrives as one line', () => {
    assert.equal(
      normalizeText('Hallo, der Lärm stört. Mit freundlichem Gruß Olga Nowak, Lindenweg 3, Marl'),
      'der laerm stoert',
    );
    assert.equal(normalizeText('Der Lärm stört. Danke! Anna Müller'), 'der laerm stoert');
  });
  it('drops name, address and date lines after the last sentence without a closing formula', () => {
    const text = 'Der Lärm stört.\n\nJonas Becker\nAm Kanal 7\n45127 Essen\nEssen, den 3.5.2026';
    assert.equal(normalizeText(text), 'der laerm stoert');
  });
  it('keeps a list of short demands at the end that is longer than a signature block', () => {
    const text =
      'Wir fordern:\n- weniger Lärm\n- weniger Staub\n- kein Nachtverkehr\n- Tempo 30\n- Schallschutz\n- Messstellen\n- Bürgerdialog';
    assert.match(normalizeText(text), /weniger laerm .* buergerdialog$/);
  });
  it('keeps a closing formula inside the text when more than a signature follows', () => {
    const inner =
      'Vielen Dank, dass Sie fragen. Mit freundlichen Grüßen an die Verwaltung möchte ich sagen, dass der Lärm an der Straße seit Jahren zunimmt und die Anwohnerinnen und Anwohner nachts nicht mehr schlafen können, weil Lastwagen bis zwei Uhr fahren.';
    assert.match(
      normalizeText(inner),
      /^vielen dank dass .* gruessen an die verwaltung .* zwei uhr fahren$/,
    );
  });
});

describe('shingles and minhash', () => {
  it('are deterministic and estimate Jaccard', () => {
    const a = shingles(template);
    const b = shingles(`${template} Ein zusätzlicher Satz mit einigen neuen Wörtern.`);
    assert.deepEqual(shingles(template), a);
    const exact = jaccard(a, 0, a.length, b, 0, b.length);
    const estimate = estimatedJaccard(minhashSignature(a), minhashSignature(b));
    assert.ok(Math.abs(exact - estimate) < 0.15, `${exact} vs ${estimate}`);
    assert.deepEqual(minhashSignature(a, 64, 7), minhashSignature(a, 64, 7));
  });
});

describe('groupNearDuplicates', () => {
  it('groups identical texts', () => {
    const result = groupNearDuplicates([
      { id: 'b', text: template },
      { id: 'a', text: template },
      { id: 'c', text: REAL_TEXTS[1]! },
    ]);
    assert.deepEqual(result.groups, [{ id: 'a', members: ['a', 'b'], representativeId: 'a' }]);
    assert.deepEqual(result.singletons, ['c']);
  });

  it('groups a form letter with small edits with its template', () => {
    const items = [
      { id: 't', text: letter('Sehr geehrte Damen und Herren,', template, 'Anna Müller') },
      { id: 'name', text: letter('Sehr geehrte Damen und Herren,', template, 'Jonas Becker') },
      { id: 'greeting', text: letter('Hallo,', template, 'Olga Nowak') },
      {
        id: 'inserted',
        text: letter('Guten Tag,', `${template} Ich fahre dort täglich zur Arbeit.`, 'P. Wagner'),
      },
      { id: 'typo', text: letter('', template.replace('grundsätzlich', 'grundsäzlich'), 'X') },
      ...REAL_TEXTS.slice(1).map((text, i) => ({ id: `other${i}`, text })),
    ];
    const result = groupNearDuplicates(items);
    assert.equal(result.groups.length, 1);
    assert.deepEqual(result.groups[0]!.members, ['greeting', 'inserted', 'name', 't', 'typo']);
    assert.deepEqual(result.singletons, ['other0', 'other1', 'other2']);
  });

  it('does not group unrelated real texts', () => {
    const result = groupNearDuplicates(REAL_TEXTS.map((text, i) => ({ id: `r${i}`, text })));
    assert.equal(result.groups.length, 0);
  });

  it('respects the threshold', () => {
    const half = template.split(' ').slice(0, 20).join(' ');
    const items = [
      { id: 'a', text: half },
      { id: 'b', text: `${half} ${REAL_TEXTS[3]!}` },
    ];
    assert.equal(groupNearDuplicates(items, { threshold: 0.8 }).groups.length, 0);
    assert.equal(groupNearDuplicates(items, { threshold: 0.3 }).groups.length, 1);
    assert.equal(
      groupNearDuplicates([items[0]!, items[0]!].map((x, i) => ({ ...x, id: `${i}` }))).groups
        .length,
      1,
    );
  });

  it('never groups empty or very short texts (fewer than 5 words)', () => {
    const result = groupNearDuplicates([
      { id: '1', text: '' },
      { id: '2', text: '' },
      { id: '3', text: 'Ich bin dagegen!' },
      { id: '4', text: 'Ich bin dagegen!' },
      { id: '5', text: '  ,,, ' },
    ]);
    assert.deepEqual(result, { groups: [], singletons: ['1', '2', '3', '4', '5'] });
  });

  it('rejects duplicate ids and bad options', () => {
    assert.throws(() =>
      groupNearDuplicates([
        { id: 'x', text: 'a' },
        { id: 'x', text: 'b' },
      ]),
    );
    assert.throws(() => groupNearDuplicates([], { bands: 64, rows: 4 }));
    assert.throws(() => groupNearDuplicates([], { threshold: 0 }));
  });
});
