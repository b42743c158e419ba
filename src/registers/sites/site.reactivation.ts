/**
 * Reactivated brownfield hectares as a dated statistic of the site register
 * (catalogue/statistics.ts). The data standard has no field „reaktiviert“; the register defines it
 * from the fields it has (docs/site-register.md, „Reaktivierte Brachflächen“): a site counts as
 * reactivated — made usable again for industry and business — when
 * - planning law allows building on it: a binding Bebauungsplan (§ 30 BauGB) or the inner area
 *   (§ 34 BauGB);
 * - no contamination is open: none known or remediated (§ 2 Abs. 5, 6 BBodSchG);
 * - it is not under mining supervision: never, or released (§ 69 Abs. 2 BBergG);
 * - it is available immediately.
 * It counts from the later of its start and its „Verfügbar ab“ date until its end, with its gross
 * hectares. The register keeps the current value of the coded fields only, so a stand before a
 * change of a field is computed with the field as it is now [offen: history of the fields].
 */
import type { Db } from '../../db/database.ts';
import { loadGemeinden } from '../geo/data-files.ts';
import type { DrillDownRow, RegisterStatistic, StatisticStand } from '../catalogue/statistics.ts';
import type {
  SiteContamination,
  SiteMiningSupervision,
  SitePlanningStatus,
  SiteReadiness,
} from '../../db/schema.ts';
import { CONTAMINATION, PLANNING_STATUS } from './site.types.ts';

export interface ReactivationFacts {
  planningStatus: SitePlanningStatus;
  contamination: SiteContamination;
  miningSupervision: SiteMiningSupervision;
  readiness: SiteReadiness;
  startDate: string;
  availableFrom: string | null;
  endDate: string | null;
}

/** Whether the site's fields make it a reactivated site (pure). */
export function isReactivated(site: ReactivationFacts): boolean {
  return (
    (site.planningStatus === 'binding-plan' || site.planningStatus === 'section-34') &&
    (site.contamination === 'none' || site.contamination === 'remediated') &&
    site.miningSupervision !== 'under' &&
    site.readiness === 'immediate'
  );
}

/** The first day a reactivated site counts: its start, or a later „Verfügbar ab“. */
export function reactivatedFrom(site: ReactivationFacts): string {
  return site.availableFrom !== null && site.availableFrom > site.startDate
    ? site.availableFrom
    : site.startDate;
}

/** Counted on a day: reactivated, from its first day, and not yet ended (the end day is out). */
export function countsOn(site: ReactivationFacts, day: string): boolean {
  return (
    isReactivated(site) &&
    reactivatedFrom(site) <= day &&
    (site.endDate === null || site.endDate > day)
  );
}

const HECTARES = { key: 'grossHa', title: 'Reaktivierte Fläche (brutto)', unit: 'ha', decimals: 2 };
const COUNT = { key: 'sites', title: 'Zahl der Flächen', unit: '', decimals: 0 };
const NO_KREIS = { key: 'ohne', name: 'ohne Gemeindezuordnung' };

let kreise: Map<string, string> | undefined;
function kreisOf(ags: string | null): { key: string; name: string } {
  kreise ??= new Map(loadGemeinden().map((g) => [g.ags.slice(0, 5), g.kreis]));
  const key = ags?.slice(0, 5);
  const name = key ? kreise.get(key) : undefined;
  return key && name ? { key, name } : NO_KREIS;
}

async function loadSites(db: Db, asOf: string) {
  return db
    .selectFrom('sites')
    .select([
      'id',
      'reference',
      'name',
      'ags',
      'gemeinde',
      'gross_ha',
      'net_ha',
      'planning_status',
      'contamination',
      'mining_supervision',
      'readiness',
      'start_date',
      'available_from',
      'end_date',
    ])
    .where('start_date', '<=', asOf)
    .orderBy('reference')
    .orderBy('id')
    .execute();
}

