/** A claim as the funding body sees it: the checks with their figures and the decision by hand. */
import type { VNode } from 'preact';
import { formatEuro } from '../../law/fees/money.ts';
import type { TrainingClaimStatus } from '../../db/schema.ts';
import type { FieldError } from '../../platform/errors.ts';
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextArea,
} from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable, formatTimestamp } from '../../platform/table.tsx';
import { CHECK_LABELS, type CheckResult } from './training.checks.ts';
import { ROLE_LABELS } from './training.rules.ts';
import { germanDate, STATUS_LABELS } from './training.views.tsx';
import type { TrainingRole } from '../../db/schema.ts';
import { BASE, SubNav } from './training.body.views.tsx';

const OUTCOME_LABELS: Record<CheckResult['outcome'], string> = {
  passed: 'bestanden',
  failed: 'nicht bestanden',
  reduced: 'gekürzt',
  'passed-by-hand': 'von Hand bestanden',
};

export interface ClaimDetail {
  id: string;
  employee_name: string;
  company_name: string;
  role: TrainingRole;
  course_code: string;
  course_title: string;
  course_start: string;
  course_end: string;
  training_days: number;
  iban: string;
  bic: string | null;
  account_holder: string;
  status: TrainingClaimStatus;
  requested_cents: number;
  granted_cents: number | null;
  checks: unknown;
  sampled: boolean;
  decision_reason: string | null;
}

function factsText(c: CheckResult): string {
  const f = c.facts ?? {};
  if (c.id === 'cap')
    return `beantragt ${formatEuro(Number(f.requestedCents))}; Höchstbetrag ${formatEuro(Number(f.capCents))}; schon gebunden ${formatEuro(Number(f.heldBeforeCents))}; davor in derselben Einreichung ${formatEuro(Number(f.earlierInBatchCents))}; bewilligbar ${formatEuro(Number(f.grantedCents))}`;
  if (c.id === 'de-minimis')
    return `Höchstbetrag ${formatEuro(Number(f.ceilingCents))} in drei Jahren (Beihilfen seit dem ${germanDate(String(f.windowFrom))}); bereits angerechnet ${formatEuro(Number(f.usedCents))}; unmittelbar davor bewilligt ${formatEuro(Number(f.earlierNowCents))}; Spielraum ${formatEuro(Number(f.headroomCents))}; beantragt ${formatEuro(Number(f.requestedCents))}; bewilligt ${formatEuro(Number(f.grantedCents))} (Tag der Gewährung ${germanDate(String(f.grantedOn))})`;
  return Object.entries(f)
    .map(([k, v]) => `${k}: ${v === null ? '–' : String(v)}`)
    .join('; ');
}

export function ClaimPage(props: {
  ctx: PageContext;
  claim: ClaimDetail;
  events: { kind: string; reason: string | null; actor_name: string; at: Date }[];
  values: { decision?: string; reason?: string; passedByHand?: string[] };
  errors: FieldError[];
}): VNode {
  const c = props.claim;
  const checks = (c.checks ?? []) as CheckResult[];
  const failed = checks.filter((x) => x.outcome === 'failed');
  return (
    <Layout ctx={props.ctx} title={`Antrag ${c.employee_name}`} hasErrors={props.errors.length > 0}>
      <h1 class="kern-heading-large">Antrag: {c.employee_name}</h1>
      <SubNav />
      <ErrorSummary errors={props.errors} />
      <dl class="kern-description-list">
        {(
          [
            ['Betrieb', c.company_name],
            ['Tätigkeit', ROLE_LABELS[c.role]],
            ['Kurs', `${c.course_title} (${c.course_code})`],
            [
              'Zeitraum',
              `${germanDate(c.course_start)} – ${germanDate(c.course_end)}, ${c.training_days} Tage`,
            ],
            ['Bankverbindung', `${c.account_holder}, ${c.iban}${c.bic ? `, ${c.bic}` : ''}`],
            ['Stand', STATUS_LABELS[c.status] + (c.sampled ? ' (Stichprobe)' : '')],
            [
              'Betrag',
              `${formatEuro(c.granted_cents ?? 0)} (beantragt ${formatEuro(c.requested_cents)})`,
            ],
            ['Begründung', c.decision_reason ?? '–'],
          ] as const
        ).map(([k, v]) => (
          <div class="kern-description-list-item" key={k}>
            <dt class="kern-description-list-item__key">{k}</dt>
            <dd class="kern-description-list-item__value">{v}</dd>
          </div>
        ))}
      </dl>
      <DataTable
        caption="Automatische Prüfungen"
        columns={['Prüfung', 'Ergebnis', 'Grundlage']}
        rowHeader={0}
        rows={checks.map((x) => ({
          key: x.id,
          cells: [CHECK_LABELS[x.id], OUTCOME_LABELS[x.outcome], factsText(x)],
        }))}
      />
      {c.status === 'qa' ? (
        <form
          method="post"
          action={`${BASE}/antraege/${c.id}/entscheidung`}
          novalidate
          class="kern-stack form-narrow"
        >
          <CsrfField token={props.ctx.csrfToken} />
          <h2 class="kern-heading-medium">Entscheidung</h2>
          {failed.length > 0 ? (
            <fieldset class="kern-fieldset" id="feld-passedByHand">
              <legend class="kern-label">
                Von Hand bestandene Prüfungen (nur bei Bewilligung)
              </legend>
              {failed.map((x) => (
                <Checkbox
                  key={x.id}
                  name="passedByHand"
                  value={x.id}
                  label={CHECK_LABELS[x.id]}
                  checked={props.values.passedByHand?.includes(x.id) ?? false}
                />
              ))}
            </fieldset>
          ) : null}
          <SelectField
            name="decision"
            label="Entscheidung"
            value={props.values.decision}
            errors={props.errors}
            options={[
              { value: 'approve', label: 'bewilligen' },
              { value: 'refuse', label: 'ablehnen' },
            ]}
          />
          <TextArea
            name="reason"
            label="Begründung"
            value={props.values.reason}
            errors={props.errors}
          />
          <SubmitButton>Entscheidung speichern</SubmitButton>
        </form>
      ) : null}
      <h2 class="kern-heading-medium">Verlauf</h2>
      {props.events.length === 0 ? (
        <p class="kern-body">Keine Bearbeitung von Hand.</p>
      ) : (
        <ul class="kern-list">
          {props.events.map((e, i) => (
            <li key={i}>
              {formatTimestamp(e.at)}:{' '}
              {e.kind === 'approved-by-hand'
                ? 'von Hand bewilligt'
                : e.kind === 'refused-by-hand'
                  ? 'von Hand abgelehnt'
                  : 'ausgezahlt'}{' '}
              ({e.actor_name}){e.reason ? ` – ${e.reason}` : ''}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
