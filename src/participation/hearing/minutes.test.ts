import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pdfText } from '../notice/pdf-text.testkit.ts';
import { renderMinutesPdf, type MinutesInput } from './minutes.pdf.ts';
import { minutesScrubber } from './scrub.ts';

const now = new Date('2027-03-10T09:00:00Z');
const input: MinutesInput = {
  authorityName: 'Kreis Paderborn',
  authorityContact: ['Aldegreverstraße 10–14, 33102 Paderborn'],
  reference: '63.2-0815/26',
  issuedOn: '2027-03-10',
  format: 'in-person',
  date: '2027-03-09',
  place: 'Kreishaus, Saal 1',
  chair: 'Dr. Hanna Leitner',
  subject: ['Antrag der Windpark Sintfeld GmbH: 5 Windenergieanlagen'],
  attendance: [
    { heading: 'Für die Antragstellerin', entries: ['Dr. Rita Vertreterin'] },
    { heading: 'Einwendende (nach Aktenzeichen der Einwendung)', entries: ['EW-2026-0000001'] },
  ],
  publicCount: 12,
  summary: 'Erörtert wurden Lärm und Artenschutz.',
  items: [
    {
      title: 'Lärm',
      concern: '2 Einwendungen',
      minutes: 'Schallprognose erläutert.',
      comments: [],
    },
    { title: 'Verfahrensfragen', concern: null, minutes: '', comments: [] },
  ],
};

describe('minutes of the hearing (§ 19 9. BImSchV)', () => {
  it('names place and day, chair, subject, attendance and each agenda item', async () => {
    const text = pdfText(await renderMinutesPdf(input, now, { compress: false }));
    assert.ok(text.includes('Niederschrift über den Erörterungstermin'));
    assert.ok(text.includes('Kreis Paderborn'));
    assert.ok(text.includes('Aktenzeichen: 63.2-0815/26'));
    assert.ok(text.includes('Dienstag, 9. März 2027, Kreishaus, Saal 1'));
    assert.ok(text.includes('Verhandlungsleitung Dr. Hanna Leitner'));
    assert.ok(text.includes('EW-2026-0000001'));
    assert.ok(text.includes('Weitere Personen aus der Öffentlichkeit: 12'));
    assert.ok(text.includes('TOP 1: Lärm'));
    assert.ok(text.includes('TOP 2: Verfahrensfragen Keine Niederschrift zu diesem Punkt.'));
    assert.ok(text.includes('§ 19 Abs. 2 9. BImSchV'));
  });

  it('online: the written period and the comments per item', async () => {
    const text = pdfText(
      await renderMinutesPdf(
        {
          ...input,
          format: 'online',
          place: null,
          items: [
            {
              title: 'Lärm',
              concern: null,
              minutes: 'Zusage.',
              comments: [
                {
                  author: 'Einwendung EW-2026-0000001',
                  receivedOn: '2027-03-05',
                  body: 'Zu laut.',
                },
              ],
            },
          ],
        },
        now,
        { compress: false },
      ),
    );
    assert.ok(text.includes('Niederschrift über die Online-Konsultation'));
    assert.ok(
      text.includes('schriftlicher Äußerungsfrist bis einschließlich Dienstag, 9. März 2027'),
    );
    assert.ok(text.includes('Einwendung EW-2026-0000001, Freitag, 5. März 2027: Zu laut.'));
  });
});

describe('minutesScrubber', () => {
  const { scrub, sweep } = minutesScrubber([
    { name: 'Agathe Quellenbergerin', address: 'Zwiebelgasse 17, 33104 Paderborn', email: null },
    { name: null, address: null, email: 'x@example.org' },
  ]);

  it('removes protected names and addresses wherever they occur, case-insensitive', () => {
    const out = sweep('Frau agathe quellenbergerin (Zwiebelgasse 17, 33104 Paderborn) fragte.');
    assert.equal(out, 'Frau [geschwärzt] ([geschwärzt]) fragte.');
  });

  it('free text also loses e-mails and phone numbers', () => {
    const out = scrub('Kontakt: x@example.org oder post@nachbar.example, Tel. 0171 2345678.');
    assert.ok(!out.includes('x@example.org'));
    assert.ok(!out.includes('post@nachbar.example'));
    assert.ok(!out.includes('2345678'));
  });

  it('leaves names of representatives alone in the sweep', () => {
    assert.equal(sweep('Dr. Rita Vertreterin'), 'Dr. Rita Vertreterin');
  });
});
