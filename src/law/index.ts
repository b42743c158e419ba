/**
 * Public API of the pure German deadline engine (Fristenrechner): § 31 VwVfG NRW with
 * §§ 187–193 BGB and the NRW public holidays (§ 2 FeiertagsG NW). Imports nothing outside law/.
 */
export type { IsoDate } from './calendar-date.ts';
export { parseIsoDate } from './calendar-date.ts';
export type { DeadlineInputField } from './errors.ts';
export { DeadlineInputError } from './errors.ts';
export { countNoun, formatGermanDate, formatGermanDateShort } from './german-format.ts';
export type { Holiday, HolidayCalendar, OneOffHoliday } from './holidays.ts';
export {
  createNrwHolidayCalendar,
  defaultOneOffHolidays,
  easterSunday,
  nrwHolidays,
} from './holidays.ts';
export type { OfficeClosedCalendar, OfficeClosedOptions } from './office-closed.ts';
export { createOfficeClosedCalendar, defaultOfficeClosed } from './office-closed.ts';
export type { ParsedDuration } from './duration.ts';
export { parseDuration } from './duration.ts';
export type { Counting } from './period.ts';
export type { SkippedDay } from './working-days.ts';
export { addWorkingDays, isWorkingDay } from './working-days.ts';
export type { DeadlineInput, DeadlineResult, DeadlineRule, ExtensionInput } from './deadline.ts';
export { computeDeadline, extendDeadline } from './deadline.ts';
export { citation } from './citations.ts';
export * from './fees/index.ts';
export type { AdministrativeCourt, CourtAddress } from './courts.ts';
export {
  administrativeCourts,
  courtForKreis,
  formatCourtAddress,
  higherAdministrativeCourt,
} from './courts.ts';
export type {
  RemediesInput,
  RemediesInputField,
  RemediesResult,
  RemedyDecisionKind,
} from './remedies.ts';
export { OVG_HEIGHT_LIMIT_M, remediesFor, RemediesInputError } from './remedies.ts';
