/**
 * The administrative courts of NRW as data: seat, postal address and the Kreise / kreisfreie
 * Städte of each district, keyed by the 5-digit regional key (ARS/AGS of the Kreis, '05…').
 *
 * Districts: § 17 JustG NRW (read in the statute text; the former § 1 Abs. 2 AG VwGO NRW had the
 * same list). The OVG's district is the whole Land (§ 21 Abs. 1 JustG NRW).
 * Addresses: the VG addresses were read in the NRW ministerial circular of 6 September 2011
 * (MBl. NRW. 2011 S. 359, model remedies text); whether they are still current is [open]. The
 * OVG's street (Aegidiikirchplatz) is confirmed by the court's own site; house number and postcode
 * are [open].
 */

export interface CourtAddress {
  street: string;
  postalCode: string;
  city: string;
}

export interface AdministrativeCourt {
  id: string;
  /** Full name as printed, e.g. 'Verwaltungsgericht Minden'. */
  name: string;
  /** The seat, which § 58 Abs. 1 VwGO requires the remedies notice to name. */
  seat: string;
  address: CourtAddress;
  /** Where the address was read and how far it is verified. */
  addressSource: string;
  addressOpen: boolean;
  /** Kreise and kreisfreie Städte of the district: key → name. */
  district: Readonly<Record<string, string>>;
}

const circular2011 = 'MBl. NRW. 2011 S. 359 (Stand 2011)';

export const administrativeCourts: readonly AdministrativeCourt[] = [
  {
    id: 'vg-aachen',
    name: 'Verwaltungsgericht Aachen',
    seat: 'Aachen',
    address: { street: 'Adalbertsteinweg 92', postalCode: '52070', city: 'Aachen' },
    addressSource: circular2011,
    addressOpen: true,
    district: {
      '05334': 'Städteregion Aachen',
      '05358': 'Düren',
      '05366': 'Euskirchen',
      '05370': 'Heinsberg',
    },
  },
  {
    id: 'vg-arnsberg',
    name: 'Verwaltungsgericht Arnsberg',
    seat: 'Arnsberg',
    address: { street: 'Jägerstraße 1', postalCode: '59821', city: 'Arnsberg' },
    addressSource: circular2011,
    addressOpen: true,
    district: {
      '05914': 'Hagen',
      '05915': 'Hamm',
      '05954': 'Ennepe-Ruhr-Kreis',
      '05958': 'Hochsauerlandkreis',
      '05962': 'Märkischer Kreis',
      '05966': 'Olpe',
      '05970': 'Siegen-Wittgenstein',
      '05974': 'Soest',
    },
  },
  {
    id: 'vg-duesseldorf',
    name: 'Verwaltungsgericht Düsseldorf',
    seat: 'Düsseldorf',
    address: { street: 'Bastionstraße 39', postalCode: '40213', city: 'Düsseldorf' },
    addressSource: circular2011,
    addressOpen: true,
    district: {
      '05111': 'Düsseldorf',
      '05112': 'Duisburg',
      '05114': 'Krefeld',
      '05116': 'Mönchengladbach',
      '05117': 'Mülheim an der Ruhr',
      '05119': 'Oberhausen',
      '05120': 'Remscheid',
      '05122': 'Solingen',
      '05124': 'Wuppertal',
      '05154': 'Kleve',
      '05158': 'Mettmann',
      '05162': 'Rhein-Kreis Neuss',
      '05166': 'Viersen',
      '05170': 'Wesel',
    },
  },
  {
    id: 'vg-gelsenkirchen',
    name: 'Verwaltungsgericht Gelsenkirchen',
    seat: 'Gelsenkirchen',
    address: { street: 'Bahnhofsvorplatz 3', postalCode: '45879', city: 'Gelsenkirchen' },
    addressSource: circular2011,
    addressOpen: true,
    district: {
      '05911': 'Bochum',
      '05512': 'Bottrop',
      '05913': 'Dortmund',
      '05113': 'Essen',
      '05513': 'Gelsenkirchen',
      '05916': 'Herne',
      '05562': 'Recklinghausen',
      '05978': 'Unna',
    },
  },
  {
    id: 'vg-koeln',
    name: 'Verwaltungsgericht Köln',
    seat: 'Köln',
    // The circular spells "Apellhofplatz" and gives no house number.
    address: { street: 'Appellhofplatz', postalCode: '50667', city: 'Köln' },
    addressSource: circular2011,
    addressOpen: true,
    district: {
      '05314': 'Bonn',
      '05315': 'Köln',
      '05316': 'Leverkusen',
      '05374': 'Oberbergischer Kreis',
      '05362': 'Rhein-Erft-Kreis',
      '05378': 'Rheinisch-Bergischer Kreis',
      '05382': 'Rhein-Sieg-Kreis',
    },
  },
  {
    id: 'vg-minden',
    name: 'Verwaltungsgericht Minden',
    seat: 'Minden',
    address: { street: 'Königswall 8', postalCode: '32423', city: 'Minden' },
    addressSource: circular2011,
    addressOpen: true,
    district: {
      '05711': 'Bielefeld',
      '05754': 'Gütersloh',
      '05758': 'Herford',
      '05762': 'Höxter',
      '05766': 'Lippe',
      '05770': 'Minden-Lübbecke',
      '05774': 'Paderborn',
    },
  },
  {
    id: 'vg-muenster',
    name: 'Verwaltungsgericht Münster',
    seat: 'Münster',
    address: { street: 'Piusallee 38', postalCode: '48147', city: 'Münster' },
    addressSource: `${circular2011}; Piusallee 38 seit 1984 auch nach Wikipedia`,
    addressOpen: true,
    district: {
      '05515': 'Münster',
      '05554': 'Borken',
      '05558': 'Coesfeld',
      '05566': 'Steinfurt',
      '05570': 'Warendorf',
    },
  },
];

export const higherAdministrativeCourt: AdministrativeCourt = {
  id: 'ovg-nrw',
  name: 'Oberverwaltungsgericht für das Land Nordrhein-Westfalen',
  seat: 'Münster',
  address: { street: 'Aegidiikirchplatz 5', postalCode: '48143', city: 'Münster' },
  addressSource: 'ovg.nrw.de: Gerichtsgebäude am Aegidiikirchplatz; Hausnummer und PLZ [open]',
  addressOpen: true,
  district: {},
};

/** The VG whose district holds the Kreis / kreisfreie Stadt, or undefined outside NRW. */
export function courtForKreis(kreisAgs: string): AdministrativeCourt | undefined {
  return administrativeCourts.find((c) => kreisAgs in c.district);
}

/** 'Königswall 8, 32423 Minden' */
export function formatCourtAddress(court: AdministrativeCourt): string {
  const a = court.address;
  return `${a.street}, ${a.postalCode} ${a.city}`;
}
