import type { Db } from '../../db/database.ts';
import { EXPORT_BATCH_SIZE } from './objections.csv.ts';

/** What the audit stream saw: the number of events and the hash at the head of the chain. */
export interface AuditTally {
  events: number;
  headSeq: number | null;
  headHash: string | null;
}

function fetchEvents(db: Db, procedureId: string, afterSeq: number) {
  return db
    .selectFrom('procedure_events')
    .select(['procedure_id', 'seq', 'at', 'actor_id', 'actor_role', 'type', 'data', 'prev_hash'])
    .select('hash')
    .where('procedure_id', '=', procedureId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(EXPORT_BATCH_SIZE)
    .execute();
}

/** A page of events as UTF-8 bytes; the rows are dropped at once (see fetchPage in objections.csv.ts). */
async function fetchEventPage(db: Db, procedureId: string, afterSeq: number, tally: AuditTally) {
  const events = await fetchEvents(db, procedureId, afterSeq);
  let text = '';
  for (const event of events) {
    text += `${JSON.stringify({
      procedure_id: event.procedure_id,
      seq: event.seq,
      at: event.at.toISOString(),
      actor_id: event.actor_id,
      actor_role: event.actor_role,
      type: event.type,
      data: event.data,
      prev_hash: event.prev_hash,
      hash: event.hash,
    })}\n`;
    tally.events++;
    tally.headSeq = event.seq;
    tally.headHash = event.hash;
  }
  const last = events.at(-1);
  const next = events.length === EXPORT_BATCH_SIZE && last ? last.seq : undefined;
  return { bytes: Buffer.from(text, 'utf8'), next };
}

/**
 * The audit log as JSON Lines in seq order, page by page (primary key procedure_id, seq), exactly
 * as stored: each line carries every field its hash covers, so the chain can be re-computed from
 * the file alone (see INHALT.txt). Nothing is left out, or the hashes would no longer verify.
 */
export async function* auditJsonLines(
  db: Db,
  procedureId: string,
  tally: AuditTally,
): AsyncGenerator<Buffer, void, undefined> {
  let afterSeq: number | undefined = 0;
  while (afterSeq !== undefined) {
    const page = await fetchEventPage(db, procedureId, afterSeq, tally);
    if (page.bytes.length > 0) yield page.bytes;
    afterSeq = page.next;
  }
}

/** One part of the ZIP as it was written, for the checksum list. */
export interface WrittenPart {
  path: string;
  bytes: number;
  sha256: string;
}

/** `sha256sum -c PRUEFSUMMEN.sha256` checks the extracted files (GNU coreutils format). */
export function* checksumLines(parts: readonly WrittenPart[]): Generator<string, void, undefined> {
  for (const part of parts) yield `${part.sha256}  ${part.path}\n`;
}

export interface CaseFileSummary {
  reference: string;
  title: string;
  step: string;
  generatedAt: Date;
  personal: boolean;
  audit: AuditTally;
  deadlines: number;
  documents: { full: number; summaryOnly: number; missing: string[] };
  notices: number;
  objections: number;
  attachments: { written: number; missing: string[] };
  parts: number;
}

const number = (value: number): string => value.toLocaleString('de-DE');

function line(path: string, text: string): string {
  return `${path.padEnd(28)} ${text}`;
}

/** The German index of the case file (INHALT.txt): what each file is, counts and the chain head. */
export function caseFileIndex(s: CaseFileSummary): string {
  const when = s.generatedAt.toLocaleString('de-DE', {
    timeZone: 'Europe/Berlin',
    dateStyle: 'long',
    timeStyle: 'medium',
  });
  const missing = [...s.documents.missing, ...s.attachments.missing];
  const lines = [
    `Verfahrensakte ${s.reference}`,
    s.title,
    '',
    `Erstellt: ${when} (Europe/Berlin), ${s.generatedAt.toISOString()}`,
    `Verfahrensschritt bei Erstellung: ${s.step}`,
    s.personal
      ? 'Fassung: PERSONENBEZOGEN – enthält Namen, Anschriften und E-Mail-Adressen der Einwender, ihre Originaltexte und Anhänge sowie Betriebs- und Geschäftsgeheimnisse. Nur für die Sachbearbeitung der Genehmigungsbehörde; nicht weitergeben.'
      : 'Fassung: ohne personenbezogene Daten – Einwendungen nur mit bestätigt geschwärztem Text, ohne Namen, Anschriften, E-Mail-Adressen und Anhänge; Betriebs- und Geschäftsgeheimnisse nur als neutrale Inhaltsangabe (§ 10 Abs. 2 BImSchG).',
    '',
    'Inhalt',
    line('INHALT.txt', 'diese Übersicht'),
    line(
      'PRUEFSUMMEN.sha256',
      `SHA-256 aller ${number(s.parts)} übrigen Dateien (prüfen mit: sha256sum -c PRUEFSUMMEN.sha256)`,
    ),
    line(
      'verfahren.json',
      'Aktenzeichen, Titel, Verfahrensart, Verfahrensschritt und Zustand des Verfahrens',
    ),
    line(
      'audit/ereignisse.jsonl',
      `Protokoll der Akte: ${number(s.audit.events)} Ereignisse, eine JSON-Zeile je Ereignis in Reihenfolge (seq), mit prev_hash und hash`,
    ),
    line('fristen.json', `${number(s.deadlines)} Fristen mit Beginn, Ende, Status und Begründung`),
    line(
      'unterlagen/',
      `${number(s.documents.full)} Unterlagen im Original${s.documents.summaryOnly > 0 ? `, ${number(s.documents.summaryOnly)} Betriebs- oder Geschäftsgeheimnisse nur als neutrale Inhaltsangabe (*.inhaltsangabe.txt)` : ''}`,
    ),
    line(
      'bekanntmachungen/',
      `${number(s.notices)} öffentliche Bekanntmachungen (Inhalt als JSON, dazu das veröffentlichte PDF)`,
    ),
    line(
      'einwendungen.csv',
      `${number(s.objections)} Einwendungen (CSV nach RFC 4180, UTF-8 mit BOM, Komma als Trenner; Zellen, die mit = + - @ beginnen, sind mit ' entschärft)`,
    ),
    s.personal
      ? line(
          'einwendungen/anhaenge/',
          `${number(s.attachments.written)} Anhänge der Einwendungen (<Eingangsnummer>-<Nr.>-<Dateiname>)`,
        )
      : line('einwendungen/anhaenge/', 'nicht enthalten (nur in der personenbezogenen Fassung)'),
    '',
    'Prüfung der Hash-Kette (Protokoll)',
    s.audit.headHash === null
      ? 'Die Akte enthält noch keine Ereignisse.'
      : `Kopf der Kette (Ereignis ${s.audit.headSeq ?? '?'}): ${s.audit.headHash}`,
    'Jedes Ereignis nennt den Hash seines Vorgängers (prev_hash; beim ersten leer). hash ist der',
    'SHA-256 (hexadezimal) des JSON-Objekts {procedureId, seq, at, actorId, actorRole, type, data,',
    'prevHash} mit den Werten der Zeile, Schlüssel auf jeder Ebene sortiert, ohne Leerzeichen.',
    'Die Behörde prüft die Kette in ihrer Datenbank mit: industrieland verify-case <Verfahrens-ID>',
  ];
  if (missing.length > 0) {
    lines.push('', 'FEHLENDE DATEIEN (im Dateispeicher nicht gefunden, statt dessen *.FEHLT.txt):');
    for (const path of missing) lines.push(`  ${path}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}
