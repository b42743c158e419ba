import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkSignatures,
  earlyIntake,
  listCount,
  mayDisregard,
  objectionCount,
  representativeComplete,
  signatureCount,
} from './intake-rules.ts';
import { parseInstant } from './import-row.ts';

describe('German counts', () => {
  it('put the noun in singular for one and in plural otherwise, with German digits', () => {
    assert.equal(listCount(1), '1 Unterschriftenliste');
    assert.equal(listCount(2), '2 Unterschriftenlisten');
    assert.equal(listCount(0), '0 Unterschriftenlisten');
    assert.equal(signatureCount(1), '1 Unterschrift');
    assert.equal(signatureCount(1234), '1.234 Unterschriften');
    assert.equal(objectionCount(1), '1 Einwendung');
    assert.equal(objectionCount(100_000), '100.000 Einwendungen');
  });
});

describe('plausible numbers of signatures', () => {
  const hint = 'Bitte bestätigen.';
  it('accepts ordinary numbers, asks to confirm above 5,000 and refuses above 1,000,000', () => {
    assert.equal(checkSignatures(1, false, hint), null);
    assert.equal(checkSignatures(5_000, false, hint), null);
    const high = checkSignatures(1_000_000, false, hint);
    assert.equal(high?.kind, 'needs-confirmation');
    assert.match(
      high?.message ?? '',
      /1\.000\.000 Unterschriften .*ungewöhnlich viele.*Bitte bestätigen/,
    );
    assert.equal(checkSignatures(1_000_000, true, hint), null);
    assert.equal(checkSignatures(1_000_001, true, hint)?.kind, 'too-many');
    assert.equal(checkSignatures(0, true, hint)?.kind, 'invalid');
    assert.equal(checkSignatures(2.5, true, hint)?.kind, 'invalid');
  });
});

describe('§ 17 VwVfG', () => {
  it('needs name, profession and address for a representative', () => {
    const full = { name: 'Gisela Brandt', profession: 'Lehrerin', address: 'Weg 1' };
    assert.equal(representativeComplete(full), true);
    assert.equal(representativeComplete({ ...full, profession: null }), false);
    assert.equal(representativeComplete({ ...full, address: '  ' }), false);
  });
  it('lets the authority disregard only above 50 signatures without a complete naming', () => {
    assert.equal(mayDisregard(50, false), false);
    assert.equal(mayDisregard(51, false), true);
    assert.equal(mayDisregard(51, true), false);
  });
});

describe('early intake', () => {
  const participation = { noticeDate: '2026-11-24', displayStart: '2026-12-01' } as const;
  it('marks receipt before the notice and before the display, not from the display on', () => {
    assert.equal(earlyIntake(participation, '2026-11-23'), 'before-notice');
    assert.equal(earlyIntake(participation, '2026-11-24'), 'before-display');
    assert.equal(earlyIntake(participation, '2026-11-30'), 'before-display');
    assert.equal(earlyIntake(participation, '2026-12-01'), null);
  });
});

describe('dates as written in German offices', () => {
  it('reads day.month.year with two- or four-digit years and a Berlin time', () => {
    const midnight = new Date('2026-12-02T23:00:00Z');
    assert.deepEqual(parseInstant('03.12.2026'), midnight);
    assert.deepEqual(parseInstant('3.12.2026'), midnight);
    assert.deepEqual(parseInstant('03.12.26'), midnight);
    assert.deepEqual(parseInstant('03.12.2026 14:30'), new Date('2026-12-03T13:30:00Z'));
    assert.deepEqual(parseInstant('3.7.2026, 14:30 Uhr'), new Date('2026-07-03T12:30:00Z'));
    assert.deepEqual(parseInstant('2026-12-03 14:30'), new Date('2026-12-03T13:30:00Z'));
    assert.deepEqual(parseInstant('2026-12-03'), midnight);
  });
  it('refuses dates that do not exist', () => {
    for (const bad of ['31.02.2026', '03.13.2026', '3.12.', '03.12.2026 25:00', '12/03/2026']) {
      assert.equal(parseInstant(bad), null, bad);
    }
  });
});
