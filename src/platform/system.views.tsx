import type { VNode } from 'preact';
import { Layout, type PageContext } from './layout.tsx';
import { DataTable } from './table.tsx';

export interface JsonSchema {
  $ref?: string;
  type?: string;
  format?: string;
  description?: string;
  enum?: unknown[];
  nullable?: boolean;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  maxLength?: number;
  maxItems?: number;
}

interface Content {
  schema?: JsonSchema;
}

export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  components?: { schemas?: Record<string, JsonSchema> };
  paths: Record<
    string,
    Record<
      string,
      {
        summary?: string;
        description?: string;
        operationId?: string;
        tags?: string[];
        security?: Record<string, unknown>[];
        parameters?: {
          name: string;
          in: string;
          required?: boolean;
          description?: string;
          schema?: JsonSchema;
        }[];
        requestBody?: { required?: boolean; content?: Record<string, Content> };
        responses?: Record<string, { description?: string; content?: Record<string, Content> }>;
      }
    >
  >;
}

interface Field {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

const MAX_DEPTH = 4;

function refName(ref: string): string {
  return ref.split('/').pop() ?? ref;
}

/** A short type name: `string (date)`, `integer`, `Problem`, `array of object`. */
function typeName(schema: JsonSchema): string {
  if (schema.$ref) return refName(schema.$ref);
  if (schema.anyOf) return schema.anyOf.map(typeName).join(' oder ');
  const base = schema.type ?? 'beliebig';
  const detail =
    base === 'array' && schema.items
      ? `Liste von ${typeName(schema.items)}`
      : schema.format
        ? `${base} (${schema.format})`
        : base;
  return schema.nullable ? `${detail} oder null` : detail;
}

function describe(schema: JsonSchema): string {
  const parts = [schema.description ?? ''];
  if (schema.enum) parts.push(`Werte: ${schema.enum.map(String).join(', ')}`);
  if (schema.maxLength !== undefined) parts.push(`höchstens ${schema.maxLength} Zeichen`);
  if (schema.maxItems !== undefined) parts.push(`höchstens ${schema.maxItems} Einträge`);
  return parts.filter(Boolean).join('. ');
}

/** Fields of an object schema, nested ones with dotted names (`site.flur`, `turbines[].lon`). */
export function schemaFields(schema: JsonSchema, prefix = '', depth = 0): Field[] {
  const target = schema.type === 'array' && schema.items ? schema.items : schema;
  const name = schema.type === 'array' && prefix ? `${prefix}[]` : prefix;
  if (!target.properties || depth >= MAX_DEPTH) return [];
  return Object.entries(target.properties).flatMap(([key, child]) => {
    const path = name ? `${name}.${key}` : key;
    const field: Field = {
      name: path,
      type: typeName(child),
      required: target.required?.includes(key) ?? false,
      description: describe(child),
    };
    return [field, ...schemaFields(child, path, depth + 1)];
  });
}

function SchemaTable(props: { caption: string; schema: JsonSchema }): VNode {
  const fields = schemaFields(props.schema);
  if (fields.length === 0)
    return (
      <p class="kern-body--small">
        Inhalt: <code>{typeName(props.schema)}</code> {describe(props.schema)}
      </p>
    );
  return (
    <DataTable
      caption={props.caption}
      hideCaption
      small
      rowHeader={0}
      columns={['Feld', 'Typ', 'Pflicht', 'Beschreibung']}
      rows={fields.map((f) => ({
        key: f.name,
        cells: [<code>{f.name}</code>, f.type, f.required ? 'ja' : 'nein', f.description],
      }))}
    />
  );
}

function securityText(security: Record<string, unknown>[] | undefined): string {
  if (!security || security.length === 0) return 'Öffentlich: ohne Anmeldung.';
  const schemes = security.flatMap((s) => Object.keys(s));
  return schemes.includes('session')
    ? 'Erfordert ein API-Token (Bearer) oder eine Sitzung im Portal.'
    : 'Erfordert ein API-Token (Bearer).';
}

/** The OpenAPI document rendered as an accessible HTML page (no script, no remote assets). */
export function ApiDocsPage(props: { ctx: PageContext; doc: OpenApiDocument }): VNode {
  const operations = Object.entries(props.doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  const shared = Object.entries(props.doc.components?.schemas ?? {});
  return (
    <Layout ctx={props.ctx} title="API-Dokumentation">
      <h1 class="kern-heading-large">API-Dokumentation</h1>
      <p class="kern-body">{props.doc.info.description}</p>
      <p class="kern-body">
        Maschinenlesbar:{' '}
        <a class="kern-link" href="/openapi.json">
          OpenAPI-3-Dokument (/openapi.json)
        </a>
        . Fehler werden als <code>application/problem+json</code> mit deutscher Meldung geliefert
        (Schema <a href="#schema-Problem">Problem</a>).
      </p>
      {operations.map(({ path, method, op }) => {
        const label = `${method} ${path}`;
        return (
          <section class="api-operation" key={label} id={op.operationId}>
            <h2 class="kern-heading-small">
              <code>{label}</code>
            </h2>
            {op.summary ? <p class="kern-body">{op.summary}</p> : null}
            {op.description ? <p class="kern-body--small">{op.description}</p> : null}
            <p class="kern-body--small">
              {securityText(op.security)}
              {op.operationId ? (
                <>
                  {' '}
                  operationId: <code>{op.operationId}</code>
                </>
              ) : null}
            </p>
            {op.parameters && op.parameters.length > 0 ? (
              <DataTable
                caption={`Parameter von ${label}`}
                hideCaption
                small
                columns={['Name', 'Ort', 'Pflicht', 'Beschreibung']}
                rows={op.parameters.map((p) => ({
                  key: `${p.in}-${p.name}`,
                  cells: [
                    <code>{p.name}</code>,
                    p.in,
                    p.required ? 'ja' : 'nein',
                    `${p.description ?? ''}${p.schema?.enum ? ` Werte: ${p.schema.enum.join(', ')}` : ''}`,
                  ],
                }))}
              />
            ) : null}
            {Object.entries(op.requestBody?.content ?? {}).map(([mediaType, content]) => (
              <div key={mediaType}>
                <h3 class="kern-heading-x-small">
                  Anfrage (<code>{mediaType}</code>)
                </h3>
                {content.schema ? (
                  <SchemaTable caption={`Felder der Anfrage ${label}`} schema={content.schema} />
                ) : null}
              </div>
            ))}
            <h3 class="kern-heading-x-small">Antworten</h3>
            <ul class="kern-list">
              {Object.entries(op.responses ?? {}).map(([status, response]) => (
                <li key={status}>
                  <code>{status}</code> {response.description ?? ''}
                  {Object.entries(response.content ?? {}).map(([mediaType, content]) => (
                    <div key={mediaType}>
                      <code>{mediaType}</code>
                      {content.schema?.$ref ? (
                        <>
                          {' '}
                          Schema{' '}
                          <a href={`#schema-${refName(content.schema.$ref)}`}>
                            {refName(content.schema.$ref)}
                          </a>
                        </>
                      ) : content.schema && status.startsWith('2') ? (
                        <SchemaTable
                          caption={`Felder der Antwort ${status} von ${label}`}
                          schema={content.schema}
                        />
                      ) : null}
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {shared.length > 0 ? <h2 class="kern-heading-medium">Gemeinsame Schemas</h2> : null}
      {shared.map(([name, schema]) => (
        <section key={name} id={`schema-${name}`}>
          <h3 class="kern-heading-small">{name}</h3>
          {schema.description ? <p class="kern-body--small">{schema.description}</p> : null}
          <SchemaTable caption={`Felder von ${name}`} schema={schema} />
        </section>
      ))}
    </Layout>
  );
}
