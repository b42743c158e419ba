/** A letter's content blocks as HTML, for reading and checking it without opening the PDF. */
import type { VNode } from 'preact';
import { DataTable } from '../../platform/table.tsx';
import type { LetterBlock, LetterContent } from './letter.types.ts';

/** The blocks as HTML, so that the letter can be read and checked without opening the PDF. */
export function LetterBody(props: { content: LetterContent }): VNode {
  const { content } = props;
  return (
    <article class="letter-preview" aria-label="Inhalt des Schreibens">
      <p class="kern-body">
        {content.addressee.name}
        {content.addressee.lines.map((line) => (
          <>
            <br />
            {line}
          </>
        ))}
      </p>
      <p class="kern-body kern-body--bold">{content.subject}</p>
      {content.references.map((r) => (
        <p class="kern-body kern-body--small" key={r.label}>
          {r.label}: {r.value}
        </p>
      ))}
      <p class="kern-body">{content.salutation}</p>
      {content.blocks.map((block, i) => (
        <Block
          block={block}
          key={i}
          tableNumber={content.blocks.slice(0, i + 1).filter((b) => b.kind === 'table').length}
        />
      ))}
      <p class="kern-body">{content.closing}</p>
    </article>
  );
}

function Paragraphs(props: { text: string }) {
  return (
    <>
      {props.text.split(/\n{2,}/).map((part, i) => (
        <p class="kern-body letter-text" key={i}>
          {part}
        </p>
      ))}
    </>
  );
}

/**
 * One block as HTML. Tables without a caption are named by their number and columns, so that each
 * table's scroll region has its own accessible name (several tables in one letter).
 */
function Block(props: { block: LetterBlock; tableNumber: number }): VNode | null {
  const { block } = props;
  switch (block.kind) {
    case 'heading':
      return <h3 class="kern-heading-small">{block.text}</h3>;
    case 'paragraph':
      return <Paragraphs text={block.text} />;
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i}>
          <Paragraphs text={item} />
        </li>
      ));
      return block.ordered ? (
        <ol class="kern-list">{items}</ol>
      ) : (
        <ul class="kern-list">{items}</ul>
      );
    }
    case 'table':
      return (
        <DataTable
          caption={block.caption ?? `Tabelle ${props.tableNumber}: ${block.columns.join(', ')}`}
          hideCaption={!block.caption}
          small
          columns={block.columns}
          rows={block.rows.map((row, i) => ({ key: String(i), cells: row }))}
        />
      );
    case 'keep-with-next':
      return null;
  }
}
