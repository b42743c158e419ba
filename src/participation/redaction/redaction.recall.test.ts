/**
 * Guards the measured quality of the detector on the annotated corpus
 * (test/fixtures/redaction-corpus, see bench/redaction-detector.bench.ts): recall on names,
 * addresses, e-mail addresses, phone numbers and IBANs must stay at or above 0.95 on the
 * held-out split, which the detector was not developed on.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  loadCorpus,
  scoreCorpus,
  targetRecall,
  TARGET_KINDS,
} from '../../../test/fixtures/redaction-corpus/corpus.ts';

describe('redaction detector on the annotated corpus', () => {
  const heldout = loadCorpus('heldout');

  it('has a corpus of at least 150 documents with every target kind in the held-out split', () => {
    assert.ok(heldout.length + loadCorpus('dev').length >= 150);
    const kinds = new Set(heldout.flatMap((d) => d.spans.map((s) => s.kind)));
    for (const kind of [...TARGET_KINDS, 'postcode', 'health', 'birthdate', 'plate', 'account']) {
      assert.ok(kinds.has(kind as never), kind);
    }
    for (const doc of heldout) {
      for (const span of doc.spans) assert.ok(span.start < span.end && span.end <= doc.text.length);
    }
  });

  it('keeps held-out recall ≥ 0.95 on names, addresses, e-mails, phones and IBANs', () => {
    const score = scoreCorpus(heldout);
    for (const kind of TARGET_KINDS) {
      const recall = targetRecall(score, kind);
      assert.ok(recall >= 0.95, `${kind}: recall ${recall.toFixed(3)}`);
    }
  });
});
