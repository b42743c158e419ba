import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults and is frozen', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.publicUrl, 'http://localhost:3000/');
    assert.deepEqual(
      config.officeClosedDays.map((d) => d.reason),
      ['Heiligabend', 'Silvester'],
    );
    assert.ok(Object.isFrozen(config));
  });

  it('reads office-closed days, annual and dated', () => {
    const config = loadConfig({
      OFFICE_CLOSED_DAYS: '12-24=Heiligabend, 2026-05-15=Betriebsausflug',
    });
    assert.deepEqual(config.officeClosedDays, [
      { kind: 'annual', month: 12, day: 24, reason: 'Heiligabend' },
      { kind: 'dated', date: '2026-05-15', reason: 'Betriebsausflug' },
    ]);
    assert.deepEqual(loadConfig({ OFFICE_CLOSED_DAYS: '' }).officeClosedDays, []);
  });

  it('refuses bad values with a German message naming the variable', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ PORT: 'achtzig' }, /PORT/],
      [{ PORT: '70000' }, /PORT/],
      [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
      [{ DATABASE_URL: 'kein url' }, /DATABASE_URL/],
      [{ SEED_DEMO: 'vielleicht' }, /SEED_DEMO/],
      [{ LOG_LEVEL: 'laut' }, /LOG_LEVEL/],
      [{ COOKIE_SECRET: 'kurz' }, /COOKIE_SECRET/],
      [{ OFFICE_CLOSED_DAYS: '24.12.' }, /OFFICE_CLOSED_DAYS/],
      [{ OFFICE_CLOSED_DAYS: '13-01' }, /OFFICE_CLOSED_DAYS/],
    ];
    for (const [env, message] of cases) {
      assert.throws(
        () => loadConfig(env),
        (error: unknown) => error instanceof ConfigError && message.test(error.message),
      );
    }
  });
});
