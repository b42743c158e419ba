/** Detection and redaction of personal data in objections (Einwendungen). Pure, no I/O. */
export {
  ALWAYS_REDACTED_KINDS,
  KIND_LABELS,
  type KnownIdentity,
  type PersonalDataKind,
  type RedactionSpan,
} from './kinds.ts';
export { detectPersonalData } from './detect.ts';
export { applyRedaction, mergeSpans } from './spans.ts';
export { isValidIban } from './iban.ts';
