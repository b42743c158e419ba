import {
  areaMatches,
  competentAuthority,
  windInstallation,
  type CompetenceResult,
  type CompetenceSite,
} from '../law/competence.ts';
import type { Db } from '../db/database.ts';
import type { FieldError } from '../platform/errors.ts';
import { findMunicipality, municipalityByName } from '../registers/geo/index.ts';
import type { ApplicationData } from './application.ts';

/**
 * The Gemeinden of the site: from the turbines' coordinates where given (they are what is
 * built), otherwise from the Gemeinde named in the form.
 */
export function siteMunicipalities(data: ApplicationData): CompetenceSite[] {
  const fromTurbines = data.turbines
    .filter((t) => Number.isFinite(t.lon) && Number.isFinite(t.lat))
    .map((t) => findMunicipality({ lon: t.lon, lat: t.lat }))
    .filter((m) => m !== undefined);
  if (fromTurbines.length > 0) return fromTurbines;
  const named = data.site.gemeinde ? municipalityByName(data.site.gemeinde) : undefined;
  return named ? [named] : [];
}

export function competenceFor(data: ApplicationData): CompetenceResult | undefined {
  return competentAuthority(siteMunicipalities(data), windInstallation(data.turbines.length));
}

/**
 * Refuses an authority that is not competent for the site (ZustVU NRW, src/law/competence.ts).
 * An authority without a recorded competence area cannot be checked and is accepted, as is a
 * site whose authority the law leaves to be determined.
 */
export async function competenceProblem(
  db: Db,
  data: ApplicationData,
  authority: { id: string; competence_area: string | null },
): Promise<FieldError | undefined> {
  const result = competenceFor(data);
  if (!result || result.kind === 'undetermined' || authority.competence_area === null) return;
  if (areaMatches(authority.competence_area, result)) return;
  const competent = await db
    .selectFrom('organisations')
    .select('name')
    .where('kind', '=', 'authority')
    .where('competence_area', '=', result.areaCode)
    .orderBy('name')
    .executeTakeFirst();
  const next = competent
    ? `Bitte wählen Sie „${competent.name}“.`
    : 'Diese Behörde ist auf der Plattform nicht vertreten; bitte reichen Sie den Antrag dort unmittelbar ein.';
  return {
    field: 'authorityId',
    message: `Die gewählte Behörde ist für diesen Standort nicht zuständig. Zuständig ist ${result.label} (${result.citations.join('; ')}). ${result.reason} ${next}`,
  };
}

/**
 * For a draft whose site was entered after the authority was chosen: a note in the summary of what
 * is missing, not a refusal: the case may already hold steps, and the authority refers the
 * applicant to the competent one. [open: whether submission should be refused instead]
 */
export function competenceWarning(
  data: ApplicationData,
  competenceArea: string | null,
): FieldError[] {
  const result = competenceFor(data);
  if (!result || result.kind === 'undetermined' || competenceArea === null) return [];
  if (areaMatches(competenceArea, result)) return [];
  return [
    {
      field: 'site.gemeinde',
      message: `Die gewählte Behörde ist für diesen Standort nicht zuständig; zuständig ist ${result.label} (${result.citations.join('; ')}).`,
    },
  ];
}
