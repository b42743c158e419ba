import { citation as lawCitation } from '../../law/index.ts';
import { AppError } from '../../platform/errors.ts';
import {
  delivery,
  forwarding,
  hearing,
  identity,
  objections,
  preclusion,
} from './application-notice.participation.ts';
import { noticeCitation as c } from './notice-citations.ts';
import { describeTurbines, germanDay, section } from './notice-text.ts';
import type { ApplicationNoticeInput, NoticeContent, NoticeSection } from './notice.types.ts';

/**
 * The notice of an application in the formal procedure. Every item that § 10 Abs. 4 BImSchG and
 * § 9 Abs. 1 9. BImSchV require gets its own section with its citations, so a reviewer can tick
 * them off one by one; for EIA projects the items of § 19 Abs. 1 UVPG join (§ 9 Abs. 1a).
 */
export function applicationNotice(input: ApplicationNoticeInput): NoticeContent {
  if (input.turbines.length === 0) {
    throw new AppError('validation', 'Die Bekanntmachung braucht mindestens eine Anlage.', [
      { field: 'turbines', message: 'Bitte mindestens eine Windenergieanlage angeben.' },
    ]);
  }
  return {
    kind: 'application',
    title: `Öffentliche Bekanntmachung: Antrag auf immissionsschutzrechtliche Genehmigung für das Vorhaben „${input.projectTitle}“`,
    summary: `${input.applicantName} hat die immissionsschutzrechtliche Genehmigung für ${input.turbines.length === 1 ? 'eine Windenergieanlage' : `${input.turbines.length} Windenergieanlagen`} am Standort ${input.site} beantragt. Die Unterlagen sind vom ${germanDay(input.displayStart)} bis ${germanDay(input.displayEnd)} im Internet einsehbar; Einwendungen sind bis ${germanDay(input.objectionEnd)} möglich.`,
    sections: [
      project(input),
      authority(input),
      eia(input),
      display(input),
      objections(input),
      identity(input),
      forwarding(),
      preclusion(),
      periods(input),
      hearing(input),
      delivery(),
    ],
  };
}

