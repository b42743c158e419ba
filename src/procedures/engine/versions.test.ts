import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkProcedureType, selectProcedureVersion } from './index.ts';
import type { ProcedureTypeVersion } from './index.ts';
import { SAMPLE_TYPE } from './testing.ts';

const v1 = SAMPLE_TYPE;
const v2: ProcedureTypeVersion = { ...SAMPLE_TYPE, version: '2', validFrom: '2026-07-01' };
const other: ProcedureTypeVersion = { ...SAMPLE_TYPE, key: 'other', validFrom: '2020-01-01' };

describe('selectProcedureVersion', () => {
  const versions = [v2, other, v1];

  it('picks the newest version valid on the date, whatever the order of the list', () => {
    assert.equal(selectProcedureVersion(versions, 'sample', '2026-01-01')?.version, '1');
    assert.equal(selectProcedureVersion(versions, 'sample', '2026-06-30')?.version, '1');
    assert.equal(selectProcedureVersion(versions, 'sample', '2026-07-01')?.version, '2');
    assert.equal(selectProcedureVersion([v1, v2], 'sample', '2030-01-01')?.version, '2');
  });

  it('returns null before the first version and for unknown types', () => {
    assert.equal(selectProcedureVersion(versions, 'sample', '2025-12-31'), null);
    assert.equal(selectProcedureVersion(versions, 'missing', '2026-07-01'), null);
  });
});

describe('checkProcedureType', () => {
  it('accepts the sample type', () => {
    assert.deepEqual(checkProcedureType(SAMPLE_TYPE), []);
  });

  it('finds unknown steps, events nobody emits and forward references', () => {
    const [first, ...rest] = SAMPLE_TYPE.deadlines;
    assert.ok(first);
    const broken: ProcedureTypeVersion = {
      ...SAMPLE_TYPE,
      transitions: [
        ...SAMPLE_TYPE.transitions,
        { ...SAMPLE_TYPE.transitions[0]!, action: 'bad', from: ['nowhere', 'done'], to: 'void' },
      ],
      deadlines: [...rest, { ...first, satisfiedBy: ['never-emitted'] }],
    };
    const problems = checkProcedureType(broken);
    assert.ok(problems.includes('bad: unknown from-step nowhere'));
    assert.ok(problems.includes('bad: leaves terminal step done'));
    assert.ok(problems.includes('bad: unknown to-step void'));
    assert.ok(problems.includes('intake: no transition emits never-emitted'));
    assert.ok(problems.includes('overall: depends on later or unknown deadline intake'));
  });
});
