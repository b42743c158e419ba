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

  it('listens only on the loopback interface unless HOST says otherwise', () => {
    assert.equal(loadConfig({}).host, '127.0.0.1');
    assert.equal(loadConfig({ HOST: '0.0.0.0' }).host, '0.0.0.0');
    assert.equal(loadConfig({ HOST: '::1' }).host, '::1');
  });

  it('trusts no proxy by default and reads TRUSTED_PROXIES as addresses or ranges', () => {
    assert.deepEqual(loadConfig({}).trustedProxies, []);
    assert.deepEqual(
      loadConfig({ TRUSTED_PROXIES: '10.0.0.5, 192.168.0.0/16,::1' }).trustedProxies,
      ['10.0.0.5', '192.168.0.0/16', '::1'],
    );
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
      [{ HOST: 'alle Schnittstellen' }, /HOST/],
      [{ TRUSTED_PROXIES: 'loopback' }, /TRUSTED_PROXIES/],
      [{ TRUSTED_PROXIES: '10.0.0.0/33' }, /TRUSTED_PROXIES/],
      [{ TRUSTED_PROXIES: '*' }, /TRUSTED_PROXIES/],
    ];
    for (const [env, message] of cases) {
      assert.throws(
        () => loadConfig(env),
        (error: unknown) => error instanceof ConfigError && message.test(error.message),
      );
    }
  });

  it('puts the clock ahead only on an instance marked as a demo, and only forward', () => {
    const plain = loadConfig({});
    assert.equal(plain.demoInstance, false);
    assert.equal(plain.demoClockOffsetDays, 0);
    assert.throws(
      () => loadConfig({ DEMO_CLOCK_OFFSET_DAYS: '90' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        /nur auf einer Demo- oder Schulungsinstanz erlaubt/.test(error.message) &&
        /DEMO_INSTANCE=true/.test(error.message),
    );
    assert.throws(
      () => loadConfig({ DEMO_INSTANCE: 'false', DEMO_CLOCK_OFFSET_DAYS: '1' }),
      ConfigError,
    );
    for (const bad of ['-5', '1.5', 'neunzig', '3651'])
      assert.throws(
        () => loadConfig({ DEMO_INSTANCE: 'true', DEMO_CLOCK_OFFSET_DAYS: bad }),
        (error: unknown) =>
          error instanceof ConfigError && /ganze Zahl von 0 bis 3650/.test(error.message),
        bad,
      );
    assert.throws(() => loadConfig({ DEMO_INSTANCE: 'vielleicht' }), ConfigError);
    const demo = loadConfig({ DEMO_INSTANCE: 'true', DEMO_CLOCK_OFFSET_DAYS: '90' });
    assert.equal(demo.demoInstance, true);
    assert.equal(demo.demoClockOffsetDays, 90);
    // A demo instance without offset, and an offset of 0 anywhere, are fine.
    assert.equal(loadConfig({ DEMO_CLOCK_OFFSET_DAYS: '0' }).demoClockOffsetDays, 0);
    assert.equal(loadConfig({ DEMO_INSTANCE: 'true' }).demoClockOffsetDays, 0);
  });

  it('keeps monitoring figures 300 seconds by default, 0 to 86400 when set, and refuses the rest', () => {
    assert.equal(loadConfig({}).dashboardCacheSeconds, 300);
    assert.equal(loadConfig({ DASHBOARD_CACHE_SECONDS: '0' }).dashboardCacheSeconds, 0);
    assert.equal(loadConfig({ DASHBOARD_CACHE_SECONDS: ' 60 ' }).dashboardCacheSeconds, 60);
    for (const bad of ['-1', '1.5', 'fünf', '86401', '1e3'])
      assert.throws(
        () => loadConfig({ DASHBOARD_CACHE_SECONDS: bad }),
        (error: unknown) =>
          error instanceof ConfigError &&
          /DASHBOARD_CACHE_SECONDS muss eine ganze Zahl von Sekunden/.test(error.message),
        bad,
      );
  });
});
