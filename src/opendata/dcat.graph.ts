/**
 * The catalogue as an RDF graph in DCAT-AP.de 2.0: one dcat:Catalog, a dcat:Dataset per
 * published data set and a dcat:Distribution per way to get it. Pure: data sets in, quads out;
 * the Turtle and RDF/XML writers serialise the same quads, so both say the same.
 *
 * Which properties, and why (DCAT-AP 2.0 as profiled by DCAT-AP.de 2.0 and its conventions
 * handbook, checked by GovData's SHACL shapes):
 * - Catalog: dct:title, dct:description, dct:publisher, dcat:dataset are mandatory.
 * - Dataset: dct:title and dct:description (DCAT-AP); dct:publisher (convention 36) and exactly
 *   one dcatde:contributorID from http://dcat-ap.de/def/contributors/ (conventions 12/13).
 *   Recommended and given: dcat:theme from the EU data-theme vocabulary (convention 30),
 *   dcat:keyword, dcat:landingPage, dct:identifier and dct:modified (duplicate detection),
 *   dcat:contactPoint with a URL (convention 1), the political geocoding of NRW.
 * - Distribution: dcat:accessURL (DCAT-AP); dct:license from the DCAT-AP.de licence list
 *   (convention 31); dct:format from the EU file-type vocabulary (convention 32); dcat:mediaType
 *   as an IANA media-type IRI.
 * [open] The contributor ID: the portal is listed as Open.NRW's contribution ('openNRW'),
 * assuming NRW hands the catalogue to GovData through its Land portal; a direct delivery needs
 * an ID of its own from GovData.
 */
import { DataFactory, type NamedNode, type Quad, type Quad_Object, type Quad_Subject } from 'n3';
import { licenceIri } from './licences.ts';
import {
  absoluteUrl,
  MEDIA_TYPES,
  type PublishedDataset,
  type PublishedDistribution,
} from './published.ts';

const namedNode = (iri: string) => DataFactory.namedNode(iri);
const literal = (value: string, tag?: string | NamedNode) => DataFactory.literal(value, tag);
// Named blank nodes keep the output the same from request to request (n3 would count on).
const blankNode = (name: string) => DataFactory.blankNode(name);
const quad = (s: Quad_Subject, p: NamedNode, o: Quad_Object) => DataFactory.quad(s, p, o);

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatde: 'http://dcat-ap.de/def/dcatde/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
} as const;

const EU = 'http://publications.europa.eu/resource/authority/';
export const CONTRIBUTOR_ID = 'http://dcat-ap.de/def/contributors/openNRW';
/** Nordrhein-Westfalen: Land key 05 of the official municipality key. */
export const NRW_GEOCODING = 'http://dcat-ap.de/def/politicalGeocoding/stateKey/05';
export const STATE_LEVEL = 'http://dcat-ap.de/def/politicalGeocoding/Level/state';

/** [open] The operator of the installation, named in the catalogue as publisher. */
export const CATALOGUE_PUBLISHER = 'Land Nordrhein-Westfalen – Plattform Industrieland';

export interface CatalogueOptions {
  publicUrl: string;
  now: Date;
}

// Characters outside XML 1.0 cannot appear in RDF/XML; removing them here keeps the Turtle and
// the RDF/XML of the catalogue the same graph.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

function text(value: string): Quad_Object {
  return literal(value.replace(NOT_XML_CHAR, ''), 'de');
}

/** An instant as xsd:dateTime, a day as xsd:date. */
function dateLiteral(value: string): Quad_Object {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return literal(value, namedNode(`${NS.xsd}${day ? 'date' : 'dateTime'}`));
}

export function catalogueUri(publicUrl: string): string {
  return `${publicUrl}daten/katalog`;
}

export function datasetUri(publicUrl: string, id: string): string {
  return `${publicUrl}daten#datensatz-${id}`;
}

function distributionUri(publicUrl: string, dataset: string, id: string): string {
  return `${publicUrl}daten#datensatz-${dataset}-${id}`;
}

/** The newest modification of any data set, or the time of the request if none has one. */
export function catalogueModified(datasets: readonly PublishedDataset[], now: Date): string {
  const times = datasets.flatMap((d) => (d.modified ? [new Date(d.modified).getTime()] : []));
  return new Date(times.length > 0 ? Math.max(...times) : now.getTime()).toISOString();
}

