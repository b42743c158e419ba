import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The personal status link of an objection: the objection id plus a MAC over it. Nothing is
 * stored, so the link can be shown again for a retried submission and put into the receipt mail,
 * and it cannot be guessed from the public reference number.
 */
export function statusToken(key: Buffer, objectionId: string): string {
  const id = Buffer.from(objectionId.replaceAll('-', ''), 'hex');
  const mac = createHmac('sha256', key).update(id).digest().subarray(0, 18);
  return Buffer.concat([id, mac]).toString('base64url');
}

/** The objection id of a valid token, else null (also for any malformed input). */
export function parseStatusToken(key: Buffer, token: string): string | null {
  if (!/^[A-Za-z0-9_-]{45,48}$/.test(token)) return null;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== 34) return null;
  const id = raw.subarray(0, 16);
  const expected = createHmac('sha256', key).update(id).digest().subarray(0, 18);
  if (!timingSafeEqual(expected, raw.subarray(16))) return null;
  const hex = id.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
