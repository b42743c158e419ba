import { createHmac } from 'node:crypto';
import { resolveCookieSecret } from '../config.ts';
import type { PermitDeps } from '../permits/permit.types.ts';

/** What the participation use cases need: the same as the permit use cases. */
export type ParticipationDeps = PermitDeps;

const keys = new WeakMap<object, Map<string, Buffer>>();

/**
 * A key for one purpose (status links, proof-of-work challenges) derived from the instance's
 * secret, so that one leaked purpose key does not forge the others.
 */
export function purposeKey(deps: Pick<ParticipationDeps, 'config'>, purpose: string): Buffer {
  let perConfig = keys.get(deps.config);
  if (!perConfig) {
    perConfig = new Map();
    keys.set(deps.config, perConfig);
  }
  let key = perConfig.get(purpose);
  if (!key) {
    key = createHmac('sha256', resolveCookieSecret(deps.config)).update(purpose).digest();
    perConfig.set(purpose, key);
  }
  return key;
}
