import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DataFactory, Store } from 'n3';
import { dcatApDeViolations } from './dcat-ap-de.check.ts';
import { catalogueGraph, datasetUri, NS } from './dcat.graph.ts';
import { parseTurtle, rdfXmlTriples, storeTriples } from './dcat.testkit.ts';
import { toRdfXml, toTurtle } from './dcat.write.ts';
import { licenceIri, OWN_LICENCE } from './licences.ts';
import type { PublishedDataset } from './published.ts';

const PUBLIC_URL = 'https://industrieland.example/';
const HOSTILE = `</dct:title><script>alert("x")</script> & 'q' \u0000\u0007 ]]> """ \\ Ende`;

const own: PublishedDataset = {
  id: 'gewaehrte-foerderungen',
  title: 'Gewährte Förderungen',
  description: 'Einzelbeihilfen über 100.000 €.',
  keywords: ['Förderung', HOSTILE],
  themes: ['ECON', 'GOVE'],
  landingPage: '/foerderung/vergaben',
  origin: { kind: 'own' },
  licence: { ...OWN_LICENCE, attribution: 'Plattform Industrieland' },
  modified: '2026-12-01T09:30:00.000Z',
  frequency: 'CONT',
  distributions: [
    { id: 'csv', title: 'CSV', url: '/foerderung/vergaben.csv', format: 'CSV', download: true },
    { id: 'atom', title: 'Feed', url: '/foerderung/vergaben.atom?a=1&b="2"', format: 'ATOM' },
  ],
};

const foreign: PublishedDataset = {
  id: 'geodaten-windenergieanlagen',
  title: HOSTILE,
  description: HOSTILE,
  keywords: [],
  themes: ['ENER'],
  landingPage: '/ogc/collections/windenergieanlagen?f=html',
  origin: { kind: 'source', name: 'UFZ <Leipzig>', url: 'https://www.ufz.de/' },
  licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  modified: '2019-03-01',
  distributions: [
    {
      id: 'geojson',
      title: 'GeoJSON',
      url: '/ogc/collections/windenergieanlagen/items?f=json',
      format: 'GEOJSON',
    },
  ],
};

const options = { publicUrl: PUBLIC_URL, now: new Date('2026-12-03T12:00:00Z') };

describe('DCAT-AP.de catalogue', () => {
  it('Turtle parses with n3 and has every mandatory class and property', async () => {
    const store = parseTurtle(await toTurtle(catalogueGraph([own, foreign], options)));
    assert.deepEqual(dcatApDeViolations(store), []);
    const datasets = store.getSubjects(`${NS.rdf}type`, `${NS.dcat}Dataset`, null);
    assert.equal(datasets.length, 2);
    assert.equal(store.getSubjects(`${NS.rdf}type`, `${NS.dcat}Distribution`, null).length, 3);
  });

  it('uses the DCAT-AP.de licence list: ours is dl-by-de/2.0, a source keeps its own', async () => {
    const store = parseTurtle(await toTurtle(catalogueGraph([own, foreign], options)));
    const licences = (id: string) =>
      store
        .getObjects(
          DataFactory.namedNode(datasetUri(PUBLIC_URL, id)),
          `${NS.dcat}distribution`,
          null,
        )
        .flatMap((d) => store.getObjects(d, `${NS.dct}license`, null).map((l) => l.value));
    assert.deepEqual(
      [...new Set(licences('gewaehrte-foerderungen'))],
      ['http://dcat-ap.de/def/licenses/dl-by-de/2.0'],
    );
    assert.deepEqual(licences('geodaten-windenergieanlagen'), [
      'http://dcat-ap.de/def/licenses/cc-by/4.0',
    ]);
  });

  it('keeps hostile text as text (minus characters XML forbids) in Turtle and RDF/XML', async () => {
    const quads = catalogueGraph([own, foreign], options);
    const store = parseTurtle(await toTurtle(quads));
    const title = store.getObjects(
      DataFactory.namedNode(datasetUri(PUBLIC_URL, foreign.id)),
      `${NS.dct}title`,
      null,
    );
    assert.deepEqual(
      title.map((t) => t.value),
      [HOSTILE.replaceAll('\u0000', '').replaceAll('\u0007', '')],
    );
    const xml = toRdfXml(quads);
    assert.ok(!xml.includes('<script>'));
    assert.ok(xml.includes('&lt;/dct:title&gt;&lt;script&gt;alert("x")&lt;/script&gt; &amp;'));
    // The URL parser percent-encodes the quotes; the ampersand is escaped in the attribute.
    assert.ok(
      xml.includes(
        'rdf:resource="https://industrieland.example/foerderung/vergaben.atom?a=1&amp;b=%222%22"',
      ),
    );
  });

  it('RDF/XML is well-formed and states the same triples as the Turtle', async () => {
    const quads = catalogueGraph([own, foreign], options);
    const turtle = storeTriples(parseTurtle(await toTurtle(quads)));
    const xml = rdfXmlTriples(toRdfXml(quads));
    assert.equal(xml.length, quads.length);
    assert.deepEqual(xml, turtle);
  });

  it('the check finds a missing contributor ID, a foreign licence IRI and a missing format', async () => {
    const quads = catalogueGraph([own], options).filter(
      (q) =>
        q.predicate.value !== `${NS.dcatde}contributorID` &&
        q.predicate.value !== `${NS.dct}format`,
    );
    const store = new Store(
      quads.map((q) =>
        q.predicate.value === `${NS.dct}license`
          ? DataFactory.quad(q.subject, q.predicate, DataFactory.namedNode(OWN_LICENCE.url!))
          : q,
      ),
    );
    const problems = dcatApDeViolations(store);
    assert.ok(
      problems.some((p) => p.includes('dcatde:contributorID fehlt')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.includes('dct:license ungültig')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.includes('dct:format fehlt')),
      problems.join('\n'),
    );
    assert.deepEqual(dcatApDeViolations(new Store()), [
      'genau ein dcat:Catalog erwartet, 0 gefunden',
    ]);
  });
});

describe('licence IRIs', () => {
  const cases: [string, string | undefined, string][] = [
    ['Datenlizenz Deutschland – Namensnennung – Version 2.0', undefined, 'dl-by-de/2.0'],
    ['dl-de/by-2-0', undefined, 'dl-by-de/2.0'],
    ['Datenlizenz Deutschland – Zero – Version 2.0', undefined, 'dl-zero-de/2.0'],
    ['CC BY 4.0', undefined, 'cc-by/4.0'],
    ['Creative Commons', 'https://creativecommons.org/licenses/by/4.0/', 'cc-by/4.0'],
    ['ODbL', undefined, 'odbl'],
    ['Amtliches Werk, lizenzfrei nach § 5 Abs. 1 UrhG', undefined, 'officialWork'],
  ];
  for (const [name, url, expected] of cases) {
    it(`${name} → ${expected}`, () => {
      assert.deepEqual(licenceIri({ name, url }), {
        iri: `http://dcat-ap.de/def/licenses/${expected}`,
        recognised: true,
      });
    });
  }

  it('an unknown licence is "other-open" and not recognised', () => {
    assert.deepEqual(licenceIri({ name: 'Nutzungsbedingungen des Betreibers' }), {
      iri: 'http://dcat-ap.de/def/licenses/other-open',
      recognised: false,
    });
  });
});
