/**
 * Long work on one procedure as a background job with a status page: the kinds of work are
 * registered by the features that own them (participation registers grouping, redaction
 * proposals and exports; funding may register its own). This module knows none of them.
 */
import type { Deps } from '../../platform/server.ts';
import type { WorkJobState } from '../../db/schema.ts';

export type { WorkJobState };

/** One run as the pages and the worker see it. */
export interface WorkJob {
  id: string;
  tenantId: string;
  procedureId: string;
  kind: string;
  params: Record<string, unknown>;
  state: WorkJobState;
  phase: string | null;
  done: number;
  total: number | null;
  requestedBy: string | null;
  requestedByName: string | null;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  errorMessage: string | null;
  result: Record<string, unknown> | null;
  file: { sha256: string; name: string; type: string; size: number } | null;
}

/** Progress as the work reports it: in steps (a batch, a phase), never per row. */
export interface ProgressReport {
  done: number;
  /** null while the amount of work is not known yet. */
  total: number | null;
  /** What is being done now, in German ("Texte vergleichen"). */
  phase?: string;
}

export type ReportProgress = (report: ProgressReport) => void;

/** What a finished run leaves behind: a summary for the notice and, for exports, a stored file. */
export interface WorkOutcome {
  result?: Record<string, unknown>;
  file?: { sha256: string; size: number; name: string; type: string };
}

/** The notice on the status page of a finished run: what came out and where to go next. */
export interface DoneNotice {
  text: string;
  link?: { href: string; label: string };
}

export interface WorkKind {
  /** What the job does, as a heading ("Gleichförmige Einwendungen erkennen"). */
  label: string;
  /** What the progress counts, plural ("Einwendungen"). */
  unit: string;
  /** The page with the form that starts this work (to start it again after a failure). */
  startPage(procedureId: string): string;
  run(input: { deps: Deps; job: WorkJob; progress: ReportProgress }): Promise<WorkOutcome>;
  doneNotice(job: WorkJob): DoneNotice;
}

export type WorkKinds = Readonly<Record<string, WorkKind>>;
