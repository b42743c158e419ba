import type { AuthorityProfile } from '../authority/authority.types.ts';
import type { LetterBlock, LetterContent } from './letter.types.ts';

/**
 * A complete authority profile and letter content for tests of the letter engine (the real
 * profile comes from the authority's master data). Example data only.
 */
export const PROFILE_FIXTURE: AuthorityProfile = {
  organisationId: '00000000-0000-4000-8000-000000000001',
  name: 'Kreis Paderborn',
  department: 'Untere Immissionsschutzbehörde',
  postalAddress: { street: 'Aldegreverstraße 10–14', postalCode: '33102', city: 'Paderborn' },
  visitingAddress: { street: 'Aldegreverstraße 16', postalCode: '33102', city: 'Paderborn' },
  officeHours: 'Mo–Do 8:30–15:30 Uhr\nFr 8:30–12:00 Uhr',
  phone: '05251 308-0',
  email: 'umwelt@kreis-paderborn.example',
  website: 'https://www.kreis-paderborn.example',
  logo: null,
  bankAccount: {
    holder: 'Kreiskasse Paderborn',
    bankName: 'Sparkasse Paderborn-Detmold-Höxter',
    iban: 'DE12476501300000012345',
    bic: 'WELADE3LXXX',
  },
  signatories: [
    {
      id: 'sig-1',
      name: 'Dr. Petra Zeichner',
      function: 'Leiterin der Unteren Immissionsschutzbehörde',
      active: true,
    },
    {
      id: 'sig-2',
      name: 'Klaus Vertreter',
      function: 'Stellvertretender Amtsleiter',
      active: true,
    },
    { id: 'sig-3', name: 'Erna Ehemalig', function: 'Amtsleiterin a. D.', active: false },
  ],
  referencePattern: '53.0{NR}/{JJJJ}-BImSchG',
  updatedAt: null,
};

export function contentFixture(
  options: { conditions?: number; documents?: number } = {},
): LetterContent {
  const blocks: LetterBlock[] = [
    { kind: 'paragraph', text: 'auf Ihren Antrag vom 2. November 2026 ergeht folgender Bescheid:' },
    { kind: 'heading', text: 'I. Entscheidung' },
    {
      kind: 'paragraph',
      text: 'Der Windpark Sintfeld GmbH & Co. KG wird die Genehmigung nach § 4 BImSchG erteilt.\n\nDie Genehmigung umfasst die unten genannten Anlagen.',
    },
    { kind: 'keep-with-next' },
    { kind: 'heading', text: 'II. Antragsunterlagen' },
    {
      kind: 'table',
      caption: 'Unterlagen, die Bestandteil der Genehmigung sind',
      columns: ['Nr.', 'Unterlage', 'Stand'],
      widths: [1, 6, 2],
      rows: Array.from({ length: options.documents ?? 3 }, (_, i) => [
        String(i + 1),
        `Unterlage ${i + 1}: Gutachten zur Schallimmission mit Anhängen und Karten`,
        '01.11.2026',
      ]),
    },
    { kind: 'heading', text: 'III. Nebenbestimmungen' },
    {
      kind: 'list',
      ordered: true,
      items: Array.from(
        { length: options.conditions ?? 2 },
        (_, i) =>
          `Nebenbestimmung ${i + 1}: Die Anlage ist so zu betreiben, dass die Immissionsrichtwerte der TA Lärm an den maßgeblichen Immissionsorten nachts nicht überschritten werden.`,
      ),
    },
    { kind: 'heading', text: 'IV. Rechtsbehelfsbelehrung' },
    { kind: 'list', ordered: false, items: ['Klage beim Oberverwaltungsgericht.'] },
  ];
  return {
    kind: 'decision',
    subject: 'Genehmigung nach § 4 BImSchG – Windpark Sintfeld',
    references: [{ label: 'Ihr Antrag vom', value: '02.11.2026' }],
    addressee: {
      name: 'Windpark Sintfeld GmbH & Co. KG',
      lines: ['z. Hd. Frau Anna Beispiel', 'Hauptstraße 1', '33165 Lichtenau'],
    },
    salutation: 'Sehr geehrte Damen und Herren,',
    blocks,
    closing: 'Mit freundlichen Grüßen',
  };
}
