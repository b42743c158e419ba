/**
 * Formal procedures (§ 10 BImSchG) of the demo, one in each step of the public part: prepared,
 * notice published before the display, objection period over with the objections sorted and
 * assessed, hearing scheduled, hearing held, decided, decision published, closed; and one
 * withdrawn, refused and rejected. The public part takes about two months from the notice to the
 * end of the objection period (one week's lead, one month's display, two weeks), so the days
 * below keep that distance; the replay fails loudly if a guard says otherwise.
 */
import {
  act,
  complete,
  DRAFT_DOCS,
  receipt,
  requestDocuments,
  save,
  SPECIES,
  STATEMENT_CONCERNS,
  statement,
  submitted,
  TIMETABLE_FORMAL,
  upload,
  type AgencyKey,
  type Scenario,
  type Step,
} from './demo-scenarios.ts';

/** The agencies a wind case usually asks (municipality, nature, water, monuments, air, …). */
export const WIND_AGENCIES: readonly AgencyKey[] = [
  'gemeinde',
  'naturschutz',
  'wasser',
  'denkmal',
  'luftfahrt',
  'bundeswehr',
  'wetterdienst',
  'strasse',
];

export const AGENCY_STATEMENTS: Partial<Record<AgencyKey, string>> = {
  gemeinde:
    'Das gemeindliche Einvernehmen nach § 36 BauGB wird erteilt. Der Standort liegt in der im Flächennutzungsplan dargestellten Konzentrationszone für Windenergie.',
  naturschutz:
    'Aus Sicht des Natur- und Artenschutzes bestehen keine Bedenken, wenn die Anlagen von April bis Oktober nachts bei Windgeschwindigkeiten unter 6 m/s abgeschaltet werden (Fledermausschutz) und die Ersatzzahlung für das Landschaftsbild festgesetzt wird.',
  wasser:
    'Keine Bedenken. Für die Anlagen sind die Anforderungen der AwSV an den Umgang mit wassergefährdenden Stoffen (Getriebe- und Hydrauliköl) einzuhalten; das Fundament liegt außerhalb von Wasserschutzgebieten.',
  denkmal:
    'Baudenkmäler in der Umgebung werden in ihrem Erscheinungsbild nicht erheblich beeinträchtigt. Bodendenkmäler sind nicht bekannt; bei Erdarbeiten gefundene Bodendenkmäler sind unverzüglich anzuzeigen (§ 16 DSchG NRW).',
  luftfahrt:
    'Die Zustimmung nach § 14 LuftVG wird erteilt. Die Anlagen sind nach der Allgemeinen Verwaltungsvorschrift zur Kennzeichnung von Luftfahrthindernissen bei Tag und Nacht zu kennzeichnen; die Nachtkennzeichnung ist bedarfsgesteuert zulässig.',
  bundeswehr:
    'Belange der Bundeswehr werden nicht berührt. Die Anlagen liegen außerhalb von Schutzbereichen und Tieffluggebieten; die Koordinaten und die Höhe sind vor Baubeginn zu melden.',
  wetterdienst:
    'Keine Bedenken. Die Anlagen liegen mehr als 15 km von den Wetterradarstandorten des Deutschen Wetterdienstes entfernt; Messstationen werden nicht beeinträchtigt.',
  strasse:
    'Keine Bedenken. Der Abstand zur Landesstraße beträgt mehr als das 1,5-fache der Gesamthöhe. Zufahrten und Schwertransporte sind vorab mit der Straßenbauverwaltung abzustimmen.',
};

/** The smaller set most wind cases ask: municipality, nature, aviation, roads. */
export const CORE_AGENCIES: readonly AgencyKey[] = [
  'gemeinde',
  'naturschutz',
  'luftfahrt',
  'strasse',
];

/** Every asked agency answers, two days apart (silence is shown by a simplified case). */
function statements(firstDay: number, agencies: readonly AgencyKey[]): Step[] {
  return agencies.map((agency, i) =>
    statement(firstDay - 2 * i, AGENCY_STATEMENTS[agency]!, agency),
  );
}

/** Submission, receipt, completeness (agencies asked), their statements, preparation. */
function intake(
  days: { created: number; complete: number; prepare?: number },
  agencies: readonly AgencyKey[],
): Step[] {
  const submit = days.created - 3;
  return [
    ...submitted(days.created, submit),
    receipt(submit - 2),
    complete(days.complete, TIMETABLE_FORMAL),
    ...statements(days.complete - 5, agencies),
    ...(days.prepare === undefined ? [] : [act(days.prepare, 'worker', 'prepare-participation')]),
  ];
}

