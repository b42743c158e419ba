/**
 * Cleans free text for the minutes, which reach the applicant and objectors (§ 19 Abs. 2
 * 9. BImSchV): e-mail addresses, phone numbers, bank details, special categories and the like
 * found by the redaction detector, and every name and address of an objector who asked to stay
 * unrecognisable (§ 12 Abs. 2 S. 2 9. BImSchV), wherever staff typed them. [open] Which further
 * personal data § 19 allows in the minutes needs legal sign-off.
 */
import { applyRedaction, detectPersonalData } from '../redaction/index.ts';

interface Identity {
  name: string | null;
  address: string | null;
  email: string | null;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface Scrubber {
  /** Names and addresses of protected objectors only (for names of staff and representatives). */
  readonly sweep: (text: string) => string;
  /** The sweep plus the redaction detector (for free text). */
  readonly scrub: (text: string) => string;
}

export function minutesScrubber(protectedIdentities: readonly Identity[]): Scrubber {
  const values = [
    ...new Set(
      protectedIdentities
        .flatMap((p) => [p.name, p.address, p.email])
        .map((v) => v?.trim() ?? '')
        .filter((v) => v.length >= 3),
    ),
  ].sort((a, b) => b.length - a.length);
  const known = values.length > 0 ? new RegExp(values.map(escapeRegExp).join('|'), 'giu') : null;
  const sweep = (text: string) => (known ? text.replace(known, '[geschwärzt]') : text);
  return {
    sweep,
    scrub: (text: string) => {
      const swept = sweep(text);
      return applyRedaction(swept, detectPersonalData(swept));
    },
  };
}
