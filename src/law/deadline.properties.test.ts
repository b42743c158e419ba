import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { dayNumberOf, isoFromDayNumber } from './calendar-date.ts';
import { computeDeadline, DeadlineInputError, isWorkingDay, parseDuration } from './index.ts';
import type { Counting, ParsedDuration } from './index.ts';

const runs = { numRuns: 1000 };

const isoDate = fc
  .integer({ min: dayNumberOf('1990-01-01'), max: dayNumberOf('2080-12-31') })
  .map(isoFromDayNumber);

const duration: fc.Arbitrary<ParsedDuration> = fc
  .record({
    years: fc.integer({ min: 0, max: 3 }),
    months: fc.integer({ min: 0, max: 24 }),
    weeks: fc.integer({ min: 0, max: 10 }),
    days: fc.integer({ min: 0, max: 90 }),
    halfMonth: fc.boolean(),
  })
  .filter((d) => d.years + d.months + d.weeks + d.days > 0 || d.halfMonth)
  .map((d) => ({ ...d, label: '' }));

const counting = fc.constantFrom<Counting>('event', 'day-start');

/** Builds an ISO string from the parts (a half month only as fraction of the last unit). */
function toIso(d: ParsedDuration): string {
  const parts = [
    d.years > 0 ? `${d.years}Y` : '',
    d.months > 0 || d.halfMonth ? `${d.months}${d.halfMonth ? '.5' : ''}M` : '',
    d.halfMonth ? '' : d.weeks > 0 ? `${d.weeks}W` : '',
    d.halfMonth ? '' : d.days > 0 ? `${d.days}D` : '',
  ];
  return `P${parts.join('')}`;
}

describe('deadline properties', () => {
  it('with the shift the end is never a Saturday, Sunday or holiday', () => {
    fc.assert(
      fc.property(isoDate, duration, counting, (start, d, c) => {
        const r = computeDeadline({ start, duration: d, rule: { counting: c } });
        assert.ok(isWorkingDay(r.end), `${r.end} is no working day`);
      }),
      runs,
    );
  });

  it('event counting never ends before day-start counting', () => {
    fc.assert(
      fc.property(isoDate, duration, fc.boolean(), (start, d, shift) => {
        const rule = { shiftPastNonWorkingDays: shift };
        const ev = computeDeadline({ start, duration: d, rule: { ...rule, counting: 'event' } });
        const ds = computeDeadline({
          start,
          duration: d,
          rule: { ...rule, counting: 'day-start' },
        });
        assert.ok(ev.rawEnd >= ds.rawEnd && ev.end >= ds.end);
      }),
      runs,
    );
  });

  it('a later start never gives an earlier end', () => {
    fc.assert(
      fc.property(
        isoDate,
        fc.integer({ min: 1, max: 400 }),
        duration,
        counting,
        (start, gap, d, c) => {
          const later = isoFromDayNumber(dayNumberOf(start) + gap);
          const a = computeDeadline({ start, duration: d, rule: { counting: c } });
          const b = computeDeadline({ start: later, duration: d, rule: { counting: c } });
          assert.ok(a.rawEnd <= b.rawEnd && a.end <= b.end, `${a.end} > ${b.end}`);
        },
      ),
      runs,
    );
  });

  it('rawEnd <= end, and skipped is exactly every day from rawEnd up to the day before end', () => {
    fc.assert(
      fc.property(isoDate, duration, counting, (start, d, c) => {
        const r = computeDeadline({ start, duration: d, rule: { counting: c } });
        assert.ok(r.rawEnd <= r.end);
        const expected: string[] = [];
        for (let n = dayNumberOf(r.rawEnd); n < dayNumberOf(r.end); n += 1)
          expected.push(isoFromDayNumber(n));
        assert.deepEqual(
          r.skipped.map((s) => s.date),
          expected,
        );
        assert.equal(r.shifted, expected.length > 0);
        assert.ok(r.firstDay <= r.rawEnd);
      }),
      runs,
    );
  });

  it('without the shift the end is the raw end', () => {
    fc.assert(
      fc.property(isoDate, duration, counting, (start, d, c) => {
        const rule = { counting: c, shiftPastNonWorkingDays: false };
        const r = computeDeadline({ start, duration: d, rule });
        assert.equal(r.end, r.rawEnd);
        assert.deepEqual(r.skipped, []);
      }),
      runs,
    );
  });

  it('an ISO string and the parsed parts give the same deadline', () => {
    fc.assert(
      fc.property(isoDate, duration, counting, (start, generated, c) => {
        // ISO allows a fraction only on the last unit, so a half month excludes weeks and days.
        const d = generated.halfMonth ? { ...generated, weeks: 0, days: 0 } : generated;
        const parsed = parseDuration(toIso(d));
        const fromString = computeDeadline({ start, duration: toIso(d), rule: { counting: c } });
        const fromParts = computeDeadline({ start, duration: d, rule: { counting: c } });
        assert.equal(fromString.end, fromParts.end);
        assert.equal(parsed.years * 12 + parsed.months, d.years * 12 + d.months);
      }),
      runs,
    );
  });

  it('parseDuration throws nothing but DeadlineInputError', () => {
    const input = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.stringMatching(/^-?[Pp][0-9.,YMWDTHS-]{0,10}$/),
    );
    fc.assert(
      fc.property(input, (text) => {
        try {
          const d = parseDuration(text);
          assert.ok(d.years + d.months + d.weeks + d.days > 0 || d.halfMonth);
        } catch (error) {
          assert.ok(error instanceof DeadlineInputError, String(error));
          assert.equal(error.field, 'duration');
        }
      }),
      { numRuns: 3000 },
    );
  });
});