export function catalogueGraph(
  datasets: readonly PublishedDataset[],
  options: CatalogueOptions,
): Quad[] {
  const quads: Quad[] = [];
  const add = (s: Quad_Subject, p: string, o: Quad_Object) => quads.push(quad(s, namedNode(p), o));
  const iri = (value: string) => namedNode(absoluteUrl(options.publicUrl, value));
  const type = `${NS.rdf}type`;

  const publisher = namedNode(`${options.publicUrl}#herausgeber`);
  add(publisher, type, namedNode(`${NS.foaf}Agent`));
  add(publisher, `${NS.foaf}name`, text(CATALOGUE_PUBLISHER));
  add(publisher, `${NS.foaf}homepage`, namedNode(options.publicUrl));

  const catalogue = namedNode(catalogueUri(options.publicUrl));
  add(catalogue, type, namedNode(`${NS.dcat}Catalog`));
  add(catalogue, `${NS.dct}title`, text('Offene Daten der Plattform Industrieland'));
  add(
    catalogue,
    `${NS.dct}description`,
    text(
      'Datensätze, die die Plattform Industrieland veröffentlicht: Bekanntmachungen, gewährte ' +
        'Förderungen, Geodaten der Register und die Kennzahlen des Monitorings der industriellen ' +
        'Transformation in Nordrhein-Westfalen.',
    ),
  );
  add(catalogue, `${NS.dct}publisher`, publisher);
  add(catalogue, `${NS.foaf}homepage`, iri('/daten'));
  add(catalogue, `${NS.dct}language`, namedNode(`${EU}language/DEU`));
  add(catalogue, `${NS.dcat}themeTaxonomy`, namedNode(`${EU}data-theme`));
  add(catalogue, `${NS.dct}modified`, dateLiteral(catalogueModified(datasets, options.now)));

  // One contact for every data set: the operator, reachable through its imprint page.
  const contact = namedNode(`${options.publicUrl}#kontakt`);
  add(contact, type, namedNode(`${NS.vcard}Organization`));
  add(contact, `${NS.vcard}fn`, text(CATALOGUE_PUBLISHER));
  add(contact, `${NS.vcard}hasURL`, iri('/impressum'));

  datasets.forEach((dataset, index) => {
    const node = namedNode(datasetUri(options.publicUrl, dataset.id));
    add(catalogue, `${NS.dcat}dataset`, node);
    add(node, type, namedNode(`${NS.dcat}Dataset`));
    add(node, `${NS.dct}title`, text(dataset.title));
    add(node, `${NS.dct}description`, text(dataset.description));
    add(node, `${NS.dct}identifier`, literal(node.value));
    add(node, `${NS.dcatde}contributorID`, namedNode(CONTRIBUTOR_ID));
    add(node, `${NS.dct}publisher`, publisher);
    if (dataset.origin.kind === 'source') {
      // Who made the data (DCAT-AP.de "Urheber"): the publisher passes it on under its terms.
      const originator = blankNode(`urheber-${index + 1}`);
      add(node, `${NS.dcatde}originator`, originator);
      add(originator, type, namedNode(`${NS.foaf}Agent`));
      add(originator, `${NS.foaf}name`, text(dataset.origin.name));
      if (dataset.origin.url) add(originator, `${NS.foaf}homepage`, iri(dataset.origin.url));
    }
    add(node, `${NS.dcat}contactPoint`, contact);
    for (const theme of dataset.themes) {
      add(node, `${NS.dcat}theme`, namedNode(`${EU}data-theme/${theme}`));
    }
    for (const keyword of dataset.keywords) add(node, `${NS.dcat}keyword`, text(keyword));
    add(node, `${NS.dcat}landingPage`, iri(dataset.landingPage));
    if (dataset.modified) add(node, `${NS.dct}modified`, dateLiteral(dataset.modified));
    add(node, `${NS.dct}language`, namedNode(`${EU}language/DEU`));
    add(node, `${NS.dct}accessRights`, namedNode(`${EU}access-right/PUBLIC`));
    add(node, `${NS.dcatde}politicalGeocodingLevelURI`, namedNode(STATE_LEVEL));
    add(node, `${NS.dcatde}politicalGeocodingURI`, namedNode(NRW_GEOCODING));
    if (dataset.frequency) {
      add(node, `${NS.dct}accrualPeriodicity`, namedNode(`${EU}frequency/${dataset.frequency}`));
    }
    for (const distribution of dataset.distributions) {
      const d = namedNode(distributionUri(options.publicUrl, dataset.id, distribution.id));
      add(node, `${NS.dcat}distribution`, d);
      distributionQuads(d, dataset, distribution, add, iri);
    }
  });
  return quads;
}

function distributionQuads(
  d: Quad_Subject,
  dataset: PublishedDataset,
  distribution: PublishedDistribution,
  add: (s: Quad_Subject, p: string, o: Quad_Object) => void,
  iri: (value: string) => Quad_Object,
): void {
  const licence = distribution.licence ?? dataset.licence;
  add(d, `${NS.rdf}type`, namedNode(`${NS.dcat}Distribution`));
  add(d, `${NS.dct}title`, text(distribution.title));
  add(d, `${NS.dcat}accessURL`, iri(distribution.url));
  if (distribution.download) add(d, `${NS.dcat}downloadURL`, iri(distribution.url));
  add(d, `${NS.dct}format`, namedNode(`${EU}file-type/${distribution.format}`));
  add(
    d,
    `${NS.dcat}mediaType`,
    namedNode(`http://www.iana.org/assignments/media-types/${MEDIA_TYPES[distribution.format]}`),
  );
  add(d, `${NS.dct}license`, namedNode(licenceIri(licence).iri));
  if (licence.attribution)
    add(d, `${NS.dcatde}licenseAttributionByText`, text(licence.attribution));
  if (dataset.modified) add(d, `${NS.dct}modified`, dateLiteral(dataset.modified));
}
