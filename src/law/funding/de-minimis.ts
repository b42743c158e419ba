import type { IsoDate } from '../calendar-date.ts';
import { addDays } from '../calendar-date.ts';
import { formatGermanDate } from '../german-format.ts';
import { formatEuro } from '../fees/money.ts';
import {
  lookup,
  registryOf,
  requireCents,
  requireDate,
  SupportInputError,
} from '../rules/index.ts';
import type { ParameterTable, ParameterUse } from '../rules/index.ts';

/**
 * De-minimis ceiling per single undertaking (linked enterprises count as one, Art. 2 (2)) over
 * any period of three years (Art. 3 (2) Regulation (EU) 2023/2831, from 1 January 2024; before:
 * 200,000 € under Regulation (EU) No 1407/2013).
 */
export const deMinimisCeiling: ParameterTable = {
  id: 'de-minimis.ceiling',
  label: 'De-minimis-Höchstbetrag in drei Jahren',
  unit: 'Cent',
  citation: 'Art. 3 Abs. 2 VO (EU) 2023/2831',
  versions: [
    { validFrom: '2014-01-01', value: 20_000_000, source: 'Art. 3 Abs. 2 VO (EU) Nr. 1407/2013' },
    { validFrom: '2024-01-01', value: 30_000_000, source: 'Art. 3 Abs. 2 VO (EU) 2023/2831' },
  ],
};
registryOf([deMinimisCeiling]);

export interface DeMinimisAid {
  grantedOn: IsoDate;
  amountCents: number;
}

export interface DeMinimisHeadroom {
  ceilingCents: number;
  /** Aid granted in the three years up to and including the date. */
  usedCents: number;
  headroomCents: number;
  windowFrom: IsoDate;
  parameter: ParameterUse;
  text: string;
}

/**
 * Headroom under the ceiling on `date` for a new grant. The three-year period is rolling: aid
 * granted on or after the same day three years earlier counts (Art. 3 (2): "any period of three
 * years"; the exact day count is [open]).
 */
export function deMinimisHeadroom(aid: readonly DeMinimisAid[], date: IsoDate): DeMinimisHeadroom {
  const day = requireDate(date);
  if (!Array.isArray(aid)) {
    throw new SupportInputError(
      'deMinimisAid',
      'Die Angaben zu De-minimis-Beihilfen müssen eine Liste sein.',
    );
  }
  const list: readonly DeMinimisAid[] = aid;
  const year = Number(day.slice(0, 4)) - 3;
  const windowFrom = addDays(`${year}${day.slice(4)}`.replace(/-02-29$/, '-02-28'), 1);
  let used = 0;
  for (const a of list) {
    const granted = requireDate(a.grantedOn, 'deMinimisGrantDate');
    const cents = requireCents(a.amountCents, 'deMinimisAmount');
    if (granted >= windowFrom && granted <= day) used += cents;
  }
  const { value, use } = lookup(deMinimisCeiling, day);
  const ceiling = value as number;
  const headroom = Math.max(0, ceiling - used);
  return {
    ceilingCents: ceiling,
    usedCents: used,
    headroomCents: headroom,
    windowFrom,
    parameter: use,
    text: `De-minimis-Beihilfen seit ${formatGermanDate(windowFrom, { weekday: false })}: ${formatEuro(used)} von ${formatEuro(ceiling)}; verbleibender Spielraum ${formatEuro(headroom)}.`,
  };
}
