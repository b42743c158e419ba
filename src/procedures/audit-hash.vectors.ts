import type { AuditEventContent } from './audit-hash.ts';

/**
 * Known-answer vectors for the audit-chain hash: three chained events and the SHA-256 each must
 * have. The expected hashes were computed once outside the code, with `sha256sum` over the
 * canonical strings below written out by hand following the format documented in audit-hash.ts,
 * and are kept here as literals. If the format changes, stored chains stop verifying, and these
 * tests fail first.
 *
 * They cover: the first event (no predecessor, no actor), chaining with the previous hash, German
 * and non-BMP text, escapes (quote, backslash, line break, tab, a control character), key order at
 * every level (upper case before lower case, keys beyond ASCII, UTF-16 order beyond the BMP),
 * nested objects and arrays, numbers, booleans, null, an omitted undefined member and timestamps
 * with milliseconds.
 */
export const PROCEDURE_ID = '5f0c2a7e-3b1d-4c8e-9a6f-1d2e3f4a5b6c';

export interface AuditHashVector {
  event: AuditEventContent;
  /** The canonical string, exactly as it was hashed by hand. */
  canonical: string;
  hash: string;
}

const HASH_1 = 'd7249748b741044fabc1aebf9ef279edfcb11e042e4bce8ca8b5657214a50d5a';
const HASH_2 = 'a8d114eea4c0325e8ea550f23a3b405c40226be99b3741f544113cd1bc04ab9c';
const HASH_3 = 'e6b518b89fab56cc2627bd60f0cfc4f86f5d283e6aab1fae7af0705e4c4516f1';

export const AUDIT_HASH_VECTORS: readonly AuditHashVector[] = [
  {
    event: {
      procedureId: PROCEDURE_ID,
      seq: 1,
      at: new Date('2026-03-01T09:30:00.000Z'),
      actorId: null,
      actorRole: 'applicant',
      type: 'application.drafted',
      data: {},
      prevHash: null,
    },
    canonical:
      '{"actorId":null,"actorRole":"applicant","at":"2026-03-01T09:30:00.000Z","data":{},"prevHash":null,"procedureId":"5f0c2a7e-3b1d-4c8e-9a6f-1d2e3f4a5b6c","seq":1,"type":"application.drafted"}',
    hash: HASH_1,
  },
  {
    event: {
      procedureId: PROCEDURE_ID,
      seq: 2,
      // the night of the switch to summer time in Berlin; the hash takes UTC with milliseconds
      at: new Date('2026-03-29T01:30:00.123Z'),
      actorId: '0b7e4f7c-8a51-4e0a-9d3c-6b2f1e0a9c84',
      actorRole: 'case_worker',
      type: 'completeness.confirmed',
      data: {
        timetable: { hearing: null, display: ['2026-04-07', '2026-05-06'] },
        Ａ: 'vollbreit',
        '🌬': 'Wind',
        ä: 1,
        z: 2,
        note: 'Umlaute äöü ß – „Anführung“ 🌬 "zitiert" \\ Zeile1\nZeile2\tTab\u0001 </script>',
        completenessDate: '2026-03-27',
        deliveredAt: '2026-03-29T01:30:00.123Z',
        agencies: [
          { name: 'LANUK', key: 'lanuk' },
          { name: 'Bezirksregierung Münster', key: 'brms' },
        ],
        months: 2,
        neg: -3,
        ratio: 0.5,
        big: 1e21,
        granted: true,
        omitted: undefined,
        Zeichen: 'ä',
      },
      prevHash: HASH_1,
    },
    canonical:
      '{"actorId":"0b7e4f7c-8a51-4e0a-9d3c-6b2f1e0a9c84","actorRole":"case_worker","at":"2026-03-29T01:30:00.123Z","data":{"Zeichen":"ä","agencies":[{"key":"lanuk","name":"LANUK"},{"key":"brms","name":"Bezirksregierung Münster"}],"big":1e+21,"completenessDate":"2026-03-27","deliveredAt":"2026-03-29T01:30:00.123Z","granted":true,"months":2,"neg":-3,"note":"Umlaute äöü ß – „Anführung“ 🌬 \\"zitiert\\" \\\\ Zeile1\\nZeile2\\tTab\\u0001 </script>","ratio":0.5,"timetable":{"display":["2026-04-07","2026-05-06"],"hearing":null},"z":2,"ä":1,"🌬":"Wind","Ａ":"vollbreit"},"prevHash":"d7249748b741044fabc1aebf9ef279edfcb11e042e4bce8ca8b5657214a50d5a","procedureId":"5f0c2a7e-3b1d-4c8e-9a6f-1d2e3f4a5b6c","seq":2,"type":"completeness.confirmed"}',
    hash: HASH_2,
  },
  {
    event: {
      procedureId: PROCEDURE_ID,
      seq: 3,
      at: new Date('2026-12-31T23:59:59.999Z'),
      actorId: null,
      actorRole: 'system',
      type: 'decision.delivered',
      data: {
        reasons: [],
        text: '',
        nested: { deep: { deeper: { x: [1, [2, { b: null, a: false }]] } } },
      },
      prevHash: HASH_2,
    },
    canonical:
      '{"actorId":null,"actorRole":"system","at":"2026-12-31T23:59:59.999Z","data":{"nested":{"deep":{"deeper":{"x":[1,[2,{"a":false,"b":null}]]}}},"reasons":[],"text":""},"prevHash":"a8d114eea4c0325e8ea550f23a3b405c40226be99b3741f544113cd1bc04ab9c","procedureId":"5f0c2a7e-3b1d-4c8e-9a6f-1d2e3f4a5b6c","seq":3,"type":"decision.delivered"}',
    hash: HASH_3,
  },
];
