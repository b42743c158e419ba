import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { crc32, inflateRawSync } from 'node:zlib';
import { sql } from 'kysely';
import { streamCaseFileZip } from '../../src/participation/export/case-file.zip.ts';
import {
  NOT_YET_REDACTED,
  streamObjectionsCsv,
} from '../../src/participation/export/objections.csv.ts';
import { hashAuditEvent } from '../../src/procedures/audit-hash.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import {
  APPLICANT,
  createPublishedProcedure,
  seedObjections,
  WORKER,
  type SeedObjection,
} from '../helpers/participation.ts';
import { apiAs } from '../helpers/permits.ts';

const OBJECTIONS = 2_500; // more than one page of 2,000
const AGENCY = 'toeb@lanuk.example';
const OTHER_AUTHORITY = 'sachbearbeitung@brms.example';
const SUPERVISOR = 'aufsicht@mwike.example';
const FORMULA = '=HYPERLINK("http://x")';
const QUOTED = 'Er sagte: "So nicht",\r\nund ging.\nZeile drei; Ende';
const PUBLIC_HEADER = [
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

/** RFC 4180 reader with ';' for a whole file (quoted fields may hold ';', quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quotedField = false;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === '' && !quotedField) {
      quotedField = true;
      for (i++; ; i++) {
        assert.ok(i < text.length, 'closing quote');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i++;
        } else if (text[i] === '"') break;
        else field += text[i];
      }
      i++;
      assert.ok(
        i === text.length || text[i] === ';' || text.startsWith('\r\n', i),
        `separator after a quoted field at ${i}`,
      );
      continue;
    }
    if (c === ';') {
      record.push(field);
      field = '';
      quotedField = false;
      i++;
    } else if (text.startsWith('\r\n', i)) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      quotedField = false;
      i += 2;
    } else {
      assert.ok(!quotedField && c !== '"' && c !== '\r' && c !== '\n', `bare ${c} at ${i}`);
      field += c;
      i++;
    }
  }
  assert.equal(field, '', 'file ends with CRLF');
  assert.equal(record.length, 0, 'file ends with CRLF');
  return records;
}

/** Minimal ZIP reader: end of central directory → central directory → local headers → inflate. */
function readZip(zip: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, 'end of central directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'central directory header');
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    assert.equal(zip.readUInt32LE(local), 0x04034b50, `local header of ${name}`);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    assert.equal(data.length, size, `size of ${name}`);
    assert.equal(crc32(data), crc, `CRC-32 of ${name}`);
    assert.ok(!entries.has(name), `unique entry ${name}`);
    entries.set(name, data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const text = (entries: Map<string, Buffer>, name: string): string => {
  const data = entries.get(name);
  assert.ok(data, `${name} in the ZIP (${[...entries.keys()].join(', ')})`);
  return data.toString('utf8');
};

const token = () => randomBytes(5).toString('hex');

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

describe('streamed exports of objections and the case file', () => {
  let t: TestApp;
  let procedure: { id: string; tenantId: string };
  const seeded: (SeedObjection & { token: string })[] = [];
  let ids: string[] = [];
  const secret = `GEHEIM-${token()}`;
  const attachmentContent = `Anhang ${token()}`;
  let worker: Awaited<ReturnType<typeof apiAs>>;
  let publicCsv = '';

  before(async () => {
    t = await createTestApp();
    procedure = await createPublishedProcedure(t);
    for (let i = 0; i < OBJECTIONS; i++) {
      const id = token();
      seeded.push({
        token: id,
        text:
          i === 0
            ? `${FORMULA} Originaltext-${id}`
            : `Ich erhebe Einwendung wegen Lärm und Schattenwurf. Originaltext-${id}`,
        name: `Einwenderin-${id} Muster`,
        address: `Amselweg ${i + 1}, Haus ${id}, 33165 Lichtenau`,
        email: `post-${id}@einwender.example`,
        channel: i % 7 === 0 ? 'paper' : 'web',
        late: i % 11 === 0,
        signatures: i % 13 === 0 ? 40 : 1,
      });
    }
    ids = await seedObjections(t, procedure, seeded);
    const db = t.database.db;
    const workerId = (
      await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', WORKER)
        .executeTakeFirstOrThrow()
    ).id;
    // Confirmed redactions for every third objection, an unconfirmed one for objection 1.
    await sql`
      update objections set redacted_body = 'Geschwärzt: Einwendung wegen Lärm. ' || reference,
        redaction_confirmed_at = now(), redaction_confirmed_by = ${workerId}
      where procedure_id = ${procedure.id} and id = any(${ids.filter((_, i) => i % 3 === 0)}::uuid[])`.execute(
      db,
    );
    await db
      .updateTable('objections')
      .set({ redacted_body: FORMULA })
      .where('id', '=', ids[0]!)
      .execute();
    await db
      .updateTable('objections')
      .set({ redacted_body: QUOTED, redaction_confirmed_at: new Date() })
      .where('id', '=', ids[2]!)
      .execute();
    await db
      .updateTable('objections')
      .set({ redacted_body: `Ungeprüft ${seeded[1]!.token}`, redaction_confirmed_at: null })
      .where('id', '=', ids[1]!)
      .execute();
    // Timestamps that differ by microseconds only (JS dates hold milliseconds): the page
    // boundary falls inside them, so a cursor that lost precision would repeat or skip rows.
    await sql`
      update objections set received_at = timestamptz '2026-03-02 09:00:00.123456+00'
        + (get_byte(decode(md5(id::text), 'hex'), 0) % 3) * interval '1 microsecond'
      where procedure_id = ${procedure.id}`.execute(db);
    await sql`update objections set received_at = timestamptz '2026-07-15 12:05:59+00'
      where id = ${ids[9]!}`.execute(db);
    // A group with its representative, and concern labels (confirmed ones are exported).
    const group = await db
      .insertInto('objection_groups')
      .values({
        procedure_id: procedure.id,
        tenant_id: procedure.tenantId,
        origin: 'manual',
        representative_id: ids[4]!,
        created_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('objections')
      .set({ group_id: group.id })
      .where('id', 'in', [ids[4]!, ids[5]!, ids[6]!])
      .execute();
    const concerns = await db
      .insertInto('concerns')
      .values(
        ['Schall', 'Artenschutz', 'Landschaftsbild'].map((label, position) => ({
          procedure_id: procedure.id,
          tenant_id: procedure.tenantId,
          key: label.toLowerCase(),
          label,
          description: `${label} – Beschreibung`,
          position,
        })),
      )
      .returning(['id', 'label'])
      .execute();
    const concern = (label: string) => concerns.find((c) => c.label === label)!.id;
    await db
      .insertInto('objection_concerns')
      .values(
        [
          { concern: 'Landschaftsbild', source: 'confirmed' as const },
          { concern: 'Schall', source: 'confirmed' as const },
          { concern: 'Artenschutz', source: 'suggested' as const },
        ].map((c) => ({
          objection_id: ids[4]!,
          concern_id: concern(c.concern),
          procedure_id: procedure.id,
          tenant_id: procedure.tenantId,
          source: c.source,
        })),
      )
      .execute();
    // Documents: an ordinary one, a trade secret, one with a hostile name; an attachment.
    const put = (content: string) =>
      t.deps.store.put(Readable.from([Buffer.from(content)]), { maxBytes: 1_000_000 });
    const documents = [
      { filename: 'Schallgutachten.pdf', content: '%PDF-1.4 Schall', secret: false },
      { filename: 'Anlagendaten.pdf', content: `%PDF-1.4 ${secret}`, secret: true },
      { filename: '../../böse\u202efdp.exe', content: '%PDF-1.4 böse', secret: false },
    ];
    for (const doc of documents) {
      const stored = await put(doc.content);
      await db
        .insertInto('documents')
        .values({
          procedure_id: procedure.id,
          tenant_id: procedure.tenantId,
          doc_type: 'other',
          filename: doc.filename,
          media_type: 'application/pdf',
          sha256: stored.sha256,
          size: stored.size,
          trade_secret: doc.secret,
          neutral_summary: doc.secret ? 'Technische Daten der Anlagen, neutral beschrieben.' : null,
          uploaded_by: null,
          uploaded_at: new Date(),
        })
        .execute();
    }
    const attachment = await put(attachmentContent);
    await db
      .insertInto('objection_attachments')
      .values({
        objection_id: ids[3]!,
        position: 1,
        tenant_id: procedure.tenantId,
        filename: `Foto von ${seeded[3]!.name}.jpg`,
        media_type: 'image/jpeg',
        sha256: attachment.sha256,
        size: attachment.size,
      })
      .execute();
    worker = await apiAs(t, WORKER);
  });

  after(async () => {
    await t?.close();
  });

  /** Every seeded value that identifies a person or is the original text. */
  function assertNoPersonalData(output: string, where: string) {
    for (const s of seeded) {
      for (const value of [s.name!, s.email!, s.address!, `Originaltext-${s.token}`, s.token]) {
        assert.ok(!output.includes(value), `${where} enthält „${value}“`);
      }
    }
    assert.ok(!output.includes('Ungeprüft'), `${where} enthält eine unbestätigte Schwärzung`);
  }

  // A cursor that lost precision would page forever: fail within a minute, not at the 5-minute cap.
  it(
    'exports every objection once as CSV for German spreadsheets without personal data',
    { timeout: 60_000 },
    async () => {
      const response = await worker.get(
        `/api/v1/procedures/${procedure.id}/exports/objections.csv`,
      );
      assert.equal(response.statusCode, 200, response.body);
      assert.match(String(response.headers['content-type']), /^text\/csv; charset=utf-8/);
      assert.match(
        String(response.headers['content-disposition']),
        /^attachment; filename="Einwendungen-[A-Za-z0-9._-]+\.csv"$/,
      );
      assert.equal(response.headers['cache-control'], 'no-store');
      publicCsv = response.body;
      assert.ok(publicCsv.startsWith('\uFEFF'), 'UTF-8 BOM');
      assert.deepEqual([...response.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM bytes');
      assert.ok(publicCsv.startsWith('\uFEFFEingangsnummer;Eingang;Kanal;'), 'semicolons');
      assert.ok(publicCsv.endsWith('\r\n'), 'CRLF');
      const records = parseCsv(publicCsv.slice(1));
      assert.equal(records.length, OBJECTIONS + 1);
      assert.deepEqual(records[0], [...PUBLIC_HEADER, ...MARK_HEADER]);
      for (const record of records) {
        assert.equal(record.length, PUBLIC_HEADER.length + MARK_HEADER.length);
      }
      const rows = records.slice(1);
      const references = await t.database.db
        .selectFrom('objections')
        .select(['id', 'reference'])
        .where('procedure_id', '=', procedure.id)
        .orderBy('received_at')
        .orderBy('id')
        .execute();
      assert.deepEqual(
        rows.map((r) => r[0]),
        references.map((r) => r.reference),
        'each objection exactly once, in order of receipt',
      );
      const byId = new Map(references.map((r, i) => [r.id, rows[i]!]));
      const row = (index: number) => byId.get(ids[index]!)!;
      assert.equal(row(0)[8], `'${FORMULA}`, 'formula neutralised');
      assert.equal(row(2)[8], QUOTED, 'quotes and line breaks survive');
      assert.equal(row(1)[8], NOT_YET_REDACTED, 'unconfirmed redaction is not exported');
      assert.equal(row(7)[8], NOT_YET_REDACTED);
      assert.match(row(3)[8]!, /^Geschwärzt: Einwendung wegen Lärm\. EW-/);
      assert.equal(row(0)[2], 'Papier');
      assert.equal(row(1)[2], 'Online-Formular');
      assert.equal(row(0)[3], 'ja');
      assert.equal(row(1)[3], 'nein');
      assert.equal(row(0)[4], '40');
      // 09:00 UTC in March is 10:00 in Germany (CET); 12:05 UTC in July is 14:05 (CEST).
      assert.equal(row(0)[1], '02.03.2026 10:00', 'local time in winter');
      assert.equal(row(9)[1], '15.07.2026 14:05', 'local time in summer');
      assert.equal(row(4)[7], 'Schall; Landschaftsbild', 'confirmed concerns in catalogue order');
      assert.equal(row(4)[6], 'ja');
      assert.equal(row(5)[6], 'nein');
      assert.equal(row(5)[5], row(4)[5]);
      assert.match(row(4)[5]!, /^[0-9a-f-]{36}$/);
      assert.equal(row(8)[5], '');
      assertNoPersonalData(publicCsv, 'CSV');
    },
  );

  it('adds name, address, e-mail and the original text for personenbezogen=1', async () => {
    const client = new Client(t.app);
    await client.logIn(WORKER);
    const response = await client.get(
      `/verfahren/${procedure.id}/export/einwendungen.csv?personenbezogen=1`,
    );
    assert.equal(response.statusCode, 200, response.body);
    assert.match(String(response.headers['content-disposition']), /-personenbezogen\.csv"$/);
    const records = parseCsv(response.body.slice(1));
    assert.equal(records.length, OBJECTIONS + 1);
    assert.deepEqual(records[0], [
      ...PUBLIC_HEADER,
      'Name',
      'Anschrift',
      'E-Mail',
      'Originaltext',
      'Vertreter (benannt)',
      ...MARK_HEADER,
    ]);
    const byReference = new Map(records.slice(1).map((r) => [r[0], r]));
    const rows = await t.database.db
      .selectFrom('objections')
      .select(['id', 'reference'])
      .where('id', 'in', ids.slice(0, 4))
      .execute();
    const reference = (index: number) => rows.find((r) => r.id === ids[index])!.reference;
    const first = byReference.get(reference(0))!;
    assert.deepEqual(first.slice(9, 13), [
      seeded[0]!.name,
      seeded[0]!.address,
      seeded[0]!.email,
      `'${seeded[0]!.text}`,
    ]);
    assert.equal(byReference.get(reference(3))![12], seeded[3]!.text);
    for (const s of seeded) assert.ok(response.body.includes(s.email!), s.email!);

    const page = await client.get(`/verfahren/${procedure.id}/export/einwendungen.csv`);
    assert.equal(page.statusCode, 200);
    assert.equal(page.body, publicCsv, 'page and API give the same non-personal file');
    const invalid = await client.get(
      `/verfahren/${procedure.id}/export/akte.zip?personenbezogen=ja`,
    );
    assert.equal(invalid.statusCode, 400);
  });

  it('writes a case file ZIP with index, linked audit chain, documents and no personal data', async () => {
    const response = await worker.get(`/api/v1/procedures/${procedure.id}/exports/case-file.zip`);
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['content-type'], 'application/zip');
    assert.match(
      String(response.headers['content-disposition']),
      /^attachment; filename="Verfahrensakte-[A-Za-z0-9._-]+\.zip"$/,
    );
    const entries = readZip(response.rawPayload);
    const names = [...entries.keys()];
    for (const name of names) {
      assert.doesNotMatch(name, /(^|\/)\.\.(\/|$)|^\/|\\|[\p{Cc}\p{Cf}]/u, name);
    }
    for (const expected of [
      'INHALT.txt',
      'PRUEFSUMMEN.sha256',
      'verfahren.json',
      'audit/ereignisse.jsonl',
      'fristen.json',
      'einwendungen.csv',
      'unterlagen/Schallgutachten.pdf',
      'unterlagen/Anlagendaten.pdf.inhaltsangabe.txt',
    ]) {
      assert.ok(entries.has(expected), `${expected} in ${names.join(', ')}`);
    }
    assert.ok(names.includes('unterlagen/_.._bösefdp.exe'), names.join(', '));
    assert.ok(!names.includes('unterlagen/Anlagendaten.pdf'), 'trade secret withheld');
    assert.ok(names.some((n) => /^bekanntmachungen\/application-\d{4}-\d\d-\d\d\.json$/.test(n)));
    assert.ok(!names.some((n) => n.startsWith('einwendungen/anhaenge/')), 'no attachments');
    assert.equal(text(entries, 'unterlagen/Schallgutachten.pdf'), '%PDF-1.4 Schall');
    assert.match(
      text(entries, 'unterlagen/Anlagendaten.pdf.inhaltsangabe.txt'),
      /neutral beschrieben/,
    );
    assert.equal(text(entries, 'einwendungen.csv'), publicCsv);

    const procedureJson = JSON.parse(text(entries, 'verfahren.json'));
    assert.equal(procedureJson.id, procedure.id);
    assert.equal(procedureJson.step, 'participation');
    const lines = text(entries, 'audit/ereignisse.jsonl').trimEnd().split('\n');
    const events = lines.map((l) => JSON.parse(l));
    const stored = await t.database.db
      .selectFrom('procedures')
      .select(['event_count', 'last_hash'])
      .where('id', '=', procedure.id)
      .executeTakeFirstOrThrow();
    assert.equal(events.length, stored.event_count);
    assert.ok(events.length >= 5);
    events.forEach((event, n) => {
      assert.equal(event.seq, n + 1);
      assert.equal(event.prev_hash, n === 0 ? null : events[n - 1].hash, `link ${n + 1}`);
      const recomputed = hashAuditEvent({
        procedureId: event.procedure_id,
        seq: event.seq,
        at: new Date(event.at),
        actorId: event.actor_id,
        actorRole: event.actor_role,
        type: event.type,
        data: event.data,
        prevHash: event.prev_hash,
      });
      assert.equal(recomputed, event.hash, `hash of event ${n + 1} from the file alone`);
    });
    const index = text(entries, 'INHALT.txt');
    assert.ok(index.includes(`Kopf der Kette (Ereignis ${events.length}): ${stored.last_hash}`));
    assert.match(index, new RegExp(`${OBJECTIONS.toLocaleString('de-DE')} Einwendungen`));
    assert.match(index, /ohne personenbezogene Daten/);
    const deadlines = JSON.parse(text(entries, 'fristen.json'));
    assert.ok(Array.isArray(deadlines) && deadlines.length > 0);

    const checksums = text(entries, 'PRUEFSUMMEN.sha256').trimEnd().split('\n');
    assert.equal(checksums.length, entries.size - 2);
    for (const lineText of checksums) {
      const [hash, path] = lineText.split('  ');
      assert.equal(createHash('sha256').update(entries.get(path!)!).digest('hex'), hash, path);
    }
    const all = [...entries.values()].map((b) => b.toString('utf8')).join('\n');
    assertNoPersonalData(all, 'ZIP');
    assert.ok(!all.includes(secret), 'trade secret content');
    assert.ok(!all.includes(attachmentContent), 'attachment content');
  });

  it('the personal case file holds attachments, trade secrets and the objectors’ data', async () => {
    const client = new Client(t.app);
    await client.logIn(WORKER);
    const response = await client.get(
      `/verfahren/${procedure.id}/export/akte.zip?personenbezogen=1`,
    );
    assert.equal(response.statusCode, 200, response.body);
    const entries = readZip(response.rawPayload);
    assert.match(text(entries, 'unterlagen/Anlagendaten.pdf'), new RegExp(secret));
    const attachments = [...entries.keys()].filter((n) => n.startsWith('einwendungen/anhaenge/'));
    assert.equal(attachments.length, 1);
    assert.match(attachments[0]!, /^einwendungen\/anhaenge\/EW-2026-\d{7}-1-Foto von Einwenderin-/);
    assert.equal(text(entries, attachments[0]!), attachmentContent);
    const csv = text(entries, 'einwendungen.csv');
    for (const s of seeded) {
      assert.ok(csv.includes(s.email!) && csv.includes(s.name!) && csv.includes(s.token), s.token);
    }
    assert.match(text(entries, 'INHALT.txt'), /PERSONENBEZOGEN/);
  });

  it('streams directly and stops reading when the reader goes away', async () => {
    const csv = await collect(streamObjectionsCsv(t.database.db, procedure.id));
    assert.equal(csv.toString('utf8'), publicCsv);
    const zip = streamCaseFileZip({
      db: t.database.db,
      store: t.deps.store,
      procedureId: procedure.id,
      personal: false,
    });
    const first = await new Promise<Buffer>((resolve) => zip.once('data', resolve));
    assert.equal(first.readUInt32LE(0), 0x04034b50, 'a ZIP starts with a local file header');
    zip.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const alive = await sql<{ one: number }>`select 1 as one`.execute(t.database.db);
    assert.equal(alive.rows[0]?.one, 1, 'the pool is still usable');
  });

  it('is served to case workers of the authority only', async () => {
    const url = (file: string) => `/api/v1/procedures/${procedure.id}/exports/${file}`;
    for (const email of [APPLICANT, AGENCY, SUPERVISOR, OTHER_AUTHORITY]) {
      const client = await apiAs(t, email);
      for (const file of ['objections.csv', 'objections.xlsx', 'case-file.zip']) {
        const response = await client.get(url(file));
        assert.equal(response.statusCode, 404, `${email} ${file}`);
        assertNoPersonalData(response.body, `${email} ${file}`);
      }
      const page = new Client(t.app);
      await page.logIn(email);
      for (const file of ['einwendungen.csv', 'einwendungen.xlsx', 'akte.zip']) {
        const html = await page.get(`/verfahren/${procedure.id}/export/${file}?personenbezogen=1`);
        assert.equal(html.statusCode, 404, `${email} page ${file}`);
        assertNoPersonalData(html.body, `${email} page ${file}`);
      }
    }
    for (const path of [url('objections.csv'), url('objections.xlsx'), url('case-file.zip')]) {
      const anonymous = await t.app.inject({ method: 'GET', url: path });
      assert.equal(anonymous.statusCode, 401);
    }
    const anonymousPage = await t.app.inject({
      method: 'GET',
      url: `/verfahren/${procedure.id}/export/einwendungen.csv`,
    });
    assert.equal(anonymousPage.statusCode, 303, 'to the login page');
    assert.match(String(anonymousPage.headers.location), /^\/anmelden\?weiter=/);
    const unknown = await worker.get(
      `/api/v1/procedures/00000000-0000-4000-8000-000000000000/exports/objections.csv`,
    );
    assert.equal(unknown.statusCode, 404);
  });
});
