/**
 * Parcel references (Gemarkung → Flur → Flurstück) checked against the NRW cadastral districts
 * (ALKIS KatasterBezirk). The source lists Gemarkungen and Fluren but no parcels, so a
 * Flurstück can only be checked for its format.
 */
import { loadCadastre } from './data-files.ts';

export interface ParcelReference {
  /** Gemarkung name, 4-digit Gemarkungsschlüssel (also '05' + 4 digits) or 'Name (1234)'. */
  gemarkung: string;
  flur: string;
  /** 'Zähler' or 'Zähler/Nenner', e.g. '123' or '45/2'. */
  flurstueck: string;
}

export type ParcelProblem = { field: 'gemarkung' | 'flur' | 'flurstueck'; message: string };

export interface GemarkungInfo {
  name: string;
  key: string;
  katasteramt: string;
}

export type ParcelValidation =
  { ok: true; gemarkung: GemarkungInfo } | { ok: false; problems: ParcelProblem[] };

interface GemarkungEntry extends GemarkungInfo {
  normalizedName: string;
  fluren: number[];
}

interface CadastreIndex {
  entries: GemarkungEntry[];
  byKey: Map<string, GemarkungEntry>;
  byName: Map<string, GemarkungEntry[]>;
}

let cadastreIndex: CadastreIndex | undefined;

function normalize(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');
}

function compareEntries(a: GemarkungEntry, b: GemarkungEntry): number {
  return a.name.localeCompare(b.name, 'de') || a.key.localeCompare(b.key);
}

function getIndex(): CadastreIndex {
  if (cadastreIndex) return cadastreIndex;
  const entries: GemarkungEntry[] = [];
  for (const [katasteramt, gemarkungen] of Object.entries(loadCadastre())) {
    for (const [label, { fluren, schluessel }] of Object.entries(gemarkungen)) {
      // Labels look like 'Altenhagen (2851)'; the key in brackets repeats `schluessel`.
      const name = label.replace(/\s*\(\d+\)$/, '');
      entries.push({
        name,
        key: schluessel,
        katasteramt,
        normalizedName: normalize(name),
        fluren: fluren.map(Number).sort((a, b) => a - b),
      });
    }
  }
  entries.sort(compareEntries);
  const byName = new Map<string, GemarkungEntry[]>();
  for (const entry of entries) {
    byName.set(entry.normalizedName, [...(byName.get(entry.normalizedName) ?? []), entry]);
  }
  cadastreIndex = { entries, byKey: new Map(entries.map((e) => [e.key, e])), byName };
  return cadastreIndex;
}

function info(entry: GemarkungEntry): GemarkungInfo {
  return { name: entry.name, key: entry.key, katasteramt: entry.katasteramt };
}

/** Form values may arrive as anything at run time; treat non-strings as empty. */
function clean(value: unknown): string {
  return typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '';
}

/** '2851' and the state-prefixed '052851' both name the same Gemarkung. */
function normalizeKey(digits: string): string | undefined {
  if (/^\d{4}$/.test(digits)) return digits;
  if (/^05\d{4}$/.test(digits)) return digits.slice(2);
  return undefined;
}

function resolveByKey(digits: string): GemarkungEntry | string {
  const key = normalizeKey(digits);
  if (!key)
    return `Der Gemarkungsschlüssel „${digits}“ ist ungültig: Er hat vier Ziffern, z. B. 2851.`;
  return getIndex().byKey.get(key) ?? `Den Gemarkungsschlüssel „${key}“ gibt es in NRW nicht.`;
}

function resolveGemarkung(raw: string): GemarkungEntry | string {
  if (raw === '') return 'Bitte geben Sie die Gemarkung an.';
  if (/^\d+$/.test(raw)) return resolveByKey(raw);
  const labelled = /^(.+?)\s*\((\d+)\)$/.exec(raw);
  if (labelled?.[1] !== undefined && labelled[2] !== undefined) {
    const entry = resolveByKey(labelled[2]);
    if (typeof entry === 'string' || entry.normalizedName === normalize(labelled[1])) return entry;
    return `Der Gemarkungsschlüssel ${entry.key} gehört zur Gemarkung ${entry.name}, nicht zu „${labelled[1]}“.`;
  }
  const candidates = getIndex().byName.get(normalize(raw)) ?? [];
  const [first] = candidates;
  if (first === undefined) return `Die Gemarkung „${raw}“ gibt es in NRW nicht.`;
  if (candidates.length === 1) return first;
  const shown = candidates.slice(0, 6).map((c) => `${c.key} (Katasteramt ${c.katasteramt})`);
  const more = candidates.length > shown.length ? ', …' : '';
  return (
    `Die Gemarkung „${first.name}“ gibt es in NRW mehrfach: ${shown.join(', ')}${more}. ` +
    'Bitte geben Sie den vierstelligen Gemarkungsschlüssel an.'
  );
}

