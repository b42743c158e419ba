import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import {
  DATE_TIME_FORMAT,
  EXCEL_MAX_TEXT,
  streamObjectionsXlsx,
  TRUNCATED_NOTE,
} from '../../src/participation/export/objections.xlsx.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { createPublishedProcedure, seedObjections, WORKER } from '../helpers/participation.ts';
import { apiAs } from '../helpers/permits.ts';

const FILLERS = 4_100; // three pages of 2,000
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = [
  'Eingangsnummer',
  'Eingang',
  'Kanal',
  'verspätet',
  'Unterschriften',
  'Gruppe',
  'Vertreter der Gruppe',
  'Belange',
  'Text',
];
const MARK_HEADER = ['vor Beginn eingegangen', '§ 17 Abs. 2 VwVfG'];
const PERSONAL_HEADER = [
  ...HEADER,
  'Name',
  'Anschrift',
  'E-Mail',
  'Originaltext',
  'Vertreter (benannt)',
  ...MARK_HEADER,
];

/** Values a spreadsheet must never run or split: formulas, quotes, separators, line breaks. */
const HOSTILE = {
  text: "=cmd|' /C calc'!A0",
  name: '=HYPERLINK("http://angreifer.example","Klick")',
  address: '+49 ; "Amselweg" 1\r\nZweite Zeile; 33165 Lichtenau',
  email: '@SUM(A1:A9)',
};
const QUOTES = 'Er sagte: "So nicht";\r\nund ging.\nZeile drei, Ende';
/** 10,000 characters with quotes, separators, line breaks and umlauts in between. */
const LONG = Array.from({ length: 500 }, (_, i) =>
  `${String(i).padStart(4, '0')}"ä;ö,\n`.padEnd(20, 'x'),
)
  .join('')
  .slice(0, 10_000);
/** Longer than Excel allows in a cell (intake accepts up to 50,000 characters). */
const TOO_LONG = `-${'Lärm und Schatten. '.repeat(2_200)}`;

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('Einwendungen');
  assert.ok(sheet, 'worksheet "Einwendungen"');
  return sheet;
}

/** The sheet's XML straight from the ZIP, to see what a spreadsheet program would parse. */
function sheetXml(zip: Buffer): string {
  const name = 'xl/worksheets/sheet1.xml';
  for (let at = 0; at < zip.length - 30; at++) {
    if (zip.readUInt32LE(at) !== 0x04034b50) continue;
    const nameLength = zip.readUInt16LE(at + 26);
    if (zip.toString('utf8', at + 30, at + 30 + nameLength) !== name) continue;
    const start = at + 30 + nameLength + zip.readUInt16LE(at + 28);
    // exceljs streams entries with a data descriptor: inflate until the deflate stream ends.
    return inflateRawSync(zip.subarray(start), { finishFlush: 2 }).toString('utf8');
  }
  throw new Error(`${name} not in the workbook`);
}

function rowValues(row: ExcelJS.Row): unknown[] {
  return (row.values as unknown[]).slice(1);
}

