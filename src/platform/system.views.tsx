import type { VNode } from 'preact';
import { Layout, type PageContext } from './layout.tsx';
import { DataTable } from './table.tsx';

export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<
    string,
    Record<
      string,
      {
        summary?: string;
        description?: string;
        tags?: string[];
        security?: unknown[];
        parameters?: {
          name: string;
          in: string;
          required?: boolean;
          description?: string;
          schema?: { type?: string; enum?: unknown[] };
        }[];
        responses?: Record<string, { description?: string }>;
      }
    >
  >;
}

/** The OpenAPI document rendered as an accessible HTML page (no script, no remote assets). */
export function ApiDocsPage(props: { ctx: PageContext; doc: OpenApiDocument }): VNode {
  const operations = Object.entries(props.doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  return (
    <Layout ctx={props.ctx} title="API-Dokumentation">
      <h1 class="kern-heading-large">API-Dokumentation</h1>
      <p class="kern-body">{props.doc.info.description}</p>
      <p class="kern-body">
        Maschinenlesbar:{' '}
        <a class="kern-link" href="/openapi.json">
          OpenAPI-3-Dokument (/openapi.json)
        </a>
        . Fehler werden als <code>application/problem+json</code> mit deutscher Meldung geliefert.
      </p>
      {operations.map(({ path, method, op }) => (
        <section class="api-operation" key={method + path}>
          <h2 class="kern-heading-small">
            <code>
              {method} {path}
            </code>
          </h2>
          {op.summary ? <p class="kern-body">{op.summary}</p> : null}
          {op.description ? <p class="kern-body--small">{op.description}</p> : null}
          {op.security ? <p class="kern-body--small">Erfordert ein API-Token (Bearer).</p> : null}
          {op.parameters && op.parameters.length > 0 ? (
            <DataTable
              caption={`Parameter von ${method} ${path}`}
              hideCaption
              small
              columns={['Name', 'Ort', 'Pflicht', 'Beschreibung']}
              rows={op.parameters.map((p) => ({
                key: p.name,
                cells: [
                  <code>{p.name}</code>,
                  p.in,
                  p.required ? 'ja' : 'nein',
                  `${p.description ?? ''}${p.schema?.enum ? ` Werte: ${p.schema.enum.join(', ')}` : ''}`,
                ],
              }))}
            />
          ) : null}
          {op.responses ? (
            <ul class="kern-list">
              {Object.entries(op.responses).map(([status, r]) => (
                <li key={status}>
                  <code>{status}</code> {r.description ?? ''}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </Layout>
  );
}
