/**
 * How much of a designated area counts towards the Flächenbeitragswerte (§ 4 WindBG).
 *
 * § 4 Abs. 3 WindBG: an area counts in full only if the plan lets the rotor blades reach beyond
 * its boundary (rotor-out). Where the plan requires the rotor blades to stay inside the area
 * (rotor-in), only the part left after moving the boundary inwards by the rotor-blade length of a
 * reference turbine counts; where no GIS data exist, flat factors by area size apply instead
 * (§ 4 Abs. 3 Satz 5 with Anlage 2). The register always has the geometry, so the inward offset
 * is computed exactly (area.geometry.ts, insetArea).
 * [open] The reference rotor-blade length (75 m, half of a 150 m rotor diameter) is to be confirmed
 * against the current wording of § 4 Abs. 3 WindBG by legal sign-off.
 */
export const ROTOR_IN_INSET_METRES = 75;

export const ROTOR_RULE_LABELS = {
  'rotor-out': 'Rotor außerhalb zulässig (voll angerechnet)',
  'rotor-in': 'Rotor innerhalb (um 75 m Randstreifen gemindert, § 4 Abs. 3 WindBG)',
} as const;

export const LEGAL_STATUS_LABELS = {
  'in-force': 'wirksam',
  draft: 'Entwurf',
} as const;

export const KIND_LABELS = {
  'wind-energy': 'Windenergiegebiet',
  acceleration: 'Beschleunigungsgebiet',
} as const;
