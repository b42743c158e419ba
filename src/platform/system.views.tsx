import type { VNode } from 'preact';
import { Layout, type PageContext } from './layout.tsx';

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
            <table class="kern-table kern-table--small">
              <caption class="kern-sr-only">
                Parameter von {method} {path}
              </caption>
              <thead class="kern-table__header">
                <tr class="kern-table__row">
                  <th scope="col" class="kern-table__header">
                    Name
                  </th>
                  <th scope="col" class="kern-table__header">
                    Ort
                  </th>
                  <th scope="col" class="kern-table__header">
                    Pflicht
                  </th>
                  <th scope="col" class="kern-table__header">
                    Beschreibung
                  </th>
                </tr>
              </thead>
              <tbody class="kern-table__body">
                {op.parameters.map((p) => (
                  <tr class="kern-table__row" key={p.name}>
                    <td class="kern-table__cell">
                      <code>{p.name}</code>
                    </td>
                    <td class="kern-table__cell">{p.in}</td>
                    <td class="kern-table__cell">{p.required ? 'ja' : 'nein'}</td>
                    <td class="kern-table__cell">
                      {p.description ?? ''}
                      {p.schema?.enum ? ` Werte: ${p.schema.enum.join(', ')}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
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
