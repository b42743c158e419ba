import { CHANNEL_LABELS } from '../channel-labels.ts';
import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import { CsrfField, fieldId, SelectField, SubmitButton, TextField } from '../../platform/forms.tsx';
import { type PageContext } from '../../platform/layout.tsx';
import { signatureCount } from '../intake/intake-rules.ts';
import { DataTable, formatTimestamp } from '../../platform/table.tsx';
import type { GroupListItem } from './group.queries.ts';
import type { GroupDetail, GroupMember } from './group-detail.queries.ts';
import { REPRESENTATIVE_MIN_SIGNATURES } from './group.rules.ts';

import type { DetailValues } from './group-detail.views.tsx';

/* The forms on a group's detail page: members (split), representative, merge. */

export function MembersForm(props: {
  ctx: PageContext;
  base: string;
  members: GroupMember[];
  representativeId: string | null;
  values: DetailValues;
  error?: string;
}): VNode {
  const chosen = new Set(props.values.memberIds ?? []);
  const into = props.values.into === 'einzeln' ? 'einzeln' : 'gruppe';
  return (
    <form method="post" action={`${props.base}/aufteilen`} class="kern-stack">
      <CsrfField token={props.ctx.csrfToken} />
      <fieldset
        class={`kern-fieldset${props.error ? ' kern-fieldset--error' : ''}`}
        id={fieldId('memberIds')}
      >
        <legend class="kern-label">Einwendungen auswählen, die abgetrennt werden sollen</legend>
        <div class="kern-fieldset__body">
          {props.error ? (
            <p class="kern-error">
              <span class="kern-sr-only">Fehler: </span>
              {props.error}
            </p>
          ) : null}
          <DataTable
            caption="Einwendungen dieser Gruppe"
            hideCaption
            small
            rowHeader={1}
            columns={[
              'Auswahl',
              'Eingangsnummer',
              'Eingang',
              'Weg',
              { label: 'Unterschriften', numeric: true },
              'Text',
            ]}
            rows={props.members.map((m) => ({
              key: m.id,
              cells: [
                <div class="kern-form-check">
                  <input
                    class="kern-form-check__checkbox"
                    type="checkbox"
                    id={`auswahl-${m.id}`}
                    name="memberIds"
                    value={m.id}
                    checked={chosen.has(m.id)}
                  />
                  <label class="kern-label" for={`auswahl-${m.id}`}>
                    <span class="kern-sr-only">{m.reference} auswählen</span>
                  </label>
                </div>,
                `${m.reference}${m.id === props.representativeId ? ' (Vertreter)' : ''}`,
                `${formatTimestamp(m.receivedAt)}${m.late ? ' (verspätet)' : ''}`,
                CHANNEL_LABELS[m.channel],
                m.signatures.toLocaleString('de-DE'),
                m.excerpt,
              ],
            }))}
          />
        </div>
      </fieldset>
      <fieldset class="kern-fieldset" id={fieldId('into')}>
        <legend class="kern-label">Ausgewählte Einwendungen …</legend>
        <div class="kern-fieldset__body">
          {[
            ['gruppe', 'in eine neue Gruppe verschieben'],
            ['einzeln', 'wieder als einzelne Einwendungen führen'],
          ].map(([value, label]) => (
            <div class="kern-form-check" key={value}>
              <input
                class="kern-form-check__radio"
                type="radio"
                id={`ziel-${value}`}
                name="into"
                value={value}
                checked={into === value}
              />
              <label class="kern-label" for={`ziel-${value}`}>
                {label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <SubmitButton variant="secondary">Ausgewählte abtrennen</SubmitButton>
    </form>
  );
}

export function RepresentativeForm(props: {
  ctx: PageContext;
  base: string;
  group: GroupDetail;
  values: DetailValues;
  errors: FieldError[];
}): VNode {
  const { group } = props;
  if (group.signatures < REPRESENTATIVE_MIN_SIGNATURES) {
    return (
      <p class="kern-body" id={fieldId('representative')}>
        Diese Gruppe hat {signatureCount(group.signatures)}. Einen Vertreter nach § 17 Abs. 1 VwVfG
        gibt es erst bei mehr als 50 Unterzeichnenden.
      </p>
    );
  }
  return (
    <form method="post" action={`${props.base}/vertreter`} class="kern-stack form-narrow">
      <CsrfField token={props.ctx.csrfToken} />
      <fieldset class="kern-fieldset">
        <legend class="kern-label">Vertreter bestimmen</legend>
        <div class="kern-fieldset__body">
          <TextField
            name="representative"
            label="Eingangsnummer der Einwendung"
            hint="Zum Beispiel EW-2026-0000123. Nur eine Einwendung, die einen Vertreter mit Name, Beruf und Anschrift nennt. Ohne Ihre Wahl gilt der am häufigsten benannte Vertreter."
            value={props.values.representative}
            errors={props.errors}
          />
        </div>
      </fieldset>
      <SubmitButton variant="secondary">Als Vertreter bestimmen</SubmitButton>
    </form>
  );
}

export function MergeForm(props: {
  ctx: PageContext;
  base: string;
  others: GroupListItem[];
  manyOthers: boolean;
  values: DetailValues;
  errors: FieldError[];
}): VNode {
  if (props.others.length === 0 && !props.manyOthers) {
    return <p class="kern-body">Es gibt keine andere Gruppe in diesem Verfahren.</p>;
  }
  return (
    <form method="post" action={`${props.base}/zusammenfuehren`} class="kern-stack form-narrow">
      <CsrfField token={props.ctx.csrfToken} />
      <fieldset class="kern-fieldset">
        <legend class="kern-label">Andere Gruppe in diese Gruppe übernehmen</legend>
        <div class="kern-fieldset__body">
          {props.manyOthers ? (
            <TextField
              name="sourceGroupId"
              label="Kennung der anderen Gruppe"
              hint="Die Kennung steht auf der Seite der anderen Gruppe unter „Kennung“."
              value={props.values.sourceGroupId}
              errors={props.errors}
            />
          ) : (
            <SelectField
              name="sourceGroupId"
              label="Gruppe"
              value={props.values.sourceGroupId}
              errors={props.errors}
              options={[
                { value: '', label: 'Bitte wählen' },
                ...props.others.map((g) => ({
                  value: g.id,
                  label: `${g.size} Einwendungen, ab ${g.firstReference}`,
                })),
              ]}
            />
          )}
        </div>
      </fieldset>
      <SubmitButton variant="secondary">Zusammenführen</SubmitButton>
    </form>
  );
}
