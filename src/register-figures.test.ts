import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findIndicator } from './dashboard/indicators.ts';
import { NO_MEMO } from './dashboard/cache.ts';
import type { Db } from './db/database.ts';
import { registerFigure } from './register-figures.ts';
import type { RegisterStatistic, StatisticSnapshot } from './registers/catalogue/statistics.ts';

/**
 * The adapter from a register's dated statistic to the dashboard's figure, on statistics of known
 * values (no database is read: the statistic is given).
 */
function statistic(values: { date: string; share: number }[]): RegisterStatistic {
  return {
    layerId: 'wind-areas',
    title: 'Test',
    at: (_db, asOf): Promise<StatisticSnapshot> =>
      Promise.resolve({
        asOf,
        dataDate: values.filter((v) => v.date <= asOf).at(-1)?.date,
        measures: [{ key: 'share', title: 'Anteil', unit: '%', decimals: 4 }],
        stands: values
          .filter((v) => v.date <= asOf)
          .map((v) => ({
            date: v.date,
            values: { share: v.share },
            breakdown: { nord: v.share * 2 },
          })),
        breakdown: {
          title: 'Region',
          entries: [
            { key: 'nord', name: 'Region Nord' },
            { key: 'sued', name: 'Region Süd' },
          ],
          measure: { key: 'share', title: 'Anteil', unit: '%', decimals: 4 },
        },
        drillDown: {
          title: 'Gebiete',
          columns: [
            { key: 'name', title: 'Gebiet', type: 'string' },
            { key: 'ha', title: 'Fläche', type: 'number', unit: 'ha', decimals: 2 },
          ],
          rows: [{ dates: values.map((v) => v.date), values: { name: 'A', ha: 1.23456 } }],
        },
        source: { name: 'Testregister', licence: 'DL', licenceUrl: 'https://example.org/' },
      }),
  };
}

const db = undefined as unknown as Db;
const wind = findIndicator('windflaechen')!;

describe('register figures: a dated statistic as a dashboard figure', () => {
  it('one rounded row per stand, the breakdown beside it, the drill-down linked to its stands', async () => {
    const figure = registerFigure(
      statistic([
        { date: '2030-12-31', share: 1.2 },
        { date: '2031-12-31', share: 1.512345 },
      ]),
    );
    const result = await figure(db, '2032-01-01', wind, NO_MEMO);
    assert.deepEqual(
      result.series.rows.map((r) => [r._key, r.share, r['b-nord'], r['b-sued']]),
      [
        ['2030-12-31', 1.2, 2.4, 0],
        ['2031-12-31', 1.5123, 3.0247, 0],
      ],
    );
    assert.equal(result.headline.value, 1.5123);
    assert.deepEqual(result.measurements, [
      { date: '2030-12-31', value: 1.2 },
      { date: '2031-12-31', value: 1.5123 },
    ]);
    assert.deepEqual(result.details!.rows, [
      { _group: '2030-12-31|2031-12-31', name: 'A', ha: 1.23 },
    ]);
    // 0.2877 % left at 0.3123 % a year (365 days): 337 days after the last stand (2032 is a leap year).
    const perDay = (1.5123 - 1.2) / 365;
    const days = Math.ceil((1.8 - 1.5123) / perDay);
    assert.equal(days, 337);
    assert.match(result.summary, /ist das Ziel am 02\.12\.2032 erreicht/);
    assert.match(result.summary, /Am meisten je Region: Region Nord mit 3,0247 %/);
  });

  it('no growth: the day the target is reached is not foreseeable; before the first stand: no data', async () => {
    const figure = registerFigure(
      statistic([
        { date: '2030-12-31', share: 1.2 },
        { date: '2031-12-31', share: 1.2 },
      ]),
    );
    const flat = await figure(db, '2032-01-01', wind, NO_MEMO);
    assert.match(flat.summary, /ist nicht absehbar, wann das Ziel erreicht ist/);
    const none = await figure(db, '2030-12-30', wind, NO_MEMO);
    assert.equal(none.headline.value, undefined);
    assert.equal(none.series.rows.length, 0);
    assert.equal(none.summary, wind.noDataReason);
  });
});
