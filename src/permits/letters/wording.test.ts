import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDecisionLetter } from './decision.content.ts';
import { fixtureSnapshot } from './snapshot.fixtures.ts';
import { formatEuro, procedurePhrase, turbinesDative } from './wording.ts';
import type { LetterContent } from '../../procedures/letters/letter.types.ts';

function text(content: LetterContent): string {
  return content.blocks
    .map((b) =>
      b.kind === 'heading' || b.kind === 'paragraph'
        ? b.text
        : b.kind === 'list'
          ? b.items.join('\n')
          : b.kind === 'table'
            ? b.rows.map((r) => r.join(' | ')).join('\n')
            : '',
    )
    .join('\n');
}

test('the Tenor names the procedure in the dative: im vereinfachten / im förmlichen Verfahren', () => {
  const simplified = text(buildDecisionLetter(fixtureSnapshot({ typeKey: 'bimschg-simplified' })));
  assert.match(simplified, /im vereinfachten Verfahren nach § 19 BImSchG erteilt/);
  assert.doesNotMatch(simplified, /im Vereinfachtes Verfahren/i);
  const formal = text(buildDecisionLetter(fixtureSnapshot({ typeKey: 'bimschg-formal' })));
  assert.match(formal, /im förmlichen Verfahren nach § 10 BImSchG erteilt/);
  assert.doesNotMatch(formal, /im Förmliches Verfahren/i);
  assert.equal(
    procedurePhrase('bimschg-simplified'),
    'im vereinfachten Verfahren nach § 19 BImSchG',
  );
});

test('one turbine is singular, several are plural, numbers above twelve in digits', () => {
  assert.equal(turbinesDative(1), 'einer Windenergieanlage');
  assert.equal(turbinesDative(3), 'von drei Windenergieanlagen');
  assert.equal(turbinesDative(25), 'von 25 Windenergieanlagen');
  const one = text(buildDecisionLetter(fixtureSnapshot({ turbines: 1 })));
  assert.match(one, /zum Betrieb einer Windenergieanlage am Standort/);
  assert.match(one, /die Windenergieanlage länger als drei Jahre nicht betrieben wird/);
  const many = text(buildDecisionLetter(fixtureSnapshot({ turbines: 3 })));
  assert.match(many, /zum Betrieb von drei Windenergieanlagen am Standort/);
  assert.match(many, /die Windenergieanlagen länger als drei Jahre nicht betrieben werden/);
});

test('money is printed from integer cents with German separators', () => {
  assert.equal(formatEuro(9_250_000), '92.500,00 €');
  assert.equal(formatEuro(5), '0,05 €');
});

test('the decision groups adopted conditions by category and leaves out proposals and rejections', () => {
  const snapshot = fixtureSnapshot({ conditions: 0 });
  const content = buildDecisionLetter({
    ...snapshot,
    conditions: [
      {
        category: 'Schallschutz',
        text: 'Nachts schallreduziert.',
        source: 'catalogue',
        status: 'adopted',
        agencyName: null,
        reason: null,
      },
      {
        category: 'Luftfahrt',
        text: 'Tages- und Nachtkennzeichnung.',
        source: 'agency',
        status: 'adopted',
        agencyName: 'Bezirksregierung Münster',
        reason: null,
      },
      {
        category: 'Luftfahrt',
        text: 'Abgelehnter Vorschlag XY.',
        source: 'agency',
        status: 'rejected',
        agencyName: 'Bezirksregierung Münster',
        reason: 'Bereits durch 2.1 geregelt.',
      },
      {
        category: 'Schallschutz',
        text: 'Offener Vorschlag QZ.',
        source: 'case-worker',
        status: 'proposed',
        agencyName: null,
        reason: null,
      },
    ],
  });
  const all = text(content);
  assert.match(all, /1\. Schallschutz\n1\.1 {2}Nachts schallreduziert\./);
  assert.match(all, /2\. Luftfahrt\n2\.1 {2}Tages- und Nachtkennzeichnung\./);
  assert.doesNotMatch(all, /Abgelehnter Vorschlag XY/);
  assert.doesNotMatch(all, /Offener Vorschlag QZ/);
  assert.match(
    all,
    /Bezirksregierung Münster \(Luftfahrt\), nicht übernommen\. Begründung: Bereits durch 2\.1 geregelt\./,
  );
});

test('trade-secret documents are listed by type and date, never by file name', () => {
  const all = text(buildDecisionLetter(fixtureSnapshot({ documents: 4 })));
  assert.match(all, /unterlage-1\.pdf/);
  assert.doesNotMatch(all, /unterlage-4\.pdf/);
  assert.match(all, /Betriebs- und Geschäftsgeheimnis \(nicht öffentlich\)/);
});

test('the reasons state each consent: deemed given with its norm, aviation in the feminine', () => {
  const base = fixtureSnapshot({ typeKey: 'bimschg-simplified' });
  const deemed = text(buildDecisionLetter(base));
  assert.match(
    deemed,
    /Stadt Bad Wünnenberg: Stellungnahme vom .*Das gemeindliche Einvernehmen \(§ 36 Abs\. 1 BauGB\) gilt als erteilt, weil es nicht innerhalb von zwei Monaten verweigert wurde \(§ 36 Abs\. 2 Satz 2 BauGB; Frist bis 20\. Mai 2026\)\./,
  );
  const aviation = text(
    buildDecisionLetter({
      ...base,
      agencies: [
        {
          name: 'Luftverkehrsbehörde',
          status: 'no-comment',
          statement: null,
          askedOn: '2026-03-20',
          dueOn: '2026-04-20',
          answeredOn: null,
          consent: { kind: 'aviation', status: 'deemed-given', dueOn: '2026-05-20' },
        },
      ],
    }),
  );
  assert.match(
    aviation,
    /Zustimmung der Luftfahrtbehörde \(§ 14 Abs\. 1 LuftVG\) gilt als erteilt, weil sie nicht/,
  );
  assert.match(aviation, /§ 12 Abs\. 2 Satz 2 LuftVG/);
});
