/** The text fields of a multipart/form-data body, one part each. */
function fieldParts(boundary: string, fields: Record<string, string>): Buffer[] {
  return Object.entries(fields).map(([name, value]) =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    ),
  );
}

/** A multipart/form-data body for app.inject, fields first and the file last (as browsers send). */
export function multipart(
  fields: Record<string, string>,
  file: { name: string; content: Buffer; type?: string },
) {
  const boundary = `----industrieland${Math.random().toString(16).slice(2)}`;
  const parts = fieldParts(boundary, fields);
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/pdf'}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/**
 * A multipart/form-data body as the objection form sends it: the fields, then any number of
 * PDF files as `attachments`.
 */
export function objectionMultipart(
  fields: Record<string, string>,
  files: readonly { name: string; content: Buffer }[],
) {
  const boundary = `----einwendung${Math.random().toString(16).slice(2)}`;
  const parts = fieldParts(boundary, fields);
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

export const SAMPLE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
