import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyAction, computeCaseDeadlines, dueEffects } from './index.ts';
import type { ActionCommand, DueEffect } from './index.ts';
import { runCommands, SAMPLE_TYPE } from './testing.ts';

const type = SAMPLE_TYPE;
const commands: ActionCommand[] = [
  { action: 'submit', role: 'applicant', at: '2026-03-02' },
  { action: 'ask', role: 'case_worker', at: '2026-03-03', input: { agencies: ['A'] } },
];
const c = runCommands(type, commands);

function effectsOn(today: string, key: string): DueEffect[] {
  const deadlines = computeCaseDeadlines(type, c.history, today);
  return dueEffects(type, deadlines, today).filter((e) => e.deadline === key);
}

describe('dueEffects', () => {
  // intake ends 02.04.2026 (escalate), reply A ends 07.04.2026 (no-comment),
  // latest ends 04.05.2026 (remind-only), overall ends 03.05.2026 (escalate).
  it('nothing 8 days before the end', () => {
    assert.deepEqual(effectsOn('2026-03-25', 'intake'), []);
  });

  it('reminds 7 days before (window 7 … 2 days) to the person responsible', () => {
    for (const today of ['2026-03-26', '2026-03-31']) {
      const [effect] = effectsOn(today, 'intake');
      assert.ok(effect?.kind === 'reminder');
      assert.equal(effect.daysBefore, 7);
      assert.equal(effect.recipient, 'case_worker');
      assert.equal(effect.dedupeKey, 'intake@2026-04-02:reminder-7');
    }
    const [first] = effectsOn('2026-03-26', 'intake');
    assert.equal(
      first?.message,
      'Erinnerung: Die Frist „Eingangsprüfung“ endet in 7 Tagen, am Donnerstag, 2. April 2026.',
    );
  });

  it('reminds 1 day before (window 1 … 0 days)', () => {
    const [tomorrow] = effectsOn('2026-04-01', 'intake');
    assert.ok(tomorrow?.kind === 'reminder');
    assert.equal(tomorrow.daysBefore, 1);
    assert.match(tomorrow.message, /endet morgen, am Donnerstag, 2\. April 2026, um 24:00 Uhr/);
    const [today] = effectsOn('2026-04-02', 'intake');
    assert.ok(today?.kind === 'reminder');
    assert.equal(today.daysBefore, 1);
    assert.match(today.message, /endet heute/);
    assert.equal(today.dedupeKey, 'intake@2026-04-02:reminder-1');
  });

  it('escalates an overrun to the supervisory role', () => {
    const [effect] = effectsOn('2026-04-03', 'intake');
    assert.ok(effect?.kind === 'escalation');
    assert.equal(effect.recipient, 'supervisor');
    assert.match(effect.message, /Überschreitung wird der Aufsicht gemeldet/);
  });

  it('records agency silence as "no comment" with a command the watcher can apply', () => {
    const [effect] = effectsOn('2026-04-08', 'reply');
    assert.ok(effect?.kind === 'no-comment');
    assert.deepEqual(effect.command, { action: 'silence', role: 'system', input: { agency: 'A' } });
    const result = applyAction(type, c.state, { ...effect.command, at: '2026-04-08' });
    assert.ok(result.ok);
    assert.equal(result.state.agencies[0]?.answer, 'no-comment');
  });

  it('tells the case worker when a remind-only deadline expired', () => {
    const [effect] = effectsOn('2026-05-05', 'latest');
    assert.ok(effect?.kind === 'expiry-notice');
    assert.equal(effect.recipient, 'case_worker');
  });

  it('ignores met and cancelled deadlines', () => {
    const done = runCommands(
      type,
      [
        {
          action: 'answer',
          role: 'agency_member',
          at: '2026-04-06',
          input: { agency: 'A', verdict: 'no-objection', statement: 'ok' },
        },
      ],
      c,
    );
    const list = computeCaseDeadlines(type, done.history, '2026-04-06');
    assert.deepEqual(
      dueEffects(type, list, '2026-04-06').filter((e) => e.deadline === 'reply'),
      [],
    );
    const gone = runCommands(
      type,
      [{ action: 'withdraw', role: 'applicant', at: '2026-04-06' }],
      c,
    );
    assert.deepEqual(dueEffects(type, computeCaseDeadlines(type, gone.history), '2026-04-30'), []);
  });

  it('a new end after an extension gets new dedupe keys, so reminders repeat', () => {
    const extended = runCommands(
      type,
      [
        {
          action: 'extend',
          role: 'case_worker',
          at: '2026-04-27',
          input: { months: 1, reason: 'x' },
        },
      ],
      c,
    );
    const before = dueEffects(
      type,
      computeCaseDeadlines(type, c.history, '2026-04-27'),
      '2026-04-27',
    );
    assert.ok(before.some((e) => e.dedupeKey === 'overall@2026-05-03:reminder-7'));
    const after = computeCaseDeadlines(type, extended.history, '2026-05-28');
    const keys = dueEffects(type, after, '2026-05-28').map((e) => e.dedupeKey);
    assert.ok(keys.includes('overall@2026-06-03:reminder-7'));
  });
});
