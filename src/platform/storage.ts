import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, chmodSync } from 'node:fs';
import { chmod, lstat, readdir, rename, rm, utimes } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import path from 'node:path';

/**
 * Content-addressed file storage: a file is stored under its SHA-256, so receipts and case files
 * can cite a stable hash and the same document is stored once. A small interface, so that an
 * S3-compatible store can replace the directory later.
 *
 * Uploads arrive in two steps, so that nothing a request was refused for is ever stored:
 * `stage` streams the bytes into a temporary file (hashing and counting on the way), the caller
 * checks them, and `promote` moves only accepted files to their address — inside the transaction
 * that writes the row referring to them, as its last step (see promoteFiles). Whatever was staged
 * and not promoted is removed by `discard` (withStaging does it in every path); a crash between
 * the steps leaves a temporary file or an unreferenced file, which the orphan job removes.
 *
 * File modes: the service alone may write, its group (backups) may read, others nothing —
 * files 0640, directories 0750, set explicitly so that a permissive umask cannot widen them.
 * Uploaded documents contain personal data and trade secrets.
 */
export const FILE_MODE = 0o640;
export const DIRECTORY_MODE = 0o750;

export interface StoredFile {
  sha256: string;
  size: number;
}

/** A file received into the temporary area, not yet stored. */
export interface StagedFile extends StoredFile {
  /** The first bytes (up to 16), to tell the real type of the file. */
  readonly head: Buffer;
}

export interface FileStore {
  /**
   * Streams into a temporary file, hashing on the way. Fails with FileTooLargeError past
   * maxBytes (after reading the source to its end; callers bound it, as the multipart limits do);
   * on any failure (also an aborted or truncated upload) the temporary file is removed.
   */
  stage(content: Readable, options: { maxBytes: number }): Promise<StagedFile>;
  /** Moves a staged file to its content address (idempotent; no-op if already stored). */
  promote(file: StagedFile): Promise<void>;
  /** Removes a staged file that was not promoted (idempotent). */
  discard(file: StagedFile): Promise<void>;
  /** stage + promote, for files the application generates itself (notices, decisions). */
  put(content: Readable, options: { maxBytes: number }): Promise<StoredFile>;
  open(sha256: string): Readable;
  has(sha256: string): boolean;
  /** Temporary files last changed before `before` (for the orphan job). */
  staleTemporary(before: Date): Promise<string[]>;
  /** Stored files last changed (written or re-promoted) before `before` (for the orphan job). */
  storedBefore(before: Date): Promise<string[]>;
  /** Removes a stored file if it was still not changed since `before`. */
  removeStored(sha256: string, before: Date): Promise<boolean>;
  removeTemporary(name: string): Promise<void>;
}

export class FileTooLargeError extends Error {}

const SHA256 = /^[0-9a-f]{64}$/;

function ensureDirectory(dir: string): void {
  if (existsSync(dir)) return;
  mkdirSync(dir, { recursive: true, mode: DIRECTORY_MODE });
  chmodSync(dir, DIRECTORY_MODE);
}

