import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import {
  Checkbox,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextField,
} from '../../platform/forms.tsx';
import { EIA_SCREENING_OPTIONS } from '../pages/application.form.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import type { Classification } from '../classification/index.ts';
import type { AreaHit } from '../../registers/areas/area.queries.ts';

export interface FinderForm {
  turbineCount: string;
  maxTotalHeightM: string;
  repowering: boolean;
  applicantRequestsFormal: boolean;
  eiaScreeningOutcome: string;
  areaMode: string;
  lon: string;
  lat: string;
}

function Result(props: { result: Classification; areas: AreaHit[] | undefined }): VNode {
  const { result } = props;
  return (
    <section class="deadline-result" aria-labelledby="ergebnis">
      <h2 class="kern-heading-medium" id="ergebnis">
        Ergebnis
      </h2>
      <p class="kern-body--large">
        <strong>{result.procedureLabel}</strong>
      </p>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Öffentlichkeitsbeteiligung</dt>
          <dd class="kern-description-list-item__value">
            {result.publicParticipation ? 'ja' : 'nein'}
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Umweltverträglichkeitsprüfung</dt>
          <dd class="kern-description-list-item__value">{result.eiaLabel}</dd>
        </div>
        {result.completenessDeadline ? (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">Vollständigkeitsprüfung</dt>
            <dd class="kern-description-list-item__value">
              {result.completenessDeadline.label} (
              {result.completenessDeadline.citations.join(', ')})
              {result.completenessDeadline.extension
                ? ` – ${result.completenessDeadline.extension}`
                : ''}
            </dd>
          </div>
        ) : null}
        {result.decisionDeadline ? (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">Entscheidungsfrist</dt>
            <dd class="kern-description-list-item__value">
              {result.decisionDeadline.label} ({result.decisionDeadline.citations.join(', ')})
              {result.decisionDeadline.extension ? ` – ${result.decisionDeadline.extension}` : ''}
            </dd>
          </div>
        ) : null}
        {result.agencyStatementDeadline ? (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">Stellungnahmen der Fachbehörden</dt>
            <dd class="kern-description-list-item__value">
              {result.agencyStatementDeadline.label} (
              {result.agencyStatementDeadline.citations.join(', ')})
            </dd>
          </div>
        ) : null}
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Rechtsstand</dt>
          <dd class="kern-description-list-item__value">
            {result.ruleVersion.title} (gilt ab {result.ruleVersion.validFrom})
          </dd>
        </div>
      </dl>
      {props.areas ? (
        <p class="kern-body">
          {props.areas.length === 0
            ? 'Der Standort liegt in keinem im Register erfassten Wind- oder Beschleunigungsgebiet.'
            : `Der Standort liegt in: ${props.areas.map((a) => `${a.name} (${a.kind === 'acceleration' ? 'Beschleunigungsgebiet' : 'Windenergiegebiet'})`).join('; ')}.`}
        </p>
      ) : null}
      <h3 class="kern-heading-small">Begründung</h3>
      <ol class="kern-list kern-list--number">
        {result.reasons.map((r) => (
          <li key={r.text}>
            {r.text} <span class="kern-body--small">({r.citations.join('; ')})</span>
          </li>
        ))}
      </ol>
      {result.notes.length > 0 ? (
        <>
          <h3 class="kern-heading-small">Hinweise</h3>
          <ul class="kern-list kern-list--bullet">
            {result.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function FinderPage(props: {
  ctx: PageContext;
  form: FinderForm;
  errors: FieldError[];
  result?: Classification;
  areas?: AreaHit[];
}): VNode {
  const { form, errors } = props;
  return (
    <Layout ctx={props.ctx} title="Verfahrensfinder Windenergie" hasErrors={errors.length > 0}>
      <h1 class="kern-heading-large">Verfahrensfinder Windenergie</h1>
      <p class="kern-body">
        Welches Genehmigungsverfahren gilt für Ihr Windenergievorhaben, braucht es eine
        Umweltverträglichkeitsprüfung, und welche Fristen laufen? Die Auskunft ist unverbindlich;
        die Genehmigungsbehörde entscheidet im Einzelfall.
      </p>
      <ErrorSummary errors={errors} />
      <form method="get" action="/verfahrensfinder" novalidate class="kern-stack form-narrow">
        <input type="hidden" name="pruefen" value="1" />
        <TextField
          name="turbineCount"
          label="Anzahl der Windenergieanlagen"
          value={form.turbineCount}
          inputMode="numeric"
          width="width-4"
          errors={errors}
          required
        />
        <TextField
          name="maxTotalHeightM"
          label="Gesamthöhe der höchsten Anlage in Metern"
          hint="Nabenhöhe plus halber Rotordurchmesser, z. B. 200"
          value={form.maxTotalHeightM}
          inputMode="numeric"
          width="width-4"
          errors={errors}
          required
        />
        <Checkbox
          name="repowering"
          label="Repowering: bestehende Anlagen werden ersetzt (§ 16b BImSchG)"
          checked={form.repowering}
        />
        <SelectField
          name="eiaScreeningOutcome"
          label="Ergebnis einer UVP-Vorprüfung"
          options={EIA_SCREENING_OPTIONS}
          value={form.eiaScreeningOutcome}
          errors={errors}
        />
        <SelectField
          name="areaMode"
          label="Lage des Standorts"
          hint="Mit Koordinaten prüft der Finder die Lage im Gebietsregister."
          options={[
            { value: 'coordinates', label: 'aus Koordinaten im Gebietsregister bestimmen' },
            { value: 'acceleration', label: 'im Beschleunigungsgebiet (§ 6a, § 6b WindBG)' },
            {
              value: 'wind-energy',
              label: 'im Windenergiegebiet (§ 6 WindBG), kein Beschleunigungsgebiet',
            },
            { value: 'outside', label: 'außerhalb ausgewiesener Gebiete' },
          ]}
          value={form.areaMode}
          errors={errors}
        />
        <TextField
          name="lon"
          label="Geografische Länge (WGS84)"
          hint="z. B. 8,7611"
          value={form.lon}
          errors={errors}
          width="width-4"
          required={false}
        />
        <TextField
          name="lat"
          label="Geografische Breite (WGS84)"
          hint="z. B. 51,6205"
          value={form.lat}
          errors={errors}
          width="width-4"
          required={false}
        />
        <Checkbox
          name="applicantRequestsFormal"
          label="Ich beantrage das förmliche Verfahren mit Öffentlichkeitsbeteiligung (§ 19 Abs. 3 BImSchG)"
          checked={form.applicantRequestsFormal}
        />
        <SubmitButton>Verfahren bestimmen</SubmitButton>
      </form>
      {props.result ? <Result result={props.result} areas={props.areas} /> : null}
    </Layout>
  );
}
