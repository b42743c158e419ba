/**
 * Serialising the catalogue graph: Turtle through the n3 library, RDF/XML (what CKAN-based
 * harvesters such as GovData's read by default) by a small writer, because n3 writes no XML.
 * The RDF/XML writer handles exactly the graphs dcat.graph.ts builds — named and blank
 * subjects, IRIs, plain, language-tagged and typed literals — and escapes every text and
 * attribute like the Atom feed.
 */
import { Writer, type Quad } from 'n3';
import { xmlAttribute, xmlText } from '../participation/notice/atom.ts';
import { NS } from './dcat.graph.ts';

export async function toTurtle(quads: readonly Quad[]): Promise<string> {
  const writer = new Writer({ prefixes: NS });
  writer.addQuads([...quads]);
  return new Promise((resolve, reject) => {
    writer.end((error: Error | null, result: string) => (error ? reject(error) : resolve(result)));
  });
}

const NAME_START = /^[A-Za-z_][A-Za-z0-9._-]*$/;

/** prefix:local for an IRI in one of the declared namespaces (RDF/XML needs element names). */
function qname(iri: string): string {
  for (const [prefix, ns] of Object.entries(NS)) {
    const local = iri.slice(ns.length);
    if (iri.startsWith(ns) && NAME_START.test(local)) return `${prefix}:${local}`;
  }
  throw new RangeError(`Kein Namensraum für ${iri}`);
}

function subjectAttribute(term: Quad['subject']): string {
  return term.termType === 'BlankNode'
    ? `rdf:nodeID="${xmlAttribute(term.value)}"`
    : `rdf:about="${xmlAttribute(term.value)}"`;
}

function property(q: Quad): string {
  const name = qname(q.predicate.value);
  const o = q.object;
  if (o.termType === 'NamedNode') return `    <${name} rdf:resource="${xmlAttribute(o.value)}"/>`;
  if (o.termType === 'BlankNode') return `    <${name} rdf:nodeID="${xmlAttribute(o.value)}"/>`;
  if (o.termType !== 'Literal') throw new RangeError(`Unerwarteter Term ${o.termType}`);
  let attributes = '';
  if (o.language) attributes = ` xml:lang="${xmlAttribute(o.language)}"`;
  else if (o.datatype.value !== `${NS.xsd}string`) {
    attributes = ` rdf:datatype="${xmlAttribute(o.datatype.value)}"`;
  }
  return `    <${name}${attributes}>${xmlText(o.value)}</${name}>`;
}

/** One node element per subject, typed by its first rdf:type, in the order subjects appear. */
export function toRdfXml(quads: readonly Quad[]): string {
  const bySubject = new Map<string, Quad[]>();
  for (const q of quads) {
    const key = `${q.subject.termType}:${q.subject.value}`;
    const list = bySubject.get(key);
    if (list) list.push(q);
    else bySubject.set(key, [q]);
  }
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rdf:RDF',
    ...Object.entries(NS).map(([prefix, ns]) => `  xmlns:${prefix}="${ns}"`),
    '>',
  ];
  lines[lines.length - 2] += '>';
  lines.pop();
  for (const group of bySubject.values()) {
    const typeIndex = group.findIndex((q) => q.predicate.value === `${NS.rdf}type`);
    const typed = typeIndex >= 0 ? group[typeIndex]! : undefined;
    const element = typed ? qname(typed.object.value) : 'rdf:Description';
    lines.push(`  <${element} ${subjectAttribute(group[0]!.subject)}>`);
    group.forEach((q, i) => {
      if (i !== typeIndex) lines.push(property(q));
    });
    lines.push(`  </${element}>`);
  }
  lines.push('</rdf:RDF>', '');
  return lines.join('\n');
}