export function createDirectoryStore(root: string): FileStore {
  const temporaryDir = path.join(root, 'tmp');
  mkdirSync(temporaryDir, { recursive: true, mode: DIRECTORY_MODE });
  // Also for stores created before the modes were restricted: a closed root closes every file.
  chmodSync(root, DIRECTORY_MODE);
  chmodSync(temporaryDir, DIRECTORY_MODE);
  const pathFor = (sha256: string) =>
    path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  /** Where each staged file lies; only this store can promote or discard it. */
  const temporaryPaths = new WeakMap<StagedFile, string>();

  const store: FileStore = {
    async stage(content, options) {
      const temp = path.join(temporaryDir, randomBytes(12).toString('hex'));
      const hash = createHash('sha256');
      let size = 0;
      let head = Buffer.alloc(0);
      let tooLarge = false;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          // Past the limit the rest is read and dropped rather than the source destroyed: a
          // multipart parser then goes on to the next part, and the caller can answer in German.
          tooLarge ||= size > options.maxBytes;
          if (tooLarge) {
            callback();
            return;
          }
          if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16 - head.length)]);
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      try {
        await pipeline(content, meter, createWriteStream(temp, { flags: 'wx', mode: FILE_MODE }));
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      if (tooLarge) {
        await rm(temp, { force: true });
        throw new FileTooLargeError(
          `Die Datei ist größer als ${Math.round(options.maxBytes / 1024 / 1024)} MB.`,
        );
      }
      const staged: StagedFile = { sha256: hash.digest('hex'), size, head };
      temporaryPaths.set(staged, temp);
      return staged;
    },
    async promote(file) {
      const temp = temporaryPaths.get(file);
      if (temp === undefined) return;
      const target = pathFor(file.sha256);
      ensureDirectory(path.dirname(target));
      if (existsSync(target)) {
        // Stored before: the new reference renews it, so the orphan job's grace period applies.
        const now = new Date();
        await utimes(target, now, now);
        await rm(temp, { force: true });
      } else {
        await chmod(temp, FILE_MODE);
        await rename(temp, target);
      }
      temporaryPaths.delete(file);
    },
    async discard(file) {
      const temp = temporaryPaths.get(file);
      if (temp === undefined) return;
      temporaryPaths.delete(file);
      await rm(temp, { force: true });
    },
    async put(content, options) {
      const staged = await store.stage(content, options);
      try {
        await store.promote(staged);
      } finally {
        await store.discard(staged);
      }
      return { sha256: staged.sha256, size: staged.size };
    },
    open(sha256) {
      if (!SHA256.test(sha256)) throw new Error('ungültiger Hash');
      return createReadStream(pathFor(sha256));
    },
    has(sha256) {
      return SHA256.test(sha256) && existsSync(pathFor(sha256));
    },
    async staleTemporary(before) {
      const stale: string[] = [];
      for (const name of await readdir(temporaryDir)) {
        const stat = await lstat(path.join(temporaryDir, name)).catch(() => undefined);
        if (stat && stat.mtime < before) stale.push(name);
      }
      return stale;
    },
    async storedBefore(before) {
      const found: string[] = [];
      const shard = /^[0-9a-f]{2}$/;
      for (const first of await readdir(root)) {
        if (!shard.test(first)) continue;
        for (const second of await readdir(path.join(root, first))) {
          if (!shard.test(second)) continue;
          for (const name of await readdir(path.join(root, first, second))) {
            if (!SHA256.test(name) || !name.startsWith(first + second)) continue;
            const stat = await lstat(path.join(root, first, second, name)).catch(() => undefined);
            if (stat?.isFile() && stat.mtime < before) found.push(name);
          }
        }
      }
      return found;
    },
    async removeStored(sha256, before) {
      if (!SHA256.test(sha256)) return false;
      const file = pathFor(sha256);
      const stat = await lstat(file).catch(() => undefined);
      if (!stat || !(stat.mtime < before)) return false;
      await rm(file, { force: true });
      return true;
    },
    async removeTemporary(name) {
      if (!/^[0-9a-f]{24}$/.test(name)) return;
      await rm(path.join(temporaryDir, name), { force: true });
    },
  };
  return store;
}

/**
 * Runs `work` with a staging area whose files are all discarded afterwards unless promoted:
 * the one place that guarantees a refused, failed or aborted upload leaves nothing behind.
 */
export async function withStaging<T>(
  store: FileStore,
  work: (stage: FileStore['stage']) => Promise<T>,
): Promise<T> {
  const staged: StagedFile[] = [];
  try {
    return await work(async (content, options) => {
      const file = await store.stage(content, options);
      staged.push(file);
      return file;
    });
  } finally {
    for (const file of staged) await store.discard(file);
  }
}

/** What a file really is, from its first bytes (the name and the browser's claim are not trusted). */
export function sniffFileType(head: Buffer): 'pdf' | 'png' | 'jpeg' | 'zip' | undefined {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'zip';
  return undefined;
}
