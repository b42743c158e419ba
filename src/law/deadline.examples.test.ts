import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeDeadline, createOfficeClosedCalendar, extendDeadline } from './index.ts';
import type { DeadlineRule } from './index.ts';

const event: DeadlineRule = { counting: 'event' };
const dayStart: DeadlineRule = { counting: 'day-start' };

describe('worked examples of docs/law/deadlines.md (calendar 2026)', () => {
  it('display 1 month, day-start Mon 09.03.2026 → Wed 08.04.2026', () => {
    const r = computeDeadline({ start: '2026-03-09', duration: 'P1M', rule: dayStart });
    assert.equal(r.firstDay, '2026-03-09');
    assert.equal(r.rawEnd, '2026-04-08');
    assert.equal(r.end, '2026-04-08');
    assert.equal(r.shifted, false);
    assert.deepEqual(r.skipped, []);
    assert.deepEqual(r.citations, [
      '§ 31 Abs. 1 VwVfG NRW',
      '§ 187 Abs. 2 BGB',
      '§ 188 Abs. 2 BGB',
      '§ 31 Abs. 3 VwVfG NRW',
    ]);
    assert.match(
      r.rationale,
      /beginnt am Montag, 9\. März 2026 \(Fristbeginn mit Beginn eines Tages/,
    );
    assert.match(
      r.rationale,
      /Ergebnis: Die Frist endet am Mittwoch, 8\. April 2026, um 24:00 Uhr\./,
    );
  });

  it('objections 2 weeks after the end of the display (event 08.04.2026) → Wed 22.04.2026', () => {
    const r = computeDeadline({ start: '2026-04-08', duration: 'P2W', rule: event });
    assert.equal(r.firstDay, '2026-04-09');
    assert.equal(r.end, '2026-04-22');
    assert.equal(r.duration.label, '2 Wochen');
    assert.match(
      r.rationale,
      /Die Frist von 2 Wochen beginnt am Donnerstag, 9\. April 2026 \(Ereignisfrist/,
    );
  });

  it('objections 1 month after the display (event 08.04.2026) → Fri 08.05.2026', () => {
    const r = computeDeadline({ start: '2026-04-08', duration: 'P1M', rule: event });
    assert.equal(r.end, '2026-05-08');
    assert.equal(r.shifted, false);
  });

  it('period ending on Good Friday 03.04.2026 → Tue 07.04.2026, the Easter days skipped', () => {
    const r = computeDeadline({ start: '2026-03-03', duration: 'P1M', rule: event });
    assert.equal(r.rawEnd, '2026-04-03');
    assert.equal(r.end, '2026-04-07');
    assert.equal(r.shifted, true);
    assert.deepEqual(r.skipped, [
      { date: '2026-04-03', reason: 'Karfreitag' },
      { date: '2026-04-04', reason: 'Samstag' },
      { date: '2026-04-05', reason: 'Sonntag' },
      { date: '2026-04-06', reason: 'Ostermontag' },
    ]);
    assert.ok(r.citations.includes('§ 2 FeiertagsG NW'));
    // Easter Sunday is skipped as a Sunday: § 2 FeiertagsG NW does not list it.
    assert.match(r.rationale, /Karfreitag und Ostermontag sind gesetzliche Feiertage/);
    assert.match(r.rationale, /Samstag, 4\. April 2026; Sonntag, 5\. April 2026; Montag/);
    assert.match(r.rationale, /ein gesetzlicher Feiertag \(Karfreitag\)/);
    assert.match(
      r.rationale,
      /nächsten Werktags, Dienstag, 7\. April 2026 \(§ 31 Abs\. 3 VwVfG NRW\)/,
    );
  });

  it('1 month after an event on 31.01.2026 → § 188 (3) Sat 28.02.2026 → Mon 02.03.2026', () => {
    const r = computeDeadline({ start: '2026-01-31', duration: 'P1M', rule: event });
    assert.equal(r.rawEnd, '2026-02-28');
    assert.equal(r.end, '2026-03-02');
    assert.deepEqual(r.skipped, [
      { date: '2026-02-28', reason: 'Samstag' },
      { date: '2026-03-01', reason: 'Sonntag' },
    ]);
    assert.ok(r.citations.includes('§ 188 Abs. 3 BGB'));
    assert.match(r.rationale, /§ 188 Abs\. 3 BGB/);
  });
});

describe('§§ 187, 188 BGB beyond the worked examples', () => {
  it('days: event day + n, day-start start + n − 1 (§ 188 (1))', () => {
    assert.equal(
      computeDeadline({ start: '2026-03-10', duration: 'P10D', rule: event }).rawEnd,
      '2026-03-20',
    );
    assert.equal(
      computeDeadline({ start: '2026-03-10', duration: 'P10D', rule: dayStart }).rawEnd,
      '2026-03-19',
    );
  });

  it('day-start from the 1st ends on the last day of the month', () => {
    assert.equal(
      computeDeadline({ start: '2026-03-01', duration: 'P1M', rule: dayStart }).rawEnd,
      '2026-03-31',
    );
  });

  it('day-start from 31 Jan ends on the last day of February (§ 188 (3))', () => {
    const r = computeDeadline({ start: '2026-01-31', duration: 'P1M', rule: dayStart });
    assert.equal(r.rawEnd, '2026-02-28');
    assert.ok(r.citations.includes('§ 188 Abs. 3 BGB'));
    const leap = computeDeadline({ start: '2024-01-30', duration: 'P1M', rule: dayStart });
    assert.equal(leap.rawEnd, '2024-02-29');
    assert.ok(!leap.citations.includes('§ 188 Abs. 3 BGB'));
  });

  it('2 months after delivery on 30.12.2015 end on 29.02.2016 (leap year, § 188 (3))', () => {
    assert.equal(
      computeDeadline({ start: '2015-12-30', duration: 'P2M', rule: event }).end,
      '2016-02-29',
    );
  });

  it('leap day + 1 year ends on 28.02.2025; + 4 years on 29.02.2028', () => {
    const r = computeDeadline({ start: '2024-02-29', duration: 'P1Y', rule: event });
    assert.equal(r.rawEnd, '2025-02-28');
    assert.equal(r.end, '2025-02-28');
    assert.ok(r.citations.includes('§ 188 Abs. 3 BGB'));
    assert.equal(
      computeDeadline({ start: '2024-02-29', duration: 'P4Y', rule: event }).rawEnd,
      '2028-02-29',
    );
  });
});

describe('§ 189 BGB', () => {
  it('one and a half months: the 15 days are counted last (17.01.2005 → 04.03.2005)', () => {
    const r = computeDeadline({ start: '2005-01-17', duration: 'P1.5M', rule: event });
    assert.equal(r.rawEnd, '2005-03-04');
    assert.ok(r.citations.includes('§ 189 Abs. 1 BGB'));
    assert.ok(r.citations.includes('§ 189 Abs. 2 BGB'));
    assert.match(r.rationale, /Die Frist von eineinhalb Monaten/);
  });

  it('in a leap year the same period ends a day earlier, then moves past Sunday', () => {
    const r = computeDeadline({ start: '2024-01-17', duration: 'P1.5M', rule: event });
    assert.equal(r.rawEnd, '2024-03-03');
    assert.equal(r.end, '2024-03-04');
  });

  it('half a year = 6 months, quarter = 3 months, half a month = 15 days', () => {
    const half = computeDeadline({ start: '2026-01-15', duration: 'half-year', rule: event });
    assert.equal(half.rawEnd, '2026-07-15');
    assert.match(half.rationale, /Die Frist von einem halben Jahr/);
    assert.ok(half.citations.includes('§ 189 Abs. 1 BGB'));
    assert.equal(
      computeDeadline({ start: '2026-01-15', duration: 'P0.25Y', rule: event }).rawEnd,
      '2026-04-15',
    );
    const halfMonth = computeDeadline({ start: '2026-01-15', duration: 'P0.5M', rule: event });
    assert.equal(halfMonth.rawEnd, '2026-01-30');
    assert.ok(!halfMonth.citations.includes('§ 189 Abs. 2 BGB'));
  });
});

describe('§ 190 BGB extension', () => {
  it('counts the new period from the expiry of the old one', () => {
    const r = extendDeadline({ previousEnd: '2026-04-08', duration: 'P1M' });
    assert.equal(r.counting, 'event');
    assert.equal(r.firstDay, '2026-04-09');
    assert.equal(r.end, '2026-05-08');
    assert.ok(r.citations.includes('§ 190 BGB'));
    assert.match(
      r.rationale,
      /vom Ablauf der bisherigen Frist am Mittwoch, 8\. April 2026, an berechnet \(§ 190 BGB\)/,
    );
  });

  it('an extension by 1 month from 31.01.2026 uses § 188 (3) and moves past the weekend', () => {
    const r = extendDeadline({ previousEnd: '2026-01-31', duration: 'P1M' });
    assert.equal(r.end, '2026-03-02');
  });
});

describe('shift rule', () => {
  it('without the shift the end stays on Good Friday (§ 31 (4) VwVfG NRW)', () => {
    const rule: DeadlineRule = {
      counting: 'event',
      shiftPastNonWorkingDays: false,
      shiftCitation: '§ 31 Abs. 4 VwVfG NRW',
    };
    const r = computeDeadline({ start: '2026-03-03', duration: 'P1M', rule });
    assert.equal(r.end, '2026-04-03');
    assert.equal(r.shifted, false);
    assert.deepEqual(r.skipped, []);
    assert.ok(r.citations.includes('§ 31 Abs. 4 VwVfG NRW'));
    assert.ok(!r.citations.includes('§ 31 Abs. 3 VwVfG NRW'));
    assert.match(r.rationale, /Obwohl dieser Tag ein gesetzlicher Feiertag \(Karfreitag\) ist/);
  });

  it('Whitsun: Saturday, Whit Sunday (a plain Sunday) and Pfingstmontag are passed over', () => {
    const r = computeDeadline({ start: '2026-04-23', duration: 'P1M', rule: event });
    assert.deepEqual(
      r.skipped.map((d) => d.reason),
      ['Samstag', 'Sonntag', 'Pfingstmontag'],
    );
    assert.equal(r.end, '2026-05-26');
    assert.match(r.rationale, /Pfingstmontag ist ein gesetzlicher Feiertag in Nordrhein-Westfalen/);
  });

  it('a Sunday holiday is reported by its name', () => {
    const r = computeDeadline({ start: '2026-10-01', duration: 'P1M', rule: event });
    assert.equal(r.rawEnd, '2026-11-01');
    assert.deepEqual(r.skipped, [{ date: '2026-11-01', reason: 'Allerheiligen' }]);
    assert.equal(r.end, '2026-11-02');
  });
});

describe('office-closed days', () => {
  it('never move the end, but are noted', () => {
    const r = computeDeadline({ start: '2026-11-24', duration: 'P1M', rule: event });
    assert.equal(r.end, '2026-12-24');
    assert.deepEqual(r.officeClosedNotes, [{ date: '2026-12-24', reason: 'Heiligabend' }]);
    assert.match(
      r.rationale,
      /Hinweis: Die Behörde ist geschlossen am Donnerstag, 24\. Dezember 2026 \(Heiligabend\)/,
    );
  });

  it('are noted when a skipped day is one, and follow a custom calendar', () => {
    const r = computeDeadline({ start: '2022-11-24', duration: 'P1M', rule: event });
    assert.equal(r.end, '2022-12-27');
    assert.deepEqual(r.officeClosedNotes, [{ date: '2022-12-24', reason: 'Heiligabend' }]);
    const officeClosed = createOfficeClosedCalendar({
      dates: [{ date: '2026-05-08', reason: 'Betriebsausflug' }],
    });
    const custom = computeDeadline({
      start: '2026-04-08',
      duration: 'P1M',
      rule: event,
      officeClosed,
    });
    assert.equal(custom.end, '2026-05-08');
    assert.deepEqual(custom.officeClosedNotes, [{ date: '2026-05-08', reason: 'Betriebsausflug' }]);
  });
});
