import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDeadlineCommand } from './deadline.cli.ts';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runDeadlineCommand(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npx industrieland deadline', () => {
  it('prints the end, the skipped days and the rationale', () => {
    const result = run(['--start', '2026-01-31', '--duration', 'P1M', '--counting', 'event']);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /Fristende: Montag, 2\. März 2026 \(02\.03\.2026, 24:00 Uhr\)/);
    assert.match(result.out, /übersprungen: Samstag, 28\. Februar 2026 \(Samstag\)/);
    assert.match(result.out, /Rechtsgrundlagen: .*§ 188 Abs\. 3 BGB/);
  });

  it('prints the API shape with --json', () => {
    const result = run([
      '--start',
      '2026-03-09',
      '--duration',
      'P1M',
      '--counting',
      'day-start',
      '--json',
    ]);
    assert.equal(result.code, 0);
    const body = JSON.parse(result.out);
    assert.equal(body.end, '2026-04-08');
    assert.equal(body.shifted, false);
    assert.ok(Array.isArray(body.citations));
  });

  it('exits with 2 and a German message naming each bad option', () => {
    const bad = run(['--start', '2026-13-01', '--duration', 'zwei Wochen', '--counting', 'x']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /Fehler \(--start\)/);
    assert.match(bad.err, /Fehler \(--duration\)/);
    assert.match(bad.err, /Fehler \(--counting\)/);
    assert.equal(bad.out, '');
    const unknown = run(['--anfang', '2026-01-01']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /„--anfang“ ist unbekannt/);
  });
});
