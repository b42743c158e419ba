/**
 * Which authority is competent for a BImSchG permit in North Rhine-Westphalia: a pure function of
 * the site's Gemeinden and the installation, under versioned rule data with citations.
 *
 * The rules, in our own words (Zuständigkeitsverordnung Umweltschutz, ZustVU, of 3 February 2015):
 * - The Kreise and kreisfreie Städte are the lower environmental authorities (§ 1 Abs. 2 Nr. 3
 *   ZustVU) and are competent wherever the ordinance does not say otherwise (§ 1 Abs. 3 ZustVU,
 *   "Grundzuständigkeit").
 * - The Bezirksregierungen are competent for the installations listed in Anhang I (§ 2 Abs. 1
 *   ZustVU): installations of particular environmental relevance, among them every installation
 *   that is (part of) an establishment under the Major Accidents Ordinance (12. BImSchV) and, as
 *   a rule, installations under the Industrial Emissions Directive. Their competence extends to
 *   neighbouring installations of the same operator (§ 2 Abs. 2, "Zaunprinzip") and of other
 *   operators in close technical connection (§ 2 Abs. 3).
 * - Where a Kreis or kreisfreie Stadt is itself the operator, the Bezirksregierung decides
 *   (§ 3 ZustVU, competences towards Kreise and kreisfreie Städte). [open: exact wording]
 * - Wind turbines (Nr. 1.6 Anhang 1 4. BImSchV) are neither IE installations nor listed in
 *   Anhang I ZustVU, so for a wind farm the Kreis or kreisfreie Stadt of the site is competent;
 *   in practice the lower immission control authorities of the Kreise grant wind permits.
 *   [open: confirm that Anhang I ZustVU in its current version lists no entry of Nr. 1.6]
 * - A project spanning several Kreise: the Bezirksregierung as the common supervisory authority
 *   decides (§ 3 Abs. 2 VwVfG NRW read with § 1 ZustVU). [open: whether the Bezirksregierung
 *   decides the case itself or names one of the Kreise; spanning several Regierungsbezirke the
 *   ministry would decide]
 */

/** One Gemeinde of the site, as the NRW municipality register gives it. */
export interface CompetenceSite {
  /** Amtlicher Gemeindeschlüssel, 8 digits; its first 5 are the Kreis, its first 3 the Regierungsbezirk. */
  ags: string;
  name: string;
  /** Kreis or kreisfreie Stadt, e.g. 'Kreis Paderborn', 'Hochsauerlandkreis', 'Bielefeld'. */
  kreis: string;
  /** Regierungsbezirk without prefix, e.g. 'Detmold'. */
  regierungsbezirk: string;
}

export interface CompetenceInstallation {
  /** Number in Anhang 1 4. BImSchV, e.g. '1.6.2' for 3 to 19 wind turbines. */
  no4BImSchV: string;
  /** Marked "E" in Anhang 1 4. BImSchV (Industrial Emissions Directive). */
  ieInstallation?: boolean;
  /** Establishment or part of one under the 12. BImSchV (Störfall-Verordnung). */
  majorAccidentEstablishment?: boolean;
  /** The Kreis or kreisfreie Stadt of the site operates the installation itself. */
  operatedByKreis?: boolean;
}

export type CompetentKind = 'kreis' | 'bezirksregierung' | 'undetermined';

export interface CompetenceResult {
  kind: CompetentKind;
  /** Kreis key (5 digits, e.g. '05774') or Regierungsbezirk key (3 digits, e.g. '057'); '' if undetermined. */
  areaCode: string;
  /** 'Kreis Paderborn', 'Stadt Bielefeld', 'Bezirksregierung Detmold' */
  areaName: string;
  /** German, e.g. 'der Kreis Paderborn (untere Immissionsschutzbehörde)'. */
  label: string;
  reason: string;
  citations: string[];
  /** True where the rule applied is marked [open] (needs legal sign-off). */
  open: boolean;
  ruleVersion: string;
}

/** The rule data: one version per legal state; a case records the version it was checked under. */
export const NRW_COMPETENCE_RULES = {
  version: 'ZustVU-2015',
  validFrom: '2015-02-19',
  source:
    'Zuständigkeitsverordnung Umweltschutz (ZustVU) vom 3. Februar 2015, zuletzt geändert durch die Vierte Änderungsverordnung vom 15. Juli 2025 (GV. NRW. 2025 S. 672) [open: Fundstelle der Stammfassung und Inhalt der Änderung prüfen]',
  /** Regierungsbezirk keys (AGS digits 1–3) and names. */
  regierungsbezirke: {
    '051': 'Düsseldorf',
    '053': 'Köln',
    '055': 'Münster',
    '057': 'Detmold',
    '059': 'Arnsberg',
  } as Record<string, string>,
  /** Installations the ZustVU assigns to the Bezirksregierung, by what is known of them. */
  bezirksregierungFor: {
    majorAccident: { citations: ['§ 2 Abs. 1 ZustVU i. V. m. Anhang I'], open: false },
    ieInstallation: { citations: ['§ 2 Abs. 1 ZustVU i. V. m. Anhang I'], open: true },
    operatedByKreis: { citations: ['§ 3 ZustVU'], open: true },
    severalKreise: { citations: ['§ 3 Abs. 2 VwVfG NRW', '§ 1 ZustVU'], open: true },
  },
  kreis: { citations: ['§ 1 Abs. 2 Nr. 3, Abs. 3 ZustVU'], open: false },
  /** Nr. 1.6 Anhang 1 4. BImSchV: wind turbines over 50 m total height. */
  windNumbers: ['1.6.1', '1.6.2'],
} as const;

