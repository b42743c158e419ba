/**
 * Reading the catalogue back for tests: Turtle with the n3 parser, RDF/XML with @xmldom/xmldom
 * (the subset our writer produces: node elements with rdf:about or rdf:nodeID, property elements
 * with rdf:resource, rdf:nodeID or a literal). Both yield triples in one comparable text form.
 */
import assert from 'node:assert/strict';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { Parser, Store, type Quad } from 'n3';
import { NS } from './dcat.graph.ts';

const RDF = NS.rdf;
const XML = 'http://www.w3.org/XML/1998/namespace';

export function parseTurtle(text: string): Store {
  return new Store(new Parser({ format: 'text/turtle' }).parse(text));
}

/** One triple as text; blank nodes lose their labels, which differ between parsers. */
function tripleText(s: string, p: string, o: string): string {
  return `${s} ${p} ${o}`;
}

function termText(term: Quad['object']): string {
  if (term.termType === 'NamedNode') return `<${term.value}>`;
  if (term.termType === 'BlankNode') return '_';
  if (term.termType !== 'Literal') throw new Error(term.termType);
  const suffix = term.language ? `@${term.language}` : `^^${term.datatype.value}`;
  return `${JSON.stringify(term.value)}${suffix}`;
}

export function storeTriples(store: Store): string[] {
  return store
    .getQuads(null, null, null, null)
    .map((q) => tripleText(termText(q.subject), `<${q.predicate.value}>`, termText(q.object)))
    .sort();
}

export function parseXml(text: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(text, 'application/xml');
  assert.deepEqual(errors, [], 'wohlgeformtes XML');
  return doc;
}

function children(element: Element): Element[] {
  const list: Element[] = [];
  for (let n = element.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) list.push(n as Element);
  }
  return list;
}

export function rdfXmlTriples(text: string): string[] {
  const root = parseXml(text).documentElement;
  assert.ok(root);
  assert.equal(`${root.namespaceURI}${root.localName}`, `${RDF}RDF`);
  const triples: string[] = [];
  for (const node of children(root)) {
    const about = node.getAttributeNS(RDF, 'about');
    const subject = about ? `<${about}>` : '_';
    const typeIri = `${node.namespaceURI}${node.localName}`;
    if (typeIri !== `${RDF}Description`) {
      triples.push(tripleText(subject, `<${RDF}type>`, `<${typeIri}>`));
    }
    for (const property of children(node)) {
      const predicate = `<${property.namespaceURI}${property.localName}>`;
      const resource = property.getAttributeNS(RDF, 'resource');
      let object: string;
      if (resource) object = `<${resource}>`;
      else if (property.hasAttributeNS(RDF, 'nodeID')) object = '_';
      else {
        const lang = property.getAttributeNS(XML, 'lang');
        const datatype = property.getAttributeNS(RDF, 'datatype') || `${NS.xsd}string`;
        object = `${JSON.stringify(property.textContent ?? '')}${lang ? `@${lang}` : `^^${datatype}`}`;
      }
      triples.push(tripleText(subject, predicate, object));
    }
  }
  return triples.sort();
}
