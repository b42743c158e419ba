/**
 * Permit procedure for turbines above the height threshold: formal (§ 10 BImSchG) or simplified
 * (§ 19 BImSchG), as a change permit when repowering (§ 16b BImSchG).
 */
import type {
  EiaClass,
  PermitProcedure,
  Reason,
  WindProjectInput,
} from './classification.types.ts';
import type { RuleVersion } from './rule-version.types.ts';

export const PROCEDURE_LABELS: Readonly<Record<PermitProcedure, string>> = {
  none: 'Kein immissionsschutzrechtliches Genehmigungsverfahren (Baugenehmigung nach Landesbauordnung)',
  simplified: 'Vereinfachtes Genehmigungsverfahren ohne Öffentlichkeitsbeteiligung (§ 19 BImSchG)',
  formal: 'Förmliches Genehmigungsverfahren mit Öffentlichkeitsbeteiligung (§ 10 BImSchG)',
  'repowering-simplified':
    'Änderungsgenehmigung für das Repowering im vereinfachten Verfahren ohne Öffentlichkeitsbeteiligung (§§ 16b, 19 BImSchG)',
  'repowering-formal':
    'Änderungsgenehmigung für das Repowering im förmlichen Verfahren mit Öffentlichkeitsbeteiligung (§§ 16b, 10 BImSchG)',
};

export type PermitRequiredProcedure = Exclude<PermitProcedure, 'none'>;

export interface ProcedureFinding {
  procedure: PermitRequiredProcedure;
  label: string;
  publicParticipation: boolean;
  reasons: Reason[];
  notes: string[];
}

/** The grounds for the formal procedure, in the order the statute checks them. */
function formalGrounds(input: WindProjectInput, version: RuleVersion, eia: EiaClass): Reason[] {
  const n = input.turbineCount;
  const grounds: Reason[] = [];
  if (input.repowering && n > version.repoweringSimplifiedMaxTurbines) {
    grounds.push({
      text: `Das vereinfachte Verfahren gilt beim Repowering nur bis zu ${version.repoweringSimplifiedMaxTurbines} Anlagen; bei ${n} Anlagen ist das förmliche Verfahren durchzuführen.`,
      citations: ['§ 16b BImSchG', '4. BImSchV Anhang 1 Nr. 1.6.1', '§ 10 BImSchG'],
    });
  } else if (!input.repowering && n >= version.formalMinTurbines) {
    grounds.push({
      text: `Bei ${n} Anlagen (${version.formalMinTurbines} oder mehr) ist das förmliche Verfahren mit Öffentlichkeitsbeteiligung durchzuführen.`,
      citations: ['4. BImSchV Anhang 1 Nr. 1.6.1', '§ 10 BImSchG'],
    });
  }
  if (grounds.length === 0 && eia === 'required') {
    grounds.push({
      text: 'Weil eine Umweltverträglichkeitsprüfung durchzuführen ist, gilt das förmliche Verfahren mit Öffentlichkeitsbeteiligung.',
      citations: ['§ 2 Abs. 1 Satz 1 Nr. 1 Buchst. c 4. BImSchV', '§ 10 BImSchG'],
    });
  }
  if (grounds.length === 0 && input.applicantRequestsFormal) {
    grounds.push({
      text: 'Der Antragsteller hat das förmliche Verfahren mit Öffentlichkeitsbeteiligung beantragt.',
      citations: ['§ 19 Abs. 3 BImSchG'],
    });
  }
  return grounds;
}

function simplifiedReason(input: WindProjectInput, version: RuleVersion): Reason {
  return input.repowering
    ? {
        text: `Beim Repowering von bis zu ${version.repoweringSimplifiedMaxTurbines} Anlagen ist das vereinfachte Verfahren ohne Öffentlichkeitsbeteiligung durchzuführen.`,
        citations: ['§ 16b BImSchG', '§ 19 BImSchG'],
      }
    : {
        text: `Bei weniger als ${version.formalMinTurbines} Anlagen ist das vereinfachte Verfahren ohne Öffentlichkeitsbeteiligung durchzuführen.`,
        citations: ['4. BImSchV Anhang 1 Nr. 1.6.2', '§ 19 BImSchG'],
      };
}

export function classifyProcedure(
  input: WindProjectInput,
  version: RuleVersion,
  eia: EiaClass,
): ProcedureFinding {
  const reasons: Reason[] = [];
  const notes: string[] = [];
  if (input.repowering) {
    reasons.push({
      text: 'Das Repowering wird als Änderung zugelassen; geprüft werden nur nachteilige Auswirkungen gegenüber dem Ist-Zustand.',
      citations: ['§ 16b Abs. 1 BImSchG', '§ 16 BImSchG'],
    });
    notes.push(...version.repoweringNotes);
  }
  const grounds = formalGrounds(input, version, eia);
  const formal = grounds.length > 0;
  if (formal) {
    reasons.push(...grounds);
    notes.push(...version.formalNotes);
  } else {
    reasons.push(simplifiedReason(input, version));
    notes.push(
      'Auf Antrag wird das förmliche Verfahren mit Öffentlichkeitsbeteiligung durchgeführt (§ 19 Abs. 3 BImSchG).',
    );
  }
  const procedure: PermitRequiredProcedure = input.repowering
    ? formal
      ? 'repowering-formal'
      : 'repowering-simplified'
    : formal
      ? 'formal'
      : 'simplified';
  return {
    procedure,
    label: PROCEDURE_LABELS[procedure],
    publicParticipation: formal,
    reasons,
    notes,
  };
}
