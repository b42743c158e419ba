import type { VNode } from 'preact';
import type { StatementVerdict } from '../../db/schema.ts';

export const VERDICT_LABELS: Record<StatementVerdict, string> = {
  'no-objection': 'Keine Bedenken',
  'no-objection-with-conditions': 'Keine Bedenken mit Nebenbestimmungen',
  objection: 'Bedenken (mit Begründung)',
  'no-comment': 'Keine Äußerung',
};

/**
 * Text as typed, shown as paragraphs: a blank line starts a new paragraph, a single line break
 * stays a line break. Escaped like every other text (no HTML from the input).
 */
export function Paragraphs(props: { text: string; class?: string }): VNode {
  const paragraphs = props.text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <p class={props.class ?? 'kern-body'} key={index}>
          {paragraph.split('\n').flatMap((line, i) => (i === 0 ? [line] : [<br />, line]))}
        </p>
      ))}
    </>
  );
}

/** One agency's answer in the case file: the verdict, then the reasons with their paragraphs. */
export function StatementSummary(props: {
  verdict: StatementVerdict | null;
  statement: string | null;
}): VNode {
  if (props.verdict === null && !props.statement) return <>–</>;
  return (
    <div class="statement">
      {props.verdict ? (
        <p class="kern-body">
          <strong>{VERDICT_LABELS[props.verdict]}</strong>
        </p>
      ) : null}
      {props.statement ? <Paragraphs text={props.statement} /> : null}
    </div>
  );
}
