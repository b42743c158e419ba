import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { readFileSync } from 'node:fs';

// argon2id with the OWASP baseline (19 MiB, 2 passes, 1 lane): resistant to GPU cracking while a
// login stays well under 100 ms on our hardware.
const ARGON2ID = 2 as Algorithm; // Algorithm.Argon2id (a const enum, so spelled out)
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this when the user does not exist keeps the response time uniform. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('kein-echtes-passwort-nur-fuer-gleiche-laufzeit');
  return dummyHash;
}

/** data/passwords/common.txt (see its README): one password a line, compared case-insensitively. */
const COMMON_PASSWORDS = new URL('../../../data/passwords/common.txt', import.meta.url);
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(COMMON_PASSWORDS, 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
  return common;
}

/** One character or a short group over and over: "aaaaaaaaaaaa", "abcabcabcabc", "121212121212". */
function isRepetition(password: string): boolean {
  const chars = [...password];
  for (let unit = 1; unit <= 4 && unit * 2 <= chars.length; unit++) {
    if (chars.every((c, i) => c === chars[i % unit])) return true;
  }
  return false;
}

/**
 * The password policy (docs/operations.md), checked wherever a password is set: at least 12
 * characters (NIST SP 800-63B: length and a block list instead of composition rules), not only
 * whitespace, not one character or a short group repeated, not on the list of common passwords,
 * not the account's e-mail address. The message names the rule that failed.
 */
export function passwordProblem(
  password: string,
  context: { email?: string } = {},
): string | undefined {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`;
  }
  if (length > 200) return 'Das Passwort darf höchstens 200 Zeichen lang sein.';
  if (password.trim() === '') return 'Das Passwort darf nicht nur aus Leerzeichen bestehen.';
  if (isRepetition(password)) {
    return 'Das Passwort darf nicht aus einem wiederholten Zeichen oder einer kurzen wiederholten Zeichenfolge bestehen (wie „aaaaaaaaaaaa“ oder „abcabcabcabc“).';
  }
  const lower = password.trim().toLowerCase();
  if (commonPasswords().has(lower)) {
    return 'Dieses Passwort steht auf der Liste häufig verwendeter Passwörter und ist leicht zu erraten. Bitte wählen Sie ein anderes, zum Beispiel mehrere zufällige Wörter.';
  }
  const email = context.email?.trim().toLowerCase();
  if (email && (lower === email || lower === email.split('@')[0])) {
    return 'Das Passwort darf nicht die E-Mail-Adresse des Kontos (oder ihr Teil vor dem @) sein.';
  }
  return undefined;
}
