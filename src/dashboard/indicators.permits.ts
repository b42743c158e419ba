/** The indicators computed live from the permit procedures (plan point 4: faster permits). */
import type { IndicatorDefinition } from './indicator.types.ts';
import { BIMSCHG_10_6A, PLATFORM_LICENCE, PLATFORM_SOURCE } from './indicator.sources.ts';
import { LIVE, V1 } from './indicators.common.ts';

export const PERMIT_INDICATORS: readonly IndicatorDefinition[] = [
  {
    ...V1,
    id: 'genehmigungsdauer',
    planPoint: 4,
    title: 'Dauer der Genehmigungsverfahren je Abschnitt',
    description:
      'Tage je Abschnitt des Genehmigungsverfahrens (Median und 90. Perzentil), aus den Ereignissen der Verfahrensakten.',
    unit: 'Tage',
    target: {
      value: 213,
      label: 'Entscheidung binnen sieben Monaten nach Vollständigkeit (etwa 213 Tage)',
      source: BIMSCHG_10_6A,
    },
    rule: { kind: 'at-most', threshold: 213 },
    ruleText:
      'Auf Kurs, wenn 90 % der Verfahren von der Vollständigkeit bis zur Entscheidung höchstens 213 Tage brauchen (90. Perzentil); sonst hinter Plan.',
    origin: LIVE,
    chart: 'bars',
    source: PLATFORM_SOURCE,
    licence: PLATFORM_LICENCE,
    updateEvery: 'daily',
  },
  {
    ...V1,
    id: 'genehmigungsbehoerden',
    planPoint: 4,
    title: 'Genehmigungsverfahren je Behörde',
    description:
      'Eingereichte und entschiedene Verfahren je Genehmigungsbehörde und die Gesamtdauer vom Eingang bis zur Entscheidung.',
    unit: 'Tage',
    rule: { kind: 'context' },
    ruleText: 'Vergleichszahl je Behörde ohne eigenes Ziel.',
    origin: LIVE,
    chart: 'bars',
    source: PLATFORM_SOURCE,
    licence: PLATFORM_LICENCE,
    updateEvery: 'daily',
  },
  {
    ...V1,
    id: 'entscheidungsfristen',
    planPoint: 4,
    title: 'Entscheidungen in der gesetzlichen Frist',
    description:
      'Anteil der Entscheidungen innerhalb der Entscheidungsfrist und Zahl der Fristüberschreitungen (auch bei noch offenen Verfahren).',
    unit: '%',
    target: {
      value: 100,
      label: 'jede Entscheidung in der gesetzlichen Frist',
      source: BIMSCHG_10_6A,
    },
    rule: { kind: 'at-least', threshold: 95 },
    ruleText:
      'Auf Kurs, wenn mindestens 95 % der Entscheidungen in der Frist ergingen; sonst hinter Plan. [offen] Die Schwelle von 95 % ist fachlich festzulegen.',
    origin: LIVE,
    chart: 'bars',
    source: PLATFORM_SOURCE,
    licence: PLATFORM_LICENCE,
    updateEvery: 'daily',
  },
  {
    ...V1,
    id: 'einwendungen',
    planPoint: 4,
    title: 'Einwendungen und ihre Bündelung',
    description:
      'Eingegangene Einwendungen je Verfahren und wie viele davon einer Gruppe gleichförmiger Einwendungen zugeordnet sind.',
    unit: 'Einwendungen',
    rule: { kind: 'context' },
    ruleText:
      'Kontextzahl: zeigt die Arbeitslast der Beteiligung und die Entlastung durch Bündelung.',
    origin: LIVE,
    chart: 'bars',
    source: PLATFORM_SOURCE,
    licence: PLATFORM_LICENCE,
    updateEvery: 'daily',
  },
];
