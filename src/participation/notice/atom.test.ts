import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderAtomFeed } from './atom.ts';
import type { AtomFeed } from './atom.ts';

/**
 * A small well-formedness scan without regular expressions: tags balance, attribute values are
 * quoted and free of '<', text holds no raw '<', and every '&' starts a known or numeric entity.
 */
function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  let i = 0;
  const entity = (at: number): void => {
    const end = xml.indexOf(';', at);
    assert.ok(end > at, `unterminated entity at ${at}`);
    const name = xml.slice(at + 1, end);
    const named = ['amp', 'lt', 'gt', 'quot', 'apos'].includes(name);
    const numeric = name.startsWith('#') && name.length > 1 && !Number.isNaN(Number(name.slice(1)));
    assert.ok(named || numeric, `bad entity &${name};`);
  };
  while (i < xml.length) {
    const ch = xml[i]!;
    const code = ch.charCodeAt(0);
    assert.ok(code >= 0x20 || ch === '\n' || ch === '\t' || ch === '\r', `control char at ${i}`);
    if (ch === '&') entity(i);
    if (ch === '>') assert.fail(`raw '>' in text at ${i}`);
    if (ch !== '<') {
      i++;
      continue;
    }
    const close = xml.indexOf('>', i);
    assert.ok(close > i, 'unterminated tag');
    const tag = xml.slice(i + 1, close);
    if (tag.startsWith('?')) assert.ok(tag.endsWith('?') && i === 0, 'declaration only at start');
    else if (tag.startsWith('/')) assert.equal(stack.pop(), tag.slice(1), 'unbalanced close tag');
    else {
      let quote: string | null = null;
      for (let k = 0; k < tag.length; k++) {
        const t = tag[k]!;
        if (quote) {
          assert.notEqual(t, '<', 'raw < in attribute');
          if (t === '&') entity(i + 1 + k);
          if (t === quote) quote = null;
        } else if (t === '"' || t === "'") quote = t;
      }
      assert.equal(quote, null, 'unterminated attribute value');
      const name = tag.split(' ')[0]!.replace('/', '');
      if (!tag.endsWith('/')) stack.push(name);
    }
    i = close + 1;
  }
  assert.deepEqual(stack, [], 'unclosed elements');
}

const hostile = `<script>alert("x")</script> & 'quoted' \u0000\u0007\u000b\ufffe\ud800 ]]> ok`;
const feed: AtomFeed = {
  id: 'tag:industrieland.example,2027:bekanntmachungen',
  title: 'Bekanntmachungen & Termine',
  selfUrl: 'https://industrieland.example/bekanntmachungen.atom?kreis=borken&art="alle"',
  siteUrl: 'https://industrieland.example/bekanntmachungen',
  updated: new Date('2027-02-01T09:00:00Z'),
  entries: [
    {
      id: 'urn:uuid:2',
      title: hostile,
      url: 'https://industrieland.example/b/2?a=1&b=<2>',
      published: new Date('2027-02-01T09:00:00Z'),
      updated: new Date('2027-02-01T09:00:00Z'),
      summary: hostile,
      authorityName: 'Kreis Borken',
    },
    {
      id: 'urn:uuid:1',
      title: 'Älterer Eintrag',
      url: 'https://industrieland.example/b/1',
      published: new Date('2027-01-20T09:00:00Z'),
      updated: new Date('2027-01-21T09:00:00Z'),
      summary: 'Bekanntmachung',
      authorityName: 'Stadt Münster',
    },
  ],
};

describe('renderAtomFeed', () => {
  const xml = renderAtomFeed(feed);

  it('is well-formed Atom 1.0', () => {
    assertWellFormed(xml);
    assert.ok(
      xml.startsWith(
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"',
      ),
    );
    assert.ok(xml.includes('<updated>2027-02-01T09:00:00.000Z</updated>'));
  });

  it('escapes markup, ampersands and quotes in text and attributes', () => {
    assert.ok(!xml.includes('<script>'));
    assert.ok(xml.includes('&lt;script&gt;alert("x")&lt;/script&gt; &amp; \'quoted\''));
    assert.ok(xml.includes(']]&gt; ok'));
    assert.ok(xml.includes('href="https://industrieland.example/b/2?a=1&amp;b=&lt;2&gt;"'));
    assert.ok(xml.includes('kreis=borken&amp;art=&quot;alle&quot;'));
    assert.ok(xml.includes('<title type="text">Bekanntmachungen &amp; Termine</title>'));
  });

  it('strips characters that XML 1.0 forbids', () => {
    for (const bad of ['\u0000', '\u0007', '\u000b', '\ufffe', '\ud800']) {
      assert.ok(!xml.includes(bad), `still contains U+${bad.charCodeAt(0).toString(16)}`);
    }
  });

  it('keeps the entries in the given order with their authority as author', () => {
    assert.ok(xml.indexOf('urn:uuid:2') < xml.indexOf('urn:uuid:1'));
    assert.ok(xml.includes('<author><name>Stadt Münster</name></author>'));
    assert.ok(xml.includes('<published>2027-01-20T09:00:00.000Z</published>'));
  });

  it('refuses links that are not http(s)', () => {
    const [first] = feed.entries;
    const bad = { ...feed, entries: [{ ...first!, url: 'javascript:alert(1)' }] };
    assert.throws(() => renderAtomFeed(bad), RangeError);
  });

  it('the well-formedness check can fail', () => {
    assert.throws(() => assertWellFormed('<a><b></a></b>'));
    assert.throws(() => assertWellFormed('<a>x & y</a>'));
  });
});
