import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_PASSWORD, DEMO_USERS } from '../../seed/demo.ts';
import { passwordProblem } from './passwords.ts';

describe('password policy', () => {
  it('refuses what is easy to guess, naming the rule that failed', () => {
    const cases: [string, RegExp][] = [
      ['kurz', /mindestens 12 Zeichen/],
      [' '.repeat(12), /nicht nur aus Leerzeichen/],
      ['\t \u00a0'.repeat(5), /nicht nur aus Leerzeichen/],
      ['aaaaaaaaaaaa', /wiederholten Zeichen/],
      ['111111111111111', /wiederholten Zeichen/],
      ['abcabcabcabc', /wiederholten Zeichen/],
      ['Passwort2026!', /häufig verwendeter Passwörter/],
      ['PASSWORD1234', /häufig verwendeter Passwörter/],
      ['qwertz123456', /häufig verwendeter Passwörter/],
      ['ichliebedich', /häufig verwendeter Passwörter/],
      ['x'.repeat(100) + 'y'.repeat(101), /höchstens 200 Zeichen/],
    ];
    for (const [password, message] of cases) {
      assert.match(passwordProblem(password) ?? 'angenommen', message, JSON.stringify(password));
    }
  });

  it('refuses the e-mail address of the account as its password', () => {
    assert.match(
      passwordProblem('Paula.Pruefer@kreis.example', { email: 'paula.pruefer@kreis.example' }) ??
        '',
      /E-Mail-Adresse/,
    );
    assert.match(
      passwordProblem('paula.pruefer', { email: 'paula.pruefer@kreis.example' }) ?? '',
      /E-Mail-Adresse/,
    );
  });

  it('accepts a long passphrase and the demo password for every demo account', () => {
    assert.equal(passwordProblem('Kiefer Brücke Laterne 7'), undefined);
    assert.equal(passwordProblem('ein-langes-passwort'), undefined);
    for (const user of DEMO_USERS) {
      assert.equal(passwordProblem(DEMO_PASSWORD, { email: user.email }), undefined, user.email);
    }
  });
});
