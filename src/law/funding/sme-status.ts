import type { IsoDate } from '../calendar-date.ts';
import { applyPpm, formatEuro } from '../fees/money.ts';
import {
  evaluateRule,
  registryOf,
  requireCents,
  requireDate,
  requirePpm,
  requireQuantity,
  SupportInputError,
} from '../rules/index.ts';
import type { ParameterTable, Rule, TraceNode } from '../rules/index.ts';

/**
 * SME status by the EU definition: Annex I of Regulation (EU) No 651/2014 (GBER), identical in
 * substance to Commission Recommendation 2003/361/EC. Pure; every step is in the trace.
 */

export type SizeClass = 'micro' | 'small' | 'medium' | 'large';

export const sizeClassLabel: Readonly<Record<SizeClass | 'unknown', string>> = {
  micro: 'Kleinstunternehmen',
  small: 'kleines Unternehmen',
  medium: 'mittleres Unternehmen',
  large: 'großes Unternehmen (kein KMU)',
  unknown: 'Größenklasse offen (Angaben fehlen)',
};

/** Figures of one enterprise for the latest approved accounting period (Annex I Art. 4). */
export interface EnterpriseFigures {
  /** Annual work units (Art. 5): part-time and seasonal work as fractions; owner-managers count. */
  staffHeadcount: number;
  /** Annual turnover in cents, without VAT (Art. 4 (1)); omit when unknown. */
  turnoverCents?: number;
  /** Annual balance-sheet total in cents; omit when unknown. */
  balanceSheetCents?: number;
}

export interface RelatedEnterprise extends EnterpriseFigures {
  name: string;
  /** Share of capital or voting rights, the higher of the two (Art. 6 (2)), in ppm. */
  sharePpm: number;
}

export interface SmeInput extends EnterpriseFigures {
  /** Enterprises holding or held 25 % to 50 % (Art. 3 (2)); their figures count pro rata. */
  partners?: RelatedEnterprise[];
  /** Enterprises linked by more than 50 % or control (Art. 3 (3)); their figures count in full. */
  linked?: RelatedEnterprise[];
  /** Capital or voting rights held by public bodies, in ppm (Art. 3 (4)). */
  publicBodiesSharePpm?: number;
  date: IsoDate;
}

export interface SmeStep {
  text: string;
  citation: string;
}

export interface SmeResult {
  sizeClass: SizeClass | 'unknown';
  label: string;
  isSme: boolean | undefined;
  aggregated: { staffHeadcount: number; turnoverCents?: number; balanceSheetCents?: number };
  /** Aggregation steps, then the classification. */
  steps: SmeStep[];
  /** Engine traces of the class tests, smallest class first, up to the first that held. */
  traces: TraceNode[];
  notes: string[];
}

const SOURCE = 'Anhang I Art. 2 AGVO (VO (EU) Nr. 651/2014); Empfehlung 2003/361/EG';
const FROM = '2005-01-01';
const table = (id: string, label: string, unit: string, value: number): ParameterTable => ({
  id,
  label,
  unit,
  citation: 'Anhang I Art. 2 AGVO',
  versions: [{ validFrom: FROM, value, source: SOURCE }],
});
const M = 100_000_000; // 1 Mio. € in cents

export const smeParameterTables: readonly ParameterTable[] = [
  table('sme.micro.staff', 'Kleinstunternehmen: Beschäftigte unter', 'JAE', 10),
  table('sme.micro.turnover', 'Kleinstunternehmen: Jahresumsatz höchstens', 'Cent', 2 * M),
  table('sme.micro.balance', 'Kleinstunternehmen: Bilanzsumme höchstens', 'Cent', 2 * M),
  table('sme.small.staff', 'Kleines Unternehmen: Beschäftigte unter', 'JAE', 50),
  table('sme.small.turnover', 'Kleines Unternehmen: Jahresumsatz höchstens', 'Cent', 10 * M),
  table('sme.small.balance', 'Kleines Unternehmen: Bilanzsumme höchstens', 'Cent', 10 * M),
  table('sme.medium.staff', 'Mittleres Unternehmen: Beschäftigte unter', 'JAE', 250),
  table('sme.medium.turnover', 'Mittleres Unternehmen: Jahresumsatz höchstens', 'Cent', 50 * M),
  table('sme.medium.balance', 'Mittleres Unternehmen: Bilanzsumme höchstens', 'Cent', 43 * M),
  {
    id: 'sme.public-control',
    label: 'Anteil öffentlicher Stellen, ab dem kein KMU vorliegt',
    unit: 'ppm',
    citation: 'Anhang I Art. 3 Abs. 4 AGVO',
    versions: [{ validFrom: FROM, value: 250_000, source: SOURCE }],
  },
];
const registry = registryOf(smeParameterTables);

