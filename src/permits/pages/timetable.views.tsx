/**
 * The planned timetable the authority gave with the confirmation of completeness (§ 7 Abs. 2
 * 9. BImSchV), stored in the procedure state; shown to the case workers and the applicant.
 */
import type { VNode } from 'preact';
import { formatGermanDate } from '../../law/index.ts';
import { TextBlock } from '../../participation/review/review.views.tsx';

export function Timetable(props: { completeness: { date: string; timetable: string } }): VNode {
  return (
    <section class="case-section" aria-labelledby="zeitplan">
      <h2 class="kern-heading-medium" id="zeitplan">
        Geplanter zeitlicher Ablauf
      </h2>
      <p class="kern-body--small">
        Unterlagen vollständig seit {formatGermanDate(props.completeness.date, { weekday: false })}{' '}
        (§ 7 Abs. 2 9. BImSchV).
      </p>
      {props.completeness.timetable.trim() === '' ? (
        <p class="kern-body">Die Behörde hat keinen Zeitplan angegeben.</p>
      ) : (
        <TextBlock text={props.completeness.timetable} />
      )}
    </section>
  );
}
