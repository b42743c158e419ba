import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { addSquareAreas } from '../helpers/wind-areas.ts';

const PATH = '/windenergiegebiete/gebiete';

/** The names in the register table (its row headers), unescaped enough for the test names. */
const rowNames = (html: string) =>
  [...html.matchAll(/<th scope="row"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]!);

/** The addresses of the paging links (rel prev/next), unescaped. */
const pagingLink = (html: string, rel: 'prev' | 'next') => {
  const found = new RegExp(`<a class="kern-link" href="([^"]*)" rel="${rel}">`).exec(html);
  return found ? found[1]!.replaceAll('&amp;', '&') : undefined;
};

describe('wind-area register list: paged in the database', () => {
  let t: TestApp;
  let client: Client;
  before(async () => {
    t = await createTestApp();
    client = new Client(t.app);
    // The demo holds 9 areas on 31.12.2025 and 15 since 30.06.2026; 250 more on 01.07.2026 and
    // 5 more on 01.08.2026: 265 on 15.07.2026 and 270 today.
    for (const [prefix, count, latStart, effectiveOn] of [
      ['Testgebiet', 250, 51.45, '2026-07-01'],
      ['Nachtrag', 5, 51.5, '2026-08-01'],
    ] as const)
      await addSquareAreas(t.database.db, {
        prefix,
        count,
        latStart,
        effectiveOn,
        now: t.deps.clock.now(),
      });
  });
  after(async () => t.close());

  it('shows 100 areas a page with the count, every area once over all pages', async () => {
    const first = await client.get(PATH);
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /Version 4 vom 01\.08\.2026, 270 Gebiete\./);
    assert.match(first.body, /Gebiete 1 bis 100 von 270\./);
    assert.match(first.body, /<nav aria-label="Seiten"/);
    assert.match(first.body, /Seite 1 von 3/);
    assert.equal(pagingLink(first.body, 'prev'), undefined);
    assert.equal(pagingLink(first.body, 'next'), `${PATH}?seite=2`);
    const seen: string[] = [];
    let href: string | undefined = PATH;
    let pages = 0;
    while (href) {
      const page = await client.get(href);
      assert.equal(page.statusCode, 200, href);
      const names = rowNames(page.body);
      assert.equal(names.length, pages < 2 ? 100 : 70, href);
      seen.push(...names);
      pages++;
      href = pagingLink(page.body, 'next');
    }
    assert.equal(pages, 3);
    assert.equal(new Set(seen).size, 270);
    // The register's order (name) runs on across the pages (the test's names are plain ASCII).
    const added = seen.filter((n) => /^(Nachtrag|Testgebiet) \d{3}$/.test(n));
    assert.equal(added.length, 255);
    assert.deepEqual(added, [...added].sort());
    const last = await client.get(`${PATH}?seite=3`);
    assert.match(last.body, /Gebiete 201 bis 270 von 270\./);
    assert.match(last.body, /Seite 3 von 3/);
    assert.equal(pagingLink(last.body, 'prev'), `${PATH}?seite=2`);
    assert.equal(pagingLink(last.body, 'next'), undefined);
  });

  it('keeps the Stichtag in the paging links and pages that day’s register', async () => {
    const then = await client.get(`${PATH}?stichtag=15.07.2026&seite=2`);
    assert.equal(then.statusCode, 200);
    assert.match(then.body, /Version 3 vom 01\.07\.2026, 265 Gebiete\./);
    assert.match(then.body, /Gebiete 101 bis 200 von 265\./);
    assert.equal(pagingLink(then.body, 'prev'), `${PATH}?stichtag=2026-07-15&seite=1`);
    assert.equal(pagingLink(then.body, 'next'), `${PATH}?stichtag=2026-07-15&seite=3`);
    const lastThen = await client.get(pagingLink(then.body, 'next')!);
    assert.equal(rowNames(lastThen.body).length, 65);
    assert.ok(!rowNames(lastThen.body).some((n) => n.startsWith('Nachtrag')));
    // The CSV link keeps the Stichtag, without a page: the file holds every area of that day.
    assert.match(then.body, /href="\/windenergiegebiete\/gebiete\.csv\?stichtag=2026-07-15"/);
    const csv = await client.get(`${PATH}.csv?stichtag=2026-07-15`);
    assert.equal(csv.statusCode, 200);
    assert.equal(csv.body.split('\r\n').filter((l) => l.includes('Testgebiet')).length, 250);
    const all = await client.get(`${PATH}.csv`);
    const lines = all.body.split('\r\n').filter((l) => l !== '');
    assert.equal(lines.length, 1 + 270);
    // One page before the 250: no paging at all.
    const early = await client.get(`${PATH}?stichtag=2025-12-31`);
    assert.equal(rowNames(early.body).length, 9);
    assert.doesNotMatch(early.body, /aria-label="Seiten"/);
    assert.doesNotMatch(early.body, /Gebiete 1 bis/);
  });

  it('shows the last page for a page beyond the end, and refuses a bad page with a German 400', async () => {
    for (const seite of ['4', '99999', '100000']) {
      const beyond = await client.get(`${PATH}?seite=${seite}`);
      assert.equal(beyond.statusCode, 200, seite);
      assert.match(beyond.body, /gibt es nicht; die Liste hat 3 Seiten\. Gezeigt wird die letzte/);
      assert.match(beyond.body, /Gebiete 201 bis 270 von 270\./, seite);
      assert.equal(rowNames(beyond.body).length, 70, seite);
    }
    for (const seite of [
      '0',
      '-1',
      'abc',
      '1.5',
      '1e3',
      '100001',
      '99999999999999999999',
      '%3Cscript%3E',
      '2&seite=3',
    ]) {
      const bad = await client.get(`${PATH}?stichtag=15.07.2026&seite=${seite}`);
      assert.equal(bad.statusCode, 400, seite);
      assert.match(bad.body, /<title>Fehler: /, seite);
      assert.match(bad.body, /Seite: Die Seitenzahl ist eine ganze Zahl von 1 bis 100\.000\./);
      assert.match(bad.body, /id="feld-seite"/, seite);
      // The Stichtag as typed stays in the form.
      assert.match(bad.body, /value="15\.07\.2026"/, seite);
      assert.equal(rowNames(bad.body).length, 0, seite);
    }
    const empty = await client.get(`${PATH}?seite=`);
    assert.equal(empty.statusCode, 200);
    assert.match(empty.body, /Gebiete 1 bis 100 von 270\./);
    const unknown = await client.get(`${PATH}?blatt=2`);
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /erlaubt sind „stichtag“ und „seite“/);
    // A page number is no parameter of the CSV: the file is always the whole list.
    assert.equal((await client.get(`${PATH}.csv?seite=2`)).statusCode, 400);
  });

  it('keeps a page of 100 areas small', async (ctx) => {
    const page = await client.get(`${PATH}?seite=2`);
    assert.equal(rowNames(page.body).length, 100);
    const bytes = Buffer.byteLength(page.body);
    assert.ok(bytes < 200_000, `${bytes} bytes`);
    // A row costs well under 1.5 KB (the whole list of 5,000 areas on one page was 2.8 MB).
    const early = await client.get(`${PATH}?stichtag=2025-12-31`);
    const perArea = (bytes - Buffer.byteLength(early.body)) / (100 - 9);
    assert.ok(perArea < 1_500, `${perArea} bytes per area`);
    ctx.diagnostic(`page of 100 areas: ${bytes} bytes, about ${Math.round(perArea)} bytes a row`);
  });
});
