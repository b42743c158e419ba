/** The funding body's course list of the training bonus. */
import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import {
  CsrfField,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextField,
} from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable } from '../../platform/table.tsx';
import { BASE, Message, SubNav } from './training.body.views.tsx';

export function CoursesPage(props: {
  ctx: PageContext;
  courses: {
    id: string;
    code: string;
    title: string;
    provider: string;
    standard: string;
    days: number;
    active: boolean;
  }[];
  values: Record<string, string>;
  errors: FieldError[];
  message?: string;
}): VNode {
  const v = props.values;
  return (
    <Layout ctx={props.ctx} title="Bildungsprämie: Kursliste" hasErrors={props.errors.length > 0}>
      <h1 class="kern-heading-large">Kursliste (VDI 4645 oder gleichwertig)</h1>
      <SubNav />
      <Message message={props.message} />
      <ErrorSummary errors={props.errors} />
      <DataTable
        caption="Kurse"
        columns={[
          'Kennung',
          'Titel',
          'Anbieter',
          'Grundlage',
          { label: 'Tage', numeric: true },
          'Stand',
          'Aktion',
        ]}
        rowHeader={0}
        rows={props.courses.map((c) => ({
          key: c.id,
          cells: [
            c.code,
            c.title,
            c.provider,
            c.standard === 'vdi-4645' ? 'VDI 4645' : 'gleichwertig',
            c.days,
            c.active ? 'auf der Liste' : 'gestrichen',
            <form method="post" action={`${BASE}/kurse/${c.id}/status`}>
              <CsrfField token={props.ctx.csrfToken} />
              <input type="hidden" name="active" value={c.active ? 'false' : 'true'} />
              <button type="submit" class="kern-btn kern-btn--tertiary">
                <span class="kern-label">
                  {c.active ? 'Streichen' : 'Wieder aufnehmen'}
                  <span class="kern-sr-only"> ({c.code})</span>
                </span>
              </button>
            </form>,
          ],
        }))}
      />
      <h2 class="kern-heading-medium">Kurs aufnehmen</h2>
      <form method="post" action={`${BASE}/kurse`} novalidate class="kern-stack form-narrow">
        <CsrfField token={props.ctx.csrfToken} />
        <TextField
          name="code"
          label="Kennung"
          hint="z. B. VDI4645-GRUNDLAGEN"
          value={v.code}
          errors={props.errors}
        />
        <TextField name="title" label="Titel" value={v.title} errors={props.errors} />
        <TextField name="provider" label="Anbieter" value={v.provider} errors={props.errors} />
        <SelectField
          name="standard"
          label="Grundlage"
          value={v.standard}
          errors={props.errors}
          options={[
            { value: 'vdi-4645', label: 'VDI 4645' },
            { value: 'equivalent', label: 'gleichwertig' },
          ]}
        />
        <TextField
          name="days"
          label="Kurstage"
          inputMode="numeric"
          width="width-4"
          value={v.days}
          errors={props.errors}
        />
        <SubmitButton>Kurs aufnehmen</SubmitButton>
      </form>
    </Layout>
  );
}
