import { Type } from '@sinclair/typebox';
import type { VNode } from 'preact';
import { AppError, type FieldError } from '../../platform/errors.ts';
import {
  CsrfField,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../platform/forms.tsx';
import { pageContext, sendPage } from '../../platform/http.ts';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import type { App, Deps } from '../../platform/server.ts';
import { findProcedureFor } from '../../permits/permit.queries.ts';
import { parseImportFile } from './import-file.ts';
import { labelOf, type Field } from './import-row.ts';
import { PLAUSIBLE_SIGNATURES, UNIFORM_MIN_SIGNATURES } from './intake-rules.ts';
import { Checkbox } from '../../platform/forms.tsx';
import { importObjections } from './import.actions.ts';
import { referenceLabel } from '../../procedures/reference.ts';

const FIELDS: readonly Field[] = [
  'text',
  'name',
  'address',
  'receivedAt',
  'channel',
  'externalRef',
  'signatures',
  'signaturesConfirmed',
  'representativeName',
  'representativeProfession',
  'representativeAddress',
  'redactIdentity',
];
/** The form's field labels where they differ from the import's German column names. */
const LABELS: Partial<Record<Field, string>> = {
  text: 'Text der Einwendung',
  externalRef: 'Referenz',
  signatures: 'Anzahl der Unterschriften',
  representativeName: 'Name des Vertreters',
};
const formLabel = (field: Field): string => LABELS[field] ?? labelOf(field);

/** Which field a German problem message of the import parser is about (it quotes the label). */
function fieldOf(message: string): Field {
  return FIELDS.find((f) => message.includes(`„${labelOf(f)}“`)) ?? 'text';
}

function EntryPage(props: {
  ctx: PageContext;
  procedure: { id: string; title: string; reference: string };
  values: Record<string, string>;
  errors: FieldError[];
}): VNode {
  const { values, errors } = props;
  // The confirmation is offered once the number is above the plausible one, not before: a
  // checkbox shown always would be ticked out of habit.
  const needsConfirmation =
    errors.some((e) => e.field === 'signatures' && e.message.includes('ungewöhnlich viele')) ||
    values.signaturesConfirmed === 'ja';
  return (
    <Layout ctx={props.ctx} title="Einwendung erfassen" hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} />
      <p class="kern-body kern-body--small">Az. {props.procedure.reference}</p>
      <h1 class="kern-heading-large">Einwendung erfassen: {props.procedure.title}</h1>
      <p class="kern-body">
        Für Einwendungen, die schriftlich, per E-Mail oder als Unterschriftenliste eingegangen sind.
        Viele auf einmal importieren Sie mit{' '}
        <code>npx industrieland objections import --procedure {props.procedure.id} datei.csv</code>.
      </p>
      <form
        method="post"
        action={`/verfahren/${props.procedure.id}/einwendungen/neu`}
        novalidate
        class="kern-stack"
      >
        <CsrfField token={props.ctx.csrfToken} />
        <TextArea
          name="text"
          label="Text der Einwendung"
          value={values.text}
          errors={errors}
          rows={10}
        />
        <TextField name="name" label="Name" value={values.name} errors={errors} required={false} />
        <TextArea
          name="address"
          label="Anschrift"
          value={values.address}
          errors={errors}
          required={false}
          rows={3}
        />
        <Checkbox
          name="redactIdentity"
          value="ja"
          label="Die Person bittet, Name und Anschrift vor der Weitergabe an die Antragstellerin unkenntlich zu machen (§ 12 Abs. 2 9. BImSchV)."
          checked={values.redactIdentity === 'ja'}
        />
        <TextField
          name="receivedAt"
          type="date"
          label="Eingangsdatum"
          hint="Tag des Eingangs bei der Behörde (Eingangsstempel)."
          value={values.receivedAt}
          errors={errors}
        />
        <SelectField
          name="channel"
          label="Eingangsweg"
          options={[
            { value: 'paper', label: 'Papier (Brief)' },
            { value: 'email', label: 'E-Mail' },
            { value: 'signature-list', label: 'Unterschriftenliste' },
            { value: 'fax', label: 'Fax' },
            { value: 'other', label: 'Sonstiges' },
          ]}
          value={values.channel ?? 'paper'}
          errors={errors}
        />
        <TextField
          name="externalRef"
          label="Referenz (z. B. Posteingangsnummer)"
          value={values.externalRef}
          errors={errors}
          required={false}
        />
        <TextField
          name="signatures"
          inputMode="numeric"
          label="Anzahl der Unterschriften"
          hint={`Bei Unterschriftenlisten die Zahl der Unterzeichnenden; sonst 1. Mehr als ${PLAUSIBLE_SIGNATURES.toLocaleString('de-DE')} müssen Sie ausdrücklich bestätigen.`}
          value={values.signatures ?? '1'}
          errors={errors}
        />
        {needsConfirmation ? (
          <Checkbox
            name="signaturesConfirmed"
            value="ja"
            label={`Ich habe die Zahl der Unterschriften (${values.signatures ?? ''}) geprüft; sie stimmt.`}
            checked={values.signaturesConfirmed === 'ja'}
          />
        ) : null}
        <fieldset class="kern-fieldset">
          <legend class="kern-label">Vertreter (§ 17 VwVfG)</legend>
          <p class="kern-body kern-body--small">
            Bei Unterschriftenlisten und gleichförmigen Eingaben mit mehr als{' '}
            {UNIFORM_MIN_SIGNATURES - 1} Unterschriften gilt der Unterzeichner als Vertreter, der
            darin mit Name, Beruf und Anschrift als Vertreter bezeichnet ist. Leer lassen, wenn
            niemand benannt ist.
          </p>
          <TextField
            name="representativeName"
            label="Name des Vertreters"
            value={values.representativeName}
            errors={errors}
            required={false}
          />
          <TextField
            name="representativeProfession"
            label="Beruf des Vertreters"
            value={values.representativeProfession}
            errors={errors}
            required={false}
          />
          <TextArea
            name="representativeAddress"
            label="Anschrift des Vertreters"
            value={values.representativeAddress}
            errors={errors}
            required={false}
            rows={2}
          />
        </fieldset>
        <SubmitButton>Einwendung speichern</SubmitButton>
      </form>
    </Layout>
  );
}

