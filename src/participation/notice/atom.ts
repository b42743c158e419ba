/**
 * Atom 1.0 feed (RFC 4287) of public notices, so citizens and associations can subscribe instead
 * of watching the gazette. Every text and attribute is escaped; characters that XML 1.0 forbids
 * are removed, because a single one makes the whole feed unreadable for every subscriber.
 */
export interface AtomEntry {
  id: string;
  title: string;
  url: string;
  published: Date;
  updated: Date;
  summary: string;
  authorityName: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  selfUrl: string;
  siteUrl: string;
  updated: Date;
  entries: AtomEntry[]; // newest first; the order is kept as given
}

// Outside the XML 1.0 Char production (C0 controls except tab/LF/CR, lone surrogates, U+FFFE/F),
// plus DEL and the C1 controls, which XML 1.0 allows but discourages and no reader displays.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

export function xmlText(value: string): string {
  return value
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Attribute values also escape quotes and keep tab/LF/CR from attribute-value normalisation. */
export function xmlAttribute(value: string): string {
  return xmlText(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** Only http(s) links: a feed reader must never receive a javascript: or data: URL from us. */
function webUrl(value: string): string {
  const protocol = new URL(value).protocol;
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new RangeError(`Feed-Link mit unzulässigem Schema: ${protocol}`);
  }
  return xmlAttribute(value);
}

// RFC 3339 timestamp in UTC, as Atom date constructs require (RFC 4287 § 3.3).
function timestamp(date: Date): string {
  return date.toISOString();
}

function entry(e: AtomEntry): string {
  return [
    '  <entry>',
    `    <id>${xmlText(e.id)}</id>`,
    `    <title type="text">${xmlText(e.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${webUrl(e.url)}"/>`,
    `    <published>${timestamp(e.published)}</published>`,
    `    <updated>${timestamp(e.updated)}</updated>`,
    `    <author><name>${xmlText(e.authorityName)}</name></author>`,
    `    <summary type="text">${xmlText(e.summary)}</summary>`,
    '  </entry>',
  ].join('\n');
}

// Every entry carries its authority as author, which satisfies the feed-level author rule of
// RFC 4287 § 4.1.1 without inventing a feed author.
export function renderAtomFeed(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">',
    `  <id>${xmlText(feed.id)}</id>`,
    `  <title type="text">${xmlText(feed.title)}</title>`,
    `  <updated>${timestamp(feed.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${webUrl(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${webUrl(feed.siteUrl)}"/>`,
    ...feed.entries.map(entry),
    '</feed>',
    '',
  ].join('\n');
}
