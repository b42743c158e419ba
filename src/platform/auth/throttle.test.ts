import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addressDelayMs,
  ADDRESS_CEILING,
  FREE_FAILURES_PER_PAIR,
  MAX_ADDRESS_DELAY_MS,
  MAX_PAIR_DELAY_MS,
  pairDelayMs,
} from './throttle.ts';

describe('login throttling delays', () => {
  it('a pair: typos are free, then the delay doubles up to 15 minutes', () => {
    const delays = Array.from({ length: 20 }, (_, i) => pairDelayMs(i + 1) / 1000);
    assert.deepEqual(delays.slice(0, FREE_FAILURES_PER_PAIR), [0, 0, 0]);
    assert.deepEqual(delays.slice(3, 8), [1, 2, 4, 8, 16]);
    for (let i = 1; i < delays.length; i++) assert.ok(delays[i]! >= delays[i - 1]!);
    assert.equal(pairDelayMs(1000), MAX_PAIR_DELAY_MS);
    assert.equal(MAX_PAIR_DELAY_MS, 15 * 60 * 1000);
  });

  it('an address: free up to the ceiling, then slowed for at most a minute, never blocked', () => {
    assert.equal(addressDelayMs(ADDRESS_CEILING), 0);
    assert.equal(addressDelayMs(ADDRESS_CEILING + 1), 1000);
    assert.equal(addressDelayMs(ADDRESS_CEILING + 2), 2000);
    assert.equal(addressDelayMs(1_000_000), MAX_ADDRESS_DELAY_MS);
    assert.equal(MAX_ADDRESS_DELAY_MS, 60 * 1000);
  });
});
