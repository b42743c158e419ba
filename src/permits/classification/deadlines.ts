/**
 * Deadlines of the procedure: completeness check (§ 7 Abs. 1 9. BImSchV, RED III § 10a Abs. 4
 * BImSchG), decision (§ 10 Abs. 6a, § 10a Abs. 6 BImSchG), agency statements (§ 11 9. BImSchV)
 * and the WindBG environmental screening (§ 6b WindBG). Labels come from the deadline engine.
 */
import { parseDuration } from '../../law/index.ts';
import type { DeadlineInfo, Reason, WindProjectInput } from './classification.types.ts';
import type { PermitRequiredProcedure } from './procedure.ts';
import type { DeadlineRule, RuleVersion, WindBgRule } from './rule-version.types.ts';

export interface DeadlineFinding {
  decision: DeadlineInfo;
  completeness: DeadlineInfo;
  agencyStatement: DeadlineInfo;
  environmentalScreening?: DeadlineInfo;
  reasons: Reason[];
  notes: string[];
}

/** '7 Monate' → '7 Monaten' for "innerhalb von …" (the engine's own helper is not public). */
function dative(label: string): string {
  return label.replace(/\bMonate\b/g, 'Monaten').replace(/\bTage\b/g, 'Tagen');
}

export function toDeadlineInfo(rule: DeadlineRule): DeadlineInfo {
  return {
    duration: rule.duration,
    label: parseDuration(rule.duration).label,
    ...(rule.extension === undefined ? {} : { extension: rule.extension }),
    citations: [...rule.citations],
  };
}

function decisionRule(
  input: WindProjectInput,
  version: RuleVersion,
  procedure: PermitRequiredProcedure,
): DeadlineRule {
  const { decision } = version;
  switch (procedure) {
    case 'formal':
      return input.inAccelerationArea && decision.formalInAccelerationArea
        ? decision.formalInAccelerationArea
        : decision.formal;
    case 'simplified':
      return decision.simplified;
    case 'repowering-formal':
      return decision.repoweringFormal;
    case 'repowering-simplified':
      return decision.repoweringSimplified;
  }
}

/** Site words only where the version distinguishes by area (RED III § 10a Abs. 4). */
function completenessSite(input: WindProjectInput, version: RuleVersion): string {
  const { insideAccelerationArea, outsideAccelerationArea } = version.completeness;
  if (insideAccelerationArea.duration === outsideAccelerationArea.duration) return '';
  return input.inAccelerationArea
    ? ' (Standort im Beschleunigungsgebiet)'
    : ' (Standort außerhalb eines Beschleunigungsgebiets)';
}

export function determineDeadlines(
  input: WindProjectInput,
  version: RuleVersion,
  procedure: PermitRequiredProcedure,
  windBg: WindBgRule | undefined,
): DeadlineFinding {
  const completenessRule = input.inAccelerationArea
    ? version.completeness.insideAccelerationArea
    : version.completeness.outsideAccelerationArea;
  const decisionRuleUsed = decisionRule(input, version, procedure);
  const screeningRule = input.repowering
    ? windBg?.screening?.repowering
    : windBg?.screening?.standard;

  const completeness = toDeadlineInfo(completenessRule);
  const decision = toDeadlineInfo(decisionRuleUsed);
  const agencyStatement = toDeadlineInfo(version.agencyStatement);
  const environmentalScreening = screeningRule ? toDeadlineInfo(screeningRule) : undefined;

  const reasons: Reason[] = [
    {
      text: `Die Behörde prüft die Vollständigkeit der Antragsunterlagen innerhalb von ${dative(completeness.label)}${completenessSite(input, version)}.`,
      citations: completeness.citations,
    },
    {
      text: `Über den Antrag ist innerhalb von ${dative(decision.label)} zu entscheiden.`,
      citations: decision.citations,
    },
    { text: version.decision.start.text, citations: [...version.decision.start.citations] },
    {
      text: `Beteiligte Fachbehörden geben ihre Stellungnahmen innerhalb von ${dative(agencyStatement.label)} ab; für Vorhaben der erneuerbaren Energien gibt es keine Verlängerung.`,
      citations: agencyStatement.citations,
    },
  ];
  if (environmentalScreening && windBg) {
    reasons.push({
      text: `Die Überprüfung der Umweltauswirkungen nach ${windBg.title} ist innerhalb von ${dative(environmentalScreening.label)} abzuschließen${input.repowering ? ' (Repowering)' : ''}.`,
      citations: environmentalScreening.citations,
    });
  }
  const notes = [
    completenessRule,
    decisionRuleUsed,
    version.agencyStatement,
    screeningRule,
  ].flatMap((rule) => (rule?.reviewNote === undefined ? [] : [rule.reviewNote]));
  return {
    decision,
    completeness,
    agencyStatement,
    ...(environmentalScreening ? { environmentalScreening } : {}),
    reasons,
    notes,
  };
}
