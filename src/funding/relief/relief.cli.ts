import { createWriteStream, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { bridgePriceSchemes, formatReliefTrace } from '../../law/relief/index.ts';
import { formatEuro } from '../../law/fees/money.ts';
import { parseCliOptions, type CliOutput } from '../../platform/cli-args.ts';
import { progressLine, type ProgressLine } from '../../platform/terminal-progress.ts';
import { BatchFileError, runReliefBatch } from './relief.batch.ts';
import {
  computeFromText,
  RELIEF_FIELDS,
  type ReliefFormField,
  type ReliefTextValues,
} from './relief.fields.ts';
import { renderReliefProof } from './relief.pdf.ts';
import { ReliefBody } from './relief.schemas.ts';
import { formatCentsPerKwh, gapText, priceRows } from './relief.present.ts';
import {
  computeRelief,
  DEFAULT_SCHEME_ID,
  proofDocument,
  ReliefRequestError,
  type ReliefComputation,
  type ReliefRequest,
} from './relief.request.ts';

const FIELD_LINES = RELIEF_FIELDS.map(
  (f) =>
    `  --${f.cli.padEnd(16)} ${f.label}${f.hint ? ` – ${f.hint}` : ''} [CSV-Spalte „${f.csv}“]`,
).join('\n');

const USAGE = `Aufruf: npx industrieland relief --date 2026 --consumption 1250000 [--nace 24.10] [--price 16,8] … [--json] [--pdf datei.pdf]
       npx industrieland relief --input eingabe.json [--json] [--pdf datei.pdf]
       npx industrieland relief --batch unternehmen.csv [--out ergebnis.csv] [Angaben für alle Zeilen]

Angaben (Zahlen im deutschen Format, z. B. 1.250.000 oder 16,8; ja/nein für Merkmale):
${FIELD_LINES}

  --input          JSON-Datei wie der Rumpf von POST /api/v1/relief/calculate
  --json           Ergebnis als JSON (wie die Schnittstelle)
  --pdf            Berechnungsnachweis als PDF in diese Datei schreiben
  --batch          CSV-Datei (Semikolon, UTF-8), ein Unternehmen je Zeile; Spalten wie die
                   Angaben oben (z. B. „Stromverbrauch kWh“, „WZ-Code“) und „Unternehmen“
  --out            Ergebnis-CSV in diese Datei statt auf die Standardausgabe

Regelungen (--scheme): ${bridgePriceSchemes.map((s) => `${s.id}${s.status === 'law' ? '' : ' (Entwurf)'}`).join(', ')}; Vorgabe ${DEFAULT_SCHEME_ID}
Rückgabewert: 0 berechnet, 1 mindestens eine Zeile fehlerhaft (Stapel), 2 falscher Aufruf oder Datei.`;

const HELP_HINT = 'Hilfe: npx industrieland relief --help';

const consoleOutput: CliOutput = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

const FIELD_OPTIONS = Object.fromEntries(
  RELIEF_FIELDS.map((f) => [f.cli, { type: 'string' as const }]),
) as Record<string, { type: 'string' }>;

export interface ReliefCliContext {
  today: string;
  /** Where the batch CSV goes without --out (the process's stdout). */
  stdout?: Writable;
  progress?: ProgressLine;
}

/** The API answer: the result plus what the checksum covers. */
function apiShape(c: ReliefComputation) {
  const proof = proofDocument(c.request, c.scheme, c.result);
  return {
    ...c.result,
    verification: { computedOn: c.request.computedOn, scheme: proof.scheme, sha256: c.sha256 },
  };
}

function printText(c: ReliefComputation, out: (line: string) => void): void {
  for (const line of formatReliefTrace(c.result)) out(line);
  out('');
  for (const row of priceRows(c.result, c.scheme))
    out(
      `${row.label}: ${row.centsPerKwh === undefined ? 'nicht berechnet' : formatCentsPerKwh(row.centsPerKwh)}${row.costCents === undefined ? '' : ` (${formatEuro(row.costCents)} im Jahr)`}`,
    );
  out(`Abstand zum Zielpreis: ${gapText(c.result)}`);
  out(`Prüfsumme der Berechnung (SHA-256): ${c.sha256}`);
}

/** The JSON file of --input: the API's request body, with the same field names. */
function requestFromFile(file: string, today: string): ReliefRequest | string {
  let body: unknown;
  try {
    body = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? `${file}: Die Datei gibt es nicht.`
      : code
        ? `${file}: Die Datei kann nicht gelesen werden.`
        : `${file}: kein gültiges JSON.`;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return `${file}: erwartet wird ein JSON-Objekt wie der Rumpf von POST /api/v1/relief/calculate.`;
  const unknown = Object.keys(body).filter((key) => !(key in ReliefBody.properties));
  if (unknown.length > 0)
    return `${file}: ${unknown.map((key) => `Feld „${key.slice(0, 60)}“`).join(', ')} ist nicht vorgesehen (erlaubt wie bei POST /api/v1/relief/calculate).`;
  const {
    schemeId,
    schemeTargetCentsPerMwh,
    schemeFloorCentsPerMwh,
    schemeEligibleSharePpm,
    schemePeriodFrom,
    schemePeriodUntil,
    computedOn,
    ...input
  } = body as Record<string, unknown>;
  return {
    input: input as unknown as ReliefRequest['input'],
    scheme: {
      // A wrong type is passed on as text, so the scheme lookup names it.
      id:
        schemeId === undefined ? DEFAULT_SCHEME_ID : JSON.stringify(schemeId).replace(/^"|"$/g, ''),
      targetCentsPerMwh: schemeTargetCentsPerMwh as number | undefined,
      floorCentsPerMwh: schemeFloorCentsPerMwh as number | undefined,
      eligibleSharePpm: schemeEligibleSharePpm as number | undefined,
      periodFrom: schemePeriodFrom as string | undefined,
      periodUntil: schemePeriodUntil as string | undefined,
    },
    computedOn: computedOn === undefined ? today : (computedOn as string),
  };
}

/**
 * `industrieland relief …`: one company from options or a JSON file, or a CSV batch. Needs no
 * database. Exit code 0 on success, 1 when rows of a batch failed (the others are computed),
 * 2 for a wrong call, bad input or an unusable file.
 */
export async function runReliefCommand(
  args: string[],
  output: CliOutput = consoleOutput,
  context: ReliefCliContext = { today: new Date().toISOString().slice(0, 10) },
): Promise<number> {
  const parsed = parseCliOptions(
    args,
    {
      ...FIELD_OPTIONS,
      input: { type: 'string' },
      json: { type: 'boolean' },
      pdf: { type: 'string' },
      batch: { type: 'string' },
      out: { type: 'string' },
    },
    { usage: USAGE, hint: HELP_HINT },
    output,
  );
  if ('exitCode' in parsed) return parsed.exitCode;
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const text: ReliefTextValues = {};
  for (const f of RELIEF_FIELDS) {
    const value = values[f.cli];
    if (typeof value === 'string') text[f.name] = value;
  }
  const optionOf = (field: ReliefFormField) =>
    `--${RELIEF_FIELDS.find((f) => f.name === field)!.cli}`;
  const computedOn = text.computedOn ?? context.today;

  if (typeof values.batch === 'string') {
    if (values.input || values.json || values.pdf) {
      output.err(
        `Fehler: --batch lässt sich nicht mit --input, --json oder --pdf verbinden. ${HELP_HINT}`,
      );
      return 2;
    }
    return runBatch(
      values.batch,
      values.out as string | undefined,
      text,
      computedOn,
      output,
      context,
    );
  }
  if (values.out) {
    output.err(`Fehler: --out gilt nur mit --batch. ${HELP_HINT}`);
    return 2;
  }

  let computation: ReliefComputation;
  if (typeof values.input === 'string') {
    if (Object.keys(text).length > 0) {
      output.err(`Fehler: Entweder --input oder einzelne Angaben, nicht beides. ${HELP_HINT}`);
      return 2;
    }
    const request = requestFromFile(values.input, context.today);
    if (typeof request === 'string') {
      output.err(`Fehler: ${request}`);
      return 2;
    }
    try {
      computation = computeRelief(request);
    } catch (error) {
      if (!(error instanceof ReliefRequestError)) throw error;
      for (const e of error.errors) output.err(`Fehler (${e.field}): ${e.message}`);
      return 2;
    }
  } else {
    const result = computeFromText(text, { computedOn });
    if (!result.computation) {
      for (const e of result.errors) output.err(`Fehler (${optionOf(e.field)}): ${e.message}`);
      output.err(HELP_HINT);
      return 2;
    }
    computation = result.computation;
  }

  if (typeof values.pdf === 'string') {
    const proof = await renderReliefProof(computation);
    try {
      writeFileSync(values.pdf, proof.bytes);
    } catch {
      output.err(`Fehler: ${values.pdf}: Die Datei kann nicht geschrieben werden.`);
      return 2;
    }
    output.err(`Berechnungsnachweis: ${values.pdf} (SHA-256 ${proof.sha256})`);
  }
  if (values.json) output.out(JSON.stringify(apiShape(computation), null, 2));
  else printText(computation, output.out);
  return 0;
}

async function runBatch(
  file: string,
  outFile: string | undefined,
  defaults: ReliefTextValues,
  computedOn: string,
  output: CliOutput,
  context: ReliefCliContext,
): Promise<number> {
  // The result goes to a temporary file first: a batch that stops on a wrong header leaves no
  // half-written result behind.
  const temporary = outFile ? `${outFile}.${process.pid}.tmp` : undefined;
  let stream: Writable;
  try {
    stream = temporary ? createWriteStream(temporary) : (context.stdout ?? process.stdout);
    if (temporary)
      await new Promise((resolve, reject) => stream.once('open', resolve).once('error', reject));
  } catch {
    output.err(`Fehler: ${outFile}: Die Ergebnisdatei kann nicht angelegt werden.`);
    return 2;
  }
  try {
    const summary = await runReliefBatch({
      file,
      out: stream,
      defaults,
      computedOn,
      progress: context.progress ?? progressLine(process.stderr),
      report: output.err,
    });
    if (temporary) {
      stream.end();
      await finished(stream);
      renameSync(temporary, outFile!);
    }
    const ok = summary.rows - summary.failed;
    output.err(
      `${ok} von ${summary.rows} ${summary.rows === 1 ? 'Zeile' : 'Zeilen'} berechnet${summary.failed > 0 ? `, ${summary.failed} fehlerhaft (Spalte „Fehler“)` : ''}${outFile ? `; Ergebnis: ${outFile}` : ''}.`,
    );
    return summary.failed > 0 ? 1 : 0;
  } catch (error) {
    if (temporary) {
      stream.destroy();
      rmSync(temporary, { force: true });
    }
    if (!(error instanceof BatchFileError)) throw error;
    output.err(`Fehler: ${file}: ${error.message} Es wurde nichts berechnet.`);
    return 2;
  }
}
