import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Clock } from '../platform/clock.ts';
import type { FileStore } from '../platform/storage.ts';
import { selectProcedureVersion, type ProcedureTypeVersion } from '../procedures/engine/index.ts';
import { PROCEDURE_TYPE_VERSIONS } from './procedure-types/index.ts';
import { AppError } from '../platform/errors.ts';

/** What the permit use cases need; the same for routes, jobs, seeds and benchmarks. */
export interface PermitDeps {
  db: Db;
  clock: Clock;
  config: Config;
  store: FileStore;
}

export function procedureType(key: string, version: string): ProcedureTypeVersion {
  const type = PROCEDURE_TYPE_VERSIONS.find((t) => t.key === key && t.version === version);
  if (!type)
    throw new AppError('conflict', `Die Verfahrensart ${key} (${version}) ist nicht bekannt.`);
  return type;
}

/** The rules valid on a day (§ 67 Abs. 4 BImSchG: running procedures keep their version). */
export function currentType(
  key: 'bimschg-formal' | 'bimschg-simplified',
  onDate: string,
): ProcedureTypeVersion {
  const type = selectProcedureVersion(PROCEDURE_TYPE_VERSIONS, key, onDate);
  if (!type)
    throw new AppError('conflict', `Für ${onDate} gibt es keine Regeln der Verfahrensart ${key}.`);
  return type;
}

export const TYPE_LABELS: Record<string, string> = {
  'bimschg-formal': 'Förmliches Verfahren (§ 10 BImSchG)',
  'bimschg-simplified': 'Vereinfachtes Verfahren (§ 19 BImSchG)',
};

export { MAX_CASE_FILE_BYTES as MAX_UPLOAD_BYTES } from '../procedures/documents/case-files.ts';

/** The type keys of the permit family (each with its versions). */
export const PERMIT_TYPE_KEYS: readonly string[] = [
  ...new Set(PROCEDURE_TYPE_VERSIONS.map((t) => t.key)),
];
