/**
 * The award list as JSON in the shape of the 360Giving Data Standard (a grant package: `grants[]`
 * with id, title, description, currency, amountAwarded, awardDate, recipientOrganization[],
 * fundingOrganization[], grantProgramme[], beneficiaryLocation[], classifications[]). Identifiers
 * follow the 360Giving pattern "prefix-internal id"; the prefix is not registered with 360Giving
 * [open]. The choices are documented in docs/award-list.md; AwardPackageSchema is that shape,
 * checked by the tests. Streamed grant by grant.
 */
import { Readable } from 'node:stream';
import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { instrumentLabel } from '../de-minimis/de-minimis.types.ts';
import { SIZE_LABELS } from './award.csv.ts';
import type { AwardFilters } from './award.filters.ts';
import { allAwards, type PublicAward } from './award.queries.ts';

/** [open] To be replaced by a prefix registered with 360Giving (or an org-id.guide list). */
export const ID_PREFIX = '360G-industrieland';
export const LICENSE_URL = 'https://www.govdata.de/dl-de/by-2-0';
export const LICENSE_NAME = 'Datenlizenz Deutschland – Namensnennung – Version 2.0';

const IsoDay = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$' });
/** An instant as toISOString() writes it (UTC): the date-time format of the standard. */
const Instant = Type.String({
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{3})?Z$',
});
const Organization = Type.Object({
  id: Type.String({ pattern: `^${ID_PREFIX}-` }),
  name: Type.String({ minLength: 1 }),
  addressRegion: Type.Optional(Type.String()),
  addressCountry: Type.Optional(Type.String()),
});
const Classification = Type.Object({
  vocabulary: Type.String(),
  code: Type.String(),
  title: Type.Optional(Type.String()),
});

export const AwardGrantSchema = Type.Object({
  id: Type.String({ pattern: `^${ID_PREFIX}-grant-[0-9a-f-]{36}$` }),
  title: Type.String({ minLength: 1, maxLength: 140 }),
  description: Type.String({ minLength: 1 }),
  currency: Type.Literal('EUR'),
  amountAwarded: Type.Number({ exclusiveMinimum: 0 }),
  awardDate: IsoDay,
  recipientOrganization: Type.Array(Organization, { minItems: 1, maxItems: 1 }),
  fundingOrganization: Type.Array(Organization, { minItems: 1, maxItems: 1 }),
  grantProgramme: Type.Array(Type.Object({ code: Type.String(), title: Type.String() }), {
    minItems: 1,
  }),
  beneficiaryLocation: Type.Array(
    Type.Object({
      name: Type.String(),
      countryCode: Type.Literal('DE'),
      geoCode: Type.String({ pattern: '^[0-9]{5}([0-9]{3})?$' }),
      geoCodeType: Type.Union([Type.Literal('DE-AGS'), Type.Literal('DE-KREIS')]),
    }),
  ),
  classifications: Type.Array(Classification),
  dateModified: Instant,
  dataSource: Type.String(),
});

export const AwardPackageSchema = Type.Object({
  title: Type.String(),
  description: Type.String(),
  modified: Instant,
  publisher: Type.Object({ name: Type.String(), website: Type.String() }),
  license: Type.Literal(LICENSE_URL),
  accessURL: Type.String(),
  downloadURL: Type.String(),
  grants: Type.Array(AwardGrantSchema),
});

export type AwardGrant = Static<typeof AwardGrantSchema>;

/** Exact decimal text of the cents as a JSON number (no float arithmetic on the way). */
function euros(cents: number): number {
  return Number(`${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);
}

export function awardGrant(a: PublicAward, dataSource: string): AwardGrant {
  const recipientId = a.recipientOrgId
    ? `${ID_PREFIX}-org-${a.recipientOrgId}`
    : // A natural person gets an id of this grant only, so grants cannot be linked to a person.
      `${ID_PREFIX}-recipient-${a.id}`;
  const place = a.ags
    ? { name: a.gemeinde ?? a.ags, geoCode: a.ags, geoCodeType: 'DE-AGS' as const }
    : a.kreisKey
      ? { name: a.kreis ?? a.kreisKey, geoCode: a.kreisKey, geoCodeType: 'DE-KREIS' as const }
      : undefined;
  const classifications: AwardGrant['classifications'] = [
    { vocabulary: 'Rechtsgrundlage der Beihilfe', code: a.aidBasis },
    {
      vocabulary: 'Beihilfeinstrument',
      code: a.aidInstrument,
      title: instrumentLabel(a.aidInstrument),
    },
  ];
  if (a.size)
    classifications.push({
      vocabulary: 'Unternehmensgröße (Anhang I AGVO)',
      code: a.size,
      title: SIZE_LABELS[a.size],
    });
  if (a.naceCode) classifications.push({ vocabulary: 'NACE Rev. 2 (WZ 2008)', code: a.naceCode });
  const title = `${a.programmeTitle}: ${a.recipientName}`;
  return {
    id: `${ID_PREFIX}-grant-${a.id}`,
    title: title.length > 140 ? `${title.slice(0, 139)}…` : title,
    description: a.purpose,
    currency: 'EUR',
    amountAwarded: euros(a.amountCents),
    awardDate: a.grantedOn,
    recipientOrganization: [
      {
        id: recipientId,
        name: a.recipientName,
        ...(a.kreis ? { addressRegion: a.kreis } : {}),
        addressCountry: 'Deutschland',
      },
    ],
    fundingOrganization: [{ id: `${ID_PREFIX}-org-${a.fundingBodyId}`, name: a.fundingBody }],
    grantProgramme: [{ code: a.programmeId, title: a.programmeTitle }],
    beneficiaryLocation: place ? [{ ...place, countryCode: 'DE' }] : [],
    classifications,
    dateModified: a.publishedFrom.toISOString(),
    dataSource,
  };
}

async function* jsonChunks(options: {
  db: Kysely<Database>;
  filters: AwardFilters;
  now: Date;
  publicUrl: string;
  query: string;
}): AsyncGenerator<Buffer, void, undefined> {
  const page = `${options.publicUrl}foerderung/vergaben`;
  const head = {
    title: 'Industrieland – Liste der gewährten Einzelbeihilfen (Transparenz)',
    description:
      'Einzelbeihilfen über 100.000 € nach Art. 9 Abs. 1 Buchst. c AGVO, veröffentlicht am Tag der Bewilligung.',
    modified: options.now.toISOString(),
    publisher: { name: 'Industrieland', website: options.publicUrl },
    license: LICENSE_URL,
    accessURL: page,
    downloadURL: `${page}.json${options.query}`,
  };
  const text = JSON.stringify(head);
  yield Buffer.from(`${text.slice(0, -1)},"grants":[`, 'utf8');
  let first = true;
  for await (const batch of allAwards(options.db, options)) {
    const grants = batch.map((a) => JSON.stringify(awardGrant(a, page))).join(',');
    yield Buffer.from(first ? grants : `,${grants}`, 'utf8');
    first = false;
  }
  yield Buffer.from(']}', 'utf8');
}

export function streamAwardJson(options: Parameters<typeof jsonChunks>[0]): Readable {
  return Readable.from(jsonChunks(options), { objectMode: false });
}
