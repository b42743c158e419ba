/**
 * EIA class (UVP-Pflicht) of a windfarm by size (UVPG Anlage 1 Nr. 1.6), refined by a screening
 * result already at hand, or replaced by a WindBG regime.
 */
import type {
  EiaClass,
  EiaScreeningOutcome,
  Reason,
  WindProjectInput,
} from './classification.types.ts';
import type { EiaBand, RuleVersion, WindBgRule } from './rule-version.types.ts';
import { LEGAL_REVIEW } from './rules-2024-07.ts';

export interface EiaFinding {
  eia: EiaClass;
  label: string;
  reasons: Reason[];
  notes: string[];
}

export const EIA_LABELS: Readonly<Record<Exclude<EiaClass, 'replaced-by-windbg'>, string>> = {
  required: 'UVP-pflichtig: Umweltverträglichkeitsprüfung erforderlich',
  'general-screening': 'Allgemeine Vorprüfung des Einzelfalls erforderlich (§ 7 Abs. 1 UVPG)',
  'site-screening': 'Standortbezogene Vorprüfung des Einzelfalls erforderlich (§ 7 Abs. 2 UVPG)',
  none: 'Keine UVP-Pflicht',
};

const formalIfRequired =
  'Stellt die Vorprüfung eine UVP-Pflicht fest, ist das förmliche Verfahren mit Öffentlichkeitsbeteiligung durchzuführen (§ 2 Abs. 1 Satz 1 Nr. 1 Buchst. c 4. BImSchV).';

const cumulationNote =
  'Für die UVP zählen auch bestehende oder geplante Anlagen, die mit dem Vorhaben in engem Zusammenhang stehen (Windfarm, kumulierende Vorhaben: § 2 Abs. 5, §§ 10 bis 12 UVPG); geben Sie dann die Gesamtzahl an.';

const repoweringNote = `${LEGAL_REVIEW} Beim Repowering richtet sich die UVP nach den Regeln für Änderungsvorhaben (§ 9 UVPG); die Einstufung nach der Anzahl der neuen Anlagen ist eine Näherung.`;

function bandFor(version: RuleVersion, turbineCount: number): EiaBand {
  const band =
    version.eiaBands.find((b) => turbineCount >= b.minTurbines) ?? version.eiaBands.at(-1);
  if (band === undefined) throw new RangeError('Der Rechtsstand enthält keine UVP-Schwellen.');
  return band;
}

function finding(eia: Exclude<EiaClass, 'replaced-by-windbg'>, reasons: Reason[]): EiaFinding {
  return { eia, label: EIA_LABELS[eia], reasons, notes: [] };
}

/** Applies a screening result to a band; only screening bands leave room for one (§ 7 UVPG). */
function applyScreening(band: EiaBand, outcome: EiaScreeningOutcome): EiaFinding {
  const bandReason: Reason = { text: band.reason.text, citations: [...band.reason.citations] };
  const screeningCitation = band.eia === 'site-screening' ? '§ 7 Abs. 2 UVPG' : '§ 7 Abs. 1 UVPG';
  switch (band.eia) {
    case 'required': {
      const result = finding('required', [bandReason]);
      if (outcome === 'no-eia') {
        result.notes.push(
          'Ab 20 Anlagen ist keine Vorprüfung vorgesehen; ein Vorprüfungsergebnis „keine UVP-Pflicht“ ändert die UVP-Pflicht nicht.',
        );
      }
      return result;
    }
    case 'general-screening':
    case 'site-screening':
      if (outcome === 'eia-required') {
        return finding('required', [
          bandReason,
          {
            text: 'Die Vorprüfung hat eine UVP-Pflicht ergeben.',
            citations: [screeningCitation, '§ 5 UVPG'],
          },
        ]);
      }
      if (outcome === 'no-eia') {
        return finding('none', [
          bandReason,
          {
            text: 'Die Vorprüfung hat ergeben, dass keine UVP-Pflicht besteht.',
            citations: [screeningCitation, '§ 5 UVPG'],
          },
        ]);
      }
      return { ...finding(band.eia, [bandReason]), notes: [formalIfRequired] };
    case 'none':
      if (outcome === 'eia-required') {
        return {
          ...finding('required', [
            bandReason,
            {
              text: 'Es wurde gleichwohl eine UVP-Pflicht festgestellt, etwa auf Antrag des Vorhabenträgers.',
              citations: ['§ 7 Abs. 3 UVPG', '§ 5 UVPG'],
            },
          ]),
          notes: [
            `${LEGAL_REVIEW} Für eine oder zwei Anlagen sieht das UVPG keine Vorprüfung vor; eine UVP-Pflicht kann sich aus kumulierenden Vorhaben oder einem Antrag nach § 7 Abs. 3 UVPG ergeben.`,
          ],
        };
      }
      return finding('none', [bandReason]);
  }
}

export function classifyEia(
  input: WindProjectInput,
  version: RuleVersion,
  windBg: WindBgRule | undefined,
): EiaFinding {
  if (windBg) {
    const notes =
      input.eiaScreeningOutcome === 'not-done'
        ? []
        : [
            `Das Ergebnis einer UVP-Vorprüfung ist nach ${windBg.title} nicht maßgeblich, weil die UVP entfällt.`,
          ];
    return {
      eia: 'replaced-by-windbg',
      label: windBg.eiaLabel,
      reasons: [{ text: windBg.reason.text, citations: [...windBg.reason.citations] }],
      notes,
    };
  }
  const band = bandFor(version, input.turbineCount);
  const result = applyScreening(band, input.eiaScreeningOutcome);
  if (band.eia !== 'required') result.notes.push(cumulationNote);
  if (input.repowering) result.notes.push(repoweringNote);
  return result;
}
