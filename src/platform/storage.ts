import { createHash, randomBytes } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import path from 'node:path';

/**
 * Content-addressed file storage: a file is stored under its SHA-256, so receipts and case files
 * can cite a stable hash and the same document is stored once. A small interface, so that an
 * S3-compatible store can replace the directory later.
 */
export interface StoredFile {
  sha256: string;
  size: number;
}

export interface FileStore {
  /** Streams into a temporary file, hashing on the way; fails with `tooLarge` past maxBytes. */
  put(
    content: Readable,
    options: { maxBytes: number; firstBytes?: (head: Buffer) => void },
  ): Promise<StoredFile>;
  open(sha256: string): Readable;
  has(sha256: string): boolean;
}

export class FileTooLargeError extends Error {}

export function createDirectoryStore(root: string): FileStore {
  const pathFor = (sha256: string) =>
    path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  return {
    async put(content, options) {
      mkdirSync(path.join(root, 'tmp'), { recursive: true });
      const temp = path.join(root, 'tmp', randomBytes(12).toString('hex'));
      const hash = createHash('sha256');
      let size = 0;
      let head: Buffer | undefined = Buffer.alloc(0);
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          if (size > options.maxBytes) {
            callback(
              new FileTooLargeError(
                `Die Datei ist größer als ${Math.round(options.maxBytes / 1024 / 1024)} MB.`,
              ),
            );
            return;
          }
          if (head && head.length < 16) {
            head = Buffer.concat([head, chunk]);
            if (head.length >= 16) {
              options.firstBytes?.(head);
              head = undefined;
            }
          }
          hash.update(chunk);
          callback(null, chunk);
        },
        flush(callback) {
          if (head) options.firstBytes?.(head);
          callback();
        },
      });
      try {
        await pipeline(content, meter, createWriteStream(temp));
      } catch (error) {
        rmSync(temp, { force: true });
        throw error;
      }
      const sha256 = hash.digest('hex');
      const target = pathFor(sha256);
      mkdirSync(path.dirname(target), { recursive: true });
      if (existsSync(target)) rmSync(temp, { force: true });
      else renameSync(temp, target);
      return { sha256, size };
    },
    open(sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('ungültiger Hash');
      return createReadStream(pathFor(sha256));
    },
    has(sha256) {
      return /^[0-9a-f]{64}$/.test(sha256) && existsSync(pathFor(sha256));
    },
  };
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
