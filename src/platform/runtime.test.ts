import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

// Decision 0007: the suite and the portal run on the Node.js pinned in package.json, not on
// whatever the system has (Node.js 20 is end of life).
test('runs on the pinned Node.js 24 runtime that package.json declares', () => {
  const pkg = JSON.parse(
    readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8'),
  ) as { engines: { node: string }; dependencies: Record<string, string> };
  const major = Number(process.versions.node.split('.')[0]);
  assert.ok(major >= 24, `Node.js ${process.versions.node} statt 24`);
  assert.match(pkg.dependencies.node ?? '', /^\^?24\./);
  assert.match(pkg.engines.node, />=\s*24/);
});
