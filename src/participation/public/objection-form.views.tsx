import type { VNode } from 'preact';
import { formatGermanDate } from '../../law/index.ts';
import type { FieldError } from '../../platform/errors.ts';
import {
  Checkbox,
  ErrorSummary,
  fieldId,
  Notice,
  SubmitButton,
  TextArea,
  TextField,
} from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import type { PublicProcedure } from '../public-procedure.queries.ts';
import { UniformSubmissionFields, type UniformValues } from '../intake/uniform-fields.views.tsx';
import { EARLY_LABELS, earlyIntake } from '../intake/intake-rules.ts';

export interface ObjectionFormValues {
  text?: string;
  name?: string;
  address?: string;
  email?: string;
  redactIdentity?: boolean;
  uniform?: UniformValues;
}

/**
 * The objection form: multipart (attachments) and without JavaScript. The script only solves
 * the proof of work; without it the server accepts the form after a short waiting time.
 */
export function ObjectionFormPage(props: {
  ctx: PageContext;
  procedure: PublicProcedure;
  today: string;
  challenge: { token: string; difficulty: number };
  identityRequired: boolean;
  values: ObjectionFormValues;
  errors: FieldError[];
}): VNode {
  const { procedure: p, values, errors } = props;
  const late = props.today > p.participation.objectionEnd;
  const early = earlyIntake(p.participation, props.today);
  const action = `/beteiligung/${p.id}/einwendung?_csrf=${encodeURIComponent(props.ctx.csrfToken)}`;
  return (
    <Layout
      ctx={props.ctx}
      title={`Einwendung: ${p.title}`}
      hasErrors={errors.length > 0}
      scripts={['/static/proof-of-work.js']}
    >
      <ErrorSummary errors={errors} />
      <p class="kern-body kern-body--small">
        Az. {p.reference} · {p.authorityName}
      </p>
      <h1 class="kern-heading-large">Einwendung erheben: {p.title}</h1>
      {late ? (
        <Notice kind="warning" title="Die Einwendungsfrist ist abgelaufen.">
          <p class="kern-body">
            Sie endete am {formatGermanDate(p.participation.objectionEnd)}. Eine Einwendung wird
            trotzdem gespeichert und als verspätet gekennzeichnet; im Genehmigungsverfahren ist sie
            ausgeschlossen (§ 10 Abs. 3 S. 5 BImSchG). Privatrechtliche Ansprüche können Sie vor den
            Zivilgerichten geltend machen.
          </p>
        </Notice>
      ) : early ? (
        <Notice kind="info" title="Die Auslegung hat noch nicht begonnen.">
          <p class="kern-body">
            Die Auslegung beginnt am {formatGermanDate(p.participation.displayStart)}. Eine
            Einwendung, die vorher eingeht, wird gespeichert und als „{EARLY_LABELS[early]}“
            gekennzeichnet; die Behörde prüft, wie sie im Verfahren behandelt wird. Einwendungen
            sind bis einschließlich {formatGermanDate(p.participation.objectionEnd)} möglich.
          </p>
        </Notice>
      ) : (
        <p class="kern-body">
          Einwendungen sind bis einschließlich {formatGermanDate(p.participation.objectionEnd)}{' '}
          möglich. Sie erhalten sofort eine Eingangsbestätigung mit Eingangsnummer, Eingangszeit und
          Prüfsumme.
        </p>
      )}
      <form
        method="post"
        action={action}
        enctype="multipart/form-data"
        novalidate
        class="kern-stack objection-form"
        data-module="proof-of-work"
        data-difficulty={String(props.challenge.difficulty)}
      >
        <input type="hidden" name="challenge" value={props.challenge.token} />
        <input type="hidden" name="nonce" value="" />
        <TextArea
          name="text"
          label="Ihre Einwendung"
          hint="Bitte nennen Sie Ihre Bedenken und Gründe. Höchstens 50.000 Zeichen; längere Ausführungen können Sie anhängen."
          value={values.text}
          errors={errors}
          rows={12}
        />
        <fieldset class="kern-fieldset">
          <legend class="kern-label">Angaben zu Ihrer Person</legend>
          <p class="kern-body kern-body--small">
            {props.identityRequired
              ? 'Name und Anschrift sind Pflichtangaben: Die Behörde muss Einwendende erkennen und benachrichtigen können (§ 12 Abs. 2 9. BImSchV).'
              : 'Name und Anschrift sind freiwillig. Ohne sie kann die Behörde Sie nicht benachrichtigen; ob eine Einwendung ohne Namen berücksichtigt wird, entscheidet die Behörde (§ 12 Abs. 2 9. BImSchV).'}{' '}
            Einwendungen werden der Antragstellerin und den beteiligten Behörden bekannt gegeben.
            Veröffentlicht werden weder Ihr Name noch Ihre Anschrift.
          </p>
          <TextField
            name="name"
            label="Vor- und Nachname"
            value={values.name}
            errors={errors}
            required={props.identityRequired}
            autocomplete="name"
          />
          <TextArea
            name="address"
            label="Anschrift"
            value={values.address}
            errors={errors}
            required={props.identityRequired}
            rows={3}
          />
          <Checkbox
            name="redactIdentity"
            label="Bitte machen Sie meinen Namen und meine Anschrift unkenntlich, bevor die Einwendung an die Antragstellerin weitergegeben wird."
            checked={values.redactIdentity ?? false}
          />
        </fieldset>
        <UniformSubmissionFields values={values.uniform ?? {}} errors={errors} />
        <TextField
          name="email"
          type="email"
          label="E-Mail-Adresse für die Eingangsbestätigung"
          hint="Freiwillig. Sie erhalten die Bestätigung und Ihren persönlichen Link zum Bearbeitungsstand."
          value={values.email}
          errors={errors}
          required={false}
          autocomplete="email"
        />
        <div class="kern-form-input">
          <label class="kern-label" for={fieldId('attachments')}>
            Anhänge<span class="kern-label__optional"> – optional</span>
          </label>
          <div class="kern-hint" id={`${fieldId('attachments')}-hint`}>
            Bis zu 5 Dateien im Format PDF, PNG oder JPEG, je höchstens 10 MB.
          </div>
          <input
            class="kern-form-input__input"
            type="file"
            id={fieldId('attachments')}
            name="attachments"
            multiple
            accept="application/pdf,image/png,image/jpeg"
            aria-describedby={`${fieldId('attachments')}-hint`}
          />
        </div>
        <p class="kern-body kern-body--small" data-pow-status aria-live="polite" />
        <SubmitButton>Einwendung absenden</SubmitButton>
      </form>
    </Layout>
  );
}
