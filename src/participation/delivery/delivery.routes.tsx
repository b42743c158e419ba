/**
 * The delivery of the decision for the case workers of the authority: how it will go (individual
 * delivery or public notice, § 10 Abs. 7, 8 BImSchG), what was recorded per recipient, and the
 * letter list for those without an e-mail address. Holds objectors' names and addresses, so only
 * the authority's case workers see it; everybody else gets 404 (like the objection review).
 */
import { Type } from '@sinclair/typebox';
import type { VNode } from 'preact';
import { countNoun, formatGermanDate } from '../../law/index.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import type { App, Deps } from '../../platform/server.ts';
import { DataTable } from '../../platform/table.tsx';
import { INDIVIDUAL_DELIVERY_MAX } from '../../permits/procedure-types/transitions-participation.ts';
import { requireCaseWorker, type StaffProcedure } from '../review/staff-access.ts';
import { CHANNEL_LABELS } from './delivery.actions.ts';
import {
  listDeliveries,
  loadObjectorDeliveries,
  type RecordedDelivery,
} from './delivery.queries.ts';
import type { DeliveryList } from './recipients.ts';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const num = (n: number) => n.toLocaleString('de-DE');

const KIND_LABELS: Record<RecordedDelivery['recipientKind'], string> = {
  applicant: 'Antragstellerin',
  objector: 'Einwendende Person',
  representative: 'Vertreter (§ 17 VwVfG)',
};

function Plan(props: { planned: DeliveryList }): VNode {
  const count = props.planned.deliveries.length;
  const byNotice = count > INDIVIDUAL_DELIVERY_MAX;
  return (
    <section aria-labelledby="plan">
      <h2 class="kern-heading-medium" id="plan">
        Zustellung an die Einwendenden
      </h2>
      <p class="kern-body">
        Zuzustellen an {count === 1 ? '1 Person' : `${num(count)} Personen`} (Einwendende bzw.
        Vertreter gleichförmiger Eingaben nach § 17 VwVfG).{' '}
        {byNotice
          ? `Das sind mehr als ${INDIVIDUAL_DELIVERY_MAX}: Die Zustellung an die Einwendenden wird durch öffentliche Bekanntmachung ersetzt (§ 10 Abs. 8 BImSchG); der Bescheid liegt zwei Wochen aus und gilt mit dem Ende der Auslegung als zugestellt. Die Antragstellerin erhält ihn einzeln.`
          : `Das sind höchstens ${INDIVIDUAL_DELIVERY_MAX}: Der Bescheid wird jeder Person einzeln zugestellt (§ 10 Abs. 7 BImSchG) – per E-Mail, wo eine Adresse angegeben wurde, sonst per Brief (Briefliste).`}
      </p>
      {props.planned.unreachable > 0 ? (
        <p class="kern-body">
          {countNoun(props.planned.unreachable, 'Einwendung', 'Einwendungen')} ohne Namen und
          Anschrift erreicht nur die öffentliche Bekanntmachung.
        </p>
      ) : null}
    </section>
  );
}

function DeliveryTable(props: { caption: string; rows: RecordedDelivery[] }): VNode {
  return (
    <DataTable
      caption={props.caption}
      columns={['Empfänger', 'Art', 'Einwendung', 'Anschrift', 'Weg', 'Zugestellt am']}
      rowHeader={0}
      rows={props.rows.map((r) => ({
        key: r.id,
        cells: [
          r.name ?? '–',
          r.represents > 1
            ? `${KIND_LABELS[r.recipientKind]}, für ${num(r.represents)}`
            : KIND_LABELS[r.recipientKind],
          r.objectionReference ?? '–',
          r.address ?? r.email ?? '–',
          CHANNEL_LABELS[r.channel],
          r.channel === 'public-notice'
            ? `gilt mit Ablauf des ${formatGermanDate(r.deliveredOn)} als zugestellt`
            : formatGermanDate(r.deliveredOn),
        ],
      }))}
    />
  );
}

function DeliveryPage(props: {
  ctx: PageContext;
  procedure: StaffProcedure;
  planned: DeliveryList;
  recorded: RecordedDelivery[];
}): VNode {
  const { procedure, recorded } = props;
  const letters = recorded.filter((r) => r.channel === 'letter');
  return (
    <Layout ctx={props.ctx} title={`Zustellung des Bescheids – ${procedure.reference}`}>
      <p class="kern-body">
        <a class="kern-link" href={`/verfahren/${procedure.id}`}>
          Zurück zum Verfahren {procedure.reference}
        </a>
      </p>
      <h1 class="kern-heading-large">Zustellung des Bescheids</h1>
      <p class="kern-body">{procedure.title}</p>
      {recorded.length === 0 ? <Plan planned={props.planned} /> : null}
      {recorded.length === 0 ? (
        <p class="kern-body">Der Bescheid ist noch nicht zugestellt oder bekannt gemacht.</p>
      ) : (
        <>
          <DeliveryTable caption="Zustellungen" rows={recorded} />
          <h2 class="kern-heading-medium">Briefliste</h2>
          {letters.length === 0 ? (
            <p class="kern-body">Keine Zustellung per Brief.</p>
          ) : (
            <DeliveryTable caption="Per Brief zuzustellen" rows={letters} />
          )}
        </>
      )}
    </Layout>
  );
}

export function registerDeliveryRoutes(app: App, deps: Deps): void {
  app.get(
    '/verfahren/:id/zustellung',
    { config: { access: 'procedures:use' }, schema: { params: Id } },
    async (request, reply) => {
      const procedure = await requireCaseWorker(deps.db, request.actor, request.params.id);
      const [planned, recorded] = await Promise.all([
        loadObjectorDeliveries(deps.db, procedure.id),
        listDeliveries(deps.db, procedure.id),
      ]);
      return sendPage(
        reply,
        <DeliveryPage
          ctx={pageContext(request, reply)}
          procedure={procedure}
          planned={planned}
          recorded={recorded}
        />,
      );
    },
  );
}
