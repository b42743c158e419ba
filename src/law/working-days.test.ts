import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayNumberOf, isoFromDayNumber, isoWeekday } from './calendar-date.ts';
import {
  addWorkingDays,
  createOfficeClosedCalendar,
  formatGermanDate,
  formatGermanDateShort,
  isWorkingDay,
} from './index.ts';

describe('calendar arithmetic', () => {
  it('agrees with Date.UTC for every day 1900–2300', () => {
    for (let n = dayNumberOf('1900-01-01'); n <= dayNumberOf('2300-12-31'); n += 1) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      assert.equal(isoFromDayNumber(n), iso);
      assert.equal(dayNumberOf(iso), n);
      assert.equal(isoWeekday(iso) % 7, new Date(n * 86_400_000).getUTCDay());
    }
  });
});

describe('German date formats', () => {
  it('writes the long and the short form', () => {
    assert.equal(formatGermanDate('2026-04-08'), 'Mittwoch, 8. April 2026');
    assert.equal(formatGermanDate('2026-03-09', { weekday: false }), '9. März 2026');
    assert.equal(formatGermanDateShort('2026-04-08'), '08.04.2026');
  });
});

describe('working days', () => {
  it('knows weekends and holidays', () => {
    assert.equal(isWorkingDay('2026-04-07'), true);
    assert.equal(isWorkingDay('2026-04-06'), false);
    assert.equal(isWorkingDay('2026-04-04'), false);
    assert.equal(isWorkingDay('2026-06-04'), false); // Fronleichnam
  });

  it('counts 10 working days over Easter, the start not counted', () => {
    const r = addWorkingDays({ start: '2026-03-30', days: 10 });
    assert.equal(r.end, '2026-04-15');
    assert.deepEqual(
      r.skipped.map((d) => d.reason),
      ['Karfreitag', 'Samstag', 'Sonntag', 'Ostermontag', 'Samstag', 'Sonntag'],
    );
    assert.deepEqual(r.citations, ['§ 2 FeiertagsG NW']);
    assert.match(r.rationale, /Der 10\. Arbeitstag ist Mittwoch, 15\. April 2026\./);
  });

  it('skips office-closed days only when asked', () => {
    assert.equal(addWorkingDays({ start: '2026-12-23', days: 1 }).end, '2026-12-24');
    const r = addWorkingDays({ start: '2026-12-23', days: 1, skipOfficeClosed: true });
    assert.equal(r.end, '2026-12-28');
    assert.deepEqual(r.skipped[0], { date: '2026-12-24', reason: 'Heiligabend' });
    const officeClosed = createOfficeClosedCalendar({
      dates: [{ date: '2026-03-10', reason: 'Umzug' }],
    });
    assert.equal(
      addWorkingDays({ start: '2026-03-09', days: 1, officeClosed, skipOfficeClosed: true }).end,
      '2026-03-11',
    );
  });
});
