import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../platform/errors.ts';
import { decisionNotice, hearingNotice } from './notice-content.ts';
import type { DecisionNoticeInput, HearingNoticeInput, NoticeContent } from './notice-content.ts';

const all = (c: NoticeContent): string =>
  [c.title, c.summary, ...c.sections.flatMap((s) => [s.heading, ...s.paragraphs])].join('\n');
const citations = (c: NoticeContent): string[] => c.sections.flatMap((s) => s.citations);

const hearingBase: HearingNoticeInput = {
  authorityName: 'Kreis Borken',
  reference: '63.2-0815/26',
  projectTitle: 'Windpark Südfeld',
  noticeDate: '2027-04-01',
  held: false,
  format: null,
  date: null,
  place: null,
  commentsUntil: null,
  reason: 'Der Antragsteller hat keinen Erörterungstermin beantragt (§ 10 Abs. 6 BImSchG).',
  agenda: ['Schall', 'Schattenwurf'],
};

describe('hearing notice (§ 10 Abs. 6 BImSchG, § 12 Abs. 1 9. BImSchV)', () => {
  it('announces that no hearing is held, with the reason and no agenda', () => {
    const c = hearingNotice(hearingBase);
    assert.equal(c.kind, 'hearing');
    assert.match(c.title, /Kein Erörterungstermin/);
    assert.match(all(c), /keinen Erörterungstermin durchzuführen/);
    assert.match(all(c), /keinen Erörterungstermin beantragt/);
    assert.ok(!all(c).includes('Tagesordnung'));
    assert.ok(citations(c).includes('§ 10 Abs. 6 BImSchG'));
    assert.ok(citations(c).includes('§ 12 Abs. 1 9. BImSchV'));
  });

  it('in person: date, place, absence note and numbered agenda', () => {
    const c = hearingNotice({
      ...hearingBase,
      held: true,
      format: 'in-person',
      date: '2027-04-20',
      place: 'Kreishaus Borken, Saal 1',
    });
    const text = all(c);
    assert.match(
      text,
      /findet am Dienstag, 20\. April 2027 statt\. Ort: Kreishaus Borken, Saal 1\./,
    );
    assert.match(text, /auch dann erörtert, wenn der Antragsteller/);
    assert.match(text, /1\. Schall\n2\. Schattenwurf/);
  });

  it('online consultation: written comment period', () => {
    const c = hearingNotice({
      ...hearingBase,
      held: true,
      format: 'online',
      date: '2027-04-20',
      place: 'https://industrieland.example/konsultation/1',
      commentsUntil: '2027-04-27',
    });
    const text = all(c);
    assert.match(text, /als Online-Konsultation durchgeführt/);
    assert.match(
      text,
      /bis einschließlich Dienstag, 27\. April 2027 schriftlich oder elektronisch/,
    );
    assert.match(text, /Zugang: https:\/\/industrieland\.example\/konsultation\/1/);
  });

  it('rejects incomplete hearing data', () => {
    const isValidation = (e: unknown): boolean => e instanceof AppError && e.code === 'validation';
    assert.throws(() => hearingNotice({ ...hearingBase, held: true }), isValidation);
    assert.throws(
      () => hearingNotice({ ...hearingBase, held: true, format: 'in-person', date: '2027-04-20' }),
      isValidation,
    );
    assert.throws(
      () => hearingNotice({ ...hearingBase, held: true, format: 'online' }),
      isValidation,
    );
  });
});

const decisionBase: DecisionNoticeInput = {
  authorityName: 'Kreis Borken',
  reference: '63.2-0815/26',
  applicantName: 'Windpark Südfeld GmbH & Co. KG',
  projectTitle: 'Windpark Südfeld',
  site: 'Gemeinde Heiden',
  noticeDate: '2027-08-02',
  decidedOn: '2027-07-26',
  outcome: 'granted',
  operativePart: 'Die Genehmigung wird erteilt.\n\nDie Kosten trägt die Antragstellerin.',
  conditionsSummary: ['Nächtliche Abschaltung bei Fledermausaktivität', 'Schallmessung'],
  remedies: 'Gegen diesen Bescheid kann Klage beim Oberverwaltungsgericht erhoben werden.',
  displayStart: '2027-08-03',
  displayEnd: '2027-08-16',
  displayUrl: 'https://industrieland.example/bescheide/63-2-0815-26',
};

describe('decision notice (§ 10 Abs. 8 BImSchG)', () => {
  it('operative part, conditions and legal remedies', () => {
    const c = decisionNotice(decisionBase);
    const text = all(c);
    assert.match(c.title, /Genehmigungsbescheids/);
    assert.match(text, /am Montag, 26\. Juli 2027/);
    assert.match(text, /Die Genehmigung wird erteilt\.\nDie Kosten trägt die Antragstellerin\./);
    assert.match(text, /– Nächtliche Abschaltung bei Fledermausaktivität/);
    assert.match(text, /Klage beim Oberverwaltungsgericht/);
    assert.ok(citations(c).includes('§ 10 Abs. 8 S. 2 BImSchG'));
  });

  it('full decision displayed for two weeks at the URL', () => {
    const text = all(decisionNotice(decisionBase));
    assert.match(
      text,
      /vom Dienstag, 3\. August 2027 bis einschließlich Montag, 16\. August 2027 .*https:\/\/industrieland\.example\/bescheide\/63-2-0815-26/,
    );
  });

  it('deemed delivery to objectors and to those who did not object', () => {
    const text = all(decisionNotice(decisionBase));
    assert.match(
      text,
      /Ablauf des 16\. August 2027\) gilt der Bescheid gegenüber den Personen, die Einwendungen erhoben haben, als zugestellt/,
    );
    assert.match(text, /auch gegenüber Dritten, die keine Einwendungen erhoben haben/);
  });

  it('refusal: no conditions section', () => {
    const c = decisionNotice({ ...decisionBase, outcome: 'refused' });
    assert.match(c.title, /Ablehnungsbescheids/);
    assert.match(c.summary, /abgelehnt/);
    assert.ok(!c.sections.some((s) => s.heading === 'Nebenbestimmungen'));
  });
});

describe('hearing notice: the rule and the applicant’s request (§ 10 Abs. 6 BImSchG)', () => {
  it('names the rule, the day of the request and the reasons', () => {
    const c = hearingNotice({
      ...hearingBase,
      held: true,
      format: 'in-person',
      date: '2027-04-20',
      place: 'Kreishaus Borken, Saal 1',
      reason: 'Die Antragstellerin hat den Termin beantragt.',
      rule: 'Bei Windenergieanlagen an Land findet ein Erörterungstermin nur auf Antrag statt.',
      requestedOn: '2027-03-02',
    });
    const text = all(c);
    assert.match(text, /Maßgebliche Regel: Bei Windenergieanlagen an Land/);
    assert.match(text, /am Dienstag, 2\. März 2027 einen Erörterungstermin beantragt/);
    assert.match(text, /Gründe:\nDie Antragstellerin hat den Termin beantragt\./);
  });

  it('without a request says so', () => {
    const c = hearingNotice({ ...hearingBase, rule: 'Nur auf Antrag.', requestedOn: null });
    assert.match(all(c), /hat keinen Erörterungstermin beantragt\./);
  });
});
