import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import { nulMessage, type InputPlace } from './validation-messages.ts';

/**
 * PostgreSQL cannot store the NUL character in text or jsonb ("invalid byte sequence"), and no
 * form, file name or header of ours has a use for it. Instead of letting it fail deep inside a
 * transaction (a 500), every input is checked once, before a route sees it: query, path, body
 * (JSON and form fields, keys as well as values), headers, and the fields and file names of
 * multipart uploads as they are read.
 */
const NUL = '\u0000';

/** The dotted path of the first key or string value that holds a NUL, if any (no recursion). */
function findNul(value: unknown): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') {
      if (node.includes(NUL)) return path;
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    for (const [key, child] of Object.entries(node)) {
      const childPath = path === '' ? key : `${path}.${key}`;
      if (key.includes(NUL)) return childPath;
      stack.push([child, childPath]);
    }
  }
  return undefined;
}

function nulError(place: InputPlace, field: string): AppError {
  const name = field.replaceAll(NUL, '') || place;
  const message = nulMessage(place, name);
  return new AppError('validation', message, [{ field: name, message }]);
}

/** Refuses a request whose query, path, body or headers carry a NUL character. */
export function rejectNulInput(request: FastifyRequest): void {
  const places: [InputPlace, unknown][] = [
    ['querystring', request.query],
    ['params', request.params],
    ['body', request.body],
    ['headers', request.headers],
  ];
  for (const [place, value] of places) {
    const field = findNul(value);
    if (field !== undefined) throw nulError(place, field);
  }
}

function checkPart(part: Multipart): void {
  const nulIn =
    part.fieldname.includes(NUL) ||
    (part.type === 'field' ? findNul(part.value) !== undefined : part.filename.includes(NUL));
  if (!nulIn) return;
  // The refused file is never read by the route: drain it so the parser can finish.
  if (part.type === 'file') part.file.resume();
  throw nulError('body', part.fieldname);
}

async function* checkedParts<T extends Multipart>(
  parts: AsyncIterableIterator<T>,
): AsyncIterableIterator<T> {
  for await (const part of parts) {
    checkPart(part);
    yield part;
  }
}

/**
 * Multipart bodies are parsed by the route as it streams them, after every hook has run; the
 * request's readers are wrapped so that each field and file name passes the same check first.
 */
export function guardMultipart(request: FastifyRequest): void {
  const parts = request.parts.bind(request);
  const files = request.files.bind(request);
  const file = request.file.bind(request);
  request.parts = (options) => checkedParts(parts(options));
  request.files = (options) => checkedParts(files(options));
  request.file = async (options) => {
    const found: MultipartFile | undefined = await file(options);
    if (found) {
      for (const field of Object.values(found.fields).flat()) if (field) checkPart(field);
    }
    return found;
  };
}