/** [4,5,…,15] → '4–15'; gaps become separate ranges: '1–3, 5, 7–12'. */
export function formatFlurRanges(fluren: readonly number[], maxRanges = 8): string {
  const ranges: string[] = [];
  let start = fluren[0];
  let end = start;
  for (const flur of [...fluren.slice(1), undefined]) {
    if (flur !== undefined && end !== undefined && flur === end + 1) {
      end = flur;
      continue;
    }
    if (start !== undefined && end !== undefined) {
      ranges.push(start === end ? String(start) : `${start}–${end}`);
    }
    start = flur;
    end = flur;
  }
  return ranges.length > maxRanges
    ? `${ranges.slice(0, maxRanges).join(', ')}, …`
    : ranges.join(', ');
}

function parseFlur(raw: string): number | string {
  if (raw === '') return 'Bitte geben Sie die Flur an.';
  const match = /^(?:flur\s*)?0*([1-9]\d{0,3})$/i.exec(raw);
  if (!match?.[1])
    return `Die Flur „${raw}“ ist keine gültige Flurnummer; bitte nur die Zahl angeben, z. B. 12.`;
  return Number(match[1]);
}

function checkFlurstueck(raw: string): string | undefined {
  if (raw === '') return 'Bitte geben Sie das Flurstück an.';
  // ALKIS: Zähler up to 5 digits, Nenner up to 4; leading zeros come from printed extracts.
  if (/^0*[1-9]\d{0,4}(?:\s?\/\s?0*[1-9]\d{0,3})?$/.test(raw)) return undefined;
  return `Das Flurstück „${raw}“ hat kein gültiges Format: Erwartet wird Zähler oder Zähler/Nenner, z. B. 123 oder 45/2.`;
}

export function validateParcel(ref: ParcelReference): ParcelValidation {
  const problems: ParcelProblem[] = [];
  const gemarkung = resolveGemarkung(clean(ref.gemarkung));
  if (typeof gemarkung === 'string') problems.push({ field: 'gemarkung', message: gemarkung });

  const flur = parseFlur(clean(ref.flur));
  if (typeof flur === 'string') {
    problems.push({ field: 'flur', message: flur });
  } else if (typeof gemarkung !== 'string' && !gemarkung.fluren.includes(flur)) {
    const available =
      gemarkung.fluren.length === 1
        ? `vorhanden ist nur Flur ${formatFlurRanges(gemarkung.fluren)}`
        : `vorhanden sind ${formatFlurRanges(gemarkung.fluren)}`;
    problems.push({
      field: 'flur',
      message: `Die Gemarkung ${gemarkung.name} (${gemarkung.key}) hat keine Flur ${flur}; ${available}.`,
    });
  }

  const flurstueck = checkFlurstueck(clean(ref.flurstueck));
  if (flurstueck) problems.push({ field: 'flurstueck', message: flurstueck });

  if (problems.length > 0 || typeof gemarkung === 'string') return { ok: false, problems };
  return { ok: true, gemarkung: info(gemarkung) };
}

/**
 * Autocomplete: Gemarkungen whose name starts with `prefix` (or whose key does, for digits).
 * An exact name match comes first, then alphabetical by name and key; key searches sort by key.
 */
export function searchGemarkungen(prefix: string, limit = 10): GemarkungInfo[] {
  const needle = normalize(clean(prefix));
  if (needle === '' || limit <= 0) return [];
  // Digits search the key; a typed state prefix ('0528…') is dropped like in validateParcel.
  const keyPrefix = /^\d+$/.test(needle)
    ? needle.length > 4 && needle.startsWith('05')
      ? needle.slice(2)
      : needle
    : undefined;
  const matches = getIndex().entries.filter((e) =>
    keyPrefix !== undefined ? e.key.startsWith(keyPrefix) : e.normalizedName.startsWith(needle),
  );
  if (keyPrefix !== undefined) {
    return [...matches]
      .sort((a, b) => a.key.localeCompare(b.key))
      .slice(0, limit)
      .map(info);
  }
  const exact = matches.filter((e) => e.normalizedName === needle);
  const rest = matches.filter((e) => e.normalizedName !== needle);
  return [...exact, ...rest].slice(0, limit).map(info);
}
