import type { VNode } from 'preact';
import type { FieldError } from '../../platform/errors.ts';
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextField,
} from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { CRAFTS_TRADES } from '../profile/profile.types.ts';
import type { FinderForm } from './finder.form.ts';
import { FinderResults } from './finder.result.views.tsx';
import type { FinderResult } from './finder.types.ts';

const YES_NO = [
  { value: '', label: 'keine Angabe' },
  { value: 'ja', label: 'ja' },
  { value: 'nein', label: 'nein' },
];

const TRADES = [{ value: '', label: 'keine Angabe / kein Handwerksbetrieb' }, ...CRAFTS_TRADES];

/** What the page offers about alerts: save (company members), or how to get them. */
export type AlertOffer = { kind: 'save'; query: string } | { kind: 'login' } | { kind: 'none' };

function AlertSection(props: { ctx: PageContext; offer: AlertOffer }): VNode | null {
  const { offer } = props;
  if (offer.kind === 'none') return null;
  return (
    <section aria-labelledby="benachrichtigung" class="kern-stack">
      <h2 class="kern-heading-medium" id="benachrichtigung">
        Benachrichtigung
      </h2>
      {offer.kind === 'login' ? (
        <p class="kern-body">
          Registrierte Unternehmen können diese Suche speichern und erhalten eine E-Mail, sobald ein
          neues passendes Programm hinzukommt.{' '}
          <a class="kern-link" href="/anmelden">
            Anmelden
          </a>
        </p>
      ) : (
        <form
          method="post"
          action="/foerderfinder/benachrichtigungen"
          class="kern-stack form-narrow"
        >
          <CsrfField token={props.ctx.csrfToken} />
          <input type="hidden" name="query" value={offer.query} />
          <TextField
            name="label"
            label="Bezeichnung der Suche"
            hint="z. B. „Wärmepumpen-Schulung 2027“; ohne Angabe das heutige Datum"
            required={false}
          />
          <SubmitButton variant="secondary">
            Bei neuen passenden Programmen benachrichtigen
          </SubmitButton>
          <p class="kern-body--small">
            <a class="kern-link" href="/foerderfinder/benachrichtigungen">
              Gespeicherte Benachrichtigungen verwalten
            </a>
          </p>
        </form>
      )}
    </section>
  );
}

