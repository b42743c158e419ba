import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import { Logger, runMigrations as runWorkerMigrations } from 'graphile-worker';
import type { Db } from './database.ts';
import { createJobPool } from '../platform/jobs.ts';
import * as identity from './migrations/20261124T0900_identity.ts';
import * as procedures from './migrations/20261124T1400_procedures.ts';
import * as permits from './migrations/20261124T1600_permits.ts';
import * as participation from './migrations/20261125T0900_participation.ts';
import * as receiptHashVersion from './migrations/20261202T1710_receipt_hash_version.ts';
import * as loginThrottle from './migrations/20261202T1800_login_throttle.ts';
import * as objectionChallenge from './migrations/20261202T1830_objection_challenge.ts';
import * as conditions from './migrations/20261203T0050_conditions.ts';
import * as authorityProfiles from './migrations/20261203T0100_authority_profiles.ts';
import * as letters from './migrations/20261203T0200_letters.ts';
import * as agencies from './migrations/20261203T0300_agencies.ts';
import * as casework from './migrations/20261203T0400_casework.ts';
import * as competenceArea from './migrations/20261203T0500_competence_area.ts';
import * as release from './migrations/20261203T1000_release.ts';
import * as intakeRepresentatives from './migrations/20261203T2000_intake_representatives.ts';
import * as hearing from './migrations/20261203T2100_hearing.ts';
import * as decisionDelivery from './migrations/20261203T2200_decision_delivery.ts';
import * as workJobs from './migrations/20261203T2300_work_jobs.ts';
import * as companyProfiles from './migrations/20261204T0100_company_profiles.ts';
import * as fundingAlerts from './migrations/20261204T0200_funding_alerts.ts';
import * as fundingBodyKind from './migrations/20261205T0000_funding_body_kind.ts';
import * as fundingLedger from './migrations/20261205T0100_funding_ledger.ts';
import * as trainingBonus from './migrations/20261205T0200_training_bonus.ts';
import * as fundingProcedures from './migrations/20261206T0000_funding_procedures.ts';
import * as fundingAwards from './migrations/20261206T0100_funding_awards.ts';
import * as bonusLedger from './migrations/20261206T0200_bonus_ledger.ts';
import * as fundingExportIndex from './migrations/20261206T0300_funding_export_index.ts';
import * as windAreas from './migrations/20261207T0000_wind_areas.ts';
import * as sites from './migrations/20261207T0100_sites.ts';
import * as geoFeatures from './migrations/20261207T0200_geo_features.ts';
import * as dashboardImports from './migrations/20261207T0300_dashboard_imports.ts';

// Listed explicitly (not read from the folder) so that the order is reviewed in code and the
// bundle needs no file-system scan. Names are timestamps: they sort in the order they run.
const migrations: Record<string, Migration> = {
  '20261124T0900_identity': identity,
  '20261124T1400_procedures': procedures,
  '20261124T1600_permits': permits,
  '20261125T0900_participation': participation,
  '20261202T1710_receipt_hash_version': receiptHashVersion,
  '20261202T1800_login_throttle': loginThrottle,
  '20261202T1830_objection_challenge': objectionChallenge,
  '20261203T0050_conditions': conditions,
  '20261203T0100_authority_profiles': authorityProfiles,
  '20261203T0200_letters': letters,
  '20261203T0300_agencies': agencies,
  '20261203T0400_casework': casework,
  '20261203T0500_competence_area': competenceArea,
  '20261203T1000_release': release,
  '20261203T2000_intake_representatives': intakeRepresentatives,
  '20261203T2100_hearing': hearing,
  '20261203T2200_decision_delivery': decisionDelivery,
  '20261203T2300_work_jobs': workJobs,
  '20261204T0100_company_profiles': companyProfiles,
  '20261204T0200_funding_alerts': fundingAlerts,
  '20261205T0000_funding_body_kind': fundingBodyKind,
  '20261205T0100_funding_ledger': fundingLedger,
  '20261205T0200_training_bonus': trainingBonus,
  '20261206T0000_funding_procedures': fundingProcedures,
  '20261206T0100_funding_awards': fundingAwards,
  '20261206T0200_bonus_ledger': bonusLedger,
  '20261206T0300_funding_export_index': fundingExportIndex,
  '20261207T0000_wind_areas': windAreas,
  '20261207T0100_sites': sites,
  '20261207T0200_geo_features': geoFeatures,
  '20261207T0300_dashboard_imports': dashboardImports,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

export async function migrateToLatest(
  db: Db,
  connectionString: string,
): Promise<{ applied: string[] }> {
  // The job queue's own schema first: our migrations and use cases enqueue into it.
  const pool = createJobPool(connectionString, 1);
  try {
    await runWorkerMigrations({ pgPool: pool, logger: new Logger(() => () => undefined) });
  } finally {
    await pool.end();
  }
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(
      `Migration ${failed?.migrationName ?? '?'} ist fehlgeschlagen: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
    );
  }
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  };
}
