/**
 * Anti-abuse for the public objection intake without accounts and without tracking: a signed
 * proof-of-work challenge (solved by the browser script or any API client), and for forms sent
 * without script a waiting time since the form was issued instead. The challenge's random id is
 * the submission's idempotency key unless the client sends an Idempotency-Key (submissionIdentity).
 */
import { AppError } from '../../platform/errors.ts';
import { purposeKey, type ParticipationDeps } from '../participation.types.ts';
import {
  CHALLENGE_MESSAGES,
  createChallenge,
  verifySolution,
  type Challenge,
} from './proof-of-work.ts';

const MAX_AGE_MS = 24 * 3_600_000; // writing an objection may take a while

function secret(deps: ParticipationDeps): string {
  return purposeKey(deps, 'objection-challenge').toString('base64url');
}

export function issueChallenge(deps: ParticipationDeps, procedureId: string): Challenge {
  return createChallenge({
    secret: secret(deps),
    scope: `objection:${procedureId}`,
    difficulty: deps.config.participation.powDifficulty,
    now: deps.clock.now(),
  });
}

/** The idempotency key of the submission, or null when none was given and none is required. */
export function checkChallenge(
  deps: ParticipationDeps,
  options: { procedureId: string; challenge: string; nonce: string; viaForm: boolean },
): string | null {
  const { powDifficulty, formMinSeconds } = deps.config.participation;
  if (options.challenge === '') {
    if (powDifficulty === 0) return null;
    throw new AppError(
      'validation',
      'Die Sicherheitsprüfung fehlt. Bitte laden Sie das Formular neu; API-Clients holen zuerst eine Aufgabe von …/objections/challenge.',
      [{ field: 'challenge', message: CHALLENGE_MESSAGES.malformed }],
    );
  }
  const now = deps.clock.now();
  const check = verifySolution({
    secret: secret(deps),
    scope: `objection:${options.procedureId}`,
    token: options.challenge,
    nonce: options.nonce,
    now,
    maxAgeMs: MAX_AGE_MS,
  });
  if (check.ok) return check.id;
  if (check.reason === 'insufficient-work' && options.viaForm && options.nonce === '') {
    // Without script the form cannot compute the work and sends the nonce field empty, as the
    // page renders it; a person who writes an objection takes longer than the waiting time. This
    // costs a bot no work, only time, so what bounds it is that a token buys one objection and
    // the per-address rate limit. Only here: the API always needs the work, and a nonce that was
    // sent but is wrong is a failed proof, not a browser without script.
    const issued = verifySolution({
      secret: secret(deps),
      scope: `objection:${options.procedureId}`,
      token: options.challenge,
      nonce: '0'.repeat(0),
      now,
      maxAgeMs: MAX_AGE_MS,
      minAgeMs: formMinSeconds * 1000,
    });
    const waited = !issued.ok && issued.reason === 'insufficient-work';
    const id = waitedId(options.challenge);
    if (waited && id !== null) return id;
    throw new AppError('validation', CHALLENGE_MESSAGES['not-yet-valid'], [
      { field: 'text', message: CHALLENGE_MESSAGES['not-yet-valid'] },
    ]);
  }
  throw new AppError('validation', CHALLENGE_MESSAGES[check.reason], [
    { field: 'challenge', message: CHALLENGE_MESSAGES[check.reason] },
  ]);
}

/** The random id inside a token whose signature was already checked. */
function waitedId(token: string): string | null {
  const [encoded = ''] = token.split('.');
  try {
    const payload: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    const id = (payload as { n?: unknown }).n;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

/** What identifies a submission for retries (objection.actions.ts, replayed). */
export interface SubmissionIdentity {
  /** The idempotency key: the client's Idempotency-Key, or else the challenge. */
  readonly key: string | null;
  /** The challenge spent on it: one objection per challenge and procedure. */
  readonly challengeId: string | null;
}

/**
 * The one idempotency rule of the API and the form. The form has no header: its challenge token,
 * issued with the page, is its key, so a form sent twice is one objection.
 */
export function submissionIdentity(
  challengeId: string | null,
  idempotencyKey: string | undefined,
): SubmissionIdentity {
  return {
    key: idempotencyKey ? `key:${idempotencyKey}` : challengeId,
    challengeId,
  };
}
