import type { ApplicationData, Turbine } from '../../src/permits/application.ts';
import { GEMEINDEN } from './organisations.ts';
import type { Random } from './random.ts';

const TURBINE_TYPES = [
  'Enercon E-160 EP5',
  'Vestas V162-6.2',
  'Nordex N163/6.X',
  'Siemens Gamesa SG 6.6-170',
];

/** A plausible wind-farm application (ApplicationData) with its turbines placed in NRW. */
export function application(random: Random, turbineCount: number, suffix: string): ApplicationData {
  const gemeinde = random.pick(GEMEINDEN);
  const centre = { lon: 6.6 + random.next() * 2.3, lat: 50.8 + random.next() * 1.3 };
  const type = random.pick(TURBINE_TYPES);
  const turbines: Turbine[] = Array.from({ length: turbineCount }, () => {
    const hub = random.int(120, 175);
    const rotor = random.int(130, 172);
    return {
      type,
      hubHeightM: hub,
      rotorDiameterM: rotor,
      totalHeightM: Math.round(hub + rotor / 2),
      ratedPowerKw: random.pick([4200, 5500, 6200, 6600, 7000]),
      lon: Math.round((centre.lon + (random.next() - 0.5) * 0.04) * 1e5) / 1e5,
      lat: Math.round((centre.lat + (random.next() - 0.5) * 0.03) * 1e5) / 1e5,
    };
  });
  return {
    title: `Windpark ${gemeinde} ${suffix} (${turbineCount} WEA)`,
    permitWish: turbineCount >= 20 ? 'formal' : 'auto',
    repowering: random.chance(0.2),
    eiaScreeningOutcome: random.pick(['not-done', 'no-eia', 'eia-required'] as const),
    site: {
      gemeinde,
      gemarkung: gemeinde,
      flur: String(random.int(1, 40)),
      flurstueck: `${random.int(1, 400)}`,
    },
    turbines,
    plannedCommissioning: `20${random.int(27, 31)}-${String(random.int(1, 12)).padStart(2, '0')}`,
    nonTechnicalSummary:
      `Errichtung und Betrieb von ${turbineCount} Windenergieanlagen des Typs ${type} in ${gemeinde}. ` +
      'Die Kurzbeschreibung fasst Schall, Schattenwurf, Artenschutz und Landschaftsbild allgemein verständlich zusammen.',
  };
}
