import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { crc32, inflateRawSync } from 'node:zlib';
import type { Element } from '@xmldom/xmldom';
import { recordAward, type AwardInput } from '../../src/funding/awards/award.actions.ts';
import { dcatApDeViolations } from '../../src/opendata/dcat-ap-de.check.ts';
import { datasetUri, NS } from '../../src/opendata/dcat.graph.ts';
import {
  parseTurtle,
  parseXml,
  rdfXmlTriples,
  storeTriples,
} from '../../src/opendata/dcat.testkit.ts';
import { NO_FIGURES } from '../../src/opendata/published.ts';
import { safeCell } from '../../src/platform/csv.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { orgId } from '../helpers/permits.ts';
import { DATA, figureSource, HOSTILE, layer } from '../helpers/opendata.ts';

const ATOM = 'http://www.w3.org/2005/Atom';

/** Minimal ZIP reader: end of central directory → entries → inflate, with CRC check. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'end of central directory');
  const entries = new Map<string, Buffer>();
  let at = zip.readUInt32LE(eocd + 16);
  for (let n = zip.readUInt16LE(eocd + 10); n > 0; n--) {
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    assert.equal(crc32(data), crc, `CRC-32 of ${name}`);
    entries.set(name, data);
    at += 46 + skip;
  }
  return entries;
}

/** RFC 4180 records (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  assert.equal(field + record.join(''), '', 'CSV ends with CRLF');
  return records;
}

function child(element: Element, name: string): Element | undefined {
  return element.getElementsByTagNameNS(ATOM, name)[0];
}

/** RFC 4287: the feed and each entry have id, title, updated, an author and a link. */
function assertAtom(xml: string): Element[] {
  const feed = parseXml(xml).documentElement!;
  assert.equal(feed.namespaceURI, ATOM);
  assert.equal(feed.localName, 'feed');
  for (const name of ['id', 'title', 'updated']) assert.ok(child(feed, name), `feed/${name}`);
  assert.ok(
    [...feed.getElementsByTagNameNS(ATOM, 'link')].some((l) => l.getAttribute('rel') === 'self'),
  );
  const entries = [...feed.getElementsByTagNameNS(ATOM, 'entry')];
  for (const entry of entries) {
    for (const name of ['id', 'title', 'updated', 'summary']) {
      assert.ok(child(entry, name)?.textContent, `entry/${name}`);
    }
    assert.ok(child(child(entry, 'author')!, 'name')?.textContent, 'entry/author/name');
    assert.match(child(entry, 'link')!.getAttribute('href') ?? '', /^https?:\/\//);
    assert.ok(!Number.isNaN(Date.parse(child(entry, 'updated')!.textContent ?? '')));
  }
  return entries;
}

describe('open data: catalogue, feeds and data package', () => {
  let t: TestApp;
  let anonymous: Client;
  let body: string;
  const award = (overrides: Partial<AwardInput>): AwardInput => ({
    fundingBodyId: body,
    procedureId: null,
    recipientOrgId: null,
    recipientName: HOSTILE,
    recipientAgs: '05513000',
    recipientSize: 'large',
    naceCode: '24.10',
    programme: {
      programmeId: 'nrw-pruefprogramm',
      title: 'Prüfprogramm <Industrie>',
      stateAid: { kind: 'gber', article: 'Art. 38 AGVO' },
    },
    amountCents: 20_000_000,
    grantedOn: '2026-12-01',
    purpose: `Zweck: ${HOSTILE}`,
    now: new Date(Date.now() - 60_000),
    ...overrides,
  });

  before(async () => {
    t = await createTestApp({ app: { layers: [layer], figures: figureSource } });
    anonymous = new Client(t.app);
    body = await orgId(t, 'Bezirksregierung Arnsberg');
    await recordAward(t.database.db, award({}));
    await recordAward(
      t.database.db,
      award({
        recipientName: 'Erika Mustermann Kältetechnik',
        recipientNaturalPerson: true,
        purpose: 'Wärmepumpen',
      }),
    );
    await recordAward(
      t.database.db,
      award({ recipientName: 'Zukunft GmbH', now: new Date(Date.now() + 86_400_000) }),
    );
  });
  after(async () => t.close());

  it('the Turtle catalogue has every mandatory DCAT-AP.de class and property', async () => {
    const response = await anonymous.get('/daten/katalog.ttl');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/turtle/);
    const store = parseTurtle(response.body);
    assert.deepEqual(dcatApDeViolations(store), []);
    const ids = store
      .getSubjects(`${NS.rdf}type`, `${NS.dcat}Dataset`, null)
      .map((d) => d.value)
      .sort();
    const base = t.deps.config.publicUrl;
    assert.deepEqual(
      ids,
      [
        'bekanntmachungen',
        'beteiligungsverfahren',
        'geodaten-windenergieanlagen',
        'gewaehrte-foerderungen',
        'kennzahl-emissionen',
        'kennzahl-genehmigungsdauer',
        'monitoring-datenpaket',
      ]
        .map((id) => datasetUri(base, id))
        .sort(),
    );
    const licence = (id: string) =>
      new Set(
        store
          .getObjects(datasetUri(base, id), `${NS.dcat}distribution`, null)
          .flatMap((d) => store.getObjects(d, `${NS.dct}license`, null).map((o) => o.value)),
      );
    assert.deepEqual(
      [...licence('gewaehrte-foerderungen')],
      ['http://dcat-ap.de/def/licenses/dl-by-de/2.0'],
    );
    assert.deepEqual(
      [...licence('geodaten-windenergieanlagen')],
      ['http://dcat-ap.de/def/licenses/cc-by/4.0'],
    );
    // The notices' feed is a distribution of the notices.
    assert.ok(
      store.getSubjects(`${NS.dcat}accessURL`, `${base}bekanntmachungen/feed.atom`, null)[0],
    );
  });

  it('the RDF/XML catalogue is well-formed and states the same triples', async () => {
    const rdf = await anonymous.get('/daten/katalog.rdf');
    assert.equal(rdf.statusCode, 200);
    assert.match(String(rdf.headers['content-type']), /^application\/rdf\+xml/);
    const turtle = await anonymous.get('/daten/katalog.ttl');
    assert.deepEqual(rdfXmlTriples(rdf.body), storeTriples(parseTurtle(turtle.body)));
    assert.ok(!rdf.body.includes('<b>'));
  });

  it('lists every data set on /daten with its files, licence and the feeds', async () => {
    const page = await anonymous.get('/daten');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1[^>]*>Offene Daten<\/h1>/);
    for (const href of [
      '/daten/katalog.rdf',
      '/daten/katalog.ttl',
      '/foerderung/vergaben.atom',
      '/monitoring/aktualisierungen.atom',
      '/monitoring/datenpaket.zip',
      '/bekanntmachungen/feed.atom',
      '/foerderung/vergaben.csv',
      '/ogc/collections/windenergieanlagen/items?f=json',
      '/monitoring/genehmigungsdauer.csv',
    ]) {
      assert.ok(page.body.includes(`href="${href.replaceAll('&', '&amp;')}"`), href);
    }
    assert.match(page.body, /id="datensatz-gewaehrte-foerderungen"/);
    assert.match(page.body, /CC BY 4\.0/);
    assert.ok(!page.body.includes('<b>Fake'), 'escaped');
    assert.match((await anonymous.get('/')).body, /href="\/daten"/);
  });

  it('the award feed is valid Atom with the published awards, escaped, without sole traders', async () => {
    const response = await anonymous.get('/foerderung/vergaben.atom');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/atom\+xml/);
    const entries = assertAtom(response.body);
    // The three demo awards and the two recorded ones whose publication has begun.
    assert.equal(entries.length, 5);
    const titles = entries.map((e) => child(e, 'title')!.textContent ?? '');
    assert.ok(titles.some((x) => x.startsWith(`${HOSTILE.replace('\u0007', '')}: 200.000,00 €`)));
    assert.ok(!response.body.includes('<b>'));
    assert.ok(!response.body.includes('\u0007'));
    assert.ok(!response.body.includes('Mustermann'), 'no sole trader name');
    assert.ok(!response.body.includes('Zukunft GmbH'), 'not before its publication');
    assert.ok(
      titles.some((x) => x.startsWith('Einzelunternehmen (Name wird nicht veröffentlicht)')),
    );
  });

  it('the indicator feed is valid Atom with one dated entry per figure, escaped', async () => {
    const response = await anonymous.get('/monitoring/aktualisierungen.atom');
    assert.equal(response.statusCode, 200);
    const entries = assertAtom(response.body);
    assert.equal(entries.length, 2);
    assert.equal(
      child(entries[0]!, 'link')!.getAttribute('href'),
      `${t.deps.config.publicUrl}monitoring/genehmigungsdauer?stand=2026-12-02`,
    );
    assert.equal(
      child(entries[1]!, 'title')!.textContent,
      `${HOSTILE.replace('\u0007', '')}: Stand 31. Dezember 2021`,
    );
    assert.ok(!response.body.includes('<b>'));
  });

  it('the data package holds datapackage.json and per figure a CSV that matches its JSON', async () => {
    const response = await anonymous.get('/monitoring/datenpaket.zip');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/zip');
    const entries = readZip(response.rawPayload);
    const descriptor = JSON.parse(entries.get('datapackage.json')!.toString('utf8')) as {
      profile: string;
      licenses: { name: string }[];
      resources: {
        name: string;
        path: string;
        licenses: { name: string }[];
        sources: { title: string }[];
        schema: { fields: { name: string; type: string }[] };
      }[];
    };
    assert.equal(descriptor.profile, 'tabular-data-package');
    assert.equal(descriptor.licenses[0]!.name, 'http://dcat-ap.de/def/licenses/dl-by-de/2.0');
    assert.deepEqual(
      descriptor.resources.map((r) => r.name),
      ['genehmigungsdauer', 'emissionen'],
    );
    for (const resource of descriptor.resources) {
      const data = DATA[resource.name]!;
      assert.deepEqual(
        resource.schema.fields.map((f) => f.name),
        data.columns.map((c) => c.name),
      );
      assert.ok(resource.sources[0]!.title);
      const csv = parseCsv(entries.get(resource.path)!.toString('utf8'));
      const json = JSON.parse(
        entries.get(resource.path.replace(/\.csv$/, '.json'))!.toString('utf8'),
      ) as Record<string, string | number | null>[];
      assert.deepEqual(
        csv[0],
        resource.schema.fields.map((f) => f.name),
      );
      assert.equal(csv.length - 1, json.length);
      json.forEach((row, i) => {
        const expected = resource.schema.fields.map((f) => {
          const value = row[f.name];
          if (value === null || value === undefined) return '';
          return typeof value === 'string' ? safeCell(value) : String(value);
        });
        assert.deepEqual(csv[i + 1], expected, `${resource.name} row ${i + 1}`);
      });
      // The values are those of the figure (at the decimals shown), not only self-consistent.
      const shown = data.rows.map((row) =>
        row.map((v, k) => {
          const decimals = data.columns[k]!.decimals;
          return typeof v === 'number' && decimals !== undefined ? Number(v.toFixed(decimals)) : v;
        }),
      );
      assert.deepEqual(
        json.map((row) => data.columns.map((c) => row[c.name])),
        shown,
      );
    }
    // Numbers are rounded to the decimals the chart shows, in the CSV and the JSON alike.
    assert.match(
      entries.get('daten/genehmigungsdauer.csv')!.toString('utf8'),
      /\r\nVollständigkeit,31\.5,12\r\n/,
    );
    // A formula-like text cell is neutralised as in every CSV the portal writes.
    assert.match(entries.get('daten/genehmigungsdauer.csv')!.toString('utf8'), /'=SUMME\(A1\)/);
  });
});

describe('open data without any figure or layer', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ app: { layers: [], figures: NO_FIGURES } });
  });
  after(async () => t.close());

  it('the catalogue stays valid and the feed and package are empty but well-formed', async () => {
    const client = new Client(t.app);
    const store = parseTurtle((await client.get('/daten/katalog.ttl')).body);
    assert.deepEqual(dcatApDeViolations(store), []);
    const feed = await client.get('/monitoring/aktualisierungen.atom');
    assert.equal(assertAtom(feed.body).length, 0);
    const zip = readZip((await client.get('/monitoring/datenpaket.zip')).rawPayload);
    assert.deepEqual([...zip.keys()], ['datapackage.json']);
  });
});

describe('open data of the running portal', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('lists every geodata layer of the registers in a valid catalogue by default', async () => {
    const turtle = (await new Client(t.app).get('/daten/katalog.ttl')).body;
    assert.deepEqual(dcatApDeViolations(parseTurtle(turtle)), []);
    for (const title of ['Windenergieanlagen', 'Gewerbe- und Industrieflächen']) {
      assert.ok(turtle.includes(title), `${title} fehlt im Katalog`);
    }
  });
});
