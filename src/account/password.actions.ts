import type { Db } from '../db/database.ts';
import type { Actor } from '../platform/auth/actor.ts';
import { createSession } from '../platform/auth/auth.queries.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../platform/auth/passwords.ts';
import { authorize } from '../platform/auth/policy.ts';
import {
  assertLoginAllowed,
  lockPairOrRefuse,
  recordLoginFailure,
} from '../platform/auth/throttle.ts';
import { AppError, type FieldError } from '../platform/errors.ts';
import { queueMail } from '../platform/mail.ts';

export interface PasswordChangeInput {
  currentPassword: string;
  newPassword: string;
  newPasswordRepeat: string;
}

function field(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

export function readPasswordChange(body: Record<string, unknown>): PasswordChangeInput {
  return {
    currentPassword: field(body, 'currentPassword'),
    newPassword: field(body, 'newPassword'),
    newPasswordRepeat: field(body, 'newPasswordRepeat'),
  };
}

function validate(input: PasswordChangeInput, email: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.currentPassword) {
    errors.push({
      field: 'currentPassword',
      message: 'Bitte geben Sie Ihr bisheriges Passwort ein.',
    });
  }
  if (!input.newPassword) {
    errors.push({ field: 'newPassword', message: 'Bitte geben Sie ein neues Passwort ein.' });
  } else if (input.newPassword === input.currentPassword) {
    errors.push({
      field: 'newPassword',
      message: 'Das neue Passwort muss sich vom bisherigen unterscheiden.',
    });
  } else {
    const problem = passwordProblem(input.newPassword, { email });
    if (problem) errors.push({ field: 'newPassword', message: problem });
  }
  if (input.newPassword && input.newPasswordRepeat !== input.newPassword) {
    errors.push({
      field: 'newPasswordRepeat',
      message: 'Die beiden Eingaben des neuen Passworts stimmen nicht überein.',
    });
  }
  return errors;
}

function fail(errors: FieldError[]): never {
  throw new AppError('validation', 'Das Passwort wurde nicht geändert.', errors);
}

type Outcome = { token: string } | { wrongCurrent: true };

/**
 * Changes the user's own password and returns the token of a new session. In one transaction:
 * the new argon2id hash, the end of every session of the user (a thief's included), the new
 * session, an audit entry and a notice mail. A wrong current password counts as a failed login
 * (throttle.ts), so a stolen session cannot be used to guess the password.
 */
export async function changePassword(options: {
  db: Db;
  actor: Actor;
  input: PasswordChangeInput;
  ip: string;
  now: Date;
  publicUrl: string;
}): Promise<string> {
  const { db, actor, input, ip, now, publicUrl } = options;
  authorize(actor, 'account:view');
  // Only in a browser session: an API token must not be able to take over its account.
  if (actor.kind !== 'user' || actor.via !== 'session') {
    throw new AppError('forbidden', 'Das Passwort lässt sich nur im Portal ändern.');
  }
  const errors = validate(input, actor.email);
  if (errors.length > 0) fail(errors);
  const newHash = await hashPassword(input.newPassword);
  const emailKey = actor.email.toLowerCase();
  const outcome = await db.transaction().execute(async (trx): Promise<Outcome> => {
    await lockPairOrRefuse(trx, emailKey, ip);
    await assertLoginAllowed(trx, { emailKey, ip, now });
    const user = await trx
      .selectFrom('users')
      .select(['password_hash'])
      .where('id', '=', actor.userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
      await recordLoginFailure(trx, { emailKey, ip, now });
      return { wrongCurrent: true };
    }
    await trx
      .updateTable('users')
      .set({ password_hash: newHash })
      .where('id', '=', actor.userId)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', actor.userId).execute();
    await trx
      .insertInto('admin_events')
      .values({
        actor_id: actor.userId,
        action: 'user.password-changed',
        details: JSON.stringify({ userId: actor.userId }),
      })
      .execute();
    await queueMail(trx, {
      to: actor.email,
      subject: 'Ihr Passwort wurde geändert',
      text: [
        `Guten Tag ${actor.displayName},`,
        '',
        'das Passwort Ihres Kontos bei Industrieland wurde soeben geändert; alle anderen Anmeldungen wurden beendet.',
        '',
        'Waren Sie das nicht, wenden Sie sich bitte sofort an die Administration Ihrer Organisation.',
        '',
        'Diese Nachricht wurde automatisch erstellt.',
      ].join('\n'),
      link: new URL('konto', publicUrl).toString(),
    });
    return { token: await createSession(trx, actor.userId, now) };
  });
  // After the commit: the failed attempt must stay counted.
  if ('wrongCurrent' in outcome) {
    fail([{ field: 'currentPassword', message: 'Das bisherige Passwort ist falsch.' }]);
  }
  return outcome.token;
}
