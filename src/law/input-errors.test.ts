import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addWorkingDays,
  computeDeadline,
  DeadlineInputError,
  extendDeadline,
  parseDuration,
  parseIsoDate,
} from './index.ts';
import type { DeadlineInputError as ErrorType, DeadlineRule, ParsedDuration } from './index.ts';

/** Runs fn and checks that it fails with a German DeadlineInputError for `field`. */
function expectInputError(fn: () => unknown, field: ErrorType['field'], message: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof DeadlineInputError, `unexpected ${String(error)}`);
    assert.equal(error.field, field);
    assert.equal(error.name, 'DeadlineInputError');
    assert.match(error.message, message);
    return true;
  });
}

const rule: DeadlineRule = { counting: 'event' };

describe('bad start dates', () => {
  const cases: [string, RegExp][] = [
    [
      '2026-02-30',
      /^Der Fristbeginn „2026-02-30“ ist kein gültiges Datum \(Format JJJJ-MM-TT\)\.$/,
    ],
    ['2025-02-29', /kein gültiges Datum/],
    ['2026-13-01', /kein gültiges Datum/],
    ['09.03.2026', /kein gültiges Datum/],
    ['2026-3-9', /kein gültiges Datum/],
    ['2026-03-09T10:00', /kein gültiges Datum/],
    ['', /^Der Fristbeginn fehlt/],
    ['1899-12-31', /außerhalb des unterstützten Zeitraums \(Jahre 1900 bis 2200\)/],
    ['2201-01-01', /außerhalb des unterstützten Zeitraums/],
  ];
  for (const [start, message] of cases) {
    it(`rejects „${start}“`, () => {
      expectInputError(() => computeDeadline({ start, duration: 'P1M', rule }), 'start', message);
    });
  }

  it('accepts the limits and leap days', () => {
    assert.equal(parseIsoDate('1900-01-01', 'start'), '1900-01-01');
    assert.equal(parseIsoDate('2200-12-31', 'start'), '2200-12-31');
    assert.equal(parseIsoDate('2024-02-29', 'start'), '2024-02-29');
    expectInputError(() => parseIsoDate('1900-02-29', 'start'), 'start', /kein gültiges Datum/);
  });

  it('names the previous end for extensions and the start for working days', () => {
    expectInputError(
      () => extendDeadline({ previousEnd: '2026-04-31', duration: 'P1M' }),
      'previousEnd',
      /^Das bisherige Fristende „2026-04-31“/,
    );
    expectInputError(
      () => addWorkingDays({ start: 'morgen', days: 3 }),
      'start',
      /^Der Fristbeginn „morgen“/,
    );
  });
});

describe('bad durations', () => {
  const cases: [string, RegExp][] = [
    ['', /^Die Fristdauer fehlt/],
    ['P', /keine gültige Dauer/],
    ['-P1M', /darf nicht negativ sein/],
    ['P-1M', /darf nicht negativ sein/],
    ['P0D', /ist null/],
    ['P0Y0M', /ist null/],
    ['PT24H', /Stunden oder Minuten; Fristen nach Stunden \(§ 31 Abs\. 6 VwVfG NRW\)/],
    ['P1DT2H', /Stunden/],
    ['1 Monat', /keine gültige Dauer/],
    ['P1M1Y', /keine gültige Dauer/],
    ['P0.3Y', /unzulässigen Jahresbruchteil/],
    ['P0.5Y1M', /unzulässigen Jahresbruchteil/],
    ['P1.25M', /unzulässigen Monatsbruchteil/],
    ['P1.5M2D', /unzulässigen Monatsbruchteil/],
    ['P1.5W', /Wochen nur als ganze Zahl/],
    ['P0.5D', /Tage nur als ganze Zahl/],
    ['P101Y', /zu lang; unterstützt werden Fristen bis 100 Jahre/],
    ['P99999999999999999999D', /zu lang/],
    ['__proto__', /keine gültige Dauer/],
  ];
  for (const [duration, message] of cases) {
    it(`rejects „${duration}“`, () => {
      expectInputError(() => parseDuration(duration), 'duration', message);
      expectInputError(
        () => computeDeadline({ start: '2026-03-09', duration, rule }),
        'duration',
        message,
      );
    });
  }

  it('rejects broken duration objects', () => {
    const broken = { years: -1, months: 0, weeks: 0, days: 0, halfMonth: false, label: 'x' };
    expectInputError(
      () => computeDeadline({ start: '2026-03-09', duration: broken, rule }),
      'duration',
      /ganze Zahlen ab 0/,
    );
    const zero: ParsedDuration = {
      years: 0,
      months: 0,
      weeks: 0,
      days: 0,
      halfMonth: false,
      label: '',
    };
    expectInputError(
      () => computeDeadline({ start: '2026-03-09', duration: zero, rule }),
      'duration',
      /ist null/,
    );
    const notString = 42 as unknown as string;
    expectInputError(() => parseDuration(notString), 'duration', /fehlt/);
  });
});

describe('bad counting and working-day counts', () => {
  it('rejects an unknown or missing counting', () => {
    const unknown = { counting: 'weekly' } as unknown as DeadlineRule;
    expectInputError(
      () => computeDeadline({ start: '2026-03-09', duration: 'P1M', rule: unknown }),
      'counting',
      /^Die Zählweise „weekly“ ist unbekannt\. Zulässig sind „event“/,
    );
    const missing = {} as unknown as DeadlineRule;
    expectInputError(
      () => computeDeadline({ start: '2026-03-09', duration: 'P1M', rule: missing }),
      'counting',
      /^Die Zählweise fehlt/,
    );
  });

  it('rejects working-day counts that are no positive whole number', () => {
    for (const days of [0, -3, 2.5, Number.NaN, 10001]) {
      expectInputError(
        () => addWorkingDays({ start: '2026-03-09', days }),
        'days',
        /^Die Anzahl der Arbeitstage .* muss eine ganze Zahl zwischen 1 und 10000 sein\.$/,
      );
    }
  });
});
