import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import { CsrfField, ErrorSummary, fieldId, Notice, SubmitButton } from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import {
  DISREGARD_LABELS,
  formatRepresentative,
  mayDisregard,
  objectionCount,
  signatureCount,
} from '../intake/intake-rules.ts';
import { DisregardForm } from './disregard.views.tsx';
import { DataTable, formatTimestamp } from '../../platform/table.tsx';
import type { GroupListItem } from './group.queries.ts';
import type { GroupDetail, GroupEventView, GroupMember } from './group-detail.queries.ts';
import { GROUP_EVENT_LABELS, missingRepresentativeReason } from './group.rules.ts';
import {
  Facts,
  groupsPath,
  Pagination,
  type Paging,
  type ProcedureHeading,
} from './group.views.tsx';

import { MembersForm, MergeForm, RepresentativeForm } from './group-forms.views.tsx';

export interface DetailValues {
  memberIds?: string[];
  into?: string;
  representative?: string;
  sourceGroupId?: string;
  decision?: string;
  reason?: string;
}

const num = (value: unknown) => (typeof value === 'number' ? value.toLocaleString('de-DE') : '–');
const count = (value: unknown, noun: (n: number) => string) =>
  typeof value === 'number' ? noun(value) : '–';

function describeEvent(e: GroupEventView): string {
  const d = e.data;
  switch (e.kind) {
    case 'auto-grouped':
    case 'confirmed':
      return `${count(d.members, objectionCount)}, ${count(d.signatures, signatureCount)}`;
    case 'auto-dissolved':
      return `${count(d.members, objectionCount)} wieder einzeln`;
    case 'disregard-decided':
      return `${d.decision === 'disregard' ? DISREGARD_LABELS.disregard : DISREGARD_LABELS.consider}: ${typeof d.reason === 'string' ? d.reason : ''}`;
    case 'split':
      if (typeof d.fromGroupId === 'string') return `${num(d.moved)} Einwendungen abgetrennt`;
      return `${num(d.moved)} Einwendungen ${d.into === 'group' ? 'in eine neue Gruppe verschoben' : 'wieder einzeln gestellt'}`;
    case 'merged':
      return typeof d.intoGroupId === 'string'
        ? `in eine andere Gruppe übernommen (${num(d.moved)} Einwendungen)`
        : `${num(d.moved)} Einwendungen aus einer anderen Gruppe übernommen`;
    case 'representative-set':
      return `Vertreter: ${typeof d.reference === 'string' ? d.reference : '–'}`;
    default:
      return '';
  }
}

function History(props: { events: GroupEventView[] }): VNode {
  if (props.events.length === 0) return <p class="kern-body">Noch keine Einträge.</p>;
  return (
    <DataTable
      caption="Verlauf der Gruppe, neueste zuerst"
      hideCaption
      small
      rowHeader={1}
      columns={['Zeit', 'Ereignis', 'Durch', 'Einzelheiten']}
      rows={props.events.map((e) => ({
        key: String(e.id),
        cells: [
          formatTimestamp(e.at),
          GROUP_EVENT_LABELS[e.kind] ?? e.kind,
          e.actorName ?? 'System (automatische Erkennung)',
          describeEvent(e),
        ],
      }))}
    />
  );
}

