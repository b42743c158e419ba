import type { WorkKinds } from '../../procedures/background/work.types.ts';
import { EXPORT_JOBS } from './export.job.ts';
import { GROUPS_JOB, groupsJob } from './group.job.ts';
import { REDACTION_PROPOSALS_JOB, redactionProposalsJob } from './redaction-proposals.job.ts';

/** The background work of the public participation, by the kind stored in work_jobs. */
export const PARTICIPATION_WORK_KINDS: WorkKinds = {
  [GROUPS_JOB]: groupsJob,
  [REDACTION_PROPOSALS_JOB]: redactionProposalsJob,
  ...EXPORT_JOBS,
};
