import type { VNode } from 'preact';
import { formatGermanDate } from '../../law/german-format.ts';
import type { LayerSource } from './layer.ts';

/** Source, licence and data date of a layer, as every view of its data shows them. */
export function SourceText(props: { source: LayerSource }): VNode {
  const s = props.source;
  return (
    <>
      Quelle:{' '}
      {s.url ? (
        <a class="kern-link" href={s.url}>
          {s.name}
        </a>
      ) : (
        s.name
      )}
      . Lizenz:{' '}
      {s.licenceUrl ? (
        <a class="kern-link" href={s.licenceUrl}>
          {s.licence}
        </a>
      ) : (
        s.licence
      )}
      {s.licenceOpen ? ' [offen: Lizenz noch zu prüfen]' : ''}. Datenstand:{' '}
      {/^\d{4}-\d{2}-\d{2}$/.test(s.dataDate)
        ? formatGermanDate(s.dataDate, { weekday: false })
        : s.dataDate}
      . {s.attribution}
    </>
  );
}

/** The source line as a paragraph under a table or a list. */
export function SourceNote(props: { source: LayerSource }): VNode {
  return (
    <p class="kern-body--small source-note">
      <SourceText source={props.source} />
    </p>
  );
}

/** A property value as German readers expect it: numbers with German separators, ja/nein. */
export function formatValue(
  value: string | number | boolean | null | undefined,
  unit?: string,
): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  if (typeof value === 'number')
    return `${value.toLocaleString('de-DE', { maximumFractionDigits: 3 })}${unit ? ` ${unit}` : ''}`;
  return value;
}
