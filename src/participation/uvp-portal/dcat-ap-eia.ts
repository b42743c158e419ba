/**
 * One procedure as a DCAT-AP.EIA 0.1.1 record (RDF/XML): the exchange format of the UVP portal
 * of the Länder (uvp-verbund.de, which NRW uses as its central portal under § 20 UVPG). Its
 * editor imports such files ("DCAT-AP.EIA", content type application/rdf+xml), and the
 * specification defines an API that accepts them. Pure: plain data in, text out; every text and
 * attribute is escaped like the Atom feed. See docs/uvp-portal.md. [open] Whether NRW's catalogue
 * takes the import, and under which catalogue key, is agreed with the portal's operator.
 */
import { xmlAttribute, xmlText } from '../notice/atom.ts';

export const EIA_NS = 'http://specs.uvp-verbund.de/eia/';
const CODES = 'https://specs.uvp-verbund.de/resource';

/** Codelist "docType" of DCAT-AP.EIA. */
export type EiaDocType = 'announcement' | 'eiaReport' | 'hearingInformation' | 'decision';
/** Codelist "processStepType" of DCAT-AP.EIA. */
export type EiaStepType = 'publicDisclosure' | 'publicHearing' | 'approvalDecision';

export interface EiaDistribution {
  /** Stable URI of the distribution (the public URL of the document plus '#'). */
  uri: string;
  title: string;
  description: string;
  url: string;
  format: 'PDF' | 'PNG' | 'JPEG' | 'DOCX' | 'ZIP';
  issued: string;
  docType: EiaDocType;
}

export interface EiaProcessStep {
  id: string;
  type: EiaStepType;
  start: string | null;
  end: string | null;
  distributions: readonly EiaDistribution[];
}

export interface EiaRecord {
  catalogUrl: string;
  catalogTitle: string;
  datasetUri: string;
  identifier: string;
  title: string;
  description: string;
  publisher: string;
  contact: {
    name: string;
    street: string | null;
    postalCode: string | null;
    locality: string | null;
    email: string;
    phone: string | null;
    url: string | null;
  };
  /** Longitude/latitude (WGS 84) of the site's bounding box. */
  bbox: { west: number; south: number; east: number; north: number };
  placeName: string;
  /** UVPG Annex 1 number in the portal's notation, e.g. 'UVPG-1.6.1'. */
  eiaNumbers: readonly string[];
  prelimAssessment: boolean;
  receiptDate: string | null;
  decisionDate: string | null;
  modified: string;
  steps: readonly EiaProcessStep[];
}

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const WKT = 'http://www.opengis.net/ont/geosparql#wktLiteral';

function date(tag: string, value: string, type: 'date' | 'dateTime' = 'date'): string {
  return `<${tag} rdf:datatype="${XSD}${type}">${xmlText(value)}</${tag}>`;
}

function res(tag: string, uri: string): string {
  return `<${tag} rdf:resource="${xmlAttribute(uri)}"/>`;
}

function lit(tag: string, value: string, lang = false): string {
  return `<${tag}${lang ? ' xml:lang="de"' : ''}>${xmlText(value)}</${tag}>`;
}

function coordinate(n: number): string {
  // Six decimals are 0.1 m: enough for a site, and never an exponent in the literal.
  return n.toFixed(6);
}

function polygon(b: EiaRecord['bbox']): string {
  const [w, s, e, n] = [b.west, b.south, b.east, b.north].map(coordinate);
  return `POLYGON ((${w} ${s}, ${w} ${n}, ${e} ${n}, ${e} ${s}, ${w} ${s}))`;
}

function contactPoint(c: EiaRecord['contact']): string[] {
  return [
    '    <dcat:contactPoint>',
    '      <vcard:Organization>',
    `        ${lit('vcard:fn', c.name)}`,
    ...(c.postalCode ? [`        ${lit('vcard:hasPostalCode', c.postalCode)}`] : []),
    ...(c.street ? [`        ${lit('vcard:hasStreetAddress', c.street)}`] : []),
    ...(c.locality ? [`        ${lit('vcard:hasLocality', c.locality)}`] : []),
    `        ${lit('vcard:hasCountryName', 'Deutschland')}`,
    `        ${lit('vcard:hasEmail', c.email)}`,
    ...(c.phone ? [`        ${lit('vcard:hasTelephone', c.phone)}`] : []),
    ...(c.url ? [`        ${lit('vcard:hasURL', c.url)}`] : []),
    '      </vcard:Organization>',
    '    </dcat:contactPoint>',
  ];
}

