import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../platform/errors.ts';
import { applicationInput } from './notice.fixtures.ts';
import { applicationNotice } from './notice-content.ts';
import type { NoticeContent, NoticeSection } from './notice-content.ts';

const plain = applicationNotice(applicationInput());
const withEia = applicationNotice(
  applicationInput({ eiaRequired: true, objectionEnd: '2027-04-01' }),
);

function sectionOf(content: NoticeContent, heading: string): NoticeSection {
  const found = content.sections.find((s) => s.heading === heading);
  assert.ok(found, `section "${heading}" missing`);
  return found;
}
const textOf = (s: NoticeSection): string => s.paragraphs.join('\n');
const has = (s: NoticeSection, needle: string): void =>
  assert.ok(textOf(s).includes(needle), `"${s.heading}" lacks: ${needle}`);

describe('application notice: the items of § 10 Abs. 4 BImSchG and § 9 Abs. 1 9. BImSchV', () => {
  it('project: applicant, kind of decision, site, type and scale, commissioning (§ 3 9. BImSchV)', () => {
    const s = sectionOf(plain, 'Vorhaben');
    has(s, 'Antragsteller: Windpark Südfeld GmbH & Co. KG.');
    has(
      s,
      'Art der beantragten Entscheidung: Genehmigung nach § 4 BImSchG für die Errichtung und den Betrieb.',
    );
    has(s, 'Geplante Inbetriebnahme laut Antrag: Juni 2028.');
    has(s, '„Windpark Südfeld“');
    has(s, 'Standort: Gemeinde Heiden, Gemarkung Heiden, Flur 7.');
    has(s, '2 Windenergieanlagen mit einer Nennleistung von insgesamt 11.120 kW');
    has(s, 'Anlage 2: Enercon E-160 EP5, Gesamthöhe 246,5 m, Nennleistung 5.560 kW.');
    has(s, 'förmliches Verfahren nach § 10 BImSchG');
    assert.ok(s.citations.includes('§ 3 9. BImSchV'));
  });

  it('a repowering says so; without a stated commissioning the notice says that too', () => {
    const s = sectionOf(
      applicationNotice(applicationInput({ repowering: true, plannedCommissioning: null })),
      'Vorhaben',
    );
    has(s, 'Repowering, § 16b BImSchG');
    has(s, 'Eine geplante Inbetriebnahme nennt der Antrag nicht.');
  });

  it('competent authority with address and reference', () => {
    const s = sectionOf(plain, 'Zuständige Behörde');
    has(s, 'Kreis Borken – Untere Immissionsschutzbehörde, Burloer Straße 93, 46325 Borken');
    has(s, '63.2-0815/26');
  });

  it('where and when: display URL, first and last day of the display (Abs. 4 Nr. 1)', () => {
    const s = sectionOf(plain, 'Veröffentlichung des Antrags und der Unterlagen');
    has(s, 'vom Montag, 1. Februar 2027 bis einschließlich Montag, 1. März 2027');
    has(s, 'https://industrieland.example/bekanntmachungen/63-2-0815-26');
    assert.ok(s.citations.includes('§ 10 Abs. 4 Nr. 1 BImSchG'));
  });

  it('easy alternative access on request (§ 10 Abs. 3 S. 3 BImSchG)', () => {
    const s = sectionOf(plain, 'Veröffentlichung des Antrags und der Unterlagen');
    has(s, 'Telefon 02861 681-0 oder nach Vereinbarung im Kreishaus Borken');
    assert.ok(s.citations.includes('§ 10 Abs. 3 S. 3 BImSchG'));
  });

  it('trade-secret documents only as neutral summary (§ 10 Abs. 2 BImSchG)', () => {
    const s = sectionOf(plain, 'Veröffentlichung des Antrags und der Unterlagen');
    has(s, '– Herstellerangaben zur Anlagensteuerung (nur neutrale Zusammenfassung');
    has(s, '– Schallimmissionsprognose\n');
  });

  it('objections in writing or electronically, where, and the first and last day', () => {
    const s = sectionOf(plain, 'Einwendungen');
    has(s, 'schriftlich oder elektronisch bei der Genehmigungsbehörde');
    has(s, 'https://industrieland.example/einwendungen/63-2-0815-26/neu');
    has(s, 'per Post an Kreis Borken – Untere Immissionsschutzbehörde, Burloer Straße 93');
    has(s, 'beginnt am Montag, 1. Februar 2027 und endet am Montag, 15. März 2027');
    assert.ok(s.citations.includes('§ 10 Abs. 4 Nr. 2 BImSchG'));
    assert.ok(s.citations.includes('§ 9 Abs. 1 9. BImSchV'));
    // Where to hand in objections in person and by e-mail, from the authority's master data.
    has(s, 'Persönlich: Abgabe oder Erklärung zur Niederschrift bei Kreis Borken');
    has(s, 'Öffnungszeiten: Mo–Do 8:30–15:30 Uhr; Fr 8:30–12:00 Uhr');
    has(s, 'per E-Mail an immissionsschutz@kreis-borken.example');
  });

  it('objection period: two weeks, one month for EIA projects (§ 10 Abs. 3 S. 8 BImSchG)', () => {
    has(sectionOf(plain, 'Einwendungen'), 'zwei Wochen nach Ablauf');
    const eia = sectionOf(withEia, 'Einwendungen');
    has(eia, 'endet am Donnerstag, 1. April 2027');
    has(eia, 'einen Monat nach Ablauf');
  });

  it('formal preclusion and private-law claims (§ 10 Abs. 3 S. 9 and 10 BImSchG)', () => {
    const s = sectionOf(plain, 'Rechtsfolgen verspäteter Einwendungen');
    has(s, 'für das Genehmigungsverfahren alle Einwendungen ausgeschlossen');
    has(s, 'Rechtsweg vor den ordentlichen Gerichten');
    assert.ok(s.citations.includes('§ 10 Abs. 3 S. 9 BImSchG'));
    assert.ok(s.citations.includes('§ 10 Abs. 3 S. 10 BImSchG'));
  });

  it('hearing note: discretion, online consultation, onshore wind, absence (Abs. 4 Nr. 3, Abs. 6)', () => {
    const s = sectionOf(plain, 'Erörterungstermin');
    has(s, 'Ein Erörterungstermin ist derzeit nicht bestimmt.');
    has(s, 'nach pflichtgemäßem Ermessen');
    has(s, 'Online-Konsultation');
    has(s, 'Bei Windenergieanlagen an Land soll ein Erörterungstermin nicht stattfinden');
    has(
      s,
      'auch dann erörtert, wenn der Antragsteller oder Personen, die Einwendungen erhoben haben, ausbleiben',
    );
    assert.ok(s.citations.includes('§ 10 Abs. 6 BImSchG'));
  });

  it('hearing note names a planned date and place', () => {
    const hearing = {
      date: '2027-04-20',
      place: 'Kreishaus Borken, Saal 1',
      note: 'Beginn 10 Uhr.',
    };
    const s = sectionOf(applicationNotice(applicationInput({ hearing })), 'Erörterungstermin');
    has(s, 'ist der Dienstag, 20. April 2027 bestimmt; Ort: Kreishaus Borken, Saal 1.');
    has(s, 'Beginn 10 Uhr.');
  });

  it('delivery of the decision by public notice (§ 10 Abs. 4 Nr. 4, Abs. 8 BImSchG)', () => {
    const s = sectionOf(plain, 'Zustellung der Entscheidung');
    has(s, 'durch öffentliche Bekanntmachung ersetzt werden');
  });

  it('objections passed on; name and address blacked out on request (§ 12 Abs. 2 9. BImSchV)', () => {
    const s = sectionOf(plain, 'Weitergabe der Einwendungen');
    has(s, 'dem Antragsteller und den Behörden, deren Aufgabenbereich');
    has(s, 'Name und ihre Anschrift vor der Weitergabe unkenntlich gemacht');
    assert.ok(s.citations.includes('§ 12 Abs. 2 9. BImSchV'));
  });

  it('EIA carried out and UVP-Bericht displayed (§ 9 Abs. 1a 9. BImSchV, § 19 UVPG)', () => {
    const s = sectionOf(withEia, 'Umweltverträglichkeitsprüfung');
    has(s, 'wird eine Umweltverträglichkeitsprüfung');
    has(s, '(UVP-Bericht) ist Teil der veröffentlichten Unterlagen');
    assert.ok(s.citations.includes('§ 19 Abs. 1 UVPG'));
  });

  it('no EIA: says so and does not mention a UVP-Bericht', () => {
    const s = sectionOf(plain, 'Umweltverträglichkeitsprüfung');
    has(s, 'keine Umweltverträglichkeitsprüfung');
    assert.ok(!textOf(s).includes('UVP-Bericht'));
  });

  it('identity rule: required or optional', () => {
    has(sectionOf(plain, 'Angaben zur Person'), 'müssen den Namen und die vollständige Anschrift');
    const optional = applicationNotice(applicationInput({ identityRequired: false }));
    has(sectionOf(optional, 'Angaben zur Person'), 'ist freiwillig');
  });

  it('explains the computed periods under "So wurden die Fristen berechnet"', () => {
    const s = sectionOf(plain, 'So wurden die Fristen berechnet');
    assert.deepEqual(s.paragraphs, [
      applicationInput().displayRationale,
      applicationInput().objectionRationale,
    ]);
  });

  it('every section cites its legal basis', () => {
    for (const s of [...plain.sections, ...withEia.sections]) {
      assert.ok(s.citations.length > 0, `${s.heading} has no citation`);
    }
  });

  it('rejects an application without turbines', () => {
    assert.throws(
      () => applicationNotice(applicationInput({ turbines: [] })),
      (e: unknown) => e instanceof AppError && e.code === 'validation',
    );
  });
});
