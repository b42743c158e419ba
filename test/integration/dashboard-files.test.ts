import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { computeIndicator } from '../../src/dashboard/compute.ts';
import { REGISTER_FIGURES } from '../../src/register-figures.ts';
import { runMonitoringImport } from '../../src/dashboard/import.cli.ts';
import { columnHeading, formatNumber } from '../../src/dashboard/format.ts';
import { INDICATORS } from '../../src/dashboard/indicators.ts';
import type { IndicatorResult } from '../../src/dashboard/indicator.types.ts';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.ts';
import { seedFundingCases, seedObjections, seedPermitCases } from '../helpers/dashboard.ts';

const STAND = '2026-06-30';
const IMPORTED_AT = new Date('2026-07-15T08:00:00Z');

function decode(html: string): string {
  return html
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => l.split(';').map((c) => c.replace(/^"|"$/g, '')));
}

/** Every number the summary states must be a cell of the table, a sum of cells of one column, or a count of rows. */
function derivableNumbers(result: IndicatorResult): Set<string> {
  const allowed = new Set<string>([formatNumber(result.series.rows.length)]);
  for (const c of result.series.columns) {
    for (const m of columnHeading(c).matchAll(/\d+/g)) allowed.add(m[0]);
    const values = result.series.rows.map((r) => r[c.key]);
    for (const v of values) {
      if (typeof v === 'string') for (const m of v.matchAll(/\d+/g)) allowed.add(m[0]);
    }
    if (c.type !== 'number') continue;
    const numbers = values.filter((v): v is number => typeof v === 'number');
    const decimals = c.decimals ?? 0;
    if (numbers.length <= 12) {
      for (let mask = 1; mask < 1 << numbers.length; mask++) {
        let sum = 0;
        numbers.forEach((n, i) => {
          if (mask & (1 << i)) sum += n;
        });
        allowed.add(formatNumber(sum, decimals));
      }
    } else {
      for (const n of numbers) allowed.add(formatNumber(n, decimals));
      allowed.add(
        formatNumber(
          numbers.reduce((s, n) => s + n, 0),
          decimals,
        ),
      );
    }
  }
  return allowed;
}

