/** Monitoring dashboard: imported statistics with their provenance. */
import type { ColumnType, Generated } from 'kysely';

// --- Monitoring dashboard: imported statistics with provenance (migration 20261207T0300_dashboard_imports) ---
export interface DashboardImportsTable {
  id: Generated<string>;
  indicator_id: string;
  source: string;
  source_url: string | null;
  licence: string;
  file_sha256: string;
  row_count: number;
  imported_by: string;
  imported_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface DashboardImportValuesTable {
  import_id: string;
  line: number;
  period: ColumnType<string, string, never>;
  category: string;
  /** numeric(20,6), read as text to keep it exact. */
  value: ColumnType<string, string, never>;
}

export interface DashboardTables {
  dashboard_imports: DashboardImportsTable;
  dashboard_import_values: DashboardImportValuesTable;
}
