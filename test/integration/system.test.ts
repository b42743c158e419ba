import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../../src/app.ts';
import { createDb } from '../../src/db/database.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { createMailer } from '../../src/platform/mail.ts';
import { createDirectoryStore } from '../../src/platform/storage.ts';
import type { Deps } from '../../src/platform/server.ts';
import { createTestApp, testConfig, type TestApp } from '../helpers/app.ts';

describe('health, OpenAPI, security headers, error pages', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('GET /healthz answers ok while the database answers', async () => {
    const response = await t.app.inject('/healthz');
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ok' });
  });

  it('GET /openapi.json documents every JSON endpoint', async () => {
    const doc = (await t.app.inject('/openapi.json')).json();
    assert.equal(doc.openapi, '3.0.3');
    for (const path of ['/healthz', '/api/v1/deadlines', '/api/v1/holidays', '/api/v1/me']) {
      assert.ok(doc.paths[path], `${path} fehlt im OpenAPI-Dokument`);
    }
    assert.equal(
      doc.paths['/fristenrechner'],
      undefined,
      'HTML-Seiten gehören nicht ins OpenAPI-Dokument',
    );
    const docs = await t.app.inject('/api/docs');
    assert.equal(docs.statusCode, 200);
    assert.match(docs.body, /GET \/api\/v1\/deadlines/);
  });

  it('sends a CSP without inline script and the other security headers', async () => {
    const response = await t.app.inject('/');
    const csp = String(response.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.match(String(response.headers['x-frame-options']), /SAMEORIGIN|DENY/);
    assert.doesNotMatch(response.body, /<script(?![^>]*\bsrc=)/, 'kein Inline-Skript');
    assert.doesNotMatch(response.body, /\son[a-z]+="/, 'keine Inline-Event-Handler');
  });

  it('renders a German error page for HTML and problem+json for the API', async () => {
    const page = await t.app.inject('/gibt-es-nicht');
    assert.equal(page.statusCode, 404);
    assert.match(page.body, /Seite nicht gefunden/);
    assert.match(page.body, /<html lang="de">/);
    const api = await t.app.inject('/api/v1/gibt-es-nicht');
    assert.equal(api.statusCode, 404);
    assert.match(String(api.headers['content-type']), /application\/problem\+json/);
    assert.equal(api.json().status, 404);
  });

  it('serves the KERN UX stylesheet from the package, not from a CDN', async () => {
    const css = await t.app.inject('/static/kern/kern.min.css');
    assert.equal(css.statusCode, 200);
    const home = await t.app.inject('/');
    assert.doesNotMatch(home.body, /https?:\/\/(?!localhost)[^"]+\.(css|js)/);
  });

  it('answers malformed JSON and unsupported media types with German problem details', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/anmelden',
      headers: { 'content-type': 'application/xml' },
      payload: '<x/>',
    });
    assert.ok([403, 415].includes(bad.statusCode));
    assert.match(bad.body, /[äöüÄÖÜß]|Formular|Format/);
  });

  it('GET /healthz answers 503 when the database does not answer', async () => {
    const config = testConfig();
    const deps: Deps = {
      config,
      db: createDb('postgres://nobody:nothing@127.0.0.1:1/none'),
      clock: systemClock,
      mailer: createMailer(undefined, config.mailFrom),
      store: createDirectoryStore(config.filesDir),
    };
    const app = await buildApp(deps);
    try {
      const response = await app.inject('/healthz');
      assert.equal(response.statusCode, 503);
      assert.equal(response.json().status, 'unavailable');
    } finally {
      await app.close();
      await deps.db.destroy();
    }
  });
});