const HEARING_NOTE =
  'Ob ein Erörterungstermin stattfindet, entscheidet die Behörde nach Ablauf der Einwendungsfrist; er wird gesondert bekannt gemacht.';

/**
 * Public notice (display 8 days later), objections in the display; after the period sorted and
 * released to the applicant in two batches.
 */
function participation(notice: number, sorted?: number): Step[] {
  return [
    act(notice, 'worker', 'publish-notice', {
      leadDays: 8,
      eiaRequired: 'nein',
      hearingNote: HEARING_NOTE,
    }),
    // Twelve days into the display (none before it starts: the notice may be too recent).
    ...(notice > 20 ? [{ day: notice - 20, kind: 'objections' } as const] : []),
    ...(sorted === undefined
      ? []
      : ([
          { day: sorted, kind: 'sort-objections' },
          // Post and e-mail first, the online submissions a day later: two batches to look at.
          { day: sorted, kind: 'release-objections', part: 'first' },
          { day: sorted - 1, kind: 'release-objections', part: 'rest' },
        ] as const)),
  ];
}

const skipHearing = (day: number) =>
  act(day, 'worker', 'skip-hearing', {
    reason:
      'Die Einwendungen werfen keine Fragen auf, die einer Erörterung bedürfen; die Antragstellerin hat keinen Erörterungstermin beantragt (§ 10 Abs. 6 BImSchG).',
  });

/**
 * For onshore wind a hearing takes place only on the applicant's request (§ 10 Abs. 6 BImSchG),
 * so the applicant asks the day before. `hearingDay` counts days before today like every step;
 * negative means after today.
 */
const scheduleHearing = (day: number, hearingDay: number) => [
  act(day + 1, 'applicant', 'request-hearing', {
    note: 'Wir beantragen einen Erörterungstermin, um die Einwendungen mit den Einwendenden zu besprechen.',
  }),
  act(day, 'worker', 'schedule-hearing', {
    format: 'in-person',
    hearingDay,
    place: 'Kreishaus, Sitzungssaal 1 (Beispieladresse)',
    reason:
      'Zahlreiche Einwendungen zu Schall, Artenschutz und Landschaftsbild sollen mit der Antragstellerin und den Einwendenden erörtert werden.',
  }),
];

/** The deputy may lead the hearing and write its minutes: any case worker of the authority may. */
const recordHearing = (day: number, party: 'worker' | 'deputy' = 'worker') =>
  act(day, party, 'record-hearing', {
    minutes:
      'Erörterungstermin von 10:00 bis 15:30 Uhr mit 46 Teilnehmenden. Erörtert wurden die Schallprognose (Vorbelastung, Nachtbetrieb), die Fledermausabschaltung, der Rotmilan und das Landschaftsbild. Die Antragstellerin sagte eine bedarfsgesteuerte Nachtkennzeichnung zu. Die Niederschrift liegt der Akte bei.',
  });

export const grantFormal = (day: number) =>
  act(day, 'worker', 'decide', {
    outcome: 'granted',
    conditions: [
      'Die Anlagen sind von April bis Oktober zwischen Sonnenuntergang und Sonnenaufgang bei Windgeschwindigkeiten unter 6 m/s abzuschalten (Fledermausschutz).',
      'Die Beurteilungspegel der Schallimmissionsprognose sind nachts einzuhalten; innerhalb eines Jahres nach Inbetriebnahme ist eine Abnahmemessung vorzulegen.',
      'Die Nachtkennzeichnung ist bedarfsgesteuert auszuführen (Zustimmung nach § 14 LuftVG).',
      'Die Abschaltautomatik für Schattenwurf begrenzt die Beschattung auf 30 Minuten am Tag und 8 Stunden im Jahr.',
    ],
    reasons:
      'Die Genehmigungsvoraussetzungen des § 6 BImSchG liegen vor. Die Einwendungen wurden nach Belangen geordnet und bewertet; die Nebenbestimmungen stellen die Erfüllung der Pflichten aus § 5 BImSchG sicher (§ 12 BImSchG).',
  });

