/** The fields of the steps of public participation: notice, hearing request, hearing and its record. */
import type { VNode } from 'preact';
import { SelectField, TextArea, TextField } from '../../platform/forms.tsx';
import type { EffectKind } from '../../procedures/engine/index.ts';
import type { ActionFormProps } from './action.forms.tsx';

type ParticipationEffect = Extract<
  EffectKind,
  'publish-notice' | 'request-hearing' | 'skip-hearing' | 'schedule-hearing' | 'record-hearing'
>;

/** The input of the participation steps (§ 10 BImSchG, 9. BImSchV), as plain HTML fields. */
export function ParticipationFields(
  props: ActionFormProps & { effect: ParticipationEffect },
): VNode {
  const { errors, values } = props;
  const f = (name: string) => `${props.action}.${name}`;
  switch (props.effect) {
    case 'publish-notice':
      return (
        <>
          <TextField
            name={f('displayStart')}
            label="Erster Tag der Auslegung"
            type="date"
            hint="Frühestens eine Woche nach dem heutigen Tag der Bekanntmachung. Auslegungs- und Einwendungsfrist berechnet das System (§ 10 Abs. 3 BImSchG)."
            value={values[f('displayStart')]}
            errors={errors}
          />
          <SelectField
            name={f('eiaRequired')}
            label="Wird eine Umweltverträglichkeitsprüfung durchgeführt?"
            hint="Mit UVP beträgt die Einwendungsfrist einen Monat nach Ende der Auslegung, sonst zwei Wochen."
            options={[
              { value: 'ja', label: 'Ja, UVP-pflichtig' },
              { value: 'nein', label: 'Nein' },
            ]}
            value={values[f('eiaRequired')] ?? 'ja'}
            errors={errors}
          />
          <TextArea
            name={f('hearingNote')}
            label="Hinweis zum Erörterungstermin (optional)"
            hint="Zum Beispiel ein vorgesehener Termin und Ort. Ohne Angabe wird der gesetzliche Hinweis verwendet."
            value={values[f('hearingNote')]}
            errors={errors}
            required={false}
          />
        </>
      );
    case 'request-hearing':
      return (
        <>
          <TextField
            name={f('receivedOn')}
            label="Eingang des Antrags (optional)"
            hint="Nur wenn die Behörde einen schriftlichen Antrag erfasst; ohne Angabe gilt der heutige Tag."
            type="date"
            value={values[f('receivedOn')]}
            errors={errors}
            required={false}
          />
          <TextArea
            name={f('note')}
            label="Anmerkung (optional)"
            hint="Bei Windenergieanlagen an Land findet ein Erörterungstermin nur auf Antrag der Antragstellerin statt (§ 10 Abs. 6 BImSchG)."
            value={values[f('note')]}
            errors={errors}
            required={false}
          />
        </>
      );
    case 'skip-hearing':
      return (
        <TextArea
          name={f('reason')}
          label="Begründung"
          value={
            values[f('reason')] ??
            'Die Antragstellerin hat keinen Erörterungstermin beantragt; bei Windenergieanlagen an Land soll er dann entfallen (§ 10 Abs. 6 BImSchG).'
          }
          errors={errors}
        />
      );
    case 'schedule-hearing':
      return (
        <>
          <SelectField
            name={f('format')}
            label="Form der Erörterung"
            options={[
              { value: 'in-person', label: 'Erörterungstermin vor Ort' },
              { value: 'online', label: 'Online-Konsultation mit schriftlicher Äußerungsfrist' },
            ]}
            value={values[f('format')] ?? 'in-person'}
            errors={errors}
          />
          <TextField
            name={f('date')}
            label="Tag des Termins bzw. Ende der Äußerungsfrist"
            type="date"
            value={values[f('date')]}
            errors={errors}
          />
          <TextField
            name={f('place')}
            label="Ort oder Internetadresse"
            value={values[f('place')]}
            errors={errors}
            required={false}
          />
          <TextArea
            name={f('reason')}
            label="Begründung (optional)"
            value={values[f('reason')]}
            errors={errors}
            required={false}
          />
        </>
      );
    case 'record-hearing':
      return (
        <>
          <TextField
            name={f('chair')}
            label="Verhandlungsleitung (optional)"
            hint="Name der Person, die die Erörterung geleitet hat; ohne Angabe die erfassende Person (§ 19 Abs. 1 9. BImSchV)."
            value={values[f('chair')]}
            errors={errors}
            required={false}
          />
          <TextArea
            name={f('minutes')}
            label="Verlauf und Ergebnisse insgesamt (§ 19 9. BImSchV)"
            hint="Die Niederschrift je Tagesordnungspunkt erfassen Sie auf der Seite „Erörterung“; beides wird als PDF-Niederschrift erstellt und der Antragstellerin übersandt."
            value={values[f('minutes')]}
            errors={errors}
            rows={8}
          />
        </>
      );
  }
}
