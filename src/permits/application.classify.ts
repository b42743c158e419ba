import type { Db } from '../db/database.ts';
import { locateProject } from '../registers/areas/area.queries.ts';
import { classifyWindProject } from './classification/index.ts';
import type { ApplicationData } from './application.ts';
import { AppError } from '../platform/errors.ts';

/**
 * Which procedure a submitted application runs in, decided from the application itself and the
 * area register (not from what the applicant ticks), with the facts the rules depend on.
 */
export async function classifyApplication(
  db: Db,
  data: ApplicationData,
  today: string,
): Promise<{
  typeKey: 'bimschg-formal' | 'bimschg-simplified';
  facts: Record<string, boolean>;
  inAccelerationArea: boolean;
}> {
  const location = await locateProject(
    db,
    data.turbines.map((t) => ({ lon: t.lon, lat: t.lat })),
  );
  const classification = classifyWindProject(
    {
      turbineCount: data.turbines.length,
      maxTotalHeightM: Math.max(...data.turbines.map((t) => t.totalHeightM)),
      repowering: data.repowering,
      inAccelerationArea: location.inAccelerationArea,
      inWindEnergyArea: location.inWindEnergyArea,
      eiaScreeningOutcome: data.eiaScreeningOutcome,
      applicantRequestsFormal: data.permitWish === 'formal',
    },
    today,
  );
  if (classification.procedure === 'none') {
    throw new AppError(
      'validation',
      'Für Windenergieanlagen mit höchstens 50 m Gesamthöhe ist keine immissionsschutzrechtliche Genehmigung erforderlich; zuständig ist die Bauaufsicht.',
      [
        {
          field: 'turbines.0.hubHeightM',
          message: 'Alle Anlagen sind höchstens 50 m hoch: kein BImSchG-Verfahren.',
        },
      ],
    );
  }
  const formal =
    classification.procedure === 'formal' || classification.procedure === 'repowering-formal';
  return {
    typeKey: formal ? 'bimschg-formal' : 'bimschg-simplified',
    facts: { inAccelerationArea: location.inAccelerationArea },
    inAccelerationArea: location.inAccelerationArea,
  };
}
