import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyRedaction, detectPersonalData, isValidIban, type RedactionSpan } from './index.ts';

/** Builds a valid IBAN (ISO 13616 check digits) from a country code and an account part. */
function makeIban(country: string, bban: string): string {
  let remainder = 0;
  for (const c of `${bban}${country}00`) {
    const value = Number.parseInt(c, 36);
    remainder = (value >= 10 ? remainder * 100 + value : remainder * 10 + value) % 97;
  }
  return `${country}${String(98 - remainder).padStart(2, '0')}${bban}`;
}

const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
const letters = (length: number) =>
  fc.string({
    unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
    minLength: length,
    maxLength: length,
  });

const ibanArbitrary = fc
  .oneof(
    digits(18).map((bban) => makeIban('DE', bban)),
    digits(16).map((bban) => makeIban('AT', bban)),
    fc.tuple(letters(4), digits(10)).map(([bank, account]) => makeIban('NL', bank + account)),
    fc.tuple(letters(4), digits(14)).map(([bank, account]) => makeIban('GB', bank + account)),
  )
  .chain((iban) => fc.constantFrom(iban, iban.replace(/(.{4})(?=.)/g, '$1 ')));

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9._-]{0,10}[a-z0-9])?$/);
const emailArbitrary = fc
  .tuple(label, fc.constantFrom('example.de', 'web.de', 'mail.kleve.de', 't-online.de'))
  .map(([local, domain]) => `${local}@${domain}`);

// Prose-like noise: German words, numbers, punctuation, umlauts, markup.
const noise = fc
  .array(
    fc.oneof(
      fc.constantFrom('Lärm', 'Herr', 'Straße', 'Flurstück', 'am', 'Kleve', '12', '0211', '§', '.'),
      fc.constantFrom('Mit freundlichen Grüßen', '\n', 'DE', 'IBAN:', '<b>', '@', 'Tel.', '47533'),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 40 },
  )
  .map((words) => words.join(' '));

function assertWellFormed(text: string, spans: readonly RedactionSpan[]): void {
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    assert.ok(span.start < span.end);
    assert.equal(text.slice(span.start, span.end), span.text);
    if (i > 0) assert.ok(spans[i - 1]!.end <= span.start, 'sorted and non-overlapping');
  }
}

describe('detectPersonalData properties', () => {
  it('never lets an injected e-mail address or IBAN through', () => {
    fc.assert(
      fc.property(
        noise,
        fc.array(fc.tuple(fc.oneof(ibanArbitrary, emailArbitrary), fc.nat()), {
          minLength: 1,
          maxLength: 3,
        }),
        (base, injections) => {
          let text = base;
          for (const [value, position] of injections) {
            const at = position % (text.length + 1);
            text = `${text.slice(0, at)} ${value} ${text.slice(at)}`;
          }
          const spans = detectPersonalData(text);
          assertWellFormed(text, spans);
          const redacted = applyRedaction(text, spans);
          for (const [value] of injections) {
            assert.ok(!redacted.includes(value), `${value} in ${JSON.stringify(redacted)}`);
            assert.ok(!redacted.includes(value.replace(/ /g, '')));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('returns well-formed spans for arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(noise, fc.string({ maxLength: 300 })), (text) => {
        assertWellFormed(text, detectPersonalData(text, { name: 'Anna Müller' }));
      }),
    );
  });

  it('generates valid IBANs (the generator itself is checked)', () => {
    fc.assert(fc.property(ibanArbitrary, (iban) => isValidIban(iban.replace(/ /g, ''))));
  });
});

/** CPU time in ms: unlike wall-clock time it does not grow when other processes share the CPU. */
function cpuMillis(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * Not a speed measurement (that is bench/grouping.bench.ts' job): a guard against catastrophic
 * backtracking, which would take minutes on these inputs, so the bound is deliberately loose.
 */
describe('detectPersonalData on pathological inputs', () => {
  const size = 200_000;
  const repeat = (unit: string): string =>
    unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const pathological = [
    repeat('a'),
    repeat('a.'),
    repeat('a@'),
    repeat('0211 '),
    repeat('+49 '),
    repeat('DE89 '),
    repeat('AB12'),
    repeat('Hauptstraße '),
    repeat('Am Berg 1 '),
    repeat('12345 Ab'),
    repeat('Flurstück 1, '),
    repeat('Herr Aa '),
    repeat('MfG\nAa Bb\n'),
    repeat('Ich, Aa '),
    repeat('<script>x@y.de</script>'),
  ];

  it('finishes 200 KB pathological inputs without catastrophic backtracking', () => {
    for (const text of pathological) {
      const elapsed = cpuMillis(() =>
        detectPersonalData(text, { name: 'Aa Bb', address: 'Hauptstraße 1, 12345 Ab' }),
      );
      assert.ok(elapsed < 10_000, `${JSON.stringify(text.slice(0, 12))}: ${elapsed.toFixed(0)} ms`);
    }
  });
});
