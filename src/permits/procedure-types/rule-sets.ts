/**
 * The two legal states ("Rechtsstand") the BImSchG wind procedures are encoded for
 * (docs/law/bimschg-permit.md § 5). Running procedures continue under new rules without
 * repeating steps taken (§ 67 Abs. 4 BImSchG, § 25 Abs. 1 9. BImSchV).
 */
import type { IsoDate } from '../../law/index.ts';
import type { FactDef } from '../../procedures/engine/index.ts';
import { cite } from './citations.ts';

export interface RuleSet {
  readonly version: string;
  readonly validFrom: IsoDate;
  /** RED III rules of § 10a BImSchG apply (30/45-day completeness check). */
  readonly red: boolean;
  /**
   * Onshore wind: a hearing only on the applicant's request (§ 10 Abs. 6 BImSchG as amended by
   * the act of 03.07.2024). [open] Whether the authority may still hold one without a request.
   */
  readonly hearingOnRequest: boolean;
}

/** Art. 1, 4 G. v. 03.07.2024 (BGBl. 2024 I Nr. 225), in force 09.07.2024. [sec: buzer.de] */
export const JULY_2024: RuleSet = {
  version: '2024-07',
  validFrom: '2024-07-09',
  red: false,
  hearingOnRequest: true,
};

/** RED III implementation act (BGBl. 2025 I Nr. 189 of 14.08.2025), in force 15.08.2025. [sec] */
export const RED_III_2025: RuleSet = {
  version: '2025-08',
  validFrom: '2025-08-15',
  red: true,
  hearingOnRequest: true,
};

/** Facts the applicant states on submission; RED III needs the acceleration-area fact. */
export function procedureFacts(rules: RuleSet): FactDef[] {
  if (!rules.red) return [];
  return [
    {
      key: 'inAccelerationArea',
      label: 'Liegt der Standort in einem Beschleunigungsgebiet für Windenergie?',
      required: true,
      citations: [cite.accelerationArea, cite.redCompleteness],
    },
  ];
}