describe('objections as an XLSX workbook and as CSV with hostile values', () => {
  let t: TestApp;
  let procedure: { id: string; tenantId: string };
  let ids: string[] = [];
  let worker: Awaited<ReturnType<typeof apiAs>>;

  before(async () => {
    t = await createTestApp();
    procedure = await createPublishedProcedure(t);
    ids = await seedObjections(t, procedure, [
      { ...HOSTILE, signatures: 40, channel: 'paper', late: true },
      { text: QUOTES, name: 'Anna Beispiel' },
      { text: LONG, name: 'Bernd Beispiel' },
      { text: TOO_LONG },
      { text: `Einzelnes Surrogat \uD800 und Steuerzeichen \u0007 ok` },
    ]);
    const db = t.database.db;
    // Fillers with hard-to-compress texts (3,000 hex characters): a page of them is 6 MB, more
    // than the XLSX writer may hold ahead of its reader; the zip's own buffers take one page.
    await sql`
      insert into objections (procedure_id, tenant_id, reference, received_at, channel, body,
        redact_identity, late, sha256, signatures)
      select ${procedure.id}, ${procedure.tenantId},
        'EW-2026-' || lpad(nextval('objection_number_seq')::text, 7, '0'),
        timestamptz '2026-03-02 09:00:00+00' + n * interval '1 second', 'web',
        (select string_agg(md5(n::text || '-' || k::text), '') from generate_series(1, 94) k),
        false, false, repeat('0', 64), 1
      from generate_series(1, ${FILLERS}) n`.execute(db);
    // The public exports show confirmed redactions only: confirm every text as it is.
    await sql`update objections set redacted_body = body, redaction_confirmed_at = now()
      where procedure_id = ${procedure.id}`.execute(db);
    // Winter (CET, UTC+1) and summer (CEST, UTC+2) and one second before midnight in Berlin.
    const times = [
      '2026-01-15 13:05:59+00',
      '2026-07-15 12:05:00+00',
      '2026-12-31 22:59:59+00',
      '2026-02-01 08:00:00+00',
      '2026-02-01 08:00:01+00',
    ];
    for (const [index, at] of times.entries()) {
      await sql`update objections set received_at = ${at}::timestamptz where id = ${ids[index]!}`.execute(
        db,
      );
    }
    worker = await apiAs(t, WORKER);
  });

  after(async () => {
    await t?.close();
  });

  it('writes a workbook with real date cells, text cells, a frozen header and widths', async () => {
    const response = await worker.get(`/api/v1/procedures/${procedure.id}/exports/objections.xlsx`);
    assert.equal(response.statusCode, 200, response.body.slice(0, 500));
    assert.equal(response.headers['content-type'], XLSX_TYPE);
    assert.match(
      String(response.headers['content-disposition']),
      /^attachment; filename="Einwendungen-[A-Za-z0-9._-]+\.xlsx"$/,
    );
    assert.equal(response.headers['cache-control'], 'no-store');
    const sheet = await readWorkbook(response.rawPayload);

    assert.equal(sheet.rowCount, 1 + ids.length + FILLERS, 'header and every objection');
    assert.deepEqual(rowValues(sheet.getRow(1)), [...HEADER, ...MARK_HEADER]);
    assert.equal(sheet.getRow(1).getCell(1).font?.bold, true);
    const view = sheet.views[0] as ExcelJS.WorksheetViewFrozen;
    assert.equal(view.state, 'frozen');
    assert.equal(view.ySplit, 1);
    assert.equal(sheet.getColumn(1).width, 18);
    assert.equal(sheet.getColumn(2).width, 17);
    assert.equal(sheet.getColumn(9).width, 80);

    const stored = await t.database.db
      .selectFrom('objections')
      .select(['id', 'reference'])
      .where('procedure_id', '=', procedure.id)
      .orderBy('received_at')
      .orderBy('id')
      .execute();
    const references: unknown[] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) references.push(row.getCell(1).value);
    });
    assert.deepEqual(
      references,
      stored.map((r) => r.reference),
      'each objection once, in order of receipt',
    );
    const rowOf = (index: number) => sheet.getRow(2 + stored.findIndex((r) => r.id === ids[index]));

    const expectedTimes = [
      ['2026-01-15T14:05:59.000Z', 'winter: 13:05 UTC is 14:05 in Berlin'],
      ['2026-07-15T14:05:00.000Z', 'summer: 12:05 UTC is 14:05 in Berlin'],
      ['2026-12-31T23:59:59.000Z', 'New Year’s Eve in Berlin, not New Year'],
    ] as const;
    for (const [index, [wallClock, why]] of expectedTimes.entries()) {
      const cell = rowOf(index).getCell(2);
      assert.equal(cell.type, ExcelJS.ValueType.Date, why);
      assert.ok(cell.value instanceof Date);
      assert.equal(cell.value.toISOString(), wallClock, why);
      assert.equal(cell.numFmt, DATE_TIME_FORMAT);
    }

    const hostile = rowOf(0);
    assert.equal(hostile.getCell(9).type, ExcelJS.ValueType.String);
    assert.equal(hostile.getCell(9).value, HOSTILE.text, 'formula text stays text, unchanged');
    assert.equal(hostile.getCell(3).value, 'Papier');
    assert.equal(hostile.getCell(4).value, 'ja');
    assert.equal(hostile.getCell(5).type, ExcelJS.ValueType.Number);
    assert.equal(hostile.getCell(5).value, 40);
    assert.equal(rowOf(1).getCell(9).value, QUOTES.replaceAll('\r\n', '\n'), 'line breaks as LF');
    assert.equal(rowOf(2).getCell(9).value, LONG, '10,000 characters unchanged');
    const truncated = rowOf(3).getCell(9).value;
    assert.ok(typeof truncated === 'string');
    assert.equal(truncated.length, EXCEL_MAX_TEXT);
    assert.ok(truncated.endsWith(TRUNCATED_NOTE));
    assert.ok(TOO_LONG.startsWith(truncated.slice(0, -TRUNCATED_NOTE.length)));
    assert.equal(rowOf(4).getCell(9).value, 'Einzelnes Surrogat \uFFFD und Steuerzeichen  ok');
    assert.equal(rowOf(0).cellCount, HEADER.length, 'no personal columns');

    const xml = sheetXml(response.rawPayload);
    assert.doesNotMatch(xml, /<f[ >]/, 'no formula anywhere in the sheet');
    // Texts are values of type "str" without a formula element: shown, never calculated.
    assert.ok(xml.includes('t="str"><v>=cmd|'), 'the formula text is a plain value');
    for (const value of ['angreifer.example', 'Amselweg', 'SUM(A1:A9)', 'Anna Beispiel']) {
      assert.ok(!xml.includes(value), `no personal value: ${value}`);
    }
  });

  it('adds the objectors’ data as text cells in the personal workbook', async () => {
    const client = new Client(t.app);
    await client.logIn(WORKER);
    const response = await client.get(
      `/verfahren/${procedure.id}/export/einwendungen.xlsx?personenbezogen=1`,
    );
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-disposition']), /-personenbezogen\.xlsx"$/);
    const sheet = await readWorkbook(response.rawPayload);
    assert.deepEqual(rowValues(sheet.getRow(1)), PERSONAL_HEADER);
    let hostile: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(10).value === HOSTILE.name) hostile = row;
    });
    assert.ok(hostile, 'the hostile name as it was written');
    for (const [column, value] of [
      [10, HOSTILE.name],
      [11, HOSTILE.address.replaceAll('\r\n', '\n')],
      [12, HOSTILE.email],
      [13, HOSTILE.text],
    ] as const) {
      assert.equal(hostile.getCell(column).type, ExcelJS.ValueType.String, String(column));
      assert.equal(hostile.getCell(column).value, value);
    }
    assert.doesNotMatch(sheetXml(response.rawPayload), /<f[ >]/);
    const invalid = await client.get(
      `/verfahren/${procedure.id}/export/einwendungen.xlsx?personenbezogen=ja`,
    );
    assert.equal(invalid.statusCode, 400);
  });

  it('writes hostile values into the CSV so that they read back exactly and run nothing', async () => {
    const response = await worker.get(
      `/api/v1/procedures/${procedure.id}/exports/objections.csv?personal=true`,
    );
    assert.equal(response.statusCode, 200);
    const body = response.rawPayload;
    assert.deepEqual([...body.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const text = body.toString('utf8').slice(1);
    assert.ok(text.startsWith(`${PERSONAL_HEADER.join(';')}\r\n`));
    const records = parseSemicolonCsv(text);
    assert.equal(records.length, 1 + ids.length + FILLERS);
    const hostile = records.find((r) => r[9] === `'${HOSTILE.name}`);
    assert.ok(hostile, 'formula in the name neutralised with an apostrophe');
    assert.equal(hostile[1], '15.01.2026 14:05', 'local time, German format');
    assert.equal(hostile[8], `'${HOSTILE.text}`);
    assert.equal(hostile[10], `'${HOSTILE.address}`, 'separator, quotes and CRLF inside a cell');
    assert.equal(hostile[11], `'${HOSTILE.email}`);
    assert.equal(hostile[12], `'${HOSTILE.text}`);
    const byName = (name: string) => records.find((r) => r[9] === name)!;
    assert.equal(byName('Anna Beispiel')[8], QUOTES);
    assert.equal(byName('Anna Beispiel')[1], '15.07.2026 14:05');
    assert.equal(byName('Bernd Beispiel')[8], LONG);
    assert.equal(byName('Bernd Beispiel')[1], '31.12.2026 23:59');
    assert.ok(
      records.some((r) => r[8] === `'${TOO_LONG}`),
      'the whole long text in the CSV',
    );
    for (const record of records) assert.equal(record.length, PERSONAL_HEADER.length);
  });

  it('waits for its reader instead of piling up the file, and finishes when read', async () => {
    const tally = { rows: 0 };
    const stream = streamObjectionsXlsx(t.database.db, procedure.id, { personal: false }, tally);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    assert.ok(tally.rows > 0, 'started');
    assert.ok(tally.rows < ids.length + FILLERS, `stopped at ${tally.rows} rows without a reader`);
    const bytes = await collect(stream);
    assert.equal(tally.rows, ids.length + FILLERS);
    const sheet = await readWorkbook(bytes);
    assert.equal(sheet.rowCount, 1 + ids.length + FILLERS);
  });

  it('stops reading the database when the reader goes away', async () => {
    const tally = { rows: 0 };
    const stream = streamObjectionsXlsx(t.database.db, procedure.id, { personal: false }, tally);
    await once(stream, 'readable');
    assert.ok(stream.read() !== null);
    stream.destroy();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rows = tally.rows;
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(tally.rows, rows, 'no further pages');
    assert.ok(rows < ids.length + FILLERS);
    const alive = await sql<{ one: number }>`select 1 as one`.execute(t.database.db);
    assert.equal(alive.rows[0]?.one, 1, 'the pool is still usable');
  });
});

/** RFC 4180 reader with ';' (quoted fields may hold ';', quotes and line breaks). */
function parseSemicolonCsv(text: string): string[][] {
  const field = /"([^"]*(?:""[^"]*)*)"|([^;"\r\n]*)/y;
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    field.lastIndex = i;
    const match = field.exec(text);
    assert.ok(match, `field at ${i}`);
    record.push(match[1] === undefined ? match[2]! : match[1].replaceAll('""', '"'));
    i = field.lastIndex;
    if (text[i] === ';') i++;
    else {
      assert.ok(text.startsWith('\r\n', i), `separator or CRLF after a field at ${i}`);
      records.push(record);
      record = [];
      i += 2;
    }
  }
  return records;
}
