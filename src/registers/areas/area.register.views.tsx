/** The register list of wind areas at a Stichtag, paged, with links to its CSV, the tracker and the map. */
import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import { ErrorSummary, fieldId } from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { Pagination } from '../../platform/pagination.tsx';
import { DataTable } from '../../platform/table.tsx';
import { fixed, germanDate } from './area.format.ts';
import type { AreaVersion, RegisterArea } from './area.queries.ts';
import { REGISTER_PAGE_SIZE } from './area.service.ts';
import { KIND_LABELS, LEGAL_STATUS_LABELS, ROTOR_RULE_LABELS } from './counting-rule.ts';
import { planningRegion, type PlanningRegionKey } from './planning-regions.ts';
import {
  AREAS_MAP_HREF,
  count,
  REGISTER_PATH,
  StichtagForm,
  TRACKER_PATH,
  withStichtag,
} from './area.views.tsx';

export function RegisterPage(props: {
  ctx: PageContext;
  asOf?: string;
  version?: AreaVersion;
  /** The areas of the page shown. */
  areas: RegisterArea[];
  /** All areas of the version, over every page. */
  total?: number;
  page?: number;
  pageCount?: number;
  /** A page asked for beyond the end (the last page is shown instead). */
  beyond?: number;
  stichtag?: string;
  value: string;
  errors: FieldError[];
}): VNode {
  const total = props.total ?? props.areas.length;
  const page = props.page ?? 1;
  const pageCount = props.pageCount ?? 1;
  const first = (page - 1) * REGISTER_PAGE_SIZE + 1;
  const last = first + props.areas.length - 1;
  const pageError = props.errors.find((e) => e.field === 'seite');
  return (
    <Layout
      ctx={props.ctx}
      title="Windenergiegebiete im Register"
      hasErrors={props.errors.length > 0}
    >
      <h1 class="kern-heading-large">Windenergiegebiete im Register</h1>
      <ErrorSummary errors={props.errors} />
      <StichtagForm action={REGISTER_PATH} value={props.value} errors={props.errors} />
      {pageError ? (
        <p class="kern-error" id={fieldId('seite')}>
          <span class="kern-sr-only">Fehler: </span>
          {pageError.message}{' '}
          <a class="kern-link" href={REGISTER_PATH}>
            Zur ersten Seite
          </a>
        </p>
      ) : null}
      {props.asOf ? (
        <p class="kern-body">
          {props.version
            ? `Stand ${germanDate(props.asOf)}: Version ${props.version.seq} vom ${germanDate(props.version.effectiveOn)}, ${count(total)} ${total === 1 ? 'Gebiet' : 'Gebiete'}. `
            : `Zum Stichtag ${germanDate(props.asOf)} gab es noch keinen Import. `}
          <a class="kern-link" href={withStichtag(`${REGISTER_PATH}.csv`, props.stichtag)}>
            Liste als CSV
          </a>
          {total > props.areas.length ? ' (alle Gebiete)' : ''} ·{' '}
          <a class="kern-link" href={withStichtag(TRACKER_PATH, props.stichtag)}>
            Flächenziel zu diesem Stand
          </a>{' '}
          ·{' '}
          <a class="kern-link" href={AREAS_MAP_HREF}>
            Heutige Gebiete auf der Karte
          </a>
        </p>
      ) : null}
      {props.beyond ? (
        <p class="kern-body" role="status">
          Seite {count(props.beyond)} gibt es nicht; die Liste hat {count(pageCount)}{' '}
          {pageCount === 1 ? 'Seite' : 'Seiten'}. Gezeigt wird die letzte Seite.
        </p>
      ) : null}
      {props.areas.length > 0 ? (
        <>
          {pageCount > 1 ? (
            <p class="kern-body">
              Gebiete {count(first)} bis {count(last)} von {count(total)}.
            </p>
          ) : null}
          <DataTable
            caption={pageCount > 1 ? `Gebiete ${first} bis ${last}` : 'Gebiete'}
            small
            rowHeader={0}
            columns={[
              'Name',
              'Art',
              'Planungsregion',
              'Rechtsstand',
              'Plan',
              'Rotorregel',
              { label: 'Fläche (ha)', numeric: true },
              { label: 'Angerechnet (ha)', numeric: true },
            ]}
            rows={props.areas.map((a) => ({
              key: a.id,
              cells: [
                a.name,
                KIND_LABELS[a.kind],
                a.planningRegion ? planningRegion(a.planningRegion as PlanningRegionKey).name : '–',
                LEGAL_STATUS_LABELS[a.legalStatus],
                a.planSource
                  ? `${a.planSource}${a.planDate ? `, ${germanDate(a.planDate)}` : ''}`
                  : '–',
                ROTOR_RULE_LABELS[a.rotorRule],
                a.areaHa === null ? '–' : fixed(a.areaHa, 1),
                a.countedHa === null ? '–' : fixed(a.countedHa, 1),
              ],
            }))}
          />
          <Pagination
            label="Seiten"
            paging={{ page, pageCount, href: withStichtag(REGISTER_PATH, props.stichtag) }}
          />
        </>
      ) : null}
    </Layout>
  );
}