const names: Record<Exclude<SizeClass, 'large'>, string> = {
  micro: 'ein Kleinstunternehmen',
  small: 'ein kleines Unternehmen',
  medium: 'ein mittleres Unternehmen',
};

/** Class test as rule data: staff below the limit and (turnover or balance sheet) within it. */
export function sizeClassRule(size: Exclude<SizeClass, 'large'>): Rule {
  return {
    kind: 'all',
    id: `sme-${size}`,
    description: `Das Unternehmen ist ${names[size]}.`,
    citation: 'Anhang I Art. 2 AGVO',
    rules: [
      {
        kind: 'compare',
        id: `sme-${size}-staff`,
        description: 'Die Zahl der Beschäftigten (JAE) liegt unter der Grenze.',
        citation: 'Anhang I Art. 2 AGVO',
        fact: 'staffHeadcount',
        op: '<',
        than: { param: `sme.${size}.staff` },
      },
      {
        kind: 'any',
        id: `sme-${size}-money`,
        description: 'Jahresumsatz oder Jahresbilanzsumme überschreiten die Grenze nicht.',
        citation: 'Anhang I Art. 2 AGVO',
        rules: [
          {
            kind: 'compare',
            id: `sme-${size}-turnover`,
            description: 'Der Jahresumsatz überschreitet die Grenze nicht.',
            citation: 'Anhang I Art. 2 AGVO',
            fact: 'turnoverCents',
            op: '<=',
            than: { param: `sme.${size}.turnover` },
          },
          {
            kind: 'compare',
            id: `sme-${size}-balance`,
            description: 'Die Jahresbilanzsumme überschreitet die Grenze nicht.',
            citation: 'Anhang I Art. 2 AGVO',
            fact: 'balanceSheetCents',
            op: '<=',
            than: { param: `sme.${size}.balance` },
          },
        ],
      },
      {
        kind: 'compare',
        id: `sme-${size}-public`,
        description:
          'Öffentliche Stellen halten weniger als 25 % des Kapitals oder der Stimmrechte.',
        citation: 'Anhang I Art. 3 Abs. 4 AGVO',
        open: 'Die Ausnahmen des Art. 3 Abs. 2 Unterabs. 2 (z. B. Universitäten, kleine Gemeinden) sind nicht abgebildet.',
        fact: 'publicBodiesSharePpm',
        op: '<',
        than: { param: 'sme.public-control' },
      },
    ],
  };
}

function checkFigures(f: EnterpriseFigures, who: string, field: 'partners' | 'linked' | null) {
  const staffField = field ?? 'staffHeadcount';
  try {
    // Owner-managers and partners in regular activity count as staff (Art. 5 d), so an
    // enterprise always has at least one unit; 0 is a typing error, not a size class.
    requireQuantity(f.staffHeadcount, 'staffHeadcount', {
      min: 1,
      max: 10_000_000,
      whole: false,
      unit: 'Jahresarbeitseinheiten',
    });
    if (f.turnoverCents !== undefined) requireCents(f.turnoverCents, 'turnoverCents');
    if (f.balanceSheetCents !== undefined) requireCents(f.balanceSheetCents, 'balanceSheetCents');
  } catch (error) {
    if (error instanceof SupportInputError && field) {
      throw new SupportInputError(staffField, `${who}: ${error.message}`);
    }
    throw error;
  }
}

function add(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined ? undefined : a + b;
}

/** Adds a related enterprise's figures: pro rata for partners, in full for linked (Art. 6). */
function aggregate(
  total: SmeResult['aggregated'],
  e: RelatedEnterprise,
  kind: 'partner' | 'linked',
  steps: SmeStep[],
): SmeResult['aggregated'] {
  const share = kind === 'partner' ? e.sharePpm : 1_000_000;
  const staff = Math.round(((e.staffHeadcount * share) / 1_000_000) * 100) / 100;
  const turnover = e.turnoverCents === undefined ? undefined : applyPpm(e.turnoverCents, share);
  const balance =
    e.balanceSheetCents === undefined ? undefined : applyPpm(e.balanceSheetCents, share);
  const pct = (share / 10_000).toLocaleString('de-DE');
  steps.push({
    text:
      kind === 'partner'
        ? `Partnerunternehmen „${e.name}“ (Beteiligung ${pct} %): anteilig ${staff.toLocaleString('de-DE')} JAE, Umsatz ${turnover === undefined ? 'unbekannt' : formatEuro(turnover)}, Bilanzsumme ${balance === undefined ? 'unbekannt' : formatEuro(balance)}.`
        : `Verbundenes Unternehmen „${e.name}“: voll ${staff.toLocaleString('de-DE')} JAE, Umsatz ${turnover === undefined ? 'unbekannt' : formatEuro(turnover)}, Bilanzsumme ${balance === undefined ? 'unbekannt' : formatEuro(balance)}.`,
    citation:
      kind === 'partner' ? 'Anhang I Art. 6 Abs. 2 AGVO' : 'Anhang I Art. 6 Abs. 2 und 4 AGVO',
  });
  return {
    staffHeadcount: Math.round((total.staffHeadcount + staff) * 100) / 100,
    turnoverCents: add(total.turnoverCents, turnover),
    balanceSheetCents: add(total.balanceSheetCents, balance),
  };
}

