import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatReference, referencePatternProblem } from '../reference.ts';
import { missingProfileFields } from './authority.queries.ts';
import type { AuthorityProfile } from './authority.types.ts';
import { parseProfileForm } from './authority.validation.ts';
import { checkLogo } from './logo.ts';

const EMPTY: AuthorityProfile = {
  organisationId: '00000000-0000-4000-8000-000000000000',
  name: 'Kreis Beispiel',
  department: null,
  postalAddress: null,
  visitingAddress: null,
  officeHours: null,
  phone: null,
  email: null,
  website: null,
  logo: null,
  bankAccount: null,
  signatories: [],
  referencePattern: 'BImSchG-{JJJJ}-{NR}',
  updatedAt: null,
};

describe('what documents need from the master data', () => {
  it('a notice needs postal and visiting address, office hours and e-mail', () => {
    assert.deepEqual(
      missingProfileFields(EMPTY, 'notice').map((m) => m.label),
      ['Postanschrift', 'Besucheranschrift', 'Öffnungszeiten', 'E-Mail-Adresse'],
    );
  });

  it('a letter needs an active signatory; a fee letter also the bank account', () => {
    const profile: AuthorityProfile = {
      ...EMPTY,
      postalAddress: { street: 'Postfach 1', postalCode: '33098', city: 'Paderborn' },
      phone: '05251 1',
      email: 'a@b.example',
      signatories: [{ id: 'x', name: 'A B', function: 'Leitung', active: false }],
    };
    assert.deepEqual(
      missingProfileFields(profile, 'letter').map((m) => m.field),
      ['signatories'],
    );
    assert.deepEqual(
      missingProfileFields(profile, 'fee-letter').map((m) => m.field),
      ['signatories', 'bankAccount'],
    );
  });
});

describe('Aktenzeichen pattern', () => {
  it('fills number, year and two-digit year', () => {
    assert.equal(formatReference('53.{NR}/{JJ}', 2027, 7), '53.0007/27');
    assert.equal(formatReference('AZ-{JJJJ}-{NR}', 2026, 12345), 'AZ-2026-12345');
  });

  it('refuses patterns without number or year, unknown placeholders, control characters', () => {
    assert.match(referencePatternProblem('AZ-{JJJJ}')!, /\{NR\}/);
    assert.match(referencePatternProblem('AZ-{NR}')!, /Jahr/);
    assert.match(referencePatternProblem('AZ-{NR}-{JJ}-{XX}')!, /Unbekannter Platzhalter/);
    assert.match(referencePatternProblem('AZ-{NR}\u0000{JJ}')!, /druckbare/);
    assert.equal(referencePatternProblem('53.{NR}/{JJ}-BImSchG'), null);
  });
});

describe('master data form', () => {
  it('normalises the IBAN and BIC and accepts a valid test IBAN', () => {
    const { input, errors } = parseProfileForm({
      bank_holder: 'Kreiskasse',
      bank_name: 'Bank',
      bank_iban: 'de89 3704 0044 0532 0130 00',
      bank_bic: 'cobadeffxxx',
      reference_pattern: '{NR}/{JJ}',
    });
    assert.deepEqual(errors, []);
    assert.equal(input.bank_iban, 'DE89370400440532013000');
    assert.equal(input.bank_bic, 'COBADEFFXXX');
  });
});

describe('logo check', () => {
  it('refuses an SVG with a script and an executable named .png', () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>');
    assert.equal(checkLogo('a.svg', svg).ok, false);
    assert.equal(checkLogo('a.png', Buffer.from('MZ\x90\x00')).ok, false);
    assert.equal(
      checkLogo('a.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>')).ok,
      true,
    );
  });
});
