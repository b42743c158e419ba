import type { ComponentChildren, VNode } from 'preact';

export interface Column {
  label: string;
  numeric?: boolean;
}

export interface Row {
  key: string;
  cells: ComponentChildren[];
}

/**
 * A KERN table with a caption (visible or for screen readers only) and column headers; the cell
 * at `rowHeader` (a column index) names its row for screen readers (`th scope="row"`). On narrow
 * screens a wide table scrolls sideways in its wrapper; the wrapper is a named, focusable region
 * so keyboard users can scroll it too (WCAG 2.1.1, 1.4.10). Its name says "Tabelle" so that it
 * differs from a section named by a heading with the caption's words (landmarks need unique names).
 */
export function DataTable(props: {
  caption: string;
  hideCaption?: boolean;
  columns: (string | Column)[];
  rows: Row[];
  small?: boolean;
  rowHeader?: number;
}): VNode {
  const columns = props.columns.map((c) => (typeof c === 'string' ? { label: c } : c));
  return (
    <div
      class="kern-table-responsive"
      role="region"
      aria-label={`Tabelle: ${props.caption}`}
      tabIndex={0}
    >
      <table class={`kern-table${props.small ? ' kern-table--small' : ''}`}>
        <caption class={props.hideCaption ? 'kern-sr-only' : 'kern-title'}>{props.caption}</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            {columns.map((c) => (
              <th
                scope="col"
                key={c.label}
                class={`kern-table__header${c.numeric ? ' kern-table__header--numeric' : ''}`}
              >
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {props.rows.map((row) => (
            <tr class="kern-table__row" key={row.key}>
              {row.cells.map((cell, index) => {
                const cellClass = `kern-table__cell${columns[index]?.numeric ? ' kern-table__cell--numeric' : ''}`;
                return index === props.rowHeader ? (
                  <th key={index} scope="row" class={cellClass}>
                    {cell}
                  </th>
                ) : (
                  <td key={index} class={cellClass}>
                    {cell}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Date and time as people in German offices read them, always in Berlin time. */
export function formatTimestamp(date: Date | null): string {
  if (!date) return '–';
  return date.toLocaleString('de-DE', {
    timeZone: 'Europe/Berlin',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}
