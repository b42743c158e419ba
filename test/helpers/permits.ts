import { readFileSync } from 'node:fs';
import { createApiToken } from '../../src/platform/auth/auth.queries.ts';
import type { TestApp } from './app.ts';
import { multipart, SAMPLE_PDF } from './multipart.ts';

export interface DemoProject {
  key: string;
  title: string;
  turbines: {
    lon: number;
    lat: number;
    hubHeightM: number;
    rotorDiameterM: number;
    ratedPowerKw: number;
    type: string;
  }[];
  parcel: { gemarkung: string; gemarkungKey: string; flur: string; flurstueck: string };
  gemeinde: string;
  repowering: boolean;
  plannedCommissioning: string;
}

export const DEMO_PROJECTS = JSON.parse(
  readFileSync(new URL('../../data/demo/wind-projects.json', import.meta.url), 'utf8'),
) as DemoProject[];

export function applicationBody(
  project: DemoProject,
  authorityId: string,
  turbineCount = project.turbines.length,
) {
  return {
    authorityId,
    title: project.title,
    repowering: project.repowering,
    site: {
      gemeinde: project.gemeinde,
      gemarkung: project.parcel.gemarkungKey,
      flur: project.parcel.flur,
      flurstueck: project.parcel.flurstueck,
    },
    turbines: project.turbines.slice(0, turbineCount).map((t) => ({
      type: t.type,
      hubHeightM: t.hubHeightM,
      rotorDiameterM: t.rotorDiameterM,
      ratedPowerKw: t.ratedPowerKw,
      lon: t.lon,
      lat: t.lat,
    })),
    plannedCommissioning: project.plannedCommissioning,
    nonTechnicalSummary: `Geplant sind Windenergieanlagen im Vorhaben ${project.title}. Die Kurzbeschreibung erläutert Lage, Höhe, Schall und Schattenwurf allgemein verständlich.`,
  };
}

/** API client with a Bearer token for one demo user. */
export async function apiAs(t: TestApp, email: string) {
  const user = await t.database.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  const { token } = await createApiToken(t.database.db, user.id, `Test ${email}`);
  const headers = { authorization: `Bearer ${token}` };
  return {
    get: (url: string) => t.app.inject({ method: 'GET', url, headers }),
    post: (url: string, payload: object = {}) =>
      t.app.inject({ method: 'POST', url, headers, payload }),
    put: (url: string, payload: object) => t.app.inject({ method: 'PUT', url, headers, payload }),
    upload: (
      url: string,
      fields: Record<string, string>,
      file = { name: 'unterlage.pdf', content: SAMPLE_PDF },
    ) => {
      const body = multipart(fields, file);
      return t.app.inject({
        method: 'POST',
        url,
        headers: { ...headers, ...body.headers },
        payload: body.payload,
      });
    },
  };
}

export async function orgId(t: TestApp, nameStart: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('organisations')
    .select('id')
    .where('name', 'like', `${nameStart}%`)
    .executeTakeFirstOrThrow();
  return row.id;
}
