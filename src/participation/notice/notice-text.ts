import { formatGermanDate } from '../../law/index.ts';
import type { NoticeSection, Turbine } from './notice.types.ts';

/** Notices name days with the weekday ('Montag, 1. Februar 2027'): fewer misread deadlines. */
export function germanDay(iso: string): string {
  return formatGermanDate(iso);
}

/** Without weekday, where a genitive follows ('mit Ablauf des 15. Februar 2027'). */
export function germanDayPlain(iso: string): string {
  return formatGermanDate(iso, { weekday: false });
}

const numberFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

export function germanNumber(value: number): string {
  return numberFormat.format(value);
}

export function section(
  heading: string,
  paragraphs: string[],
  citations: readonly string[],
): NoticeSection {
  return { heading, paragraphs, citations: [...citations] };
}

/** Free text from a form may hold several paragraphs separated by blank lines. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Type and scale of the installation (§ 3 9. BImSchV): count, total power, one line each. */
export function describeTurbines(turbines: readonly Turbine[]): string[] {
  const count = turbines.length;
  const totalKw = turbines.reduce((sum, t) => sum + t.ratedPowerKw, 0);
  const noun = count === 1 ? 'Windenergieanlage' : 'Windenergieanlagen';
  return [
    `Art und Umfang: ${count} ${noun} mit einer Nennleistung von insgesamt ${germanNumber(totalKw)} kW.`,
    ...turbines.map(
      (t, i) =>
        `Anlage ${i + 1}: ${t.type}, Gesamthöhe ${germanNumber(t.totalHeightM)} m, Nennleistung ${germanNumber(t.ratedPowerKw)} kW.`,
    ),
  ];
}
