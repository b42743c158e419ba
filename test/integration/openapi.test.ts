import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../../src/app.ts';
import { createDb } from '../../src/db/database.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { createMailer } from '../../src/platform/mail.ts';
import type { App, Deps } from '../../src/platform/server.ts';
import { createDirectoryStore } from '../../src/platform/storage.ts';
import { testConfig } from '../helpers/app.ts';

interface Operation {
  operationId?: string;
  security?: unknown[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  parameters?: unknown[];
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { schema?: Record<string, unknown> }> }
  >;
}
interface Document {
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas?: Record<string, unknown> };
}

const require = createRequire(import.meta.url);
const redoclyCli = path.join(
  path.dirname(require.resolve('@redocly/cli/package.json')),
  'bin',
  'cli.js',
);

function operations(doc: Document) {
  return Object.entries(doc.paths).flatMap(([url, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      name: `${method.toUpperCase()} ${url}`,
      method,
      op,
    })),
  );
}

/** The document as the app builds it; no database is needed for it. */
describe('OpenAPI document', () => {
  let app: App;
  let deps: Deps;
  let doc: Document;
  before(async () => {
    const config = testConfig();
    deps = {
      config,
      db: createDb('postgres://nobody:nothing@127.0.0.1:1/none'),
      clock: systemClock,
      mailer: createMailer(undefined, config.mailFrom),
      store: createDirectoryStore(config.filesDir),
    };
    app = await buildApp(deps);
    await app.ready();
    doc = (await app.inject('/openapi.json')).json();
  });
  after(async () => {
    await app.close();
    await deps.db.destroy();
  });

  it('documents a response schema for the success answer of every operation', () => {
    const missing = operations(doc).flatMap(({ name, op }) => {
      const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2/.test(status));
      if (success.length === 0) return [`${name}: keine 2xx-Antwort`];
      return success
        .filter(([status, response]) => {
          if (status === '204') return false;
          const schemas = Object.values(response.content ?? {}).map((c) => c.schema);
          return schemas.length === 0 || schemas.some((s) => !s);
        })
        .map(([status]) => `${name}: Antwort ${status} ohne Schema`);
    });
    assert.deepEqual(missing, []);
  });

  it('documents every error answer as problem+json with the one shared schema', () => {
    assert.ok(doc.components.schemas?.Problem, 'components.schemas.Problem fehlt');
    const wrong = operations(doc).flatMap(({ name, op }) => {
      const errors = Object.entries(op.responses ?? {}).filter(([status]) => /^[45]/.test(status));
      const problems = errors
        .filter(([status]) => status !== '503' || !name.endsWith('/healthz'))
        .filter(
          ([, response]) =>
            response.content?.['application/problem+json']?.schema?.$ref !==
            '#/components/schemas/Problem',
        )
        .map(([status]) => `${name}: ${status} ohne Verweis auf Problem`);
      if (!errors.some(([status]) => status.startsWith('4'))) problems.push(`${name}: keine 4xx`);
      return problems;
    });
    assert.deepEqual(wrong, []);
  });

  it('gives every operation an operationId, a security statement and its request body', () => {
    const ids = new Set<string>();
    const wrong = operations(doc).flatMap(({ name, method, op }) => {
      const problems: string[] = [];
      if (!op.operationId) problems.push(`${name}: operationId fehlt`);
      else if (ids.has(op.operationId)) problems.push(`${name}: operationId doppelt`);
      else ids.add(op.operationId);
      if (!Array.isArray(op.security)) problems.push(`${name}: security fehlt`);
      if (['post', 'put'].includes(method) && !name.endsWith('/compute')) {
        const body = Object.values(op.requestBody?.content ?? {})[0]?.schema as
          { properties?: object } | undefined;
        if (!body?.properties) problems.push(`${name}: Anfrage ohne beschriebene Felder`);
      }
      return problems;
    });
    assert.deepEqual(wrong, []);
    assert.deepEqual(doc.servers, [{ url: '/', description: 'Dieser Server' }]);
    const publicOps = operations(doc).filter(({ op }) => op.security?.length === 0);
    assert.ok(publicOps.some(({ name }) => name === 'POST /api/v1/permits/classify'));
  });

  it("lists the classifier's enum values", () => {
    const schema = doc.paths['/api/v1/permits/classify']!.post!.responses!['200']!.content![
      'application/json'
    ]!.schema as { properties: Record<string, { enum?: string[] }> };
    assert.ok(schema.properties.procedure?.enum?.includes('repowering-formal'));
    assert.ok(schema.properties.eia?.enum?.includes('replaced-by-windbg'));
  });

  it("passes the Redocly linter's recommended rules without errors or warnings", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'industrieland-openapi-'));
    try {
      const file = path.join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc));
      const result = spawnSync(
        process.execPath,
        [redoclyCli, 'lint', file, '--extends', 'recommended', '--format', 'json'],
        {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
          timeout: 120_000,
        },
      );
      const start = result.stdout.indexOf('{');
      assert.ok(start >= 0, `keine JSON-Ausgabe des Linters: ${result.stdout}${result.stderr}`);
      const report = JSON.parse(result.stdout.slice(start)) as {
        totals: { errors: number; warnings: number };
        problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
      };
      const found = report.problems.map(
        (p) => `${p.ruleId}: ${p.message} (${p.location[0]?.pointer ?? ''})`,
      );
      assert.deepEqual(found, []);
      assert.deepEqual(report.totals, { ...report.totals, errors: 0, warnings: 0 });
      assert.equal(result.status, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows request body fields and responses on /api/docs', async () => {
    const page = await app.inject('/api/docs');
    assert.equal(page.statusCode, 200);
    const classify = page.body.slice(page.body.indexOf('POST /api/v1/permits/classify'));
    assert.match(classify, /Anfrage/);
    assert.match(classify, /turbineCount/);
    assert.match(classify, /replaced-by-windbg/);
    assert.match(page.body, /application\/problem\+json/);
  });
});