function processStep(step: EiaProcessStep, base: string): string[] {
  const temporal =
    step.start || step.end
      ? [
          '        <dct:temporal>',
          '          <dct:PeriodOfTime>',
          ...(step.start ? [`            ${date('dcat:startDate', step.start)}`] : []),
          ...(step.end ? [`            ${date('dcat:endDate', step.end)}`] : []),
          '          </dct:PeriodOfTime>',
          '        </dct:temporal>',
        ]
      : [];
  return [
    '    <eia:processStep>',
    `      <eia:ProcessStep rdf:about="${xmlAttribute(`${base}#${step.id}`)}">`,
    `        ${lit('dct:identifier', step.id)}`,
    `        ${res('eia:processStepType', `${CODES}/processStepType#${step.type}`)}`,
    ...step.distributions.map((d) => `        ${res('dcat:distribution', d.uri)}`),
    ...temporal,
    '      </eia:ProcessStep>',
    '    </eia:processStep>',
  ];
}

function distribution(d: EiaDistribution): string[] {
  return [
    `  <dcat:Distribution rdf:about="${xmlAttribute(d.uri)}">`,
    `    ${lit('dct:title', d.title, true)}`,
    `    ${lit('dct:description', d.description)}`,
    `    ${res('dcat:accessURL', d.url)}`,
    `    ${res('dcat:downloadURL', d.url)}`,
    `    ${lit('dct:format', d.format)}`,
    `    ${date('dct:issued', d.issued)}`,
    `    ${res('eia:docType', `${CODES}/docType#${d.docType}`)}`,
    '  </dcat:Distribution>',
  ];
}

export function renderDcatApEia(r: EiaRecord): string {
  const distributions = r.steps.flatMap((s) => s.distributions);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rdf:RDF',
    '  xmlns:dcat="http://www.w3.org/ns/dcat#"',
    '  xmlns:dct="http://purl.org/dc/terms/"',
    `  xmlns:eia="${EIA_NS}"`,
    '  xmlns:foaf="http://xmlns.com/foaf/0.1/"',
    '  xmlns:locn="http://www.w3.org/ns/locn#"',
    '  xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"',
    '  xmlns:vcard="http://www.w3.org/2006/vcard/ns#">',
    `  <dcat:Catalog rdf:about="${xmlAttribute(r.catalogUrl)}">`,
    `    ${res('dcat:dataset', r.datasetUri)}`,
    `    ${lit('dct:title', r.catalogTitle, true)}`,
    `    ${lit('dct:description', `UVP-pflichtige Vorhaben: ${r.publisher}`, true)}`,
    '    <dct:publisher><foaf:Agent>',
    `      ${lit('foaf:name', r.publisher)}`,
    '    </foaf:Agent></dct:publisher>',
    `    ${date('dct:modified', r.modified)}`,
    '  </dcat:Catalog>',
    `  <dcat:Dataset rdf:about="${xmlAttribute(r.datasetUri)}">`,
    `    ${lit('dct:title', r.title, true)}`,
    `    ${lit('dct:description', r.description, true)}`,
    `    ${lit('dct:identifier', r.identifier)}`,
    ...contactPoint(r.contact),
    '    <dct:publisher><foaf:Agent>',
    `      ${lit('foaf:name', r.publisher)}`,
    '    </foaf:Agent></dct:publisher>',
    ...distributions.map((d) => `    ${res('dcat:distribution', d.uri)}`),
    '    <dct:spatial>',
    '      <dct:Location>',
    `        <dcat:bbox rdf:datatype="${WKT}">${polygon(r.bbox)}</dcat:bbox>`,
    `        <locn:geometry rdf:datatype="${WKT}">${polygon(r.bbox)}</locn:geometry>`,
    `        ${lit('locn:geographicName', r.placeName)}`,
    '      </dct:Location>',
    '    </dct:spatial>',
    `    ${date('dct:modified', r.modified)}`,
    ...r.eiaNumbers.map((n) => `    ${lit('eia:number', n)}`),
    `    ${res('eia:procedureType', `${CODES}/procedureType#approvalProcedure`)}`,
    `    <eia:prelimAssessment>${r.prelimAssessment ? 'true' : 'false'}</eia:prelimAssessment>`,
    ...(r.receiptDate ? [`    ${date('eia:receiptDate', r.receiptDate)}`] : []),
    ...(r.decisionDate ? [`    ${date('eia:decisionDate', r.decisionDate)}`] : []),
    ...r.steps.flatMap((s) => processStep(s, r.datasetUri)),
    '  </dcat:Dataset>',
    ...distributions.flatMap(distribution),
    '</rdf:RDF>',
    '',
  ].join('\n');
}

/**
 * UVPG Annex 1 No. 1.6 (wind farms): 20 or more turbines X (always an EIA), 6 to 19 A (general
 * screening), 3 to 5 S (site-related screening); the portal writes the number as 'UVPG-1.6.n'.
 */
export function windFarmEiaNumber(turbines: number): string {
  if (turbines >= 20) return 'UVPG-1.6.1';
  if (turbines >= 6) return 'UVPG-1.6.2';
  return 'UVPG-1.6.3';
}
