import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyAction, computeCaseDeadlines, dueEffects } from '../../procedures/engine/index.ts';
import { PROCEDURE_TYPE_VERSIONS } from './index.ts';
import { pathTo } from './scenarios.ts';
import { addDays, play, spec } from './test-support.ts';
import type { Case } from './test-support.ts';

const formalTypes = PROCEDURE_TYPE_VERSIONS.filter((t) => t.key === 'bimschg-formal');

describe('bimschg-formal: public participation (§ 10 Abs. 3–8 BImSchG)', () => {
  for (const type of formalTypes) {
    const involving = pathTo(type, 'agency-involvement');

    it(`${type.version}: notice → display 1 month → objections 2 weeks (no EIA)`, () => {
      const c = play(type, [...involving, spec.publishNotice(9)]);
      const p = c.state.participation;
      assert.ok(p);
      assert.equal(p.noticeDate, c.today);
      assert.equal(p.displayStart, addDays(c.today, 9));
      const deadlines = computeCaseDeadlines(type, c.history, c.today);
      const display = deadlines.find((d) => d.key === 'display');
      const objections = deadlines.find((d) => d.key === 'objection-period');
      assert.equal(display?.start, p.displayStart);
      assert.equal(display.end, p.displayEnd);
      assert.equal(objections?.end, p.objectionEnd);
      assert.match(display.rationale, /erster Tag der Auslegung/);
      assert.match(objections.rationale, /Ende der Auslegung/);
      // 14 days after the display end, possibly moved past a weekend/holiday (§ 31 Abs. 3).
      const raw = addDays(p.displayEnd, 14);
      assert.ok(p.objectionEnd >= raw && p.objectionEnd <= addDays(raw, 4));
    });

    it(`${type.version}: EIA projects get one month for objections`, () => {
      const eia = {
        ...spec.publishNotice(),
        input: (c: Case) => ({ displayStart: addDays(c.today, 9), eiaRequired: 'ja' }),
      };
      const c = play(type, [...involving, eia]);
      const p = c.state.participation;
      assert.ok(p?.eiaRequired);
      assert.ok(p.objectionEnd > addDays(p.displayEnd, 27));
    });

    it(`${type.version}: the notice must come at least one week before the display`, () => {
      const c = play(type, involving);
      const at = addDays(c.today, 1);
      const result = applyAction(type, c.state, {
        action: 'publish-notice',
        role: 'case_worker',
        at,
        input: { displayStart: addDays(at, 6), eiaRequired: false },
      });
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.code, 'invalid-input');
      assert.match(!result.ok ? result.message : '', /frühestens 7 Tage/);
    });

    it(`${type.version}: the hearing is decided only after the objection period`, () => {
      const c = play(type, [...involving, spec.publishNotice()]);
      const end = c.state.participation?.objectionEnd ?? '';
      for (const action of ['skip-hearing', 'schedule-hearing']) {
        const early = applyAction(type, c.state, {
          action,
          role: 'case_worker',
          at: end,
          input: { reason: 'x', format: 'in-person', date: addDays(end, 20), place: 'Rathaus' },
        });
        assert.equal(!early.ok && early.code, 'guard-failed');
      }
    });

    it(`${type.version}: online consultation needs a written period of at least one week`, () => {
      const c = play(type, [...involving, spec.publishNotice(), spec.requestHearing]);
      const at = addDays(c.state.participation?.objectionEnd ?? '', 1);
      const result = applyAction(type, c.state, {
        action: 'schedule-hearing',
        role: 'case_worker',
        at,
        input: { format: 'online', date: addDays(at, 5) },
      });
      assert.equal(!result.ok && result.code, 'invalid-input');
      assert.match(!result.ok ? result.message : '', /mindestens eine Woche/);
    });

    it(`${type.version}: hearing held → decision → public notice → closed by the watcher`, () => {
      const c = play(type, [
        ...involving,
        spec.publishNotice(),
        spec.requestHearing,
        spec.scheduleHearing,
        spec.recordHearing,
        spec.decide,
        spec.publishDecision,
      ]);
      assert.equal(c.state.step, 'decision-published');
      const pub = c.state.decisionPublication;
      assert.ok(pub);
      assert.equal(pub.displayStart, addDays(c.today, 1));
      assert.equal(pub.displayEnd, addDays(c.today, 14));
      const onLastDay = computeCaseDeadlines(type, c.history, pub.displayEnd);
      const onDisplay = (e: { deadline: string }) => e.deadline === 'decision-display';
      assert.deepEqual(dueEffects(type, onLastDay, pub.displayEnd).filter(onDisplay), []);
      const after = addDays(pub.displayEnd, 1);
      const effects = dueEffects(type, computeCaseDeadlines(type, c.history, after), after);
      const auto = effects.find((e) => e.kind === 'auto-action');
      assert.ok(auto && 'command' in auto);
      const closed = applyAction(type, c.state, { ...auto.command, at: after });
      assert.ok(closed.ok);
      assert.equal(closed.state.step, 'delivered');
      assert.equal(closed.state.decision?.deliveredAt, pub.displayEnd);
    });

    it(`${type.version}: periods never produce reminders or overruns`, () => {
      const c = play(type, [...involving, spec.publishNotice()]);
      const end = c.state.participation?.objectionEnd ?? '';
      for (const day of [addDays(end, -3), end, addDays(end, 5)]) {
        const effects = dueEffects(type, computeCaseDeadlines(type, c.history, day), day);
        assert.ok(effects.every((e) => !['display', 'objection-period'].includes(e.deadline)));
      }
      const later = computeCaseDeadlines(type, c.history, addDays(end, 5));
      assert.equal(later.find((d) => d.key === 'objection-period')?.status, 'ended');
    });
  }
});