export function kreisKey(ags: string): string {
  return ags.slice(0, 5);
}

export function regierungsbezirkKey(ags: string): string {
  return ags.slice(0, 3);
}

/** 'Kreis Paderborn', 'Hochsauerlandkreis', 'Städteregion Aachen' stay; a city becomes 'Stadt X'. */
export function kreisDisplayName(kreis: string): string {
  return /kreis|städteregion/i.test(kreis) ? kreis : `Stadt ${kreis}`;
}

function kreisResult(site: CompetenceSite): CompetenceResult {
  const name = kreisDisplayName(site.kreis);
  const rule = NRW_COMPETENCE_RULES.kreis;
  const article = name.startsWith('Stadt') || name.startsWith('Städteregion') ? 'die' : 'der';
  return {
    kind: 'kreis',
    areaCode: kreisKey(site.ags),
    areaName: name,
    label: `${article} ${name} (untere Immissionsschutzbehörde)`,
    reason: `Der Standort liegt in ${site.name} (${name}); zuständig ist die untere Umweltschutzbehörde des Kreises bzw. der kreisfreien Stadt, weil die ZustVU die Anlage keiner anderen Behörde zuweist.`,
    citations: [...rule.citations],
    open: rule.open,
    ruleVersion: NRW_COMPETENCE_RULES.version,
  };
}

function bezirksregierungResult(
  rbKey: string,
  reason: string,
  rule: { citations: readonly string[]; open: boolean },
): CompetenceResult {
  const name = `Bezirksregierung ${NRW_COMPETENCE_RULES.regierungsbezirke[rbKey] ?? rbKey}`;
  return {
    kind: 'bezirksregierung',
    areaCode: rbKey,
    areaName: name,
    label: `die ${name} (obere Immissionsschutzbehörde)`,
    reason,
    citations: [...rule.citations],
    open: rule.open,
    ruleVersion: NRW_COMPETENCE_RULES.version,
  };
}

/**
 * The competent authority for an installation on the given Gemeinden (one per turbine or parcel;
 * duplicates are fine). Returns undefined when no site is known.
 */
export function competentAuthority(
  sites: readonly CompetenceSite[],
  installation: CompetenceInstallation,
): CompetenceResult | undefined {
  const first = sites[0];
  if (!first) return undefined;
  const rules = NRW_COMPETENCE_RULES.bezirksregierungFor;
  const kreise = new Set(sites.map((s) => kreisKey(s.ags)));
  const bezirke = new Set(sites.map((s) => regierungsbezirkKey(s.ags)));
  const rbKey = regierungsbezirkKey(first.ags);
  if (bezirke.size > 1) {
    return {
      kind: 'undetermined',
      areaCode: '',
      areaName: '',
      label: 'eine vom Land zu bestimmende Behörde',
      reason:
        'Der Standort erstreckt sich über mehrere Regierungsbezirke; die zuständige Behörde bestimmt die gemeinsame Aufsichtsbehörde.',
      citations: ['§ 3 Abs. 2 VwVfG NRW'],
      open: true,
      ruleVersion: NRW_COMPETENCE_RULES.version,
    };
  }
  if (installation.majorAccidentEstablishment)
    return bezirksregierungResult(
      rbKey,
      'Die Anlage gehört zu einem Betriebsbereich nach der Störfall-Verordnung.',
      rules.majorAccident,
    );
  if (installation.ieInstallation)
    return bezirksregierungResult(
      rbKey,
      'Die Anlage fällt unter die Industrieemissions-Richtlinie (Anhang I ZustVU).',
      rules.ieInstallation,
    );
  if (installation.operatedByKreis)
    return bezirksregierungResult(
      rbKey,
      'Der Kreis bzw. die kreisfreie Stadt betreibt die Anlage selbst.',
      rules.operatedByKreis,
    );
  if (kreise.size > 1)
    return bezirksregierungResult(
      rbKey,
      `Der Standort erstreckt sich über mehrere Kreise bzw. kreisfreie Städte (${[
        ...new Set(sites.map((s) => kreisDisplayName(s.kreis))),
      ].join(', ')}).`,
      rules.severalKreise,
    );
  return kreisResult(first);
}

/** Does an organisation with this competence area (Kreis or Regierungsbezirk key) match the result? */
export function areaMatches(competenceArea: string | null, result: CompetenceResult): boolean {
  return competenceArea !== null && competenceArea === result.areaCode;
}

/** A wind project's installation: Nr. 1.6.1 from 20 turbines, 1.6.2 below (Anhang 1 4. BImSchV). */
export function windInstallation(turbineCount: number): CompetenceInstallation {
  return { no4BImSchV: turbineCount >= 20 ? '1.6.1' : '1.6.2' };
}
