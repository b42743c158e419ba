/** German labels for durations, in the nominative ('2 Monate') and the dative ('von 2 Monaten'). */

const plural = (count: number, singular: string, pluralForm: string): string =>
  `${count} ${count === 1 ? singular : pluralForm}`;

const fractionSigns = ['', '¼', '½', '¾'] as const;

/** Years given in quarters (§ 189 Abs. 1 BGB: Vierteljahr, halbes Jahr). */
export function quarterYearsLabel(quarters: number): string {
  const whole = Math.floor(quarters / 4);
  const rest = quarters % 4;
  if (rest === 0) return plural(whole, 'Jahr', 'Jahre');
  if (whole === 0)
    return ['', 'ein Vierteljahr', 'ein halbes Jahr', 'ein Dreivierteljahr'][rest] ?? '';
  if (whole === 1 && rest === 2) return 'eineinhalb Jahre';
  return `${whole}${fractionSigns[rest] ?? ''} Jahre`;
}

/** Whole months plus half a month (§ 189 Abs. 2 BGB). */
export function halfMonthsLabel(months: number): string {
  if (months === 0) return 'ein halber Monat';
  if (months === 1) return 'eineinhalb Monate';
  return `${months}½ Monate`;
}

export interface LabelParts {
  /** Label of the year part when years were given as a fraction, e.g. 'ein halbes Jahr'. */
  yearsText?: string;
  years: number;
  months: number;
  weeks: number;
  days: number;
  halfMonth: boolean;
}

export function durationLabel(parts: LabelParts): string {
  const texts: string[] = [];
  if (parts.yearsText !== undefined) texts.push(parts.yearsText);
  else if (parts.years > 0) texts.push(plural(parts.years, 'Jahr', 'Jahre'));
  if (parts.halfMonth) texts.push(halfMonthsLabel(parts.months));
  else if (parts.months > 0) texts.push(plural(parts.months, 'Monat', 'Monate'));
  if (parts.weeks > 0) texts.push(plural(parts.weeks, 'Woche', 'Wochen'));
  if (parts.days > 0) texts.push(plural(parts.days, 'Tag', 'Tage'));
  const last = texts.pop() ?? '';
  return texts.length === 0 ? last : `${texts.join(', ')} und ${last}`;
}

const dativeReplacements: readonly [RegExp, string][] = [
  [/\bein halbes\b/g, 'einem halben'],
  [/\bein halber\b/g, 'einem halben'],
  [/\bein (Viertel|Dreiviertel)jahr\b/g, 'einem $1jahr'],
  [/\bJahre\b/g, 'Jahren'],
  [/\bMonate\b/g, 'Monaten'],
  [/\bTage\b/g, 'Tagen'],
];

/** 'ein halbes Jahr' → 'einem halben Jahr', '2 Monate' → '2 Monaten' (for "Frist von …"). */
export function toDative(label: string): string {
  return dativeReplacements.reduce(
    (text, [pattern, dative]) => text.replace(pattern, dative),
    label,
  );
}
