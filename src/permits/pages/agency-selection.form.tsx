import type { VNode } from 'preact';
import type { AgencyChoice } from '../../procedures/agencies/agency.queries.ts';

/**
 * Which agencies to ask (§ 10 Abs. 5 BImSchG, § 11 9. BImSchV): the authority's directory with
 * its default selection for the kind of project preselected, without those already involved.
 * Used when completeness is confirmed and for "Weitere Behörde beteiligen" later on.
 */
export function AgencySelectionFields(props: {
  action: string;
  legend: string;
  choices: readonly AgencyChoice[];
  /** Ids chosen in a refused submission; otherwise the defaults are preselected. */
  chosen?: readonly string[];
}): VNode {
  const name = `${props.action}.agencies`;
  if (props.choices.length === 0) {
    return (
      <p class="kern-body">Alle Stellen aus dem Verzeichnis der Behörde sind bereits beteiligt.</p>
    );
  }
  return (
    <fieldset class="kern-fieldset">
      <legend class="kern-label">{props.legend}</legend>
      {props.choices.some((c) => c.preselected) ? (
        <div class="kern-hint">
          Vorausgewählt sind die Stellen, die Ihre Behörde bei Windenergieanlagen standardmäßig
          beteiligt.
        </div>
      ) : null}
      <div class="kern-fieldset__body">
        {props.choices.map((choice) => {
          const id = `feld-${props.action}-agencies-${choice.id}`;
          return (
            <div class="kern-form-check" key={choice.id}>
              <input
                class="kern-form-check__checkbox"
                type="checkbox"
                id={id}
                name={name}
                value={choice.id}
                checked={props.chosen ? props.chosen.includes(choice.id) : choice.preselected}
              />
              <label class="kern-label" for={id}>
                {choice.role ? `${choice.name} – ${choice.role}` : choice.name}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
