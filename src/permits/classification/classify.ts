/**
 * The procedure finder (Verfahrensfinder): which permit procedure, which EIA class and which
 * deadlines apply to an onshore wind project on a given date, with German reasons and citations.
 */
import { formatGermanDate } from '../../law/index.ts';
import type { Classification, Reason, WindProjectInput } from './classification.types.ts';
import { determineDeadlines } from './deadlines.ts';
import { classifyEia } from './eia.ts';
import { classifyProcedure, PROCEDURE_LABELS } from './procedure.ts';
import type { RuleVersion } from './rule-version.types.ts';
import { selectRuleVersion } from './rule-versions.ts';
import { LEGAL_REVIEW } from './rules-2024-07.ts';
import { findWindBgRule } from './windbg.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Programming errors, not user input: callers validate with parseWindProjectInput first. */
function assertValid(input: WindProjectInput, onDate: string): void {
  const match = ISO_DATE.exec(onDate);
  const date = match ? new Date(`${onDate}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== onDate) {
    throw new RangeError(`Der Stichtag „${onDate}“ ist kein gültiges Datum (Format JJJJ-MM-TT).`);
  }
  if (!Number.isInteger(input.turbineCount) || input.turbineCount < 1) {
    throw new RangeError('Die Anzahl der Windenergieanlagen muss eine ganze Zahl ab 1 sein.');
  }
  if (!Number.isFinite(input.maxTotalHeightM) || input.maxTotalHeightM <= 0) {
    throw new RangeError('Die Gesamthöhe der höchsten Anlage muss größer als 0 m sein.');
  }
}

function germanDate(iso: string): string {
  return formatGermanDate(iso, { weekday: false });
}

function versionNotes(version: RuleVersion, onDate: string): string[] {
  return version.notes.flatMap((note) => {
    if (note.from === undefined || onDate >= note.from) return [note.text];
    return note.before === undefined ? [] : [note.before];
  });
}

/** Turbines up to the threshold are building-law matters (4. BImSchV Anhang 1 Nr. 1.6). */
function withoutPermit(
  version: RuleVersion,
  base: Pick<Classification, 'reasons' | 'notes' | 'ruleVersion'>,
): Classification {
  const limit = version.permitHeightThresholdM;
  return {
    procedure: 'none',
    procedureLabel: PROCEDURE_LABELS.none,
    publicParticipation: false,
    eia: 'none',
    eiaLabel: `Keine UVP-Pflicht (Windfarmen zählen erst mit Anlagen über ${limit} m Gesamthöhe)`,
    reasons: [
      ...base.reasons,
      {
        text: `Windenergieanlagen mit einer Gesamthöhe von höchstens ${limit} m bedürfen keiner immissionsschutzrechtlichen Genehmigung; sie werden nach dem Bauordnungsrecht des Landes genehmigt.`,
        citations: ['4. BImSchV Anhang 1 Nr. 1.6', '§ 60 BauO NRW 2018'],
      },
      {
        text: `Die UVP-Pflicht für Windfarmen erfasst nur Anlagen mit mehr als ${limit} m Gesamthöhe.`,
        citations: ['UVPG Anlage 1 Nr. 1.6'],
      },
    ],
    notes: [
      ...base.notes,
      `${LEGAL_REVIEW} Verfahren und Fristen der Bauaufsicht sind hier nicht abgebildet; kleine Anlagen können verfahrensfrei sein (BauO NRW 2018).`,
    ],
    ruleVersion: base.ruleVersion,
  };
}

/**
 * onDate selects the Rechtsstand: normally the filing date of the application; for a running
 * procedure today, because running procedures continue under new rules (§ 67 Abs. 4 BImSchG).
 * Throws RangeError only for input that parseWindProjectInput would have rejected.
 */
export function classifyWindProject(input: WindProjectInput, onDate: string): Classification {
  assertValid(input, onDate);
  const { version, beforeOldest } = selectRuleVersion(onDate);
  const versionReason: Reason = {
    text: `Maßgeblich ist der Rechtsstand „${version.title}“, anwendbar ab ${germanDate(version.validFrom)}.`,
    citations: [...version.source],
  };
  const notes: string[] = beforeOldest
    ? [
        `${LEGAL_REVIEW} Der Stichtag ${germanDate(onDate)} liegt vor dem ältesten hinterlegten Rechtsstand; die frühere Rechtslage ist nicht abgebildet, verwendet wurde der Rechtsstand ab ${germanDate(version.validFrom)}.`,
      ]
    : [];
  const ruleVersion = { key: version.key, title: version.title, validFrom: version.validFrom };

  if (input.maxTotalHeightM <= version.permitHeightThresholdM) {
    return withoutPermit(version, { reasons: [versionReason], notes, ruleVersion });
  }

  const windBg = findWindBgRule(input, version, onDate);
  const eia = classifyEia(input, version, windBg.rule);
  const procedure = classifyProcedure(input, version, eia.eia);
  const deadlines = determineDeadlines(input, version, procedure.procedure, windBg.rule);
  const permitReason: Reason = {
    text: `Windenergieanlagen mit mehr als ${version.permitHeightThresholdM} m Gesamthöhe bedürfen einer immissionsschutzrechtlichen Genehmigung.`,
    citations: ['§ 4 BImSchG', '4. BImSchV Anhang 1 Nr. 1.6'],
  };

  return {
    procedure: procedure.procedure,
    procedureLabel: procedure.label,
    publicParticipation: procedure.publicParticipation,
    eia: eia.eia,
    eiaLabel: eia.label,
    decisionDeadline: deadlines.decision,
    completenessDeadline: deadlines.completeness,
    agencyStatementDeadline: deadlines.agencyStatement,
    ...(deadlines.environmentalScreening
      ? { environmentalScreeningDeadline: deadlines.environmentalScreening }
      : {}),
    reasons: [
      versionReason,
      permitReason,
      ...eia.reasons,
      ...procedure.reasons,
      ...deadlines.reasons,
    ],
    notes: [
      ...notes,
      ...windBg.notes,
      ...eia.notes,
      ...procedure.notes,
      ...deadlines.notes,
      ...versionNotes(version, onDate),
    ],
    ruleVersion,
  };
}
