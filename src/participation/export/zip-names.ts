/**
 * File names inside exported ZIP files. Names come from uploads and the public (attachments), so
 * they are treated as hostile: no path separators or traversal, no control or bidirectional
 * formatting characters (a right-to-left override makes "…fdp.exe" display as "…exe.pdf"),
 * nothing Windows refuses to extract, and a bounded length.
 */

/** Control characters (C0, C1, DEL) and invisible format characters (zero-width, bidi, BOM). */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
/** Separators and characters Windows does not allow in file names. */
const FORBIDDEN = /[\\/:*?"<>|]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
const MAX_LENGTH = 120;

/** One path component that is safe to extract on Windows, macOS and Linux. */
export function safeFileName(name: string, fallback = 'datei'): string {
  let safe = name
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(FORBIDDEN, '_')
    .replace(/\s+/g, ' ')
    .trim()
    // Leading dots make hidden files or "..", trailing dots and spaces are dropped by Windows.
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (WINDOWS_DEVICE.test(safe)) safe = `_${safe}`;
  const characters = [...safe];
  if (characters.length > MAX_LENGTH) {
    const extension = /\.[\p{L}\p{N}]{1,8}$/u.exec(safe)?.[0] ?? '';
    safe = characters.slice(0, MAX_LENGTH - extension.length).join('') + extension;
  }
  return safe === '' ? fallback : safe;
}

/**
 * Hands out unique paths: a second "plan.pdf" becomes "plan (2).pdf". Compared without case,
 * because Windows and macOS would let one file overwrite the other on extraction.
 */
export class UniquePaths {
  private readonly used = new Set<string>();

  /** `folder` is a constant of the caller ('' or ending in '/'); `name` is sanitised here. */
  claim(folder: string, name: string): string {
    const safe = safeFileName(name);
    const dot = safe.lastIndexOf('.');
    const stem = dot > 0 ? safe.slice(0, dot) : safe;
    const extension = dot > 0 ? safe.slice(dot) : '';
    let candidate = `${folder}${safe}`;
    for (let n = 2; this.used.has(candidate.toLowerCase()); n++) {
      candidate = `${folder}${stem} (${n})${extension}`;
    }
    this.used.add(candidate.toLowerCase());
    return candidate;
  }
}

const UMLAUTS: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'Ae',
  Ö: 'Oe',
  Ü: 'Ue',
  ß: 'ss',
};

/** An ASCII-only download name for Content-Disposition (the reference may hold anything). */
export function downloadName(parts: readonly string[], extension: string): string {
  const base = parts
    .map((part) =>
      part
        .replace(/[äöüÄÖÜß]/g, (c) => UMLAUTS[c] ?? c)
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .replace(/[^A-Za-z0-9._-]+/g, '_'),
    )
    .join('-')
    .replace(/^[._-]+|[._-]+$/g, '');
  return `${base || 'export'}.${extension}`;
}
