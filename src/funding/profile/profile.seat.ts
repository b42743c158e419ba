import { loadGemeinden } from '../../registers/geo/data-files.ts';

/**
 * The seat of a company as its Amtlicher Gemeindeschlüssel (8 digits: Land, Regierungsbezirk,
 * Kreis, Gemeinde). NRW keys (Land 05) are checked against the Gemeinde list the portal ships
 * (data/geo, VG250); keys of other Länder only by their form, since the portal has no list of
 * them.
 */
export interface SeatCheck {
  ok: boolean;
  /** The Gemeinde and Kreis for an NRW key, for display ("Lichtenau, Kreis Paderborn"). */
  name?: string;
  message?: string;
}

let byAgs: Map<string, string> | undefined;

function nrwGemeinden(): Map<string, string> {
  byAgs ??= new Map(
    loadGemeinden().map((g) => [g.ags, g.name === g.kreis ? g.name : `${g.name}, ${g.kreis}`]),
  );
  return byAgs;
}

export function checkSeatAgs(ags: string): SeatCheck {
  if (!/^\d{8}$/.test(ags)) {
    return {
      ok: false,
      message: `Der Amtliche Gemeindeschlüssel des Sitzes muss aus genau 8 Ziffern bestehen (erhalten: ${ags.length} Zeichen; z. B. „05774028“ für Lichtenau).`,
    };
  }
  const land = Number(ags.slice(0, 2));
  if (land < 1 || land > 16) {
    return {
      ok: false,
      message: `Der Amtliche Gemeindeschlüssel „${ags}“ beginnt mit keinem Länderschlüssel (01 bis 16).`,
    };
  }
  if (land !== 5) return { ok: true };
  const name = nrwGemeinden().get(ags);
  if (!name) {
    return {
      ok: false,
      message: `Der Amtliche Gemeindeschlüssel „${ags}“ gehört zu keiner Gemeinde in Nordrhein-Westfalen.`,
    };
  }
  return { ok: true, name };
}

/** "Lichtenau, Kreis Paderborn (05774028)", or the bare key outside NRW. */
export function seatLabel(ags: string): string {
  const name = /^05\d{6}$/.test(ags) ? nrwGemeinden().get(ags) : undefined;
  return name ? `${name} (${ags})` : `${ags} (außerhalb Nordrhein-Westfalens)`;
}