describe('monitoring dashboard: charts, files and summaries agree', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ clock: fixedClock(new Date('2026-07-15T10:00:00Z')) });
    await seedObjections(t.database.db, await seedPermitCases(t.database.db));
    await seedFundingCases(t.database.db);
  });
  after(() => t.close());

  it('the CSV reproduces every plotted value exactly', async () => {
    let marks = 0;
    for (const definition of INDICATORS) {
      const page = await t.app.inject({ url: `/monitoring/${definition.id}?stand=${STAND}` });
      const json = JSON.parse(
        (await t.app.inject({ url: `/monitoring/${definition.id}/daten.json?stand=${STAND}` }))
          .body,
      ) as {
        columns: { key: string }[];
      };
      const csv = parseCsv(
        (await t.app.inject({ url: `/monitoring/${definition.id}/daten.csv?stand=${STAND}` })).body,
      );
      for (const m of page.body.matchAll(
        /data-row="(\d+)" data-column="([^"]+)" data-value="([^"]+)"/g,
      )) {
        const column = json.columns.findIndex((c) => c.key === m[2]);
        assert.equal(
          csv[Number(m[1]) + 1]![column],
          m[3],
          `${definition.id} Zeile ${m[1]} ${m[2]}`,
        );
        marks++;
      }
    }
    assert.ok(marks > 50, `only ${marks} marks checked`);
  });

  it('the text summary states only numbers of its table', async () => {
    for (const definition of INDICATORS) {
      const result = await computeIndicator(
        t.database.db,
        definition,
        STAND,
        undefined,
        REGISTER_FIGURES,
      );
      if (result.series.rows.length === 0) continue;
      const allowed = derivableNumbers(result);
      const text = result.summary.replace(/\d{4}-\d{2}-\d{2}|\d{2}\.\d{2}\.\d{4}/g, '');
      for (const m of text.matchAll(/\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g)) {
        assert.ok(
          allowed.has(m[0]),
          `${definition.id}: „${m[0]}“ steht nicht in der Tabelle (${result.summary})`,
        );
      }
      const page = decode(
        (await t.app.inject({ url: `/monitoring/${definition.id}?stand=${STAND}` })).body,
      );
      assert.ok(
        page.includes(result.summary),
        `${definition.id}: Zusammenfassung fehlt auf der Seite`,
      );
    }
  });

  it('CSV-on-the-Web metadata describe the CSV columns, licence and date', async () => {
    const meta = JSON.parse(
      (
        await t.app.inject({
          url: `/monitoring/entscheidungsfristen/daten.csv-metadata.json?stand=${STAND}`,
        })
      ).body,
    ) as {
      url: string;
      dialect: { delimiter: string };
      tableSchema: { columns: { titles: string }[] };
      'dc:license': { '@id': string };
    };
    const csv = parseCsv(
      (await t.app.inject({ url: `/monitoring/entscheidungsfristen/daten.csv?stand=${STAND}` }))
        .body,
    );
    assert.deepEqual(
      meta.tableSchema.columns.map((c) => c.titles),
      csv[0],
    );
    assert.equal(meta.dialect.delimiter, ';');
    assert.match(meta.url, /\/monitoring\/entscheidungsfristen\/daten\.csv\?stand=2026-06-30$/);
    assert.equal(meta['dc:license']['@id'], 'https://www.govdata.de/dl-de/by-2-0');
  });

  it('only the embeddable chart may be framed by other sites', async () => {
    const embed = await t.app.inject({ url: '/monitoring/entscheidungsfristen/einbetten' });
    assert.equal(embed.statusCode, 200);
    assert.match(String(embed.headers['content-security-policy']), /frame-ancestors \*/);
    assert.equal(embed.headers['x-frame-options'], undefined);
    const page = await t.app.inject({ url: '/monitoring/entscheidungsfristen' });
    assert.match(String(page.headers['content-security-policy']), /frame-ancestors 'none'/);
  });

  it('a bad stand is a German 400 with the value kept; an unknown indicator is a 404', async () => {
    const bad = await t.app.inject({ url: '/monitoring?stand=2026-02-30' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<title>Fehler: /);
    assert.match(bad.body, /Der Stand muss ein Datum/);
    assert.match(bad.body, /value="2026-02-30"/);
    const future = await t.app.inject({ url: '/monitoring/genehmigungsdauer?stand=2027-01-01' });
    assert.equal(future.statusCode, 400);
    assert.match(future.body, /nicht in der Zukunft/);
    const csv = await t.app.inject({
      url: '/monitoring/genehmigungsdauer/daten.csv?stand=gestern',
    });
    assert.equal(csv.statusCode, 400);
    assert.equal((await t.app.inject({ url: '/monitoring/gibt-es-nicht' })).statusCode, 404);
    assert.equal(
      (await t.app.inject({ url: '/monitoring/einwendungen/einzelwerte?gruppe=<script>' }))
        .statusCode,
      400,
    );
  });

  it('imported statistics: a bad file is refused with its line number and nothing is stored', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'monitoring-'));
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'Datum;Kategorie;Wert\r\n31.12.2025;Neurath;3.000\r\n31.02.2026;Neurath;2000\r\n01.01.2027;Neurath;zwei\r\n',
    );
    const lines: string[] = [];
    const output = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const args = [
      '--kennzahl',
      'kohleausstieg',
      '--quelle',
      'Bundesnetzagentur, Kraftwerksliste',
      '--lizenz',
      'dl-de/by-2-0',
    ];
    assert.equal(
      await runMonitoringImport(t.database.db, [...args, '--datei', bad], output, IMPORTED_AT),
      2,
    );
    assert.ok(
      lines.some((l) => l.includes('Zeile 3') && l.includes('31.02.2026')),
      lines.join('\n'),
    );
    assert.ok(
      lines.some((l) => l.includes('Zeile 4') && l.includes('zwei')),
      lines.join('\n'),
    );
    const count = await t.database.db
      .selectFrom('dashboard_import_values')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0);
    assert.equal(
      (await t.database.db.selectFrom('dashboard_imports').selectAll().execute()).length,
      0,
    );

    lines.length = 0;
    const wrongIndicator = await runMonitoringImport(
      t.database.db,
      ['--kennzahl', 'genehmigungsdauer', '--datei', bad, '--quelle', 'x y z', '--lizenz', 'abc'],
      output,
      IMPORTED_AT,
    );
    assert.equal(wrongIndicator, 2);
    assert.match(lines.join('\n'), /keine Kennzahl, deren Werte eingespielt werden/);

    const good = path.join(dir, 'good.csv');
    writeFileSync(
      good,
      '\uFEFFDatum;Kategorie;Wert\r\n31.12.2023;Braunkohle;6.900\r\n31.12.2025;Braunkohle;5.900,5\r\n',
    );
    lines.length = 0;
    assert.equal(
      await runMonitoringImport(t.database.db, [...args, '--datei', good], output, IMPORTED_AT),
      0,
      lines.join('\n'),
    );
    const today = '2026-07-15';
    const result = await computeIndicator(
      t.database.db,
      INDICATORS.find((i) => i.id === 'kohleausstieg')!,
      today,
    );
    assert.deepEqual(
      result.series.rows.map((r) => [r.period, r.c0]),
      [
        ['2023-12-31', 6900],
        ['2025-12-31', 5900.5],
      ],
    );
    assert.equal(result.provenance[0]!.source, 'Bundesnetzagentur, Kraftwerksliste');
    // Needed: 5,900.5 MW less in the 4.25 years to 31 March 2030 (about 1,388 a year); achieved:
    // 999.5 MW less in two years (about 500 a year).
    assert.equal(result.status, 'behind');
    assert.ok(
      result.pace!.needed < -1300 && result.pace!.achieved > -600,
      JSON.stringify(result.pace),
    );
    // Before the import the figure had no data: a dated link of that day still shows none.
    const earlier = await computeIndicator(
      t.database.db,
      INDICATORS.find((i) => i.id === 'kohleausstieg')!,
      '2026-07-01',
    );
    assert.equal(earlier.status, 'no-data');
  });
});
