/**
 * Documents a wind-turbine application needs (§§ 3, 4 bis 4e 9. BImSchV). The list is the
 * checklist for the completeness check; which specialist reports are needed depends on the
 * site. [open: confirm the paragraph per document; EIA report (§ 4e) only if an EIA is required,
 * and § 6 / § 6b WindBG replace the species-protection assessment in designated areas]
 */
import type { RequiredDocumentDef } from '../../procedures/engine/index.ts';
import { cite } from './citations.ts';

export const WIND_REQUIRED_DOCUMENTS: readonly RequiredDocumentDef[] = [
  {
    key: 'application-form',
    label:
      'Antragsformular (Antragstellerin, Genehmigungsart, Standort, Art und Umfang, geplante Inbetriebnahme)',
    citations: ['§ 3 9. BImSchV'],
  },
  {
    key: 'site-plans',
    label: 'Lagepläne und Angaben zum Standort',
    citations: ['§ 4 Abs. 1 9. BImSchV'],
  },
  {
    key: 'installation-description',
    label: 'Anlagen- und Betriebsbeschreibung (Anlagentyp, Gesamthöhe, Rotordurchmesser, Leistung)',
    citations: ['§ 4a Abs. 1 9. BImSchV'],
  },
  {
    key: 'noise-forecast',
    label: 'Schallimmissionsprognose',
    citations: ['§ 4a 9. BImSchV'],
  },
  {
    key: 'shadow-flicker-forecast',
    label: 'Schattenwurfprognose',
    citations: ['§ 4a 9. BImSchV'],
  },
  {
    key: 'nature-and-species',
    label: 'Unterlagen zu Natur- und Artenschutz',
    citations: ['§ 4 Abs. 2 9. BImSchV', cite.accelerationArea],
  },
  {
    key: 'building-documents',
    label: 'Bauvorlagen für die eingeschlossene Baugenehmigung',
    citations: [cite.concentration, '§ 4 Abs. 2 9. BImSchV'],
  },
  {
    key: 'short-description',
    label: 'Allgemein verständliche Kurzbeschreibung des Vorhabens',
    citations: ['§ 4 Abs. 3 9. BImSchV'],
  },
  {
    key: 'trade-secrets',
    label: 'Kennzeichnung der Betriebs- und Geschäftsgeheimnisse mit neutraler Inhaltsdarstellung',
    citations: [cite.tradeSecrets],
  },
];
