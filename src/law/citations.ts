/**
 * Citations as data, so a lawyer can review them in one place. NRW wording of § 31 VwVfG NRW
 * equals the federal § 31 VwVfG [open: confirm against the NRW statute text].
 */
export const citation = {
  vwvfgApplyBgb: '§ 31 Abs. 1 VwVfG NRW',
  vwvfgShift: '§ 31 Abs. 3 VwVfG NRW',
  bgbEvent: '§ 187 Abs. 1 BGB',
  bgbDayStart: '§ 187 Abs. 2 BGB',
  bgbEndDays: '§ 188 Abs. 1 BGB',
  bgbEndWeeksMonths: '§ 188 Abs. 2 BGB',
  bgbMonthEnd: '§ 188 Abs. 3 BGB',
  bgbFractions: '§ 189 Abs. 1 BGB',
  bgbHalfMonthLast: '§ 189 Abs. 2 BGB',
  bgbExtension: '§ 190 BGB',
  nrwHolidays: '§ 2 FeiertagsG NW',
} as const;