export function GroupDetailPage(props: {
  ctx: PageContext;
  procedure: ProcedureHeading;
  group: GroupDetail;
  members: GroupMember[];
  paging: Paging;
  events: GroupEventView[];
  others: GroupListItem[];
  manyOthers: boolean;
  message?: string;
  errors?: FieldError[];
  values?: DetailValues;
}): VNode {
  const { ctx, procedure, group } = props;
  const errors = props.errors ?? [];
  const values = props.values ?? {};
  const base = `${groupsPath(procedure.id)}/${group.id}`;
  return (
    <Layout
      ctx={ctx}
      title={`Gruppe gleichförmiger Einwendungen – ${procedure.reference}`}
      hasErrors={errors.length > 0}
    >
      <p class="kern-body">
        <a class="kern-link" href={groupsPath(procedure.id)}>
          Zurück zur Übersicht der gleichförmigen Einwendungen
        </a>
      </p>
      <h1 class="kern-heading-large">Gruppe gleichförmiger Einwendungen</h1>
      <p class="kern-body">
        {procedure.reference} – {procedure.title}
      </p>
      {props.message ? <Notice kind="success" title={props.message} /> : null}
      <ErrorSummary errors={errors} />
      <Facts
        items={[
          ['Einwendungen', num(group.members)],
          [
            'Unterschriften',
            num(group.signatures),
            'Unterschriftenlisten zählen jede Unterschrift',
          ],
          [
            'Herkunft',
            group.origin === 'auto' ? 'automatisch erkannt' : 'von der Sachbearbeitung geändert',
          ],
          [
            'Bestätigt',
            group.confirmedAt
              ? `ja, ${formatTimestamp(group.confirmedAt)}${group.confirmedByName ? ` von ${group.confirmedByName}` : ''}`
              : 'nein',
          ],
          [
            'Vertreter (§ 17 Abs. 1 VwVfG)',
            group.representative
              ? `${formatRepresentative(group.representative) ?? ''} (benannt in ${group.representative.reference})`
              : (missingRepresentativeReason(group.signatures, null) ?? '–'),
          ],
          [
            'Berücksichtigung (§ 17 Abs. 2 VwVfG)',
            group.decision
              ? `${DISREGARD_LABELS[group.decision.decision]} – ${group.decision.reason} (${formatTimestamp(group.decision.at)})`
              : mayDisregard(group.signatures, group.representative !== null)
                ? 'offen: die Behörde kann diese Eingaben unberücksichtigt lassen'
                : 'keine Entscheidung nötig',
          ],
          ['Kennung', group.id],
        ]}
      />
      {group.confirmedAt ? (
        <p class="kern-body" id={fieldId('confirm')}>
          Diese Gruppe ist bestätigt; eine erneute automatische Erkennung ändert sie nicht.
        </p>
      ) : (
        <form
          method="post"
          action={`${base}/bestaetigen`}
          id={fieldId('confirm')}
          class="kern-stack"
        >
          <CsrfField token={ctx.csrfToken} />
          <p class="kern-body">
            Bestätigte Gruppen bleiben bei einer erneuten automatischen Erkennung unverändert.
          </p>
          <SubmitButton>Gruppe bestätigen</SubmitButton>
        </form>
      )}
      <section aria-labelledby="mitglieder">
        <h2 class="kern-heading-medium" id="mitglieder">
          Einwendungen der Gruppe
        </h2>
        <MembersForm
          ctx={ctx}
          base={base}
          members={props.members}
          representativeId={group.representative?.id ?? null}
          values={values}
          error={errors.find((e) => e.field === 'memberIds')?.message}
        />
        <Pagination paging={props.paging} label="Seiten der Einwendungsliste" />
      </section>
      <section aria-labelledby="vertreter">
        <h2 class="kern-heading-medium" id="vertreter">
          Vertreter
        </h2>
        <RepresentativeForm ctx={ctx} base={base} group={group} values={values} errors={errors} />
      </section>
      {mayDisregard(group.signatures, group.representative !== null) ? (
        <section aria-labelledby="beruecksichtigung">
          <h2 class="kern-heading-medium" id="beruecksichtigung">
            Ohne Vertreter: berücksichtigen oder nicht?
          </h2>
          <DisregardForm
            ctx={ctx}
            action={`${base}/beruecksichtigung`}
            signatures={group.signatures}
            decided={group.decision}
            values={values}
            errors={errors}
          />
        </section>
      ) : null}
      <section aria-labelledby="zusammenfuehren">
        <h2 class="kern-heading-medium" id="zusammenfuehren">
          Zusammenführen
        </h2>
        <MergeForm
          ctx={ctx}
          base={base}
          others={props.others}
          manyOthers={props.manyOthers}
          values={values}
          errors={errors}
        />
      </section>
      <section aria-labelledby="verlauf">
        <h2 class="kern-heading-medium" id="verlauf">
          Verlauf
        </h2>
        <History events={props.events} />
      </section>
    </Layout>
  );
}
