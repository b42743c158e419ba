import type { FundingProgrammeVersion } from '../programme.types.ts';
import { INITIAL_CONSULTING_2022 } from './initial-consulting.ts';
import {
  PROGRES_GEOTHERMAL_2026,
  PROGRES_HEAT_PUMP_TRAINING_2026,
  PROGRES_SOLAR_PROCESS_HEAT_2026,
} from './progres-klimaschutztechnik.ts';
import { TRANSFORMATION_CONCEPTS_2022 } from './transformation-concepts.ts';

export {
  INITIAL_CONSULTING_2022,
  PROGRES_GEOTHERMAL_2026,
  PROGRES_HEAT_PUMP_TRAINING_2026,
  PROGRES_SOLAR_PROCESS_HEAT_2026,
  TRANSFORMATION_CONCEPTS_2022,
};

/** Every shipped programme version; the finder and the tests read this list. */
export const fundingProgrammeVersions: readonly FundingProgrammeVersion[] = [
  TRANSFORMATION_CONCEPTS_2022,
  INITIAL_CONSULTING_2022,
  PROGRES_GEOTHERMAL_2026,
  PROGRES_SOLAR_PROCESS_HEAT_2026,
  PROGRES_HEAT_PUMP_TRAINING_2026,
];
