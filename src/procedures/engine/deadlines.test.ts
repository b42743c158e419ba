import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeCaseDeadlines } from './index.ts';
import type { ActionCommand, CaseDeadline } from './index.ts';
import { runCommands, SAMPLE_TYPE } from './testing.ts';

const type = SAMPLE_TYPE;
const submit = (input?: unknown): ActionCommand => ({
  action: 'submit',
  role: 'applicant',
  at: '2026-03-02',
  input,
});
const ask = (at: string, agencies: string[]): ActionCommand => ({
  action: 'ask',
  role: 'case_worker',
  at,
  input: { agencies },
});

function find(list: CaseDeadline[], key: string, instance: string | null = null): CaseDeadline {
  const found = list.find((d) => d.key === key && d.instance === instance);
  assert.ok(found, `deadline ${key}/${String(instance)} missing`);
  return found;
}

describe('computeCaseDeadlines', () => {
  it('lists nothing before any trigger', () => {
    assert.deepEqual(computeCaseDeadlines(type, []), []);
  });

  it('chooses the duration by a fact recorded in the history', () => {
    const normal = runCommands(type, [submit()]);
    assert.equal(find(computeCaseDeadlines(type, normal.history), 'intake').end, '2026-04-02');
    const fast = runCommands(type, [submit({ facts: { fast: true } })]);
    assert.equal(find(computeCaseDeadlines(type, fast.history), 'intake').end, '2026-03-12');
  });

  it('materialises per-instance deadlines, shifted past Easter where the rule says so', () => {
    const c = runCommands(type, [submit(), ask('2026-03-03', ['A', 'B'])]);
    const list = computeCaseDeadlines(type, c.history);
    const a = find(list, 'reply', 'A');
    // 03.04.2026 is Good Friday; Saturday, Sunday and Easter Monday follow.
    assert.equal(a.end, '2026-04-07');
    assert.equal(a.label, 'Antwort: A');
    assert.equal(a.responsible, 'agency_member');
    assert.equal(a.effectOnExpiry, 'no-comment');
    assert.match(a.rationale, /Karfreitag/);
    assert.ok(a.citations.includes('§ 31 Abs. 3 VwVfG NRW'));
    assert.ok(a.citations.includes('§ 2 FeiertagsG NW'));
    assert.equal(find(list, 'reply', 'B').status, 'running');
  });

  it('if-event within a deadline: an early trigger starts it, a late one does not', () => {
    const early = runCommands(type, [submit(), ask('2026-03-03', ['A'])]);
    const overall = find(computeCaseDeadlines(type, early.history), 'overall');
    assert.equal(overall.start, '2026-03-03');
    // 03.05.2026 is a Sunday; the authority's period is not shifted.
    assert.equal(overall.end, '2026-05-03');
    assert.match(
      overall.rationale,
      /verschiebt sich das Fristende nicht.*Handlungsfrist der Behörde/s,
    );

    const late = runCommands(type, [submit(), ask('2026-04-10', ['A'])]);
    const fromEnd = find(computeCaseDeadlines(type, late.history), 'overall');
    assert.equal(fromEnd.start, '2026-04-02');
    assert.equal(fromEnd.end, '2026-06-02');
    assert.match(
      fromEnd.rationale,
      /Ende der Eingangsprüfung mit Ablauf des 2\. April 2026 \(§ 5\)/,
    );
  });

  it('is recomputed when a trigger arrives later (re-materialisation from the history)', () => {
    const before = runCommands(type, [submit()]);
    assert.equal(find(computeCaseDeadlines(type, before.history), 'overall').start, '2026-04-02');
    const after = runCommands(type, [ask('2026-03-20', ['A'])], before);
    assert.equal(find(computeCaseDeadlines(type, after.history), 'overall').start, '2026-03-20');
  });

  it('an extension moves the end from the previous end (§ 190 BGB) and explains it', () => {
    const c = runCommands(type, [
      submit(),
      ask('2026-03-03', ['A']),
      {
        action: 'extend',
        role: 'case_worker',
        at: '2026-03-20',
        input: { months: 1, reason: 'Gutachten' },
      },
    ]);
    const overall = find(computeCaseDeadlines(type, c.history), 'overall');
    assert.equal(overall.start, '2026-03-03');
    assert.equal(overall.end, '2026-06-03');
    assert.equal(overall.extensions, 1);
    assert.match(overall.rationale, /Verlängerung vom Freitag, 20\. März 2026 \(§ 6\)/);
    assert.ok(overall.citations.includes('§ 190 BGB'));
    assert.ok(overall.citations.includes('§ 6'));
  });

  it('earliest of several starts', () => {
    const plain = runCommands(type, [submit()]);
    const latest = find(computeCaseDeadlines(type, plain.history), 'latest');
    assert.equal(latest.start, '2026-04-02');
    // 02.05.2026 is a Saturday → Monday.
    assert.equal(latest.end, '2026-05-04');
    const consented = runCommands(
      type,
      [{ action: 'consent', role: 'applicant', at: '2026-03-10' }],
      plain,
    );
    assert.equal(find(computeCaseDeadlines(type, consented.history), 'latest').start, '2026-03-10');
  });

  it('status: running, expired as of a date, met (late noted), cancelled', () => {
    const c = runCommands(type, [submit(), ask('2026-03-03', ['A', 'B'])]);
    assert.equal(
      find(computeCaseDeadlines(type, c.history, '2026-04-07'), 'reply', 'A').status,
      'running',
    );
    const expired = find(computeCaseDeadlines(type, c.history, '2026-04-08'), 'reply', 'A');
    assert.equal(expired.status, 'expired');
    assert.match(
      expired.rationale,
      /Stand: Die Frist ist mit Ablauf des 7\. April 2026 abgelaufen\./,
    );

    const answered = runCommands(
      type,
      [
        {
          action: 'answer',
          role: 'agency_member',
          at: '2026-04-09',
          input: { agency: 'A', verdict: 'no-objection', statement: 'ok' },
        },
      ],
      c,
    );
    const met = find(computeCaseDeadlines(type, answered.history), 'reply', 'A');
    assert.equal(met.status, 'met');
    assert.equal(met.statusSince, '2026-04-09');
    assert.match(met.rationale, /Erledigt am Donnerstag, 9\. April 2026, nach Fristablauf/);
    assert.equal(
      find(computeCaseDeadlines(type, answered.history), 'reply', 'B').status,
      'expired',
    );

    const gone = runCommands(
      type,
      [{ action: 'withdraw', role: 'applicant', at: '2026-04-10' }],
      answered,
    );
    const all = computeCaseDeadlines(type, gone.history);
    assert.equal(find(all, 'reply', 'B').status, 'cancelled');
    assert.equal(find(all, 'intake').status, 'cancelled');
    assert.equal(find(all, 'reply', 'A').status, 'met');
  });

  it('every deadline carries rationale, citations, responsible and effect', () => {
    const c = runCommands(type, [submit(), ask('2026-03-03', ['A'])]);
    for (const d of computeCaseDeadlines(type, c.history)) {
      assert.match(d.rationale, /Fristauslösendes Ereignis: .*Ergebnis: Die Frist endet am/s);
      assert.ok(d.citations.includes('§ 31 Abs. 1 VwVfG NRW'));
      assert.ok(['case_worker', 'agency_member', 'applicant'].includes(d.responsible));
    }
  });
});
