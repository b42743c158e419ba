import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { dayNumberOf, isoFromDayNumber } from './calendar-date.ts';
import {
  createNrwHolidayCalendar,
  createOfficeClosedCalendar,
  defaultOfficeClosed,
  defaultOneOffHolidays,
  easterSunday,
  isWorkingDay,
  nrwHolidays,
} from './index.ts';

/** NW holidays from the independent OpenHolidays data set: date → German name. */
function loadOracle(): Map<string, string> {
  const url = new URL(
    '../../../shared/data/holidays/openholidays_de_public_2020-2030.csv',
    import.meta.url,
  );
  const [header, ...rows] = readFileSync(url, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  assert.equal(header, 'Id;Country;StartDate;EndDate;Type;RegionalScope;Tags;Name;Subdivisions');
  const oracle = new Map<string, string>();
  for (const row of rows) {
    const [, , startDate, endDate, type, , , name, subdivisions] = row.split(';');
    assert.equal(type, 'Public');
    assert.ok(!endDate || endDate === startDate, `multi-day holiday ${row}`);
    const subs = (subdivisions ?? '').split(',').map((s) => s.trim());
    if (subdivisions !== '' && !subs.includes('NW')) continue;
    const german = /^DE (.*?),EN /.exec(name ?? '')?.[1];
    oracle.set(startDate!, german ?? '');
  }
  return oracle;
}

describe('NRW holiday calendar', () => {
  it('matches the OpenHolidays oracle on every day 2020–2030, names included', () => {
    const oracle = loadOracle();
    assert.equal(oracle.size, 121);
    let checked = 0;
    for (let n = dayNumberOf('2020-01-01'); n <= dayNumberOf('2030-12-31'); n += 1) {
      const date = isoFromDayNumber(n);
      assert.equal(nrwHolidays.holidayOn(date)?.name, oracle.get(date), date);
      checked += 1;
    }
    assert.equal(checked, 4018);
  });

  it('lists the holidays of a year sorted, 11 in a normal year', () => {
    const list = nrwHolidays.holidaysInYear(2026);
    assert.equal(list.length, 11);
    assert.deepEqual(
      list.map((h) => h.date),
      list.map((h) => h.date).toSorted(),
    );
    assert.deepEqual(list[1], { date: '2026-04-03', name: 'Karfreitag' });
  });

  it('knows the one-off Reformation Day 2017 and allows other dated exceptions', () => {
    assert.equal(
      nrwHolidays.holidayOn('2017-10-31')?.name,
      'Reformationstag (500. Jahrestag der Reformation)',
    );
    assert.equal(nrwHolidays.holidayOn('2018-10-31'), undefined);
    assert.equal(nrwHolidays.holidaysInYear(2017).length, 12);
    const custom = createNrwHolidayCalendar({
      oneOff: [...defaultOneOffHolidays, { date: '2031-06-03', name: 'Sonderfeiertag' }],
    });
    assert.equal(custom.holidayOn('2031-06-03')?.name, 'Sonderfeiertag');
    assert.equal(
      custom.holidayOn('2017-10-31')?.name,
      'Reformationstag (500. Jahrestag der Reformation)',
    );
    assert.equal(createNrwHolidayCalendar({ oneOff: [] }).holidayOn('2017-10-31'), undefined);
  });

  it('has no holiday on 6 Jan, 31 Oct, Buß- und Bettag, 24 and 31 Dec', () => {
    for (const date of ['2026-01-06', '2026-10-31', '2026-11-18', '2026-12-24', '2026-12-31']) {
      assert.equal(nrwHolidays.holidayOn(date), undefined, date);
    }
    assert.equal(isWorkingDay('2026-12-24'), true);
    assert.equal(nrwHolidays.holidayOn('2026-04-05'), undefined); // Ostersonntag: a Sunday only
    assert.equal(nrwHolidays.holidayOn('2026-05-24'), undefined); // Pfingstsonntag
  });
});

describe('easterSunday', () => {
  it('matches known dates, including the extreme ones', () => {
    const known: [number, string][] = [
      [1818, '1818-03-22'],
      [1943, '1943-04-25'],
      [2000, '2000-04-23'],
      [2024, '2024-03-31'],
      [2025, '2025-04-20'],
      [2026, '2026-04-05'],
      [2038, '2038-04-25'],
      [2285, '2285-03-22'],
    ];
    for (const [year, date] of known) assert.equal(easterSunday(year), date);
  });

  it('is always a Sunday between 22 March and 25 April', () => {
    for (let year = 1900; year <= 2200; year += 1) {
      const easter = easterSunday(year);
      assert.equal(new Date(`${easter}T00:00:00Z`).getUTCDay(), 0, easter);
      assert.ok(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25', easter);
    }
  });
});

describe('office-closed calendar', () => {
  it('closes on 24 and 31 Dec by default', () => {
    assert.deepEqual(defaultOfficeClosed.closedOn('2026-12-24'), { reason: 'Heiligabend' });
    assert.deepEqual(defaultOfficeClosed.closedOn('2027-12-31'), { reason: 'Silvester' });
    assert.equal(defaultOfficeClosed.closedOn('2026-12-23'), undefined);
  });

  it('rejects impossible configured days', () => {
    assert.throws(
      () => createOfficeClosedCalendar({ annual: [{ month: 2, day: 30, reason: 'x' }] }),
      RangeError,
    );
    assert.throws(
      () => createOfficeClosedCalendar({ dates: [{ date: '2026-13-01', reason: 'x' }] }),
      RangeError,
    );
  });
});