export function FinderPage(props: {
  ctx: PageContext;
  form: FinderForm;
  errors: FieldError[];
  measures: { id: string; label: string }[];
  result?: FinderResult;
  alert: AlertOffer;
  /** Link that fills the company answers from the logged-in company's profile. */
  prefill?: string;
}): VNode {
  const { form, errors } = props;
  const f = (name: keyof FinderForm) => ({ name, value: form[name], errors });
  return (
    <Layout ctx={props.ctx} title="Förderfinder" hasErrors={errors.length > 0}>
      <h1 class="kern-heading-large">Förderfinder</h1>
      <p class="kern-body">
        Welche Förderprogramme und Entlastungen bei den Stromkosten passen zu Ihrem Unternehmen und
        Ihrem Vorhaben? Der Finder prüft jedes geltende Programm mit seinen Voraussetzungen, nennt
        die Gründe mit Fundstelle, die noch offenen Fragen und den geschätzten Betrag. Ohne Konto;
        die Auskunft ist unverbindlich.
      </p>
      <ErrorSummary errors={errors} />
      {props.prefill ? (
        <p class="kern-body">
          <a class="kern-link" href={props.prefill}>
            Angaben aus Ihrem Unternehmensprofil übernehmen
          </a>
        </p>
      ) : null}
      <form method="get" action="/foerderfinder" novalidate class="kern-stack form-narrow">
        <input type="hidden" name="pruefen" value="1" />
        <fieldset class="kern-fieldset">
          <legend class="kern-title">Ihr Unternehmen</legend>
          <TextField
            {...f('naceCode')}
            label="Wirtschaftszweig (WZ 2008 / NACE)"
            hint="z. B. 25.11 (Stahl- und Leichtmetallbau) oder C 10.71"
            width="width-4"
            required
          />
          <TextField
            {...f('staffHeadcount')}
            label="Beschäftigte (Jahresarbeitseinheiten)"
            hint="Teilzeit anteilig, z. B. 42,5"
            inputMode="numeric"
            width="width-4"
            required
          />
          <TextField
            {...f('turnover')}
            label="Jahresumsatz in Euro"
            hint="ohne Umsatzsteuer, z. B. 4.500.000"
            width="width-4"
            required={false}
          />
          <TextField
            {...f('balanceSheet')}
            label="Jahresbilanzsumme in Euro"
            width="width-4"
            required={false}
          />
          <TextField
            {...f('seatAgs')}
            label="Amtlicher Gemeindeschlüssel des Sitzes"
            hint="8 Ziffern, z. B. 05774032 (Paderborn)"
            width="width-4"
            required={false}
          />
          <SelectField
            {...f('craftsChamberMember')}
            label="Mitglied einer Handwerkskammer"
            options={YES_NO}
          />
          <SelectField {...f('trade')} label="Gewerk" options={TRADES} />
          <SelectField
            {...f('undertakingInDifficulty')}
            label="Unternehmen in Schwierigkeiten (Art. 2 Nr. 18 AGVO)"
            options={YES_NO}
          />
          <TextField
            {...f('consumptionKwh')}
            label="Stromverbrauch im Jahr in kWh"
            hint="Mit dem Verbrauch berechnet der Finder die Entlastungen bei den Stromkosten."
            width="width-4"
            required={false}
          />
        </fieldset>
        <fieldset class="kern-fieldset">
          <legend class="kern-title">Geplante Maßnahme</legend>
          <SelectField
            {...f('measure')}
            label="Art der Maßnahme"
            options={[
              { value: '', label: 'alle Maßnahmen' },
              ...props.measures.map((m) => ({ value: m.id, label: m.label })),
            ]}
          />
          <TextField
            {...f('eligibleCosts')}
            label="Förderfähige Kosten in Euro"
            hint="z. B. 80.000"
            width="width-4"
            required={false}
          />
          <TextField
            {...f('plannedStart')}
            label="Geplanter Beginn"
            hint="TT.MM.JJJJ; vor Beginn muss der Antrag gestellt sein"
            width="width-4"
            required={false}
          />
          <SelectField
            {...f('siteInNrw')}
            label="Vorhaben in Nordrhein-Westfalen"
            options={YES_NO}
          />
          <TextField
            {...f('consultantDays')}
            label="Beratertage"
            hint="bei Beratungen mit Tagessatz-Obergrenze"
            width="width-4"
            required={false}
          />
          <TextField
            {...f('units')}
            label="Menge (Bohrmeter oder m² Kollektorfläche)"
            hint="in der Einheit der gewählten Maßnahme"
            width="width-4"
            required={false}
          />
          <SelectField
            {...f('buildingType')}
            label="Gebäude"
            options={[
              { value: '', label: 'keine Angabe' },
              { value: 'new', label: 'Neubau' },
              { value: 'existing', label: 'Bestand' },
            ]}
          />
          <SelectField
            {...f('requiredByGeg')}
            label="Anlage dient der Erfüllung des Gebäudeenergiegesetzes"
            options={YES_NO}
          />
          <TextField
            {...f('employeesToTrain')}
            label="Beschäftigte, die an der Fortbildung teilnehmen"
            width="width-4"
            required={false}
          />
          <TextField
            {...f('trainingDaysPerEmployee')}
            label="Fortbildungstage je Beschäftigtem"
            width="width-4"
            required={false}
          />
          <SelectField
            {...f('trainingForPlanningStaff')}
            label="Fortbildung für technische Führungskräfte oder Planungsverantwortliche"
            options={YES_NO}
          />
        </fieldset>
        <fieldset class="kern-fieldset">
          <legend class="kern-title">Filter und Sortierung</legend>
          <TextField
            {...f('minAmount')}
            label="Mindestbetrag in Euro"
            hint="Einträge ohne berechneten Betrag bleiben in der Liste."
            width="width-4"
            required={false}
          />
          <Checkbox
            name="openOnly"
            value="ja"
            label="Nur Programme mit offenem Aufruf"
            checked={form.openOnly === 'ja'}
          />
          <TextField
            {...f('deadlineBefore')}
            label="Antragsfrist endet bis"
            hint="TT.MM.JJJJ; nur Programme mit veröffentlichter Frist"
            width="width-4"
            required={false}
          />
          <SelectField
            {...f('sort')}
            label="Sortierung"
            options={[
              { value: 'deadline', label: 'nach Antragsfrist' },
              { value: 'amount', label: 'nach Betrag' },
            ]}
          />
        </fieldset>
        <SubmitButton>Programme finden</SubmitButton>
      </form>
      {props.result ? (
        <>
          <FinderResults result={props.result} />
          <AlertSection ctx={props.ctx} offer={props.alert} />
        </>
      ) : null}
    </Layout>
  );
}
