/** What the indicator definitions share: the live origin and the first version. */
export const LIVE = { kind: 'live' } as const;
export const V1 = { version: 1, validFrom: '2026-12-03' } as const;
