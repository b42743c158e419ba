import type { Db } from '../../db/database.ts';
import { AppError } from '../errors.ts';
import {
  clearLoginFailures,
  createSession,
  isLoginThrottled,
  recordLoginFailure,
} from './auth.queries.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';

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

/**
 * Checks the password and opens a new session (a fresh token on every login, so a session id
 * planted before login is worthless). Failures are counted per account and per IP address.
 */
export async function logIn(options: {
  db: Db;
  input: LoginInput;
  ip: string;
  now: Date;
}): Promise<string> {
  const { db, input, ip, now } = options;
  const emailKey = input.email.toLowerCase();
  if (await isLoginThrottled(db, emailKey, ip, now)) {
    throw new AppError(
      'rate_limited',
      'Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie 15 Minuten und versuchen Sie es dann erneut.',
    );
  }
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'disabled'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', emailKey))
    .executeTakeFirst();
  const valid = await verifyPassword(
    user?.password_hash ?? (await dummyPasswordHash()),
    input.password,
  );
  if (!user || !valid || user.disabled) {
    await recordLoginFailure(db, emailKey, ip, now);
    throw new AppError('validation', 'E-Mail-Adresse oder Passwort ist falsch.', [
      { field: 'email', message: 'E-Mail-Adresse oder Passwort ist falsch.' },
    ]);
  }
  await clearLoginFailures(db, emailKey);
  await db.updateTable('users').set({ last_login_at: now }).where('id', '=', user.id).execute();
  return createSession(db, user.id, now);
}
