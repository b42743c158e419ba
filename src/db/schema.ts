/**
 * Table types, kept in step with src/db/migrations by hand and checked by the migration test.
 * One module per area in src/db/schema/; a table's columns added by a later migration are declared
 * beside the table in its module (interface merging). A new area adds its module and its tables
 * interface to `Database` below.
 */
import type { DashboardTables } from './schema/dashboard.ts';
import type { FundingTables } from './schema/funding.ts';
import type { ParticipationTables } from './schema/participation.ts';
import type { PlatformTables } from './schema/platform.ts';
import type { ProcedureTables } from './schema/procedures.ts';
import type { RegisterTables } from './schema/registers.ts';
import type { TrainingBonusTables } from './schema/training.ts';

export type * from './schema/common.ts';
export type * from './schema/dashboard.ts';
export type * from './schema/funding.ts';
export type * from './schema/participation.ts';
export type * from './schema/platform.ts';
export type * from './schema/procedures.ts';
export type * from './schema/registers.ts';
export type * from './schema/training.ts';

export interface Database
  extends
    PlatformTables,
    ProcedureTables,
    ParticipationTables,
    FundingTables,
    TrainingBonusTables,
    RegisterTables,
    DashboardTables {}
