/** Detecting uniform objections (§ 17 VwVfG) as a background job: "Gruppen neu berechnen". */
import type { WorkKind } from '../../procedures/background/work.types.ts';
import { computeGroups } from '../groups/group.compute.ts';
import { groupsPath } from '../groups/group.views.tsx';
import { countNoun } from '../../law/index.ts';

export const GROUPS_JOB = 'objection-groups';

const number = (value: unknown) => (typeof value === 'number' ? value : 0).toLocaleString('de-DE');

export const groupsJob: WorkKind = {
  label: 'Gleichförmige Einwendungen erkennen',
  unit: 'Einwendungen',
  startPage: groupsPath,
  async run({ deps, job, progress }) {
    // Authorized when it was requested; the history names the requester. The step of the
    // procedure is checked again under its lock (it may have changed while the job waited).
    const result = await computeGroups({
      deps,
      actor: null,
      procedureId: job.procedureId,
      recordedBy: job.requestedBy,
      onProgress: progress,
    });
    return {
      result: {
        considered: result.considered,
        groups: result.groups,
        created: result.created,
        dissolved: result.dissolved,
        unchanged: result.unchanged,
        grouped: result.grouped,
        durationMs: result.durationMs,
      },
    };
  },
  doneNotice(job) {
    const r = job.result ?? {};
    return {
      text:
        `${countNoun(Number(r.considered ?? 0), 'Einwendung', 'Einwendungen')} verglichen: ${countNoun(Number(r.groups ?? 0), 'Gruppe', 'Gruppen')} ` +
        `(${number(r.created)} neu, ${number(r.unchanged)} unverändert, ${number(r.dissolved)} aufgelöst) ` +
        `mit zusammen ${countNoun(Number(r.grouped ?? 0), 'Einwendung', 'Einwendungen')}. Bestätigte und von Ihnen geänderte Gruppen blieben unverändert.`,
      link: { href: groupsPath(job.procedureId), label: 'Zu den gleichförmigen Einwendungen' },
    };
  },
};
