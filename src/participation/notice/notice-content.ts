/**
 * Public notices of the formal BImSchG permit procedure as plain data (title, summary, sections
 * with citations); the PDF, the web page and the Atom feed render the same content.
 */
export type {
  ApplicationNoticeInput,
  DecisionNoticeInput,
  HearingNoticeInput,
  NoticeContent,
  NoticeKind,
  NoticeSection,
  Turbine,
} from './notice.types.ts';
export { applicationNotice } from './application-notice.ts';
export { decisionNotice } from './decision-notice.ts';
export { hearingNotice } from './hearing-notice.ts';
