import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INDUSTRIAL_PRICE_DRAFT_2026, type BridgePriceScheme } from '../../law/relief/index.ts';
import { canonicalJson } from './relief.canonical.ts';
import { computeFromText, readReliefText } from './relief.fields.ts';
import { computeRelief, ReliefRequestError, resolveScheme } from './relief.request.ts';

const TODAY = { computedOn: '2026-12-03' };

describe('calculator fields as people type them', () => {
  it('reads German numbers, ct/kWh, euros, percent, yes/no and dates into the calculator units', () => {
    const { request, errors } = readReliefText(
      {
        date: '15.06.2026',
        consumption: '1.250.000',
        electromobility: '12 500',
        price: '16,825',
        eua: '80,50 €',
        gva: '4.500.000',
        benchmark: '980,5',
        reference: '95',
        ets: 'Ja',
        kuebll: 'nein',
        nace: ' 24.10 ',
        scheme: 'brueckenstrompreis-vorschlag-2023',
        schemeShare: '62,5',
        schemeTarget: '55',
        schemePeriodFrom: '2026',
        schemePeriodUntil: '2027',
      },
      TODAY,
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(request?.input, {
      date: '2026-06-15',
      consumptionKwh: 1_250_000,
      electromobilityKwh: 12_500,
      energyPriceCentsPerMwh: 16_825,
      euaPriceCentsPerTonne: 8_050,
      grossValueAddedCents: 450_000_000,
      productionBenchmarkMwh: 980.5,
      referencePriceCentsPerMwh: 9_500,
      sectorOnEtsList: true,
      sectorOnKueblList1: false,
      naceCode: '24.10',
    });
    assert.deepEqual(request?.scheme, {
      id: 'brueckenstrompreis-vorschlag-2023',
      eligibleSharePpm: 625_000,
      targetCentsPerMwh: 5_500,
      periodFrom: '2026-01-01',
      periodUntil: '2027-12-31',
    });
    assert.equal(request?.computedOn, '2026-12-03');
  });

  it('names every unreadable field, in German, with the value as typed', () => {
    const { request, errors } = readReliefText(
      {
        date: '2026',
        consumption: 'eine Million',
        price: '16,8255',
        eua: '-3',
        gva: '1,234',
        ets: 'vielleicht',
        schemeShare: 'halb',
      },
      TODAY,
    );
    assert.equal(request, undefined);
    assert.deepEqual(
      errors.map((e) => e.field),
      ['consumption', 'price', 'ets', 'eua', 'gva', 'schemeShare'],
    );
    assert.match(errors[0]!.message, /^Der Stromverbrauch „eine Million“ ist keine Zahl/);
    assert.match(errors[1]!.message, /höchstens drei Nachkommastellen/);
    assert.match(errors[2]!.message, /muss „ja“ oder „nein“ sein \(erhalten: „vielleicht“\)/);
    assert.match(errors[3]!.message, /^Der Zertifikatspreis darf nicht negativ sein/);
    assert.match(errors[4]!.message, /höchstens zwei Nachkommastellen/);
    assert.match(errors[5]!.message, /^Der begünstigte Anteil des Verbrauchs „halb“/);
  });

  it('asks for the year and the consumption, and maps calculator errors to the form field', () => {
    assert.deepEqual(
      readReliefText({}, TODAY).errors.map((e) => e.field),
      ['date', 'consumption'],
    );
    const negative = computeFromText({ date: '2026', consumption: '-1' }, TODAY);
    assert.deepEqual(negative.errors, [
      {
        field: 'consumption',
        message: 'Der Stromverbrauch darf nicht negativ sein (erhalten: „-1“).',
      },
    ]);
    const nace = computeFromText({ date: '2026', consumption: '1', nace: '00.00' }, TODAY);
    assert.equal(nace.errors[0]?.field, 'nace');
    const tooMuch = computeFromText(
      { date: '2026', consumption: '100', electromobility: '60', nonBusiness: '60' },
      TODAY,
    );
    assert.equal(tooMuch.errors[0]?.field, 'electromobility');
    const period = computeFromText(
      { date: '2026', consumption: '1', schemePeriodFrom: '2028', schemePeriodUntil: '2027' },
      TODAY,
    );
    assert.equal(period.errors[0]?.field, 'schemePeriodUntil');
  });
});

describe('scheme settings', () => {
  it('leaves the scheme untouched without own figures and marks a changed one', () => {
    assert.equal(
      resolveScheme({ id: INDUSTRIAL_PRICE_DRAFT_2026.id }),
      INDUSTRIAL_PRICE_DRAFT_2026,
    );
    const same = resolveScheme({ id: INDUSTRIAL_PRICE_DRAFT_2026.id, targetCentsPerMwh: 5_000 });
    assert.equal(same, INDUSTRIAL_PRICE_DRAFT_2026, 'the published figure is no own figure');
    const own = resolveScheme({ id: INDUSTRIAL_PRICE_DRAFT_2026.id, eligibleSharePpm: 800_000 });
    assert.equal(own.eligibleSharePpm, 800_000);
    assert.match(own.title, /mit eigenen Werten/);
    assert.match(own.open.at(-1)!, /begünstigter Anteil 80 %/);
  });

  it('refuses own figures for a scheme that is law, and out-of-range figures', () => {
    const law: BridgePriceScheme = { ...INDUSTRIAL_PRICE_DRAFT_2026, id: 'gesetz', status: 'law' };
    assert.throws(
      () => resolveScheme({ id: 'gesetz', targetCentsPerMwh: 1 }, [law]),
      (e: unknown) => e instanceof ReliefRequestError && /geltendes Recht/.test(e.message),
    );
    assert.equal(resolveScheme({ id: 'gesetz' }, [law]), law);
    assert.throws(
      () => resolveScheme({ id: INDUSTRIAL_PRICE_DRAFT_2026.id, eligibleSharePpm: 1_500_000 }),
      /zwischen 0 % und 100 %/,
    );
    assert.throws(() => resolveScheme({ id: 'unbekannt' }), /ist unbekannt/);
  });
});

describe('canonical JSON and the checksum', () => {
  it('sorts keys, drops undefined and gives the same checksum for the same request', () => {
    assert.equal(
      canonicalJson({ b: 1, a: [{ d: undefined, c: 'x' }], e: null }),
      '{"a":[{"c":"x"}],"b":1,"e":null}',
    );
    const request = {
      input: { date: '2026-01-01', consumptionKwh: 500_000, naceCode: '25.62' },
      scheme: { id: INDUSTRIAL_PRICE_DRAFT_2026.id },
      computedOn: '2026-12-03',
    };
    const a = computeRelief(request);
    const b = computeRelief({ ...request, input: { ...request.input } });
    assert.equal(a.sha256, b.sha256);
    const c = computeRelief({ ...request, input: { ...request.input, consumptionKwh: 500_001 } });
    assert.notEqual(a.sha256, c.sha256);
  });
});
