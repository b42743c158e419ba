import { resolveDb, type DbSource } from '../../db/db-source.ts';
import { parseCliOptions } from '../../platform/cli-args.ts';
import { systemClock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { progressLine, type ProgressLine } from '../../platform/terminal-progress.ts';
import { findProcedure } from '../../permits/permit.queries.ts';
import { computeGroups } from './group.compute.ts';
import { isUuid } from '../../db/ids.ts';
import { listGroupsForCli, summaryCounts, type CliGroup } from './group.queries.ts';
import { countNoun } from '../../law/index.ts';

const CALL =
  'Aufruf: npx industrieland objections groups --procedure <Verfahrens-ID> [--json] [--compute]';
const USAGE = `${CALL}

  --procedure  ID des Verfahrens (UUID)
  --compute    gleichförmige Einwendungen vorher neu erkennen (bestätigte und von der
               Sachbearbeitung geänderte Gruppen bleiben unverändert)
  --json       Ausgabe als JSON (wie GET /api/v1/procedures/<id>/objection-groups)`;

function printTable(groups: CliGroup[], out: (line: string) => void): void {
  if (groups.length === 0) return;
  const members = groups.reduce((sum, g) => sum + g.members.length, 0);
  out(
    `${countNoun(groups.length, 'Gruppe', 'Gruppen')} gleichförmiger Einwendungen mit zusammen ${countNoun(members, 'Einwendung', 'Einwendungen')}.`,
  );
  groups.forEach((group, index) => {
    const representative = group.representative
      ? `${group.representative.id}${group.representative.externalRef ? ` (${group.representative.externalRef})` : ''}`
      : 'keiner';
    out('');
    out(
      `Gruppe ${index + 1}: ${group.groupId} – ${countNoun(group.members.length, 'Einwendung', 'Einwendungen')}, ` +
        `bestätigt: ${group.confirmed ? 'ja' : 'nein'}, Vertreter: ${representative}`,
    );
    out(`  ${'ID'.padEnd(36)}  ${'Eingangsnummer'.padEnd(16)}  Externe Kennung`);
    for (const m of group.members) {
      out(`  ${m.id}  ${m.reference.padEnd(16)}  ${m.externalRef ?? '–'}`);
    }
  });
}

/**
 * `industrieland objections groups --procedure <id> [--json] [--compute]`: lists the groups of
 * uniform submissions with each member's id and external reference. `--compute` recomputes them
 * first as the system (history rows without actor), with its progress on the terminal (stderr,
 * only when it is one). Exit codes: 0 ok, 1 unknown procedure, 2 bad usage.
 */
export async function runObjectionGroupsCli(
  source: DbSource,
  args: string[],
  out: (line: string) => void,
  err: (line: string) => void = out,
  progress: ProgressLine = progressLine(process.stderr),
): Promise<number> {
  const parsed = parseCliOptions(
    args,
    {
      procedure: { type: 'string' },
      json: { type: 'boolean' },
      compute: { type: 'boolean' },
    },
    { usage: USAGE, hint: CALL },
    { out, err },
  );
  if ('exitCode' in parsed) return parsed.exitCode;
  const { values } = parsed;
  const procedureId = values.procedure?.trim() ?? '';
  if (!isUuid(procedureId)) {
    err(`Fehler: --procedure braucht die ID eines Verfahrens (UUID). ${CALL}`);
    return 2;
  }
  const db = await resolveDb(source);
  if (!(await findProcedure(db, procedureId))) {
    err(`Fehler: Es gibt kein Verfahren mit der ID ${procedureId}.`);
    return 1;
  }
  if (values.compute) {
    try {
      const result = await computeGroups({
        deps: { db, clock: systemClock },
        actor: null,
        procedureId,
        onProgress: (report) => progress.update(report),
      });
      progress.end();
      if (!values.json) {
        out(
          `Neu berechnet in ${(result.durationMs / 1000).toFixed(1)} s: ${result.considered} Einwendungen geprüft, ` +
            `${result.created} Gruppen neu, ${result.dissolved} aufgelöst, ${result.unchanged} unverändert.`,
        );
      }
    } catch (error) {
      progress.end();
      if (error instanceof AppError && error.code === 'not_found') {
        err(`Fehler: ${error.message}`);
        return 1;
      }
      throw error;
    }
  }
  const groups = await listGroupsForCli(db, procedureId);
  if (values.json) {
    out(JSON.stringify(groups, null, 2));
    return 0;
  }
  printTable(groups, out);
  // Groups are found on request, not on intake: after an import the list stays empty until
  // someone runs the detection, and the user must learn why.
  const counts = await summaryCounts(db, procedureId);
  const ungrouped = counts.objections - counts.groupedObjections;
  const recompute = `npx industrieland objections groups --procedure ${procedureId} --compute`;
  if (groups.length === 0 && counts.objections === 0)
    out('Keine Gruppen: Zu diesem Verfahren gibt es keine Einwendungen.');
  else if (groups.length === 0 && values.compute)
    out(`Keine Gruppen: Unter den ${counts.objections} Einwendungen sind keine gleichförmigen.`);
  else if (groups.length === 0)
    out(
      `Keine Gruppen gespeichert (${counts.objections} Einwendungen). Gruppen werden nicht beim Eingang erkannt, sondern auf Anforderung: ${recompute}`,
    );
  else if (ungrouped > 0 && !values.compute)
    out(
      `Hinweis: ${ungrouped} von ${counts.objections} Einwendungen gehören zu keiner Gruppe. Gruppen werden nicht beim Eingang erkannt; neu erkennen: ${recompute}`,
    );
  return 0;
}
