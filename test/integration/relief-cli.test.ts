import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../helpers/process.ts';

/** `npx industrieland relief` as a real process: no database, German messages, exit codes. */
describe('npx industrieland relief', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'industrieland-relief-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function run(args: string[]) {
    const cli = runCli(['relief', ...args], {
      LOG_LEVEL: 'silent',
      DATA_DIR: dir,
      DATABASE_URL: '',
    });
    const code = await cli.exited;
    return { code, output: cli.output() };
  }
  const file = (name: string, content: string) => {
    const at = path.join(dir, name);
    writeFileSync(at, content);
    return at;
  };
  const STEEL = [
    '--date',
    '2026',
    '--consumption',
    '1.250.000',
    '--nace',
    '24.10',
    '--price',
    '16,8',
    '--ets',
    'ja',
    '--benchmark',
    '1.000',
    '--eua',
    '75',
    '--gva',
    '4.500.000',
    '--kuebll',
    'ja',
    '--reference',
    '95',
    '--difficulty',
    'nein',
    '--computed-on',
    '2026-12-03',
  ];

  it('computes one company, as text and as the API JSON, and writes the same PDF twice', async () => {
    const text = await run(STEEL);
    assert.equal(text.code, 0, text.output);
    assert.match(
      text.output,
      /Stromsteuer: Entlastung für Unternehmen \(§ 9b StromStG\): berechtigt/,
    );
    assert.match(text.output, /Industriestrompreis .* – Entwurf/);
    assert.match(text.output, /Nach geltenden Entlastungen: 13,826 ct\/kWh/);
    assert.match(text.output, /Prüfsumme der Berechnung \(SHA-256\): [0-9a-f]{64}/);

    const json = await run([...STEEL, '--json']);
    assert.equal(json.code, 0, json.output);
    const body = JSON.parse(json.output);
    assert.equal(body.after.centsPerKwh, 13.826);
    assert.equal(body.verification.computedOn, '2026-12-03');

    const one = path.join(dir, 'eins.pdf');
    const two = path.join(dir, 'zwei.pdf');
    assert.equal((await run([...STEEL, '--pdf', one])).code, 0);
    assert.equal((await run([...STEEL, '--pdf', two])).code, 0);
    const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
    assert.equal(hash(one), hash(two));
    assert.match(readFileSync(one).subarray(0, 5).toString(), /%PDF-/);

    // --input takes the API's request body.
    const input = file(
      'eingabe.json',
      JSON.stringify({
        date: '2026-01-01',
        consumptionKwh: 1_250_000,
        naceCode: '24.10',
        energyPriceCentsPerMwh: 16_800,
        undertakingInDifficulty: false,
        sectorOnEtsList: true,
        productionBenchmarkMwh: 1000,
        euaPriceCentsPerTonne: 7_500,
        grossValueAddedCents: 450_000_000,
        sectorOnKueblList1: true,
        referencePriceCentsPerMwh: 9_500,
        computedOn: '2026-12-03',
      }),
    );
    const fromFile = await run(['--input', input, '--json']);
    assert.equal(fromFile.code, 0, fromFile.output);
    assert.equal(JSON.parse(fromFile.output).verification.sha256, body.verification.sha256);
  });

  it('refuses bad input with exit code 2 and German messages naming the option', async () => {
    const bad = await run(['--date', '2026', '--consumption=-5', '--nace', '24.10']);
    assert.equal(bad.code, 2);
    assert.match(
      bad.output,
      /Fehler \(--consumption\): Der Stromverbrauch darf nicht negativ sein/,
    );
    // Written with a space, a negative number is still the option's value, not an option.
    const spaced = await run(['--date', '2026', '--consumption', '-5', '--nace', '24.10']);
    assert.equal(spaced.code, 2);
    assert.match(spaced.output, /Fehler \(--consumption\): Der Stromverbrauch darf nicht negativ/);
    const text = await run(['--date', '2026', '--consumption', 'viel']);
    assert.equal(text.code, 2);
    assert.match(text.output, /„viel“ ist keine Zahl/);
    const nace = await run(['--date', '2026', '--consumption', '5', '--nace', '00.00']);
    assert.equal(nace.code, 2);
    assert.match(nace.output, /Fehler \(--nace\): .*kein bekannter WZ-2008/);
    const unknown = await run(['--verbrauch', '5']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.output, /„--verbrauch“ ist unbekannt/);
    const missing = await run(['--input', path.join(dir, 'gibt-es-nicht.json')]);
    assert.equal(missing.code, 2);
    assert.match(missing.output, /Die Datei gibt es nicht/);
    const wrongJson = await run(['--input', file('kaputt.json', '{"date": ')]);
    assert.equal(wrongJson.code, 2);
    assert.match(wrongJson.output, /kein gültiges JSON/);
    const extra = await run([
      '--input',
      file('extra.json', JSON.stringify({ date: '2026-01-01', consumptionKwh: 5, rabatt: 1 })),
    ]);
    assert.equal(extra.code, 2);
    assert.match(extra.output, /Feld „rabatt“ ist nicht vorgesehen/);
    const typed = await run([
      '--input',
      file('typ.json', JSON.stringify({ date: '2026-01-01', consumptionKwh: 'viel' })),
    ]);
    assert.equal(typed.code, 2);
    assert.match(
      typed.output,
      /Fehler \(consumptionKwh\): Der Stromverbrauch „viel“ ist keine Zahl/,
    );
    assert.doesNotMatch(
      bad.output + text.output + nace.output + missing.output,
      /\n\s+at |TypeError/,
    );
  });

  it('computes a batch, reports a bad row with its line in the error column and goes on', async () => {
    const csv = file(
      'firmen.csv',
      '\uFEFFUnternehmen;Stichtag;Stromverbrauch kWh;WZ-Code;Strompreis ct/kWh;EU-EHS-Liste;KUEBLL Liste 1;Referenzpreis €/MWh;Unternehmen in Schwierigkeiten\r\n' +
        'Stahl AG;2026;1.250.000;24.10;16,8;ja;ja;95;nein\r\n' +
        '"Bäckerei ""Korn""";2026;abc;10.71;22;nein;nein;;nein\r\n' +
        'Handel GmbH;2026;80.000;47.11;25,5;nein;nein;;nein\r\n',
    );
    const out = path.join(dir, 'ergebnis.csv');
    const result = await run(['--batch', csv, '--out', out, '--computed-on', '2026-12-03']);
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /Zeile 3: Der Stromverbrauch „abc“ ist keine Zahl/);
    assert.match(result.output, /2 von 3 Zeilen berechnet, 1 fehlerhaft/);
    const content = readFileSync(out, 'utf8');
    assert.ok(content.startsWith('\uFEFFZeile;Unternehmen;'), 'BOM and header');
    const lines = content.slice(1).trimEnd().split('\r\n');
    assert.equal(lines.length, 4);
    assert.match(
      lines[1]!,
      /^2;Stahl AG;berechtigt;25000,00;weitere Angaben nötig;0,00;berechtigt;28125,00;/,
    );
    assert.match(lines[1]!, /;18,850;16,850;14,600;8,600;[0-9a-f]{64};$/);
    assert.match(
      lines[2]!,
      /^3;"Bäckerei ""Korn""";.*;Zeile 3: Der Stromverbrauch „abc“ ist keine Zahl/,
    );
    assert.match(lines[3]!, /^4;Handel GmbH;nicht berechtigt;0,00;/);

    // Options apply to every row; without --out the CSV goes to standard output.
    const stdout = await run(['--batch', csv, '--scheme', 'brueckenstrompreis-vorschlag-2023']);
    assert.equal(stdout.code, 1);
    assert.match(stdout.output, /Zeile;Unternehmen;/);
  });

  it('stops before computing on a missing file or a wrong header and leaves no result file', async () => {
    const out = path.join(dir, 'nie.csv');
    const missing = await run(['--batch', path.join(dir, 'fehlt.csv'), '--out', out]);
    assert.equal(missing.code, 2);
    assert.match(
      missing.output,
      /Fehler: .*fehlt\.csv: Die Datei gibt es nicht\. Es wurde nichts berechnet\./,
    );
    const header = await run([
      '--batch',
      file('falsch.csv', 'Firma;Verbrauch\r\nA;5\r\n'),
      '--out',
      out,
    ]);
    assert.equal(header.code, 2);
    assert.match(header.output, /Die Spalte „Firma“ ist unbekannt/);
    assert.match(header.output, /Die Spalte „Stromverbrauch kWh“ fehlt/);
    const empty = await run(['--batch', file('leer.csv', ''), '--out', out]);
    assert.equal(empty.code, 2);
    assert.match(empty.output, /Die Datei ist leer/);
    assert.equal(existsSync(out), false);
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
      'no temporary file left',
    );
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.startsWith('postgres')),
      [],
      'the command starts no database',
    );
  });
});
