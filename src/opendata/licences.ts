/**
 * Licences as DCAT-AP.de needs them. Convention 31 of the DCAT-AP.de conventions handbook 2.0
 * requires dct:license of every distribution to be an IRI of the licence list
 * http://dcat-ap.de/def/licenses/ — GovData rejects other IRIs. Sources name their licences
 * in many spellings (a name, the govdata.de page, the Creative Commons deed), so the mapping
 * looks at both the name and the URL. A licence it cannot recognise is listed as
 * "other-open" and flagged, so it is visibly unchecked instead of silently wrong.
 */
import type { DataLicence } from './published.ts';

const BASE = 'http://dcat-ap.de/def/licenses/';

/** The portal's own data: Datenlizenz Deutschland – Namensnennung – Version 2.0. */
export const OWN_LICENCE: DataLicence = {
  name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
  url: 'https://www.govdata.de/dl-de/by-2-0',
};

export const DL_BY_DE_2 = `${BASE}dl-by-de/2.0`;

export interface LicenceIri {
  iri: string;
  /** false when the licence was not recognised and "other-open" stands in for it. */
  recognised: boolean;
}

const RULES: readonly { iri: string; test: RegExp }[] = [
  { iri: `${BASE}officialWork`, test: /officialWork|amtliches werk/i },
  { iri: `${BASE}dl-zero-de/2.0`, test: /dl-?de\/?zero|zero[-\s–]*(version\s*)?2\.0|dl-zero-de/i },
  {
    iri: DL_BY_DE_2,
    test: /dl-?de\/by-2-0|dl-by-de\/2\.0|datenlizenz deutschland\s*[–-]?\s*namensnennung/i,
  },
  { iri: `${BASE}cc-zero`, test: /cc0|publicdomain\/zero|cc[-\s]zero/i },
  { iri: `${BASE}cc-by-sa/4.0`, test: /by-sa\/4\.0|cc[-\s]by[-\s]sa\s*4\.0/i },
  { iri: `${BASE}cc-by/4.0`, test: /licenses\/by\/4\.0|cc[-\s]by\s*4\.0|cc-by\/4\.0/i },
  { iri: `${BASE}odbl`, test: /odbl|open database licen[cs]e/i },
];

/** The DCAT-AP.de licence IRI for a licence as a source names it. */
export function licenceIri(licence: DataLicence): LicenceIri {
  const text = `${licence.url ?? ''} ${licence.name}`;
  for (const rule of RULES) if (rule.test.test(text)) return { iri: rule.iri, recognised: true };
  return { iri: `${BASE}other-open`, recognised: false };
}