export const FORMAL_SCENARIOS: readonly Scenario[] = [
  // A draft that will run formally: a draft has no procedure type before submission.
  {
    project: 'laer-nordost',
    authority: 'brms',
    formal: true,
    created: 4,
    steps: [save(4), ...upload(3, DRAFT_DOCS)],
  },
  {
    project: 'borchen-ost',
    authority: 'kreis-paderborn',
    formal: true,
    agencies: WIND_AGENCIES,
    created: 110,
    steps: intake({ created: 110, complete: 80, prepare: 10 }, WIND_AGENCIES),
  },
  // Notice published, the display starts in a few days.
  {
    project: 'extertal-nord',
    authority: 'kreis-paderborn',
    formal: true,
    agencies: CORE_AGENCIES,
    created: 120,
    steps: [
      ...intake({ created: 120, complete: 70, prepare: 20 }, CORE_AGENCIES),
      ...participation(3),
    ],
  },
  // Objection period over: objections grouped, concerns confirmed and assessed.
  {
    project: 'willebadessen-nordost',
    authority: 'kreis-paderborn',
    formal: true,
    agencies: CORE_AGENCIES,
    created: 160,
    steps: [
      ...intake({ created: 160, complete: 130, prepare: 95 }, CORE_AGENCIES),
      ...participation(80, 18),
    ],
  },
  // Hearing scheduled for a day after today.
  {
    project: 'schoeppingen-suedwest',
    authority: 'brms',
    formal: true,
    agencies: CORE_AGENCIES,
    created: 170,
    steps: [
      ...intake({ created: 170, complete: 140, prepare: 108 }, CORE_AGENCIES),
      ...participation(100, 38),
      ...scheduleHearing(36, -10),
    ],
  },
  // Hearing held: the decision is being prepared.
  {
    project: 'altenberge-suedwest',
    authority: 'brms',
    formal: true,
    agencies: CORE_AGENCIES,
    created: 220,
    steps: [
      ...intake({ created: 220, complete: 190, prepare: 160 }, CORE_AGENCIES),
      ...participation(150, 88),
      ...scheduleHearing(86, 60),
      recordHearing(60, 'deputy'),
    ],
  },
  // Decided without a hearing; the public notice of the decision is next.
  {
    project: 'sassenberg-nord',
    authority: 'brms',
    formal: true,
    agencies: WIND_AGENCIES,
    created: 190,
    steps: [
      ...intake({ created: 190, complete: 160, prepare: 130 }, WIND_AGENCIES),
      ...participation(120, 60),
      skipHearing(58),
      grantFormal(6),
    ],
  },
  // Decision published; its two-week display is running.
  {
    project: 'horstmar-nordwest',
    authority: 'brms',
    formal: true,
    agencies: WIND_AGENCIES,
    created: 200,
    steps: [
      ...intake({ created: 200, complete: 170, prepare: 140 }, WIND_AGENCIES),
      ...participation(130, 68),
      skipHearing(66),
      grantFormal(8),
      act(5, 'worker', 'publish-decision'),
    ],
  },
  // Closed: hearing held, decided, published; the watcher closes it when the display ends.
  {
    project: 'paderborn-ost',
    authority: 'kreis-paderborn',
    formal: true,
    agencies: WIND_AGENCIES,
    created: 300,
    steps: [
      ...intake({ created: 300, complete: 280, prepare: 250 }, WIND_AGENCIES),
      ...participation(245, 185),
      ...scheduleHearing(183, 170),
      recordHearing(170),
      grantFormal(120),
      act(115, 'worker', 'publish-decision'),
    ],
  },
  {
    project: 'altenbeken-suedwest',
    authority: 'kreis-paderborn',
    formal: true,
    agencies: CORE_AGENCIES,
    created: 90,
    steps: [
      ...intake({ created: 90, complete: 70 }, CORE_AGENCIES),
      act(40, 'applicant', 'withdraw', {
        reason:
          'Der Netzbetreiber kann den Anschluss erst 2030 herstellen; der Antrag wird später neu gestellt.',
      }),
    ],
  },
  {
    project: 'warendorf-suedwest',
    authority: 'brms',
    formal: true,
    created: 130,
    steps: [
      ...submitted(130, 127),
      receipt(125),
      complete(100, TIMETABLE_FORMAL),
      statement(80, STATEMENT_CONCERNS),
      act(50, 'worker', 'refuse', {
        reasons:
          'Dem Vorhaben stehen Belange des Artenschutzes entgegen: Die Anlagen liegen im Dichtezentrum des Rotmilans, Vermeidungsmaßnahmen senken das Tötungsrisiko nicht unter die Signifikanzschwelle (§ 44 Abs. 1 Nr. 1 BNatSchG, § 6 Abs. 1 Nr. 2 BImSchG).',
      }),
    ],
  },
  {
    project: 'marienmuenster-suedwest',
    authority: 'kreis-paderborn',
    formal: true,
    created: 150,
    steps: [
      ...submitted(150, 147, SPECIES),
      receipt(145),
      requestDocuments(140, SPECIES, 'P1M'),
      act(100, 'worker', 'reject-incomplete', {
        reasons:
          'Die nachgeforderte artenschutzrechtliche Prüfung ist innerhalb der gesetzten Frist nicht eingegangen (§ 20 Abs. 2 Satz 2 9. BImSchV).',
      }),
    ],
  },
];
