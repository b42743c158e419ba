import { Type } from '@sinclair/typebox';
import type { VNode } from 'preact';
import { formatGermanDate } from '../../law/index.ts';
import { AppError } from '../../platform/errors.ts';
import { CsrfField, Notice, SubmitButton, TextArea } from '../../platform/forms.tsx';
import { pageContext, sendPage } from '../../platform/http.ts';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import type { App, Deps } from '../../platform/server.ts';
import { findProcedureFor, type ProcedureRow } from '../../permits/permit.queries.ts';
import type { Db } from '../../db/database.ts';
import { referenceLabel } from '../../procedures/reference.ts';

/** Agenda of the hearing: the concerns with confirmed objections, most frequent first. */
async function agendaWithNotes(db: Db, procedureId: string) {
  return db
    .selectFrom('concerns as c')
    .leftJoin('hearing_notes as h', (join) =>
      join.onRef('h.concern_id', '=', 'c.id').onRef('h.procedure_id', '=', 'c.procedure_id'),
    )
    .select([
      'c.id',
      'c.label',
      'h.note',
      (eb) =>
        eb
          .selectFrom('objection_concerns as oc')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('oc.concern_id', '=', 'c.id')
          .where('oc.source', '=', 'confirmed')
          .as('objections'),
    ])
    .where('c.procedure_id', '=', procedureId)
    .orderBy('objections', 'desc')
    .orderBy('c.position')
    .execute();
}

type Agenda = Awaited<ReturnType<typeof agendaWithNotes>>;

function HearingPage(props: {
  ctx: PageContext;
  row: ProcedureRow;
  agenda: Agenda;
  saved: boolean;
}): VNode {
  const { row, agenda } = props;
  const hearing = row.state.hearing ?? null;
  const items = agenda.filter((a) => Number(a.objections ?? 0) > 0 || a.note);
  return (
    <Layout ctx={props.ctx} title={`Erörterung: ${row.title}`}>
      {props.saved ? (
        <Notice kind="success" title="Die Niederschrift zu den Belangen wurde gespeichert." />
      ) : null}
      <p class="kern-body kern-body--small">Az. {referenceLabel(row.reference)}</p>
      <h1 class="kern-heading-large">Erörterung: {row.title}</h1>
      {!hearing?.held ? (
        <p class="kern-body">
          {hearing
            ? 'Es wurde entschieden, keinen Erörterungstermin durchzuführen.'
            : 'Über den Erörterungstermin wird nach dem Ende der Einwendungsfrist entschieden (§ 10 Abs. 6 BImSchG).'}
        </p>
      ) : (
        <>
          <p class="kern-body">
            {hearing.format === 'online'
              ? `Online-Konsultation; schriftliche Äußerungen bis ${formatGermanDate(hearing.date ?? '')}.`
              : `Erörterungstermin am ${formatGermanDate(hearing.date ?? '')}.`}{' '}
            Die Tagesordnung folgt aus dem Belange-Katalog. Die Niederschrift je Belang gehört zur
            Niederschrift nach § 19 9. BImSchV, die Sie unter „Nächste Schritte“ im Verfahren
            abschließen.
          </p>
          {items.length === 0 ? (
            <p class="kern-body">Noch keine Einwendung ist einem Belang zugeordnet.</p>
          ) : (
            <form
              method="post"
              action={`/verfahren/${row.id}/eroerterung`}
              novalidate
              class="kern-stack"
            >
              <CsrfField token={props.ctx.csrfToken} />
              <ol class="kern-list">
                {items.map((a) => (
                  <li key={a.id}>
                    <TextArea
                      name={`note.${a.id}`}
                      label={`${a.label} (${Number(a.objections ?? 0).toLocaleString('de-DE')} Einwendungen)`}
                      value={a.note ?? ''}
                      errors={[]}
                      required={false}
                      rows={3}
                    />
                  </li>
                ))}
              </ol>
              <SubmitButton>Niederschrift speichern</SubmitButton>
            </form>
          )}
        </>
      )}
    </Layout>
  );
}

/** The hearing's agenda from the catalogue and the minutes linked to each concern. */
export function registerHearingRoutes(app: App, deps: Deps): void {
  const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
  const load = async (actor: Parameters<typeof findProcedureFor>[1], id: string) => {
    const { row, roles } = await findProcedureFor(deps.db, actor, id);
    if (!roles.includes('case_worker'))
      throw new AppError('not_found', 'Diese Seite gibt es nicht.');
    return row;
  };

  app.get(
    '/verfahren/:id/eroerterung',
    {
      config: { access: 'procedures:use' },
      schema: {
        params: Id,
        querystring: Type.Object({ gespeichert: Type.Optional(Type.String()) }),
      },
    },
    async (request, reply) => {
      const row = await load(request.actor, request.params.id);
      const agenda = await agendaWithNotes(deps.db, row.id);
      return sendPage(
        reply,
        <HearingPage
          ctx={pageContext(request, reply)}
          row={row}
          agenda={agenda}
          saved={request.query.gespeichert === '1'}
        />,
      );
    },
  );

  app.post(
    '/verfahren/:id/eroerterung',
    {
      config: { access: 'procedures:use' },
      schema: { params: Id, body: Type.Record(Type.String(), Type.Unknown()) },
    },
    async (request, reply) => {
      const row = await load(request.actor, request.params.id);
      if (!row.state.hearing?.held || row.state.hearing.heldAt) {
        throw new AppError(
          'conflict',
          'Notizen zur Erörterung sind nur bei einem angesetzten, noch nicht abgeschlossenen Erörterungstermin möglich.',
        );
      }
      const concerns = new Set((await agendaWithNotes(deps.db, row.id)).map((a) => a.id));
      const notes = Object.entries(request.body)
        .filter(([key, value]) => key.startsWith('note.') && typeof value === 'string')
        .map(([key, value]) => ({ concernId: key.slice(5), note: (value as string).trim() }));
      const unknown = notes.find((n) => !concerns.has(n.concernId));
      if (unknown)
        throw new AppError(
          'validation',
          'Ein Belang gehört nicht zu diesem Verfahren; es wurde nichts gespeichert.',
        );
      if (notes.some((n) => n.note.length > 20_000)) {
        throw new AppError(
          'validation',
          'Eine Notiz ist zu lang (höchstens 20.000 Zeichen); es wurde nichts gespeichert.',
        );
      }
      await deps.db.transaction().execute(async (trx) => {
        for (const n of notes) {
          if (n.note === '') {
            await trx
              .deleteFrom('hearing_notes')
              .where('procedure_id', '=', row.id)
              .where('concern_id', '=', n.concernId)
              .execute();
            continue;
          }
          await trx
            .insertInto('hearing_notes')
            .values({
              procedure_id: row.id,
              concern_id: n.concernId,
              tenant_id: row.tenantId,
              note: n.note,
            })
            .onConflict((oc) =>
              oc.columns(['procedure_id', 'concern_id']).doUpdateSet({ note: n.note }),
            )
            .execute();
        }
      });
      return reply.redirect(`/verfahren/${row.id}/eroerterung?gespeichert=1`, 303);
    },
  );
}