/** Manual entry of one objection by a case worker of the responsible authority. */
export function registerManualEntryRoutes(app: App, deps: Deps): void {
  const load = async (actor: Parameters<typeof findProcedureFor>[1], id: string) => {
    const { row, roles } = await findProcedureFor(deps.db, actor, id);
    if (!roles.includes('case_worker'))
      throw new AppError('not_found', 'Diese Seite gibt es nicht.');
    return { ...row, reference: referenceLabel(row.reference) };
  };
  const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

  app.get(
    '/verfahren/:id/einwendungen/neu',
    { config: { access: 'procedures:use' }, schema: { params: Id } },
    async (request, reply) => {
      const row = await load(request.actor, request.params.id);
      return sendPage(
        reply,
        <EntryPage ctx={pageContext(request, reply)} procedure={row} values={{}} errors={[]} />,
      );
    },
  );

  app.post(
    '/verfahren/:id/einwendungen/neu',
    {
      config: { access: 'procedures:use' },
      schema: { params: Id, body: Type.Record(Type.String(), Type.Unknown()) },
    },
    async (request, reply) => {
      const row = await load(request.actor, request.params.id);
      const values = Object.fromEntries(
        FIELDS.map((f) => [f, String(typeof request.body[f] === 'string' ? request.body[f] : '')]),
      );
      const record = Object.fromEntries(
        Object.entries(values)
          .filter(([, v]) => v.trim() !== '')
          .map(([k, v]) => [k, k === 'signatures' && /^\d+$/.test(v.trim()) ? Number(v) : v]),
      );
      const parsed = parseImportFile(JSON.stringify(record), 'jsonl', { now: deps.clock.now() });
      const errors = parsed.problems.map((p) => {
        const field = fieldOf(p.message);
        return {
          field,
          message: p.message
            .replace(/^Zeile \d+: /, '')
            .replace(`„${labelOf(field)}“`, `„${formLabel(field)}“`),
        };
      });
      if (errors.length > 0 || parsed.rows.length !== 1) {
        return sendPage(
          reply,
          <EntryPage
            ctx={pageContext(request, reply)}
            procedure={row}
            values={values}
            errors={errors}
          />,
          400,
        );
      }
      const actorId = request.actor.kind === 'user' ? request.actor.userId : null;
      const result = await importObjections({
        db: deps.db,
        procedureId: row.id,
        rows: parsed.rows,
        enteredBy: actorId,
      });
      if (result.problems.length > 0) {
        const duplicate = result.problems.map((p) => ({
          field: 'externalRef',
          message: p.message.replace(/^Zeile \d+: /, ''),
        }));
        return sendPage(
          reply,
          <EntryPage
            ctx={pageContext(request, reply)}
            procedure={row}
            values={values}
            errors={duplicate}
          />,
          409,
        );
      }
      return reply.redirect(`/verfahren/${row.id}/einwendungen?erfasst=1`, 303);
    },
  );
}
