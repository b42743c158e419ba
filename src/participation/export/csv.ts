/** The CSV helpers moved to the platform (src/platform/csv.ts); exports of objections use ';'. */
export { csvRow, safeCell, UTF8_BOM } from '../../platform/csv.ts';
