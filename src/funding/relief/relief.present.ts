import { draftTitle } from '../../law/relief/index.ts';
import type { BridgePriceScheme, ReliefInput, ReliefResult } from '../../law/relief/index.ts';
import { formatEuro, formatPercent } from '../../law/fees/money.ts';
import { formatGermanDateShort } from '../../law/german-format.ts';
import type { ReliefComputation, ReliefRequest } from './relief.request.ts';

/**
 * The computation as German label/value rows, shared by the page, the PDF proof and the command
 * line, so all three show the same figures in the same units.
 */
export function formatCentsPerKwh(value: number | undefined): string {
  if (value === undefined) return '–';
  return `${value.toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 3 })} ct/kWh`;
}

const kwh = (n: number) => `${n.toLocaleString('de-DE')} kWh`;
const flag = (b: boolean | undefined) => (b === undefined ? 'nicht angegeben' : b ? 'ja' : 'nein');
const perMwh = (cents: number) => `${formatEuro(cents)} je MWh`;

export function inputRows(request: ReliefRequest): [string, string][] {
  const i: ReliefInput = request.input;
  const stated = <T>(value: T | undefined, show: (v: T) => string) =>
    value === undefined ? 'nicht angegeben' : show(value);
  return [
    ['Stichtag (Abrechnungsjahr)', formatGermanDateShort(i.date)],
    ['Stromverbrauch', kwh(i.consumptionKwh)],
    ['davon Elektromobilität', stated(i.electromobilityKwh, kwh)],
    ['davon nicht betrieblich', stated(i.nonBusinessKwh, kwh)],
    ['Wirtschaftszweig (WZ 2008)', stated(i.naceCode, String)],
    [
      'Gezahlter Strompreis ohne Stromsteuer',
      stated(i.energyPriceCentsPerMwh, (c) => formatCentsPerKwh(c / 1000)),
    ],
    ['Sektor auf der EU-EHS-Liste', flag(i.sectorOnEtsList)],
    [
      'Verbrauch nach Produktbenchmark',
      stated(i.productionBenchmarkMwh, (m) => `${m.toLocaleString('de-DE')} MWh`),
    ],
    ['Zertifikatspreis EUA', stated(i.euaPriceCentsPerTonne, (c) => `${formatEuro(c)} je t CO₂`)],
    ['Bruttowertschöpfung', stated(i.grossValueAddedCents, formatEuro)],
    ['Sektor auf KUEBLL-Liste 1', flag(i.sectorOnKueblList1)],
    ['Referenzstrompreis', stated(i.referencePriceCentsPerMwh, perMwh)],
    ['Unternehmen in Schwierigkeiten', flag(i.undertakingInDifficulty)],
  ];
}

export function schemeRows(scheme: BridgePriceScheme): [string, string][] {
  return [
    ['Regelung', `${scheme.title}${scheme.status === 'law' ? '' : ' – Entwurf'}`],
    [
      'Zeitraum',
      `${formatGermanDateShort(scheme.periodFrom)} bis ${formatGermanDateShort(scheme.periodUntil)}`,
    ],
    ['Zielpreis', perMwh(scheme.targetCentsPerMwh)],
    ['Begünstigter Anteil des Verbrauchs', formatPercent(scheme.eligibleSharePpm)],
    ['Preisuntergrenze', perMwh(scheme.floorCentsPerMwh)],
    ['Höchstens je MWh (Anteil am Referenzpreis)', formatPercent(scheme.aidSharePpm)],
    ['Fundstelle', scheme.citation],
  ];
}

export interface PriceRow {
  label: string;
  costCents?: number;
  centsPerKwh?: number;
}

/** Before, after the instruments in force, after the scheme, the target: the comparison table. */
export function priceRows(result: ReliefResult, scheme: BridgePriceScheme): PriceRow[] {
  return [
    { label: 'Vor Entlastung', ...result.before },
    { label: 'Nach geltenden Entlastungen', ...result.after },
    {
      label: `Mit ${draftTitle(scheme.title, scheme.status !== 'law')}`,
      ...result.afterWithScheme,
    },
    { label: 'Zielpreis des Sieben-Punkte-Plans', centsPerKwh: result.target.centsPerKwh },
  ];
}

export function gapText(result: ReliefResult): string {
  const gap = result.gapToTargetCentsPerKwh;
  if (gap === undefined) return 'Ohne gezahlten Strompreis lässt sich der Abstand nicht berechnen.';
  const amount = formatCentsPerKwh(Math.abs(gap));
  return gap > 0
    ? `${amount} über dem Zielpreis`
    : gap < 0
      ? `${amount} unter dem Zielpreis`
      : 'genau auf dem Zielpreis';
}

/** Suggested file name of the PDF proof. */
export function proofFileName(computation: ReliefComputation): string {
  return `Berechnungsnachweis-Stromkosten-${computation.request.computedOn}-${computation.sha256.slice(0, 8)}.pdf`;
}
