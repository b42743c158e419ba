import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { imageSize } from 'image-size';

/**
 * Checks an uploaded authority logo before anything is stored. The logo is printed in letters and
 * shown on pages of logged-in users, so it must be what it claims to be: a PNG of sensible size,
 * or an SVG that is a picture only — no script, no embedded HTML, no references to anything
 * outside itself (which could track readers or load content), no entity tricks. Pure.
 */
export const PNG_MAX_BYTES = 512 * 1024;
export const SVG_MAX_BYTES = 256 * 1024;
export const LOGO_MAX_PIXELS = 2000;
/** Read at most this much of an upload; anything longer is refused without reading it all. */
export const LOGO_READ_LIMIT = PNG_MAX_BYTES;

export type LogoMediaType = 'image/png' | 'image/svg+xml';
export type LogoCheck = { ok: true; mediaType: LogoMediaType } | { ok: false; message: string };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_END = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const SVG_NS = 'http://www.w3.org/2000/svg';

const refuse = (message: string): LogoCheck => ({ ok: false, message });

export function checkLogo(filename: string, content: Buffer): LogoCheck {
  const extension = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  if (content.length === 0) return refuse('Die Datei ist leer.');
  if (extension === 'png') return checkPng(content);
  if (extension === 'svg') return checkSvg(content);
  return refuse('Das Logo muss eine PNG-Datei (.png) oder eine SVG-Datei (.svg) sein.');
}

function checkPng(content: Buffer): LogoCheck {
  if (content.length > PNG_MAX_BYTES)
    return refuse(`Ein PNG-Logo darf höchstens ${PNG_MAX_BYTES / 1024} KB groß sein.`);
  if (!content.subarray(0, 8).equals(PNG_SIGNATURE))
    return refuse('Die Datei ist keine PNG-Datei: Ihr Inhalt passt nicht zur Endung .png.');
  // A truncated or padded file would be shown by some readers and not by others.
  if (!content.subarray(-12).equals(PNG_END))
    return refuse('Die PNG-Datei ist unvollständig oder beschädigt.');
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(content);
  } catch {
    return refuse('Die PNG-Datei ist beschädigt: Ihre Bildgröße lässt sich nicht lesen.');
  }
  if (size.type !== 'png' || !size.width || !size.height)
    return refuse('Die PNG-Datei ist beschädigt: Ihre Bildgröße lässt sich nicht lesen.');
  if (size.width > LOGO_MAX_PIXELS || size.height > LOGO_MAX_PIXELS)
    return refuse(
      `Das Logo ist ${size.width} × ${size.height} Pixel groß; erlaubt sind höchstens ${LOGO_MAX_PIXELS} Pixel je Seite.`,
    );
  return { ok: true, mediaType: 'image/png' };
}

/** Attribute values that point somewhere: only fragment references (#id) inside the file. */
const EXTERNAL_URL = /url\(\s*(['"]?)(?!#)/i;
const ANIMATIONS = new Set(['set', 'animate', 'animatemotion', 'animatetransform']);
const FORBIDDEN_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object']);

function checkSvg(content: Buffer): LogoCheck {
  if (content.length > SVG_MAX_BYTES)
    return refuse(`Ein SVG-Logo darf höchstens ${SVG_MAX_BYTES / 1024} KB groß sein.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return refuse('Die SVG-Datei ist keine Textdatei in UTF-8.');
  }
  // Entities can expand to gigabytes or read local files; a logo needs no document type.
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    return refuse(
      'Die SVG-Datei enthält eine Dokumenttyp- oder Entity-Deklaration (nicht erlaubt).',
    );
  if (/<\?xml-stylesheet/i.test(text))
    return refuse('Die SVG-Datei verweist auf ein externes Stylesheet (nicht erlaubt).');
  let root: Element | null;
  try {
    const document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'image/svg+xml');
    root = document.documentElement;
  } catch {
    return refuse('Die SVG-Datei ist kein gültiges XML.');
  }
  if (!root || root.localName !== 'svg' || root.namespaceURI !== SVG_NS)
    return refuse('Die Datei ist keine SVG-Grafik (das Wurzelelement muss <svg> sein).');
  const problem = findActiveContent(root);
  return problem ? refuse(problem) : { ok: true, mediaType: 'image/svg+xml' };
}

function findActiveContent(node: Node): string | null {
  if (node.nodeType === node.PROCESSING_INSTRUCTION_NODE)
    return 'Die SVG-Datei enthält Verarbeitungsanweisungen (nicht erlaubt).';
  if (node.nodeType !== node.ELEMENT_NODE) {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      const found = findActiveContent(child);
      if (found) return found;
    }
    return null;
  }
  const element = node as Element;
  const name = (element.localName ?? element.nodeName).toLowerCase();
  if (FORBIDDEN_ELEMENTS.has(name))
    return `Die SVG-Datei enthält das Element <${element.nodeName}> (Skripte und eingebettete Inhalte sind nicht erlaubt).`;
  if (name === 'style' && EXTERNAL_URL.test(element.textContent ?? ''))
    return 'Die SVG-Datei lädt in einem Stylesheet Inhalte von außen (url(…) ist nur mit #-Verweisen erlaubt).';
  if (name === 'style' && /@import/i.test(element.textContent ?? ''))
    return 'Die SVG-Datei lädt ein externes Stylesheet (@import ist nicht erlaubt).';
  for (let i = 0; i < element.attributes.length; i++) {
    const attribute = element.attributes.item(i)!;
    const attrName = (attribute.localName ?? attribute.name).toLowerCase();
    const value = attribute.value.trim();
    if (attrName.startsWith('on'))
      return `Die SVG-Datei enthält das Ereignisattribut ${attribute.name} (Skripte sind nicht erlaubt).`;
    if (attrName === 'href' && !value.startsWith('#'))
      return `Die SVG-Datei verweist mit ${attribute.name} auf „${value.slice(0, 60)}“; erlaubt sind nur Verweise innerhalb der Datei (#…).`;
    if (EXTERNAL_URL.test(value))
      return `Die SVG-Datei lädt im Attribut ${attribute.name} Inhalte von außen (url(…) ist nur mit #-Verweisen erlaubt).`;
    if (ANIMATIONS.has(name) && attrName === 'attributename' && /href/i.test(value))
      return 'Die SVG-Datei verändert Verweise durch Animation (nicht erlaubt).';
  }
  for (let child = element.firstChild; child; child = child.nextSibling) {
    const found = findActiveContent(child);
    if (found) return found;
  }
  return null;
}
