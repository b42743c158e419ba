import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CONCERNS, foldGerman, stemGerman, suggestConcerns } from './index.ts';

const keysOf = (text: string): string[] => suggestConcerns(text).map((s) => s.key);

describe('DEFAULT_CONCERNS', () => {
  it('has unique kebab-case keys, German labels and rich keyword lists', () => {
    assert.ok(DEFAULT_CONCERNS.length >= 16);
    assert.equal(new Set(DEFAULT_CONCERNS.map((c) => c.key)).size, DEFAULT_CONCERNS.length);
    for (const concern of DEFAULT_CONCERNS) {
      assert.match(concern.key, /^[a-z]+(?:-[a-z]+)*$/);
      assert.ok(concern.label.length > 0 && concern.description.endsWith('.'), concern.key);
      assert.ok(concern.keywords.length >= 15 && concern.keywords.length <= 40, concern.key);
      for (const k of concern.keywords) assert.equal(k, k.toLowerCase().trim(), k);
    }
  });
});

describe('German text features', () => {
  it('folds umlauts and ß, and strips inflection', () => {
    assert.equal(foldGerman('Lärmbelästigung'), 'laermbelaestigung');
    assert.equal(foldGerman('STRASSE'), 'strasse');
    assert.equal(foldGerman('Größe'), 'groesse');
    assert.equal(foldGerman('Café'), 'cafe');
    assert.equal(stemGerman('rodungen'), 'rodung');
    assert.equal(stemGerman('anlagen'), stemGerman('anlage'));
    assert.equal(stemGerman('uhus'), 'uhu');
    assert.equal(stemGerman('eis'), 'eis');
  });
});

describe('suggestConcerns', () => {
  const sentences: Record<string, string> = {
    noise:
      'Der nächtliche Lärm wird die Richtwerte der TA Lärm überschreiten, wir können nicht schlafen.',
    'shadow-flicker':
      'Der Schattenwurf der Rotorblätter erzeugt im Wohnzimmer ein ständiges Flimmern.',
    'birds-bats':
      'Im Wald brütet ein Rotmilan, dort jagen Fledermäuse; das Kollisionsrisiko ist hoch.',
    landscape: 'Die Windräder zerstören das Landschaftsbild und den freien Blick zum Horizont.',
    'oppressive-effect':
      'Die Anlagen wirken bei so geringem Abstand zu unserem Haus optisch bedrängend, wir fühlen uns umzingelt.',
    infrasound:
      'Der Infraschall und die tieffrequenten Schwingungen sind nicht hörbar, aber spürbar.',
    'ice-throw': 'Im Winter besteht auf dem Feldweg unter den Anlagen die Gefahr von Eiswurf.',
    'property-value':
      'Unser Haus wird einen erheblichen Wertverlust erleiden, der Verkehrswert sinkt.',
    procedure: 'Die Auslegung der Unterlagen war unvollständig und die Einwendungsfrist zu kurz.',
    'water-soil':
      'Das Fundament liegt im Wasserschutzgebiet, Getriebeöl kann ins Grundwasser gelangen.',
    health: 'Ich leide an Kopfschmerzen und Schlafstörungen, meine Gesundheit ist gefährdet.',
    'fire-safety': 'Bei einem Brand der Gondel kann die Feuerwehr in 160 m Höhe nicht löschen.',
    'traffic-construction':
      'Die Schwertransporte über die Zuwegung werden unsere Straße während der Bauphase beschädigen.',
    forest:
      'Für die Anlagen sollen 5 Hektar Wald gerodet werden, die Rodung zerstört den Baumbestand.',
    light: 'Die rote Befeuerung blinkt die ganze Nacht in unser Schlafzimmer.',
    support:
      'Ich befürworte das Vorhaben, es ist ein wichtiger Beitrag zur Energiewende und zum Klimaschutz.',
  };
  for (const [key, sentence] of Object.entries(sentences)) {
    it(`puts ${key} first for a typical sentence`, () => assert.equal(keysOf(sentence)[0], key));
  }

  it('covers every default concern with a test sentence', () => {
    assert.deepEqual(Object.keys(sentences).sort(), DEFAULT_CONCERNS.map((c) => c.key).sort());
  });

  it('suggests several concerns for a mixed objection, with evidence as written', () => {
    const suggestions = suggestConcerns(
      'Sehr geehrte Damen und Herren, ich erhebe Einwendungen. Die Lärmbelästigung nachts und der ' +
        'Schattenwurf auf unser Grundstück sind unzumutbar. Außerdem brütet der Schwarzstorch im ' +
        'nahen Wald, der für die Zuwegung gerodet werden soll. Unser Haus verliert an Verkehrswert.',
    );
    const keys = suggestions.map((s) => s.key);
    for (const key of ['noise', 'shadow-flicker', 'birds-bats', 'forest'])
      assert.ok(keys.includes(key), key);
    assert.ok(suggestions.length <= 5);
    const forest = suggestions.find((s) => s.key === 'forest')!;
    assert.deepEqual(forest.evidence, ['Wald', 'gerodet']);
  });

  it('finds nothing, or only procedure, in empty and unrelated texts', () => {
    assert.deepEqual(suggestConcerns(''), []);
    assert.deepEqual(suggestConcerns('   \n'), []);
    assert.ok(keysOf('Ich bitte um Zusendung der Unterlagen.').every((k) => k === 'procedure'));
    assert.deepEqual(keysOf('Das Wetter war gestern schön, wir haben Kuchen gegessen.'), []);
  });

  it('matches spellings without umlauts', () => {
    assert.equal(keysOf('Der Laerm ist unertraeglich.')[0], 'noise');
    assert.equal(
      keysOf('Die Baeume im Waelder-Gebiet werden abgeholzt, ueberall Rodungen.')[0],
      'forest',
    );
    assert.equal(
      keysOf('Oeffentlichkeitsbeteiligung fand nicht statt, die Frist war zu kurz.')[0],
      'procedure',
    );
  });

  it('matches keywords inside compounds', () => {
    const cases: [string, string][] = [
      ['Schattenwurfabschaltung', 'shadow-flicker'],
      ['Rotmilanhorst', 'birds-bats'],
      ['Fledermausschlag', 'birds-bats'],
      ['Lärmbelästigung', 'noise'],
      ['Nachtlärm', 'noise'],
      ['Grundwasserleiter', 'water-soil'],
    ];
    for (const [word, key] of cases) assert.equal(keysOf(`Es geht um ${word}.`)[0], key, word);
  });

  it('does not match keywords hidden in unrelated words', () => {
    for (const text of [
      'Das ist kurzfristig möglich.',
      'In einigen Bereichen ist es Pflicht.',
      'Ich betone das.',
    ]) {
      assert.deepEqual(keysOf(text), [], text);
    }
  });

  it('honours minScore and max, and accepts a custom catalogue', () => {
    const text = 'Lärm, Schattenwurf, Rotmilan, Eiswurf, Infraschall, Wald, Brand, Grundwasser.';
    assert.equal(suggestConcerns(text).length, 5);
    assert.equal(suggestConcerns(text, DEFAULT_CONCERNS, { max: 2 }).length, 2);
    assert.deepEqual(suggestConcerns(text, DEFAULT_CONCERNS, { minScore: 0.9 }), []);
    const custom = [
      { key: 'bees', label: 'Bienen', description: 'Bienen.', keywords: ['biene', 'honig'] },
    ];
    assert.deepEqual(suggestConcerns('Die Bienen und ihr Honig.', custom), [
      { key: 'bees', score: 0.5, evidence: ['Bienen', 'Honig'] },
    ]);
  });
});
