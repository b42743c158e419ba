import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import { SMTPServer } from 'smtp-server';
import { buildApp, jobHandlers } from '../../src/app.ts';
import { EIA_NS } from '../../src/participation/uvp-portal/dcat-ap-eia.ts';
import { runDeadlineWatch } from '../../src/permits/deadline-watch.ts';
import { configuredClock } from '../../src/platform/clock.ts';
import { runDueJobs } from '../../src/platform/jobs.ts';
import type { Deps } from '../../src/platform/server.ts';
import { Client, createTestApp, fixedClock, testConfig, type TestApp } from '../helpers/app.ts';
import { signLetter } from '../helpers/letters.ts';
import {
  APPLICANT,
  createPublishedProcedure,
  seedObjections,
  WORKER,
  type SeedObjection,
} from '../helpers/participation.ts';
import { pdfPlainText } from '../helpers/pdf-text-embedded.ts';
import { apiAs } from '../helpers/permits.ts';
import { changedTables, SESSION_BOOKKEEPING, snapshotTables } from '../helpers/snapshot.ts';

const SUPERVISOR = 'leitung@kreis-paderborn.example';
const AGENCY = 'toeb@lanuk.example';
const OTHER_CASE_WORKER = 'sachbearbeitung@brms.example';

/** A real SMTP server on loopback that records what it receives. */
async function startSmtp() {
  const received: { to: string[]; data: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Entries of a ZIP (stored or deflated), read from the central directory. */
function readZip(zip: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = zip.length - 22; i >= 0; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, 'end of central directory');
  const entries = new Map<string, Buffer>();
  let at = zip.readUInt32LE(eocd + 16);
  for (let n = zip.readUInt16LE(eocd + 10); n > 0; n--) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressedSize);
    entries.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function parseXml(text: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(text, 'application/xml');
  assert.deepEqual(errors, [], 'well-formed XML');
  return doc;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Steps up to the decision, on the API, with the clock past the objection period. */
async function decideProcedure(t: TestApp, clock: ReturnType<typeof fixedClock>, id: string) {
  const worker = await apiAs(t, WORKER);
  clock.set(new Date('2027-02-02T09:00:00Z'));
  for (const [action, body] of [
    ['skip-hearing', { reason: 'Kein Erörterungstermin beantragt (§ 10 Abs. 6 BImSchG).' }],
    [
      'decide',
      {
        outcome: 'granted',
        reasons: 'Die Genehmigungsvoraussetzungen des § 6 BImSchG liegen vor.',
      },
    ],
  ] as const) {
    const response = await worker.post(`/api/v1/procedures/${id}/actions/${action}`, body);
    assert.equal(response.statusCode, 200, `${action}: ${response.body}`);
  }
  return worker;
}

async function procedureState(t: TestApp, id: string) {
  return t.database.db
    .selectFrom('procedures')
    .select(['step', 'state', 'closed_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

describe('decision delivered individually to at most 50 objectors (§ 10 Abs. 7 BImSchG)', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let procedure: { id: string; tenantId: string };
  let ids: string[];
  let worker: Awaited<ReturnType<typeof apiAs>>;

  before(async () => {
    smtp = await startSmtp();
    t = await createTestApp({
      clock,
      env: {
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        MAIL_FROM: 'Industrieland <noreply@industrieland.example>',
      },
    });
    procedure = await createPublishedProcedure(t, { eiaRequired: false });
    const rows: SeedObjection[] = [
      {
        text: 'Lärm.',
        name: 'Adelheid Zustellmann',
        address: 'Amselweg 1, 33165 Lichtenau',
        email: 'adelheid@example.net',
      },
      { text: 'Schatten.', name: 'Bruno Briefträger', address: 'Birkenweg 2, 33165 Lichtenau' },
      { text: 'Ohne Namen.' },
      // The same person again (the e-mail written differently): one delivery for both.
      {
        text: 'Noch einmal Lärm.',
        name: 'Adelheid Zustellmann',
        address: 'Amselweg 1, 33165 Lichtenau',
        email: 'Adelheid@Example.net',
      },
      {
        text: 'Unterschriftenliste gegen den Windpark.',
        name: 'Liesel Listenführerin',
        address: 'Lindenplatz 3, 33165 Lichtenau',
        channel: 'signature-list',
        signatures: 120,
      },
      {
        text: 'Gleichförmig.',
        name: 'Rainer Vertreter',
        address: 'Rosenweg 4',
        email: 'rainer@example.net',
        signatures: 20,
      },
      {
        text: 'Gleichförmig.',
        name: 'Sabine Mitglied',
        email: 'sabine@example.net',
        signatures: 20,
      },
      { text: 'Gleichförmig.', name: 'Tom Mitglied', address: 'Tulpenweg 6', signatures: 20 },
    ];
    ids = await seedObjections(t, procedure, rows);
    // A confirmed group of uniform submissions with its representative (§ 17 VwVfG).
    const group = await t.database.db
      .insertInto('objection_groups')
      .values({
        procedure_id: procedure.id,
        tenant_id: procedure.tenantId,
        origin: 'manual',
        representative_id: ids[5]!,
        confirmed_at: clock.now(),
        confirmed_by: null,
        created_at: clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.database.db
      .updateTable('objections')
      .set({ group_id: group.id })
      .where('id', 'in', ids.slice(5))
      .execute();
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  const deliver = (client: Awaited<ReturnType<typeof apiAs>>) =>
    client.post(`/api/v1/procedures/${procedure.id}/actions/deliver-decision`, {});

  it('refuses delivery before the decision, unsigned, by the wrong role or organisation: nothing changes', async () => {
    worker = await apiAs(t, WORKER);
    const early = await deliver(worker);
    assert.equal(early.statusCode, 409, early.body);
    assert.match(early.json().detail, /nicht möglich/);
    worker = await decideProcedure(t, clock, procedure.id);
    const decided = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
    const unsigned = await deliver(worker);
    assert.equal(unsigned.statusCode, 409, unsigned.body);
    assert.match(unsigned.json().detail, /gezeichnet|Zeichnung|unterschrieben/i);
    for (const [email, status] of [
      [APPLICANT, 403],
      [SUPERVISOR, 403],
      [AGENCY, 403],
      [OTHER_CASE_WORKER, 404],
    ] as const) {
      const refused = await deliver(await apiAs(t, email));
      assert.equal(refused.statusCode, status, `${email}: ${refused.body}`);
    }
    assert.deepEqual(
      changedTables(decided, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
      [],
    );
  });

  it('delivers to the applicant and to each objector or representative: e-mail or letter list', async () => {
    await signLetter(t, procedure.id, 'decision');
    const delivered = await deliver(worker);
    assert.equal(delivered.statusCode, 200, delivered.body);
    const s = await procedureState(t, procedure.id);
    assert.equal(s.step, 'delivered');
    assert.ok(s.closed_at, 'the case is closed');
    const rows = await t.database.db
      .selectFrom('decision_deliveries')
      .selectAll()
      .where('procedure_id', '=', procedure.id)
      .orderBy('name')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.recipient_kind, r.name, r.channel, r.represents]),
      [
        ['objector', 'Adelheid Zustellmann', 'mail', 2],
        ['objector', 'Bruno Briefträger', 'letter', 1],
        ['representative', 'Liesel Listenführerin', 'letter', 120],
        ['representative', 'Rainer Vertreter', 'mail', 60],
        ['applicant', 'Windpark Sintfeld GmbH & Co. KG (Beispiel)', 'portal', 1],
      ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );
    assert.ok(
      rows.every((r) => r.tenant_id === procedure.tenantId && r.delivered_on === '2027-02-02'),
    );
    const mails = await t.database.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'body_text'])
      .where('subject', 'like', 'Bescheid zugestellt:%')
      .execute();
    assert.deepEqual(mails.map((m) => m.to_address).sort(), [
      'adelheid@example.net',
      'rainer@example.net',
    ]);
    assert.match(
      mails.find((m) => m.to_address.startsWith('rainer'))!.body_text,
      /für die 60 Personen/,
    );
    await runDueJobs({
      connectionString: t.database.url,
      handlers: jobHandlers(t.deps),
    });
    const received = smtp.received.filter((m) =>
      m.to.some((to) => to === 'adelheid@example.net' || to === 'rainer@example.net'),
    );
    assert.equal(received.length, 2, 'both mails went out over SMTP');
    assert.match(received[0]!.data, /Subject: /);
  });

  it('the delivery page lists the letters for the authority only', async () => {
    const page = new Client(t.app);
    await page.logIn(WORKER);
    const response = await page.get(`/verfahren/${procedure.id}/zustellung`);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Briefliste/);
    assert.match(response.body, /Bruno Briefträger/);
    assert.match(response.body, /Lindenplatz 3/);
    for (const email of [APPLICANT, AGENCY, SUPERVISOR, OTHER_CASE_WORKER]) {
      const other = new Client(t.app);
      await other.logIn(email);
      const refused = await other.get(`/verfahren/${procedure.id}/zustellung`);
      assert.equal(refused.statusCode, 404, email);
      assert.doesNotMatch(refused.body, /Briefträger/);
    }
    const anonymous = await new Client(t.app).get(`/verfahren/${procedure.id}/zustellung`);
    assert.ok([302, 303, 401].includes(anonymous.statusCode), String(anonymous.statusCode));
  });

  it('a procedure without an EIA is not exported to the EIA portal', async () => {
    const page = new Client(t.app);
    await page.logIn(WORKER);
    const response = await page.get(`/verfahren/${procedure.id}/uvp-portal.zip`);
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /keine Umweltverträglichkeitsprüfung/);
  });
});

describe('decision made public instead of more than 50 deliveries (§ 10 Abs. 8 BImSchG), EIA portal', () => {
  const start = new Date('2026-11-24T09:00:00Z');
  const clock = fixedClock(start);
  let t: TestApp;
  let procedure: { id: string; tenantId: string };
  let worker: Awaited<ReturnType<typeof apiAs>>;
  const personal: string[] = [];

  before(async () => {
    t = await createTestApp({ clock });
    procedure = await createPublishedProcedure(t, { documents: true, eiaRequired: true });
    const rows: SeedObjection[] = [];
    for (let n = 1; n <= 55; n++) {
      const person = {
        name: `Oskar Zustellwitz${n}`,
        address: `Unkenweg ${n}b, 33165 Lichtenau-Zx${n}`,
        email: n % 2 === 0 ? `zustellwitz${n}@example.net` : null,
      };
      personal.push(person.name, person.address, ...(person.email ? [person.email] : []));
      rows.push({ text: `Einwendung Nummer ${n} gegen den Windpark.`, ...person });
    }
    await seedObjections(t, procedure, rows);
    worker = await decideProcedure(t, clock, procedure.id);
    await signLetter(t, procedure.id, 'decision');
  });
  after(async () => t.close());

  it('individual delivery is refused with the reason and the way to the public notice', async () => {
    const unchanged = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
    const refused = await worker.post(
      `/api/v1/procedures/${procedure.id}/actions/deliver-decision`,
      {},
    );
    assert.equal(refused.statusCode, 409, refused.body);
    const detail = refused.json().detail as string;
    assert.match(detail, /mehr als 50 Einwendenden/);
    assert.match(detail, /öffentlich bekannt/);
    assert.match(detail, /§ 10 Abs\. 8 BImSchG/);
    assert.match(detail, /55 Einwendende/);
    assert.deepEqual(
      changedTables(unchanged, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
      [],
    );
    const page = new Client(t.app);
    await page.logIn(WORKER);
    const plan = await page.get(`/verfahren/${procedure.id}/zustellung`);
    assert.match(plan.body, /mehr als 50/);
    // The case page shows the reason instead of a button that would only be refused.
    const casePage = await page.get(`/verfahren/${procedure.id}`);
    assert.match(casePage.body, /mehr als 50 Einwendenden/);
    assert.doesNotMatch(casePage.body, /id="feld-deliver-decision"/);
  });

  it('the public notice: applicant individually, objectors deemed delivered at the end of the display', async () => {
    // Without the place and hours of inspection in the master data nothing is published.
    const profile = await t.database.db
      .selectFrom('authority_profiles')
      .select(['office_hours'])
      .where('organisation_id', '=', procedure.tenantId)
      .executeTakeFirstOrThrow();
    await t.database.db
      .updateTable('authority_profiles')
      .set({ office_hours: null })
      .where('organisation_id', '=', procedure.tenantId)
      .execute();
    const unchanged = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
    const refused = await worker.post(
      `/api/v1/procedures/${procedure.id}/actions/publish-decision`,
      {},
    );
    assert.equal(refused.statusCode, 409, refused.body);
    assert.match(refused.json().detail, /Stammdaten/);
    assert.deepEqual(
      changedTables(unchanged, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
      [],
    );
    await t.database.db
      .updateTable('authority_profiles')
      .set({ office_hours: profile.office_hours })
      .where('organisation_id', '=', procedure.tenantId)
      .execute();
    const published = await worker.post(
      `/api/v1/procedures/${procedure.id}/actions/publish-decision`,
      {},
    );
    assert.equal(published.statusCode, 200, published.body);
    const rows = await t.database.db
      .selectFrom('decision_deliveries')
      .select(['recipient_kind', 'channel', 'delivered_on'])
      .where('procedure_id', '=', procedure.id)
      .execute();
    assert.equal(rows.length, 56);
    const applicant = rows.filter((r) => r.recipient_kind === 'applicant');
    assert.deepEqual(applicant, [
      { recipient_kind: 'applicant', channel: 'portal', delivered_on: '2027-02-02' },
    ]);
    assert.ok(
      rows
        .filter((r) => r.recipient_kind !== 'applicant')
        .every((r) => r.channel === 'public-notice' && r.delivered_on === '2027-02-16'),
    );
    const applicantMail = await t.database.db
      .selectFrom('mail_outbox')
      .select('to_address')
      .where('to_address', '=', APPLICANT)
      .where('subject', 'like', '%Bescheid zugestellt%')
      .execute();
    assert.equal(applicantMail.length, 1, 'the applicant is told individually');
  });

  it('notice, display page, decision and feed carry the master data and no objector data', async () => {
    clock.set(new Date('2027-02-03T09:00:00Z'));
    const notices = await t.database.db
      .selectFrom('notices')
      .select(['id', 'kind'])
      .where('procedure_id', '=', procedure.id)
      .execute();
    const decisionNotice = notices.find((n) => n.kind === 'decision');
    assert.ok(decisionNotice);
    const outputs: [string, string][] = [];
    for (const url of [
      `/bekanntmachungen/${decisionNotice.id}`,
      '/bekanntmachungen',
      '/bekanntmachungen/feed.atom',
      `/beteiligung/${procedure.id}`,
      `/beteiligung/${procedure.id}/feed.atom`,
    ]) {
      const response = await t.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 200, url);
      outputs.push([url, response.body]);
    }
    const noticePage = outputs[0]![1];
    assert.match(noticePage, /16\. Februar 2027/);
    // Place and hours of inspection from the authority's master data.
    assert.match(noticePage, /Aldegreverstraße 10/);
    assert.match(noticePage, /Mo–Do 8:30–15:30 Uhr/);
    assert.match(outputs[3]![1], new RegExp(`/beteiligung/${procedure.id}/bescheid`));
    const bescheid = await t.app.inject({
      method: 'GET',
      url: `/beteiligung/${procedure.id}/bescheid`,
    });
    assert.equal(bescheid.statusCode, 200);
    outputs.push(['bescheid', await pdfPlainText(bescheid.rawPayload)]);
    const noticePdf = await t.app.inject({
      method: 'GET',
      url: `/bekanntmachungen/${decisionNotice.id}/pdf`,
    });
    outputs.push(['notice pdf', await pdfPlainText(noticePdf.rawPayload)]);
    for (const [where, text] of outputs)
      for (const value of personal) assert.ok(!text.includes(value), `${value} in ${where}`);
    const feed = parseXml(outputs[4]![1]);
    const entries = feed.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry');
    const titles = Array.from(
      { length: entries.length },
      (_, i) =>
        entries.item(i)!.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'title').item(0)!
          .textContent,
    );
    assert.ok(
      titles.some((x) => /Bescheid mit Begründung/.test(x ?? '')),
      titles.join(' | '),
    );
    assert.ok(
      titles.some((x) => /Bekanntmachung/.test(x ?? '')),
      titles.join(' | '),
    );
    assert.ok(!titles.some((x) => /geheim/.test(x ?? '')), 'no trade secret');
  });

  it('the EIA portal export: a DCAT-AP.EIA record, a manifest with hashes and the files', async () => {
    const page = new Client(t.app);
    await page.logIn(WORKER);
    const response = await page.get(`/verfahren/${procedure.id}/uvp-portal.zip`);
    assert.equal(response.statusCode, 200, response.body.slice(0, 300));
    assert.equal(response.headers['content-type'], 'application/zip');
    assert.match(
      String(response.headers['content-disposition']),
      /^attachment; filename="UVP-Portal-[A-Za-z0-9.-]+\.zip"$/,
    );
    const zip = readZip(response.rawPayload);
    const manifest = JSON.parse(zip.get('manifest.json')!.toString('utf8'));
    assert.equal(manifest.format, 'industrieland-uvp-export');
    assert.equal(manifest.procedure.id, procedure.id);
    assert.equal(manifest.procedure.eiaNumber, 'UVPG-1.6.1');
    assert.equal(manifest.dates.decisionDisplayEnd, '2027-02-16');
    assert.match(manifest.authority.name, /^Kreis Paderborn/);
    const kinds = manifest.documents.map((d: { docType: string }) => d.docType).sort();
    assert.ok(
      kinds.includes('announcement') && kinds.includes('decision') && kinds.includes('eiaReport'),
      kinds.join(),
    );
    for (const d of manifest.documents as { path: string; sha256: string; size: number }[]) {
      const file = zip.get(d.path);
      assert.ok(file, d.path);
      assert.equal(sha256(file), d.sha256, d.path);
      assert.equal(file.length, d.size, d.path);
    }
    assert.ok(
      !manifest.documents.some((d: { path: string }) => /geheim/.test(d.path)),
      'no trade secret',
    );
    assert.equal(zip.size, manifest.documents.length + 2);
    const rdf = parseXml(zip.get('dcat-ap-eia.rdf')!.toString('utf8'));
    assert.equal(rdf.getElementsByTagNameNS('http://www.w3.org/ns/dcat#', 'Dataset').length, 1);
    assert.equal(rdf.getElementsByTagNameNS(EIA_NS, 'number').item(0)!.textContent, 'UVPG-1.6.1');
    const steps = rdf.getElementsByTagNameNS(EIA_NS, 'processStepType');
    const types = Array.from({ length: steps.length }, (_, i) =>
      steps.item(i)!.getAttributeNS('http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'resource'),
    );
    assert.deepEqual(types, [
      'https://specs.uvp-verbund.de/resource/processStepType#publicDisclosure',
      'https://specs.uvp-verbund.de/resource/processStepType#approvalDecision',
    ]);
    // Every file belongs to a step of the procedure.
    const processSteps = rdf.getElementsByTagNameNS(EIA_NS, 'ProcessStep');
    let inSteps = 0;
    for (let i = 0; i < processSteps.length; i++)
      inSteps += processSteps
        .item(i)!
        .getElementsByTagNameNS('http://www.w3.org/ns/dcat#', 'distribution').length;
    assert.equal(inSteps, manifest.documents.length);
    const email = rdf.getElementsByTagNameNS('http://www.w3.org/2006/vcard/ns#', 'hasEmail');
    assert.equal(email.length, 1);
    const everything = [...zip.values()].map((b) => b.toString('latin1')).join('\n');
    for (const value of personal.filter((v) => /^[\x20-\x7e]+$/.test(v)))
      assert.ok(!everything.includes(value), `${value} in the export`);
  });

  it('only the authority’s case workers export; the feed is public, an unknown procedure is 404', async () => {
    for (const email of [APPLICANT, AGENCY, SUPERVISOR, OTHER_CASE_WORKER]) {
      const other = new Client(t.app);
      await other.logIn(email);
      const refused = await other.get(`/verfahren/${procedure.id}/uvp-portal.zip`);
      assert.equal(refused.statusCode, 404, email);
    }
    const anonymous = await new Client(t.app).get(`/verfahren/${procedure.id}/uvp-portal.zip`);
    assert.ok([302, 303, 401].includes(anonymous.statusCode), String(anonymous.statusCode));
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/beteiligung/00000000-0000-4000-8000-000000000000/feed.atom',
    });
    assert.equal(unknown.statusCode, 404);
  });

  it('the demo clock and the watcher: the last day of the display still counts, then the case closes', async () => {
    const onDemoDay = async (offsetDays: number) => {
      const config = testConfig({
        DEMO_INSTANCE: 'true',
        DEMO_CLOCK_OFFSET_DAYS: String(offsetDays),
      });
      const deps: Deps = { ...t.deps, config, clock: configuredClock(config, clock) };
      const app = await buildApp(deps);
      await app.ready();
      try {
        await runDeadlineWatch(deps);
      } finally {
        await app.close();
      }
    };
    // Real day 03.02.2027; display ends 16.02.2027.
    await onDemoDay(13);
    assert.equal((await procedureState(t, procedure.id)).step, 'decision-published');
    await onDemoDay(14);
    const closed = await procedureState(t, procedure.id);
    assert.equal(closed.step, 'delivered');
    assert.ok(closed.closed_at);
    const decision = (closed.state as { decision: { deliveredAt: string } }).decision;
    assert.equal(decision.deliveredAt, '2027-02-16');
    const events = await t.database.db
      .selectFrom('procedure_events')
      .select(['type', 'actor_role'])
      .where('procedure_id', '=', procedure.id)
      .where('type', '=', 'decision-deemed-delivered')
      .execute();
    assert.deepEqual(events, [{ type: 'decision-deemed-delivered', actor_role: 'system' }]);
  });
});
