import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestApp, fixedClock, type TestApp } from '../../../test/helpers/app.ts';
import { pdfInfo, pdfPlainText } from '../../../test/helpers/pdf-text-embedded.ts';

const STEEL = {
  date: '2026-01-01',
  consumptionKwh: 1_250_000,
  naceCode: '24.10',
  energyPriceCentsPerMwh: 16_800,
  undertakingInDifficulty: false,
  sectorOnEtsList: true,
  productionBenchmarkMwh: 1000,
  euaPriceCentsPerTonne: 7_500,
  grossValueAddedCents: 450_000_000,
  sectorOnKueblList1: true,
  referencePriceCentsPerMwh: 9_500,
  computedOn: '2026-12-03',
};

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('electricity-cost calculator: API, PDF proof and page', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ clock: fixedClock(new Date('2026-12-03T10:00:00Z')) });
  });
  after(async () => t.close());

  const calculate = (payload: unknown, url = '/api/v1/relief/calculate') =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  it('returns every instrument with steps, citations and parameter versions, and a checksum', async () => {
    const response = await calculate(STEEL);
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.deepEqual(
      body.instruments.map((i: { id: string }) => i.id),
      ['electricity-tax', 'price-compensation', 'bridge-price'],
    );
    const tax = body.instruments[0];
    assert.equal(tax.status, 'eligible');
    assert.ok(tax.steps.every((s: { citation: string }) => s.citation.length > 0));
    const rate = tax.steps.flatMap((s: { parameters: unknown[] }) => s.parameters)[0];
    assert.match(rate.validFrom, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(typeof rate.value, 'number');
    assert.ok(tax.trace.children.length > 0, 'the eligibility trace comes with its children');
    const bridge = body.instruments[2];
    assert.equal(bridge.draft, true);
    assert.ok(body.before.centsPerKwh > body.after.centsPerKwh);
    assert.equal(body.target.centsPerKwh, 6);
    assert.equal(typeof body.gapToTargetCentsPerKwh, 'number');
    assert.match(body.verification.sha256, /^[0-9a-f]{64}$/);
    assert.equal(body.verification.computedOn, '2026-12-03');
    assert.equal(body.verification.scheme.status, 'draft');
    // Same input, same checksum; a different computation date, a different one.
    assert.equal((await calculate(STEEL)).json().verification.sha256, body.verification.sha256);
    const later = (await calculate({ ...STEEL, computedOn: '2026-12-04' })).json();
    assert.notEqual(later.verification.sha256, body.verification.sha256);
    // Without computedOn the clock's day (Berlin) is used.
    const withoutDate: Partial<typeof STEEL> = { ...STEEL };
    delete withoutDate.computedOn;
    assert.equal(
      (await calculate(withoutDate)).json().verification.sha256,
      body.verification.sha256,
    );
  });

  it('applies own figures of a draft scheme and says so', async () => {
    const own = await calculate({
      ...STEEL,
      schemeId: 'brueckenstrompreis-vorschlag-2023',
      schemeTargetCentsPerMwh: 4_000,
      schemeEligibleSharePpm: 1_000_000,
      schemeFloorCentsPerMwh: 4_000,
      schemePeriodFrom: '2026-01-01',
      schemePeriodUntil: '2026-12-31',
    });
    assert.equal(own.statusCode, 200, own.body);
    const body = own.json();
    assert.match(body.instruments[2].title, /mit eigenen Werten/);
    assert.equal(body.verification.scheme.targetCentsPerMwh, 4_000);
    assert.ok(body.instruments[2].notes.some((n: string) => /Eigene Werte/.test(n)));
  });

  it('refuses hostile and wrong input with a German problem naming the field, never 5xx', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ ...STEEL, consumptionKwh: -5 }, 'consumptionKwh', /./],
      [{ ...STEEL, consumptionKwh: '1.250.000' }, 'consumptionKwh', /./],
      [{ ...STEEL, consumptionKwh: 1e300 }, 'consumptionKwh', /./],
      [{ ...STEEL, naceCode: '00.00' }, 'naceCode', /kein bekannter WZ-2008/],
      [{ ...STEEL, naceCode: '<script>' }, 'naceCode', /kein bekannter/],
      [{ ...STEEL, electromobilityKwh: 2_000_000 }, 'electromobilityKwh', /nicht größer/],
      [{ ...STEEL, date: '2026-02-30' }, 'date', /Stichtag/],
      [{ ...STEEL, date: '1999-01-01' }, 'date', /Stichtag/],
      [{ ...STEEL, computedOn: '2026-13-01' }, 'computedOn', /Berechnungsdatum/],
      [{ ...STEEL, schemeId: 'frei-erfunden' }, 'schemeId', /./],
      [
        { ...STEEL, schemePeriodFrom: '2027-01-01', schemePeriodUntil: '2026-01-01' },
        'schemePeriodUntil',
        /liegt vor dem Beginn/,
      ],
      [{ ...STEEL, evil: true }, 'evil', /./],
      ['{"__proto__": {"consumptionKwh": 1}, "date": "2026-01-01"}', '', /./],
      [[STEEL], '', /./],
      ['kein JSON', '', /./],
    ];
    for (const [payload, field, message] of cases) {
      const response = await calculate(payload);
      assert.equal(response.statusCode, 400, `${JSON.stringify(payload)}: ${response.body}`);
      assert.match(response.headers['content-type'] as string, /application\/problem\+json/);
      const problem = response.json();
      assert.match(problem.detail, message);
      assert.doesNotMatch(problem.detail, /must|should|Error/);
      if (field) {
        assert.ok(
          problem.errors?.some((e: { field: string }) => e.field.includes(field)),
          `${field} in ${response.body}`,
        );
      }
    }
    const pdf = await calculate({ ...STEEL, consumptionKwh: -1 }, '/api/v1/relief/calculate.pdf');
    assert.equal(pdf.statusCode, 400);
  });

  it('renders the PDF proof deterministically, with its hash in a header and every step in it', async () => {
    const first = await calculate(STEEL, '/api/v1/relief/calculate.pdf');
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.headers['content-type'], 'application/pdf');
    const bytes = first.rawPayload;
    assert.equal(first.headers['x-content-sha256'], sha256(bytes));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await calculate(STEEL, '/api/v1/relief/calculate.pdf');
    assert.equal(sha256(second.rawPayload), sha256(bytes), 'same input, same bytes');
    const other = await calculate(
      { ...STEEL, computedOn: '2026-12-04' },
      '/api/v1/relief/calculate.pdf',
    );
    assert.notEqual(sha256(other.rawPayload), sha256(bytes));

    const json = (await calculate(STEEL)).json();
    assert.equal(first.headers['x-relief-sha256'], json.verification.sha256);
    const text = await pdfPlainText(bytes);
    assert.match(text, /Berechnungsnachweis Stromkosten-Entlastung/);
    assert.match(text, /Berechnet am 03\.12\.2026/);
    assert.match(text, /Stromverbrauch: 1\.250\.000 kWh/);
    assert.match(text, /§ 9b/);
    assert.match(text, /gültig ab 01\.01\.2026/);
    assert.match(text, /Entwurf/);
    assert.match(text, /\[offen\]/);
    assert.match(text, /ct\/kWh/);
    assert.ok(text.includes(json.verification.sha256), 'the proof carries the checksum');
    for (const instrument of json.instruments)
      for (const step of instrument.steps)
        assert.ok(
          text.includes(step.citation.replace(/\s+/g, ' ')),
          `${step.citation} fehlt im PDF`,
        );
    const { info } = await pdfInfo(bytes);
    assert.match(String(info.CreationDate), /^D:20261203/);
  });

  it('shows the form, computes from German-formatted input and offers the PDF with its hash', async () => {
    const empty = await t.app.inject('/stromkostenrechner');
    assert.equal(empty.statusCode, 200);
    assert.match(empty.body, /<h1[^>]*>Stromkostenrechner<\/h1>/);
    assert.match(empty.body, /Entwurf/);

    const query = new URLSearchParams({
      berechnen: '1',
      date: '2026',
      consumption: '1.250.000',
      nace: '24.10',
      price: '16,8',
      ets: 'ja',
      benchmark: '1.000',
      eua: '75',
      gva: '4.500.000',
      kuebll: 'ja',
      reference: '95',
      difficulty: 'nein',
    });
    const page = await t.app.inject(`/stromkostenrechner?${query}`);
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /Entlastungen im Jahr/);
    assert.match(page.body, /Effektiver Strompreis je kWh/);
    assert.match(page.body, /13,826 ct\/kWh/);
    const href = /href="(\/stromkostenrechner\/nachweis\.pdf\?[^"]+)"/.exec(page.body)?.[1];
    assert.ok(href, 'PDF-Link fehlt');
    const shown = /SHA-256 der PDF-Datei<\/dt><dd[^>]*><code[^>]*>([0-9a-f]{64})</.exec(
      page.body,
    )?.[1];
    const pdf = await t.app.inject(href.replaceAll('&amp;', '&'));
    assert.equal(pdf.statusCode, 200);
    assert.equal(sha256(pdf.rawPayload), shown, 'the hash on the page is the hash of the PDF');
    // The page's computation equals the API's for the same figures.
    const api = (await calculate(STEEL)).json();
    assert.ok(page.body.includes(api.verification.sha256));
  });

  it('keeps the values and names each wrong field in a German error summary', async () => {
    const query = new URLSearchParams({
      berechnen: '1',
      date: '2026',
      consumption: '-5',
      price: 'zwölf',
      nace: '24.10',
    });
    const page = await t.app.inject(`/stromkostenrechner?${query}`);
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /<title>Fehler: Stromkostenrechner/);
    assert.match(page.body, /Bitte korrigieren Sie Ihre Eingaben/);
    assert.match(page.body, /Der gezahlte Strompreis „zwölf“ ist keine Zahl/);
    assert.match(page.body, /href="#feld-price"/);
    assert.match(page.body, /value="zwölf"/);
    assert.match(page.body, /Der Stromverbrauch darf nicht negativ sein/, 'both fields at once');
    const negative = await t.app.inject(
      `/stromkostenrechner?${new URLSearchParams({ berechnen: '1', date: '2026', consumption: '-5' })}`,
    );
    assert.equal(negative.statusCode, 400);
    assert.match(negative.body, /Der Stromverbrauch darf nicht negativ sein/);
    assert.match(negative.body, /value="-5"/);
    const nace = await t.app.inject(
      `/stromkostenrechner?${new URLSearchParams({ berechnen: '1', date: '2026', consumption: '5', nace: 'XY' })}`,
    );
    assert.equal(nace.statusCode, 400);
    assert.match(nace.body, /href="#feld-nace"/);
    assert.match(nace.body, /kein bekannter WZ-2008/);
    const pdf = await t.app.inject(`/stromkostenrechner/nachweis.pdf?consumption=abc&date=2026`);
    assert.equal(pdf.statusCode, 400);
    // Repeated, overlong or strange parameters: a German page, never a server error.
    for (const url of [
      '/stromkostenrechner?berechnen=1&date=2026&consumption=1&consumption=2',
      `/stromkostenrechner?berechnen=1&date=2026&consumption=${'9'.repeat(5000)}`,
      '/stromkostenrechner?berechnen=1&date=2026&consumption=1e400&scheme=%3Cscript%3E',
      '/stromkostenrechner?berechnen=1&date=0000&consumption=1',
    ]) {
      const response = await t.app.inject(url);
      assert.ok(
        response.statusCode >= 400 && response.statusCode < 500,
        `${url}: ${response.statusCode}`,
      );
      assert.doesNotMatch(response.body, /<script>/);
    }
  });

  it('is linked from the start page and the navigation', async () => {
    const home = await t.app.inject('/');
    assert.match(home.body, /href="\/stromkostenrechner"/);
    assert.match(home.body, /Zum Stromkostenrechner/);
  });
});
