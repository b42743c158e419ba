import { createHash } from 'node:crypto';
import { canonicalJson } from '../../procedures/audit-hash.ts';

export interface HashedAttachment {
  readonly filename: string;
  readonly sha256: string;
}

/**
 * The SHA-256 on the receipt: over the canonical JSON of the text exactly as received and the
 * name and SHA-256 of each attachment in order. Anyone holding the text and files can recompute
 * it (documented on the receipt page), and a later change to the stored objection shows.
 */
export function objectionSha256(text: string, attachments: readonly HashedAttachment[]): string {
  const payload = canonicalJson({
    attachments: attachments.map((a) => ({ filename: a.filename, sha256: a.sha256 })),
    text,
  });
  return createHash('sha256').update(payload, 'utf8').digest('hex');
}
