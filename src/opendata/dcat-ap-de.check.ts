/**
 * A check of a parsed catalogue against the mandatory parts of DCAT-AP.de 2.0 (the rules GovData's
 * SHACL shapes report as violations), for the tests and for anyone who wants to check a
 * catalogue before it is harvested. It reads the graph, not our data structures, so it checks
 * what a harvester would see. Returns German messages; an empty list means no violation.
 */
import type { Store, Term } from 'n3';
import { NS } from './dcat.graph.ts';

const EU = 'http://publications.europa.eu/resource/authority/';
const TYPE = `${NS.rdf}type`;

function values(store: Store, subject: Term, predicate: string): Term[] {
  return store.getObjects(subject, predicate, null);
}

function label(term: Term): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : `<${term.value}>`;
}

export function dcatApDeViolations(store: Store): string[] {
  const problems: string[] = [];
  const need = (subject: Term, predicate: string, what: string, test?: (o: Term) => boolean) => {
    const found = values(store, subject, predicate);
    if (found.length === 0) problems.push(`${label(subject)}: ${what} fehlt`);
    else if (test && !found.every(test)) problems.push(`${label(subject)}: ${what} ungültig`);
    return found;
  };
  const isIri = (o: Term) => o.termType === 'NamedNode';
  const isText = (o: Term) => o.termType === 'Literal' && o.value.trim() !== '';
  const agent = (o: Term) =>
    values(store, o, `${NS.foaf}name`).some(isText) &&
    values(store, o, TYPE).some((t) => t.value === `${NS.foaf}Agent`);

  const catalogues = store.getSubjects(TYPE, `${NS.dcat}Catalog`, null);
  if (catalogues.length !== 1)
    problems.push(`genau ein dcat:Catalog erwartet, ${catalogues.length} gefunden`);
  for (const c of catalogues) {
    need(c, `${NS.dct}title`, 'dct:title', isText);
    need(c, `${NS.dct}description`, 'dct:description', isText);
    need(c, `${NS.dct}publisher`, 'dct:publisher (foaf:Agent mit foaf:name)', agent);
    need(c, `${NS.dcat}dataset`, 'dcat:dataset');
  }
  const listed = new Set(
    catalogues.flatMap((c) => values(store, c, `${NS.dcat}dataset`)).map((t) => t.value),
  );

  for (const d of store.getSubjects(TYPE, `${NS.dcat}Dataset`, null)) {
    if (!listed.has(d.value)) problems.push(`${label(d)}: nicht im Katalog verzeichnet`);
    need(d, `${NS.dct}title`, 'dct:title', isText);
    need(d, `${NS.dct}description`, 'dct:description', isText);
    need(d, `${NS.dct}publisher`, 'dct:publisher (foaf:Agent mit foaf:name)', agent);
    // Conventions 12/13: exactly one contributor ID from the DCAT-AP.de list.
    const contributors = need(d, `${NS.dcatde}contributorID`, 'dcatde:contributorID', (o) =>
      o.value.startsWith('http://dcat-ap.de/def/contributors/'),
    );
    if (contributors.length > 1) problems.push(`${label(d)}: mehr als eine dcatde:contributorID`);
    need(d, `${NS.dcat}theme`, 'dcat:theme', (o) => o.value.startsWith(`${EU}data-theme/`));
    need(d, `${NS.dct}accessRights`, 'dct:accessRights', (o) =>
      o.value.startsWith(`${EU}access-right/`),
    );
    need(d, `${NS.dcatde}politicalGeocodingURI`, 'dcatde:politicalGeocodingURI', isIri);
    need(d, `${NS.dcatde}politicalGeocodingLevelURI`, 'dcatde:politicalGeocodingLevelURI', isIri);
    need(d, `${NS.dcat}landingPage`, 'dcat:landingPage', isIri);
    for (const contact of values(store, d, `${NS.dcat}contactPoint`)) {
      // Convention 1: a contact point has an e-mail address or a URL.
      const reachable =
        values(store, contact, `${NS.vcard}hasEmail`).length +
        values(store, contact, `${NS.vcard}hasURL`).length;
      if (reachable === 0) problems.push(`${label(d)}: Kontakt ohne E-Mail und URL`);
    }
    const distributions = need(d, `${NS.dcat}distribution`, 'dcat:distribution');
    for (const x of distributions) {
      if (!values(store, x, TYPE).some((t) => t.value === `${NS.dcat}Distribution`)) {
        problems.push(`${label(x)}: keine dcat:Distribution`);
      }
      need(x, `${NS.dcat}accessURL`, 'dcat:accessURL', isIri);
      // Convention 31: the licence from the DCAT-AP.de list; 32: the format from the EU list.
      need(x, `${NS.dct}license`, 'dct:license', (o) =>
        o.value.startsWith('http://dcat-ap.de/def/licenses/'),
      );
      need(x, `${NS.dct}format`, 'dct:format', (o) => o.value.startsWith(`${EU}file-type/`));
      need(x, `${NS.dcat}mediaType`, 'dcat:mediaType', (o) =>
        o.value.startsWith('http://www.iana.org/assignments/media-types/'),
      );
      need(x, `${NS.dct}title`, 'dct:title', isText);
    }
  }
  return problems;
}
