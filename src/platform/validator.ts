import type { FastifyServerOptions } from 'fastify';
import { createRequire } from 'node:module';

interface RouteSchema {
  schema: unknown;
  method: string;
  url: string;
  httpPart?: string;
}
type Compile = (route: RouteSchema) => unknown;
type BuildCompiler = (
  externalSchemas: Record<string, unknown>,
  options?: { customOptions?: Record<string, unknown>; plugins?: unknown[] },
) => Compile;

// Fastify's own schema compiler (Ajv with ajv-formats), loaded from where Fastify loads it, so the
// rules and formats are exactly those of Fastify's default; only two options differ for bodies.
const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));
const ajvCompilerPool = (fromFastify('@fastify/ajv-compiler') as () => BuildCompiler)();

/**
 * Request bodies are validated strictly: a field the schema does not know is refused (not
 * silently removed) and a value of the wrong type is refused (not converted: `{"text": 123}` is
 * not the text "123"), so the JSON API does exactly what its OpenAPI document says. Query
 * strings, path parameters and headers are text by nature and keep Fastify's coercion
 * ("?overdue=true" is a boolean). HTML forms post text fields into record schemas; strictness
 * changes nothing for them.
 */
const buildValidator: BuildCompiler = (externalSchemas, options) => {
  const lenient = ajvCompilerPool(externalSchemas, options);
  const strict = ajvCompilerPool(externalSchemas, {
    ...options,
    customOptions: { ...options?.customOptions, coerceTypes: false, removeAdditional: false },
  });
  return (route) => (route.httpPart === 'body' ? strict(route) : lenient(route));
};

type SchemaController = NonNullable<FastifyServerOptions['schemaController']>;
type ValidatorFactory = NonNullable<
  NonNullable<SchemaController['compilersFactory']>['buildValidator']
>;

export const schemaController: SchemaController = {
  compilersFactory: { buildValidator: buildValidator as unknown as ValidatorFactory },
};