const MONTHS = new Intl.DateTimeFormat('de-DE', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** 'YYYY-MM' → 'Juni 2028'. */
function germanMonth(yearMonth: string): string {
  return MONTHS.format(new Date(`${yearMonth}-01T00:00:00Z`));
}

// The items of § 3 9. BImSchV that § 9 Abs. 1 requires in the notice: applicant (Nr. 1), kind of
// decision applied for (Nr. 2), site (Nr. 3), kind and scale (Nr. 4), commissioning (Nr. 5). The
// portal takes applications for a full permit only; a partial permit, a preliminary decision or
// an early start (§§ 8, 8a, 9 BImSchG) cannot be applied for, so the notice never states one.
function project(input: ApplicationNoticeInput): NoticeSection {
  return section(
    'Vorhaben',
    [
      `Antragsteller: ${input.applicantName}.`,
      `Beantragt ist die immissionsschutzrechtliche Genehmigung für das Vorhaben „${input.projectTitle}“.`,
      `Art der beantragten Entscheidung: Genehmigung nach § 4 BImSchG für die Errichtung und den Betrieb${input.repowering ? '; die Anlagen sollen bestehende Windenergieanlagen ersetzen (Repowering, § 16b BImSchG)' : ''}.`,
      `Standort: ${input.site}.`,
      ...describeTurbines(input.turbines),
      input.plannedCommissioning
        ? `Geplante Inbetriebnahme laut Antrag: ${germanMonth(input.plannedCommissioning)}.`
        : 'Eine geplante Inbetriebnahme nennt der Antrag nicht.',
      `Verfahrensart: ${input.procedureLabel}.`,
    ],
    [c.noticeContent, c.applicationContent, ...(input.eiaRequired ? [c.eiaPublicInformation] : [])],
  );
}

function authority(input: ApplicationNoticeInput): NoticeSection {
  const address = input.authorityAddress ? `, ${input.authorityAddress}` : '';
  return section(
    'Zuständige Behörde',
    [
      `Zuständige Genehmigungsbehörde: ${input.authorityName}${address}.`,
      `Aktenzeichen: ${input.reference}. Bitte geben Sie das Aktenzeichen bei Einwendungen und Anfragen an.`,
    ],
    [c.noticeObjections, ...(input.eiaRequired ? [c.eiaPublicInformation] : [])],
  );
}

/** Whether an EIA is carried out decides the objection period and adds the UVP-Bericht. */
function eia(input: ApplicationNoticeInput): NoticeSection {
  if (!input.eiaRequired) {
    return section(
      'Umweltverträglichkeitsprüfung',
      [
        'Für das Vorhaben ist keine Umweltverträglichkeitsprüfung nach dem Gesetz über die Umweltverträglichkeitsprüfung (UVPG) durchzuführen.',
      ],
      [c.noticeEia, c.objectionPeriod],
    );
  }
  // [open] § 19 Abs. 1 UVPG also asks for cross-border participation (§§ 54 ff. UVPG) and other
  // authorities holding relevant information; the input has neither, so nothing is claimed here.
  return section(
    'Umweltverträglichkeitsprüfung',
    [
      'Für das Vorhaben wird eine Umweltverträglichkeitsprüfung nach dem Gesetz über die Umweltverträglichkeitsprüfung (UVPG) durchgeführt. Sie ist unselbständiger Teil des Genehmigungsverfahrens.',
      'Der Bericht zu den voraussichtlichen Umweltauswirkungen des Vorhabens (UVP-Bericht) ist Teil der veröffentlichten Unterlagen.',
      'Über die Zulässigkeit des Vorhabens entscheidet die Genehmigungsbehörde durch Erteilung oder Ablehnung der Genehmigung.',
    ],
    [c.noticeEia, c.eiaPartOfProcedure, c.eiaReport, c.eiaPublicInformation],
  );
}

function display(input: ApplicationNoticeInput): NoticeSection {
  const documents = input.documents.map((d) =>
    d.tradeSecret
      ? `– ${d.title} (nur neutrale Zusammenfassung, da die Unterlage Betriebs- oder Geschäftsgeheimnisse enthält)`
      : `– ${d.title}`,
  );
  return section(
    'Veröffentlichung des Antrags und der Unterlagen',
    [
      `Der Antrag und die Unterlagen werden vom ${germanDay(input.displayStart)} bis einschließlich ${germanDay(input.displayEnd)} im Internet veröffentlicht (Auslegungsfrist): ${input.displayUrl}`,
      ...(documents.length > 0 ? ['Veröffentlicht werden:', ...documents] : []),
      `Auf Verlangen wird eine leicht zu erreichende andere Zugangsmöglichkeit zur Verfügung gestellt: ${input.alternativeAccess}`,
      ...(input.visitingAddress
        ? [
            `Einsicht in die Unterlagen ist auf Verlangen auch bei der Genehmigungsbehörde möglich: ${input.authorityName}, ${input.visitingAddress}${input.officeHours ? `; Öffnungszeiten: ${input.officeHours}` : ''}.`,
          ]
        : []),
    ],
    [
      c.noticeWhereWhen,
      c.noticeDisplay,
      c.alternativeAccess,
      c.applicationDocuments,
      c.noticeContent,
      ...(input.eiaRequired ? [c.eiaPublicInformation] : []),
    ],
  );
}

/** The rationale texts come from the deadline engine, so the notice explains its own dates. */
function periods(input: ApplicationNoticeInput): NoticeSection {
  return section(
    'So wurden die Fristen berechnet',
    [input.displayRationale, input.objectionRationale],
    [lawCitation.vwvfgApplyBgb, c.bgbPeriods],
  );
}
