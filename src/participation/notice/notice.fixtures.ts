import type { ApplicationNoticeInput } from './notice.types.ts';

/** A realistic application notice input for tests; dates are Mondays in early 2027. */
export function applicationInput(
  overrides: Partial<ApplicationNoticeInput> = {},
): ApplicationNoticeInput {
  return {
    authorityName: 'Kreis Borken – Untere Immissionsschutzbehörde',
    authorityAddress: 'Burloer Straße 93, 46325 Borken',
    visitingAddress: 'Kreishaus Borken, Burloer Straße 93, 46325 Borken',
    officeHours: 'Mo–Do 8:30–15:30 Uhr; Fr 8:30–12:00 Uhr',
    authorityEmail: 'immissionsschutz@kreis-borken.example',
    reference: '63.2-0815/26',
    applicantName: 'Windpark Südfeld GmbH & Co. KG',
    projectTitle: 'Windpark Südfeld',
    site: 'Gemeinde Heiden, Gemarkung Heiden, Flur 7',
    turbines: [
      { type: 'Enercon E-160 EP5', totalHeightM: 246.5, ratedPowerKw: 5560 },
      { type: 'Enercon E-160 EP5', totalHeightM: 246.5, ratedPowerKw: 5560 },
    ],
    procedureLabel: 'förmliches Verfahren nach § 10 BImSchG',
    repowering: false,
    plannedCommissioning: '2028-06',
    eiaRequired: false,
    noticeDate: '2027-01-20',
    displayStart: '2027-02-01',
    displayEnd: '2027-03-01',
    objectionEnd: '2027-03-15',
    displayRationale: 'Die Veröffentlichung dauert einen Monat (§ 10 Abs. 3 S. 2 BImSchG).',
    objectionRationale: 'Die Einwendungsfrist endet zwei Wochen nach der Veröffentlichung.',
    displayUrl: 'https://industrieland.example/bekanntmachungen/63-2-0815-26',
    objectionUrl: 'https://industrieland.example/einwendungen/63-2-0815-26/neu',
    documents: [
      { title: 'Antragsformular', tradeSecret: false },
      { title: 'Schallimmissionsprognose', tradeSecret: false },
      { title: 'Herstellerangaben zur Anlagensteuerung', tradeSecret: true },
    ],
    hearing: { date: null, place: null, note: null },
    alternativeAccess: 'Telefon 02861 681-0 oder nach Vereinbarung im Kreishaus Borken',
    identityRequired: true,
    ...overrides,
  };
}
