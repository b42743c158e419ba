/** The demo procedures of the demo projects (one per project), before the formal ones. */
import {
  act,
  answerRequest,
  complete,
  extend,
  grant,
  NOISE,
  receipt,
  refuse,
  requestDocuments,
  save,
  SPECIES,
  statement,
  STATEMENT_CONCERNS,
  STATEMENT_OK,
  submitted,
  TIMETABLE_FORMAL,
  TIMETABLE_SIMPLIFIED,
  upload,
  DRAFT_DOCS,
  type Scenario,
} from './demo-scenarios.ts';

/**
 * One procedure per demo project, spread over every step of both procedure types. Overdue on
 * purpose: titz-nord and ruethen-nordwest (completeness check), bueren-ost (decision, even after
 * an extension), kempen-ost (documents the applicant owes).
 */
export const SCENARIOS: readonly Scenario[] = [
  // Kreis Paderborn
  {
    project: 'lichtenau-nordost',
    authority: 'kreis-paderborn',
    created: 175,
    steps: [
      ...submitted(175, 170, NOISE),
      receipt(168),
      requestDocuments(160, NOISE, 'P1M'),
      ...answerRequest(140, NOISE),
      complete(135, TIMETABLE_FORMAL),
      statement(110, STATEMENT_OK),
      act(100, 'worker', 'prepare-participation'),
      act(20, 'worker', 'publish-notice', {
        leadDays: 8,
        eiaRequired: 'ja',
        hearingNote:
          'Ein Erörterungstermin ist nicht vorgesehen; er findet nur statt, wenn die Antragstellerin ihn beantragt.',
      }),
    ],
  },
  {
    project: 'lichtenau-nord',
    authority: 'kreis-paderborn',
    // The site municipality is asked too: it comments but leaves its Einvernehmen unanswered,
    // so the watcher records it as given two months after the request (§ 36 Abs. 2 S. 2 BauGB),
    // before the permit is granted.
    agencies: ['lanuk', 'gemeinde'],
    created: 200,
    steps: [
      ...submitted(200, 198),
      receipt(197),
      complete(185, TIMETABLE_SIMPLIFIED),
      act(175, 'gemeinde', 'record-agency-statement', {
        verdict: 'no-objection',
        statement:
          'Aus Sicht der Bauleitplanung bestehen keine Bedenken; der Standort liegt in der Konzentrationszone für Windenergie des Flächennutzungsplans.',
      }),
      statement(165, STATEMENT_OK),
      act(160, 'worker', 'complete-agency-involvement'),
      grant(120),
      act(118, 'worker', 'deliver-decision'),
    ],
  },
  {
    project: 'bueren-ost',
    authority: 'kreis-paderborn',
    created: 190,
    steps: [
      ...submitted(190, 188),
      receipt(186),
      complete(170, TIMETABLE_SIMPLIFIED),
      statement(150, STATEMENT_OK),
      act(148, 'worker', 'complete-agency-involvement'),
      extend(85, 2, 'Das Gutachten zur Fledermausabschaltung wird noch abgestimmt.'),
    ],
  },
  {
    project: 'bad-wuennenberg-nord',
    authority: 'kreis-paderborn',
    created: 60,
    steps: [
      ...submitted(60, 58, SPECIES),
      receipt(56),
      requestDocuments(50, SPECIES, 'P1M'),
      ...answerRequest(35, SPECIES),
      complete(12, TIMETABLE_SIMPLIFIED),
    ],
  },
  {
    project: 'paderborn-ost',
    authority: 'kreis-paderborn',
    created: 6,
    steps: [save(5), ...upload(4, DRAFT_DOCS.slice(0, 2))],
  },
  {
    project: 'borchen-ost',
    authority: 'kreis-paderborn',
    created: 100,
    steps: [
      ...submitted(100, 98),
      receipt(97),
      complete(60, TIMETABLE_SIMPLIFIED),
      statement(40, STATEMENT_OK),
      act(35, 'worker', 'complete-agency-involvement'),
      grant(3),
      // The Bescheid lies in the head of authority's queue "Zur Zeichnung".
      { day: 2, kind: 'submit-decision-letter' },
    ],
  },
  {
    project: 'altenbeken-suedwest',
    authority: 'kreis-paderborn',
    created: 8,
    steps: submitted(8, 3),
  },
  {
    project: 'sassenberg-nord',
    authority: 'brms',
    created: 62,
    steps: [...submitted(62, 58), receipt(55)],
  },
  {
    project: 'laer-nordost',
    authority: 'brms',
    created: 120,
    steps: [
      ...submitted(120, 118, NOISE),
      receipt(116),
      requestDocuments(110, NOISE, 'P2M'),
      act(80, 'applicant', 'withdraw', {
        reason: 'Nach der Netzanschlusszusage ist das Vorhaben nicht mehr wirtschaftlich.',
      }),
    ],
  },
  // Bezirksregierung Münster
  {
    project: 'ahlen-nord',
    authority: 'brms',
    created: 195,
    steps: [
      ...submitted(195, 192, SPECIES),
      receipt(190),
      requestDocuments(180, SPECIES, 'P1M'),
      ...answerRequest(165, SPECIES),
      complete(160, TIMETABLE_SIMPLIFIED),
      statement(140, STATEMENT_CONCERNS),
      act(138, 'worker', 'complete-agency-involvement'),
      refuse(95),
      act(93, 'worker', 'deliver-decision'),
    ],
  },
  {
    project: 'saerbeck-nord',
    authority: 'brms',
    created: 90,
    // No statement: the watcher records the agency's silence as "no comment".
    steps: [...submitted(90, 88), receipt(86), complete(70, TIMETABLE_SIMPLIFIED)],
  },
  {
    project: 'emsdetten-nordost',
    authority: 'brms',
    created: 20,
    steps: [...submitted(20, 18, NOISE), receipt(16), requestDocuments(14, NOISE, 'P1M')],
  },
  {
    project: 'steinfurt-nord',
    authority: 'brms',
    created: 140,
    steps: [
      ...submitted(140, 138),
      receipt(136),
      complete(110, TIMETABLE_SIMPLIFIED),
      statement(85, STATEMENT_OK),
      act(80, 'worker', 'complete-agency-involvement'),
      extend(30, 2, 'Die Stellungnahme der Flugsicherung zur Befeuerung steht noch aus.'),
    ],
  },
  {
    project: 'rheurdt-west',
    authority: 'brms',
    created: 45,
    steps: [
      ...submitted(45, 43),
      receipt(42),
      complete(25, TIMETABLE_SIMPLIFIED),
      statement(8, STATEMENT_OK),
    ],
  },
  {
    project: 'kempen-ost',
    authority: 'brms',
    created: 80,
    steps: [...submitted(80, 78, NOISE), receipt(76), requestDocuments(70, NOISE, 'P1M')],
  },
  {
    project: 'wesel-suedwest',
    authority: 'brms',
    created: 160,
    steps: [
      ...submitted(160, 158, NOISE),
      receipt(156),
      requestDocuments(150, NOISE, 'P1M'),
      act(110, 'worker', 'reject-incomplete', {
        reasons:
          'Die nachgeforderte Schallimmissionsprognose ist innerhalb der gesetzten Frist nicht eingegangen (§ 20 Abs. 2 Satz 2 9. BImSchV).',
      }),
    ],
  },
  { project: 'juechen-ost', authority: 'brms', created: 2, steps: [save(2)] },
  {
    project: 'uedem-nord',
    authority: 'brms',
    created: 185,
    steps: [
      ...submitted(185, 183),
      receipt(182),
      complete(165, TIMETABLE_SIMPLIFIED),
      statement(150, STATEMENT_OK),
      act(145, 'worker', 'complete-agency-involvement'),
      grant(110),
      act(108, 'worker', 'deliver-decision'),
    ],
  },
  {
    project: 'bedburg-nordwest',
    authority: 'brms',
    created: 40,
    steps: [...submitted(40, 37), receipt(35), complete(9, TIMETABLE_FORMAL)],
  },
  {
    project: 'schleiden-west',
    authority: 'brms',
    formal: true,
    created: 35,
    steps: [...submitted(35, 30, SPECIES), receipt(28), requestDocuments(25, SPECIES, 'P2M')],
  },
  {
    project: 'titz-nord',
    authority: 'brms',
    formal: true,
    created: 55,
    steps: submitted(55, 50),
  },
  {
    project: 'linnich-nordost',
    authority: 'brms',
    created: 198,
    steps: [
      ...submitted(198, 196, NOISE),
      receipt(195),
      requestDocuments(188, NOISE, 'P1M'),
      ...answerRequest(175, NOISE),
      complete(172, TIMETABLE_SIMPLIFIED),
      statement(150, STATEMENT_OK),
      act(145, 'worker', 'complete-agency-involvement'),
      extend(100, 2, 'Die Abstimmung mit der Denkmalbehörde dauert an.'),
      act(80, 'applicant', 'record-applicant-consent', {
        statement: 'Wir stimmen einer weiteren Verlängerung um einen Monat zu.',
      }),
      extend(75, 1, 'Die Nebenbestimmungen zum Denkmalschutz werden noch abgestimmt.'),
      grant(40),
      act(38, 'worker', 'deliver-decision'),
    ],
  },
];