export const siteReactivationStatistic: RegisterStatistic = {
  layerId: 'sites',
  title: 'Reaktivierte Brachflächen im Flächenregister',
  async at(db: Db, asOf: string) {
    const rows = await loadSites(db, asOf);
    const sites = rows.map((r) => ({
      row: r,
      kreis: kreisOf(r.ags),
      facts: {
        planningStatus: r.planning_status,
        contamination: r.contamination,
        miningSupervision: r.mining_supervision,
        readiness: r.readiness,
        startDate: r.start_date,
        availableFrom: r.available_from,
        endDate: r.end_date,
      } satisfies ReactivationFacts,
    }));
    const reactivated = sites.filter((s) => isReactivated(s.facts));
    // The value changes only on a day a site starts or stops counting.
    let dates = [
      ...new Set(
        reactivated.flatMap((s) => [
          reactivatedFrom(s.facts),
          ...(s.facts.endDate ? [s.facts.endDate] : []),
        ]),
      ),
    ]
      .filter((d) => d <= asOf)
      .sort();
    // Sites in the register but none reactivated yet: a stand of zero on the day asked for.
    if (dates.length === 0 && sites.length > 0) dates = [asOf];
    const stands: StatisticStand[] = dates.map((date) => {
      const counted = reactivated.filter((s) => countsOn(s.facts, date));
      const breakdown: Record<string, number> = {};
      for (const s of counted)
        breakdown[s.kreis.key] = (breakdown[s.kreis.key] ?? 0) + s.row.gross_ha;
      return {
        date,
        values: {
          grossHa: counted.reduce((sum, s) => sum + s.row.gross_ha, 0),
          sites: counted.length,
        },
        breakdown,
      };
    });
    const entries = new Map<string, string>();
    for (const s of reactivated) entries.set(s.kreis.key, s.kreis.name);
    const drillDown: DrillDownRow[] = reactivated.flatMap((s) => {
      const on = dates.filter((d) => countsOn(s.facts, d));
      if (on.length === 0) return [];
      return [
        {
          dates: on,
          // Only what the public register shows about the site; never its contact field.
          values: {
            reference: s.row.reference,
            name: s.row.name,
            gemeinde: s.row.gemeinde ?? '',
            kreis: s.kreis.name,
            grossHa: s.row.gross_ha,
            netHa: s.row.net_ha,
            planningStatus: PLANNING_STATUS[s.row.planning_status],
            contamination: CONTAMINATION[s.row.contamination],
            from: reactivatedFrom(s.facts),
            end: s.row.end_date,
          },
        },
      ];
    });
    return {
      asOf,
      dataDate: stands.at(-1)?.date,
      measures: [HECTARES, COUNT],
      stands,
      breakdown: {
        title: 'Kreis',
        entries: [...entries]
          .map(([key, name]) => ({ key, name }))
          .sort((a, b) => a.name.localeCompare(b.name, 'de')),
        measure: HECTARES,
      },
      drillDown: {
        title: 'Reaktivierte Flächen',
        columns: [
          { key: 'reference', title: 'Kennung', type: 'string' },
          { key: 'name', title: 'Bezeichnung', type: 'string' },
          { key: 'gemeinde', title: 'Gemeinde', type: 'string' },
          { key: 'kreis', title: 'Kreis', type: 'string' },
          { key: 'grossHa', title: 'Fläche brutto', type: 'number', unit: 'ha', decimals: 2 },
          { key: 'netHa', title: 'Fläche netto', type: 'number', unit: 'ha', decimals: 2 },
          { key: 'planningStatus', title: 'Planungsstand', type: 'string' },
          { key: 'contamination', title: 'Altlasten', type: 'string' },
          { key: 'from', title: 'Gezählt ab', type: 'string' },
          { key: 'end', title: 'Beendet am', type: 'string' },
        ],
        rows: drillDown,
      },
      source: {
        name: 'Flächenregister der Plattform (Angaben der Wirtschaftsförderungen der Kommunen)',
        licence: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
        licenceUrl: 'https://www.govdata.de/dl-de/by-2-0',
        path: '/gewerbeflaechen',
      },
    };
  },
};