/**
 * Computes the size class. The own figures plus partner figures pro rata plus linked figures in
 * full are compared with the thresholds of Art. 2 (staff strictly below 10/50/250; turnover up to
 * 2/10/50 Mio. € or balance sheet up to 2/10/43 Mio. €). Missing money figures make the result
 * "unknown" only where the other figure cannot decide it.
 */
export function determineSmeStatus(input: SmeInput): SmeResult {
  const date = requireDate(input.date);
  checkFigures(input, 'Eigenes Unternehmen', null);
  const partners = input.partners ?? [];
  const linked = input.linked ?? [];
  for (const p of partners) {
    checkFigures(p, `Partnerunternehmen „${p.name}“`, 'partners');
    requirePpm(
      p.sharePpm,
      'partners',
      250_000,
      500_000,
      `Die Beteiligung des Partnerunternehmens „${p.name}“`,
    );
  }
  for (const l of linked) {
    checkFigures(l, `Verbundenes Unternehmen „${l.name}“`, 'linked');
    requirePpm(
      l.sharePpm,
      'linked',
      500_001,
      1_000_000,
      `Die Beteiligung des verbundenen Unternehmens „${l.name}“`,
    );
  }
  const publicShare =
    input.publicBodiesSharePpm === undefined
      ? 0
      : requirePpm(
          input.publicBodiesSharePpm,
          'publicBodiesSharePpm',
          0,
          1_000_000,
          'Der Anteil öffentlicher Stellen am Kapital',
        );

  const steps: SmeStep[] = [
    {
      text: `Eigene Daten: ${input.staffHeadcount.toLocaleString('de-DE')} JAE, Umsatz ${input.turnoverCents === undefined ? 'nicht angegeben' : formatEuro(input.turnoverCents)}, Bilanzsumme ${input.balanceSheetCents === undefined ? 'nicht angegeben' : formatEuro(input.balanceSheetCents)}.`,
      citation: 'Anhang I Art. 4 und 5 AGVO',
    },
  ];
  let total: SmeResult['aggregated'] = {
    staffHeadcount: input.staffHeadcount,
    turnoverCents: input.turnoverCents,
    balanceSheetCents: input.balanceSheetCents,
  };
  for (const p of partners) total = aggregate(total, p, 'partner', steps);
  for (const l of linked) total = aggregate(total, l, 'linked', steps);
  if (partners.length + linked.length > 0) {
    steps.push({
      text: `Zusammengerechnet: ${total.staffHeadcount.toLocaleString('de-DE')} JAE, Umsatz ${total.turnoverCents === undefined ? 'unbekannt' : formatEuro(total.turnoverCents)}, Bilanzsumme ${total.balanceSheetCents === undefined ? 'unbekannt' : formatEuro(total.balanceSheetCents)}.`,
      citation: 'Anhang I Art. 6 AGVO',
    });
  }

  const facts = {
    staffHeadcount: total.staffHeadcount,
    turnoverCents: total.turnoverCents,
    balanceSheetCents: total.balanceSheetCents,
    publicBodiesSharePpm: publicShare,
  };
  const traces: TraceNode[] = [];
  let sizeClass: SizeClass | 'unknown' = 'large';
  for (const size of ['micro', 'small', 'medium'] as const) {
    const { truth, trace } = evaluateRule(sizeClassRule(size), facts, {
      date,
      parameters: registry,
    });
    traces.push(trace);
    if (truth === 'met') {
      sizeClass = size;
      break;
    }
    // Unknown for a smaller class while a larger one may still hold: the class stays open.
    if (truth === 'unknown') {
      sizeClass = 'unknown';
      break;
    }
  }
  steps.push({ text: `Ergebnis: ${sizeClassLabel[sizeClass]}.`, citation: 'Anhang I Art. 2 AGVO' });
  return {
    sizeClass,
    label: sizeClassLabel[sizeClass],
    isSme: sizeClass === 'unknown' ? undefined : sizeClass !== 'large',
    aggregated: total,
    steps,
    traces,
    notes: [
      'Der Status ändert sich erst, wenn die Schwellenwerte in zwei aufeinanderfolgenden Geschäftsjahren über- oder unterschritten werden (Anhang I Art. 4 Abs. 2 AGVO); der Rechner prüft nur den angegebenen Abschluss [offen].',
      'Die Daten der Partner- und verbundenen Unternehmen sind einschließlich deren eigener verbundener Unternehmen anzugeben (Anhang I Art. 6 Abs. 3 AGVO).',
    ],
  };
}
