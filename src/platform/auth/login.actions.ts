import type { Db } from '../../db/database.ts';
import { AppError } from '../errors.ts';
import { queueMail } from '../mail.ts';
import { createSession } from './auth.queries.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { assertLoginAllowed, clearPair, lockPairOrRefuse, recordLoginFailure } from './throttle.ts';

export interface LoginInput {
  email: string;
  password: string;
}

export function validateLoginInput(body: Record<string, unknown>): LoginInput {
  const email = typeof body.email === 'string' ? body.email.trim() : '';
  const password = typeof body.password === 'string' ? body.password : '';
  const errors = [];
  if (!email) errors.push({ field: 'email', message: 'Bitte geben Sie Ihre E-Mail-Adresse ein.' });
  else if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) {
    errors.push({
      field: 'email',
      message: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@kreis-paderborn.de.',
    });
  }
  if (!password) errors.push({ field: 'password', message: 'Bitte geben Sie Ihr Passwort ein.' });
  if (errors.length > 0)
    throw new AppError('validation', 'Die Anmeldung ist unvollständig.', errors);
  return { email, password };
}

const NOTICE_INTERVAL_MS = 24 * 60 * 60 * 1000;

/**
 * Tells the account holder that guessing against their account has started (once a day at most,
 * so that the notice cannot be turned into a mail flood).
 */
async function noticeThrottling(
  trx: Db,
  user: { id: string; email: string; display_name: string },
  options: { ip: string; now: Date; publicUrl: string },
): Promise<void> {
  const { ip, now, publicUrl } = options;
  const due = await trx
    .insertInto('login_notices')
    .values({ user_id: user.id, sent_at: now })
    .onConflict((oc) =>
      oc
        .column('user_id')
        .doUpdateSet({ sent_at: now })
        .where('login_notices.sent_at', '<', new Date(now.getTime() - NOTICE_INTERVAL_MS)),
    )
    .returning('user_id')
    .executeTakeFirst();
  if (!due) return;
  const when = now.toLocaleString('de-DE', {
    timeZone: 'Europe/Berlin',
    dateStyle: 'long',
    timeStyle: 'short',
  });
  await queueMail(trx, {
    to: user.email,
    subject: 'Fehlgeschlagene Anmeldeversuche für Ihr Konto bei Industrieland',
    text: [
      `Guten Tag ${user.display_name},`,
      '',
      `für Ihr Konto ${user.email} wurde am ${when} Uhr von der Adresse ${ip} mehrmals ein falsches Passwort eingegeben. Weitere Versuche von dieser Adresse werden ab jetzt schrittweise verzögert. Ihr Konto ist nicht gesperrt: Von Ihrem gewohnten Anschluss aus können Sie sich weiterhin anmelden.`,
      '',
      'Waren Sie das selbst, müssen Sie nichts tun. Wenn nicht, ändern Sie bitte Ihr Passwort (Mein Konto, Passwort ändern) und informieren Sie die Administration Ihrer Organisation.',
      '',
      'Diese Nachricht wurde automatisch erstellt.',
    ].join('\n'),
    link: new URL('konto/passwort', publicUrl).toString(),
  });
}

type Attempt = { token: string } | { failed: true };

/**
 * Checks the password and opens a new session (a fresh token on every login, so a session id
 * planted before login is worthless). Failures are throttled per (account, address) pair and per
 * address (throttle.ts, decision 0005); the account itself is never locked by failures.
 */
export async function logIn(options: {
  db: Db;
  input: LoginInput;
  ip: string;
  now: Date;
  publicUrl: string;
}): Promise<string> {
  const { db, input, ip, now, publicUrl } = options;
  const emailKey = input.email.toLowerCase();
  const attempt = await db.transaction().execute(async (trx): Promise<Attempt> => {
    await lockPairOrRefuse(trx, emailKey, ip);
    await assertLoginAllowed(trx, { emailKey, ip, now });
    const user = await trx
      .selectFrom('users')
      .select(['id', 'email', 'display_name', 'password_hash', 'disabled'])
      .where((eb) => eb(eb.fn('lower', ['email']), '=', emailKey))
      .executeTakeFirst();
    const valid = await verifyPassword(
      user?.password_hash ?? (await dummyPasswordHash()),
      input.password,
    );
    if (!user || !valid || user.disabled) {
      const { pairThrottleStarted } = await recordLoginFailure(trx, { emailKey, ip, now });
      if (pairThrottleStarted && user && !user.disabled) {
        await noticeThrottling(trx, user, { ip, now, publicUrl });
      }
      return { failed: true };
    }
    await clearPair(trx, emailKey, ip);
    await trx.updateTable('users').set({ last_login_at: now }).where('id', '=', user.id).execute();
    return { token: await createSession(trx, user.id, now) };
  });
  // Thrown after the commit: the failure must be counted, not rolled back with the transaction.
  if ('failed' in attempt) {
    throw new AppError('validation', 'E-Mail-Adresse oder Passwort ist falsch.', [
      { field: 'email', message: 'E-Mail-Adresse oder Passwort ist falsch.' },
    ]);
  }
  return attempt.token;
}
