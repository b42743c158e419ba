/**
 * The authority's work on the objections after the objection period, done through the same use
 * cases as the pages: automatic grouping of uniform objections, confirmation of each group,
 * the concerns the matcher suggests confirmed (once per group, § 17 VwVfG), and one assessment
 * per concern that objections raised (§ 10 Abs. 7 BImSchG, § 21 Abs. 1 Nr. 5 9. BImSchV).
 */
import {
  confirmConcerns,
  saveAssessment,
  suggestForProcedure,
} from '../participation/catalogue/catalogue.actions.ts';
import { computeGroups, confirmGroup } from '../participation/groups/group.actions.ts';
import type { PermitDeps } from '../permits/permit.types.ts';
import type { Actor } from '../platform/auth/actor.ts';

/** Example assessments by concern key; a concern without one gets the general answer. */
const ASSESSMENTS: Readonly<Record<string, string>> = {
  noise:
    'Die Schallimmissionsprognose nach dem Interimsverfahren berücksichtigt die Vorbelastung. An allen Immissionsorten werden die Richtwerte der TA Lärm nachts eingehalten; eine Abnahmemessung ist als Nebenbestimmung festgesetzt.',
  'shadow-flicker':
    'Die astronomisch mögliche Beschattungsdauer wird durch eine Abschaltautomatik auf 30 Minuten am Tag und 8 Stunden im Jahr begrenzt (WKA-Schattenwurfhinweise); das ist als Nebenbestimmung festgesetzt.',
  'birds-bats':
    'Nach dem Artenschutzgutachten liegt kein Brutplatz kollisionsgefährdeter Arten im Nahbereich (§ 45b BNatSchG). Das Kollisionsrisiko für Fledermäuse wird durch die festgesetzte Abschaltung unter die Signifikanzschwelle gesenkt.',
  landscape:
    'Die Beeinträchtigung des Landschaftsbildes ist nicht ausgleichbar; dafür ist eine Ersatzzahlung festgesetzt (§ 15 Abs. 6 BNatSchG). Der Ausbau der erneuerbaren Energien liegt im überragenden öffentlichen Interesse (§ 2 EEG).',
  'oppressive-effect':
    'Der Abstand zur nächsten Wohnbebauung beträgt mehr als das Zweifache der Gesamthöhe; eine optisch bedrängende Wirkung liegt danach in der Regel nicht vor (§ 249 Abs. 10 BauGB).',
  infrasound:
    'Infraschall von Windenergieanlagen liegt in den Abständen zur Wohnbebauung deutlich unter der Wahrnehmungsschwelle; gesundheitliche Wirkungen sind nach dem Stand der Wissenschaft nicht zu erwarten.',
  'ice-throw':
    'Die Anlagen erhalten ein Eiserkennungssystem, das sie bei Eisansatz abschaltet; Warnschilder am Wirtschaftsweg sind festgesetzt.',
  'property-value':
    'Ein befürchteter Wertverlust von Grundstücken ist kein Belang, den das Immissionsschutzrecht schützt; maßgeblich sind die Schutzpflichten des § 5 BImSchG, die eingehalten werden.',
  procedure:
    'Die Unterlagen lagen einen Monat aus und waren zugleich im Internet zugänglich; die Einwendungsfrist entsprach § 10 Abs. 3 BImSchG.',
  'water-soil':
    'Die Untere Wasserbehörde hat keine Bedenken; der Umgang mit wassergefährdenden Stoffen richtet sich nach der AwSV.',
  light:
    'Die Nachtkennzeichnung wird bedarfsgesteuert ausgeführt; sie leuchtet nur, wenn sich ein Luftfahrzeug nähert.',
  'traffic-construction':
    'Die Zuwegung und die Schwertransporte werden vor Baubeginn mit der Straßenbauverwaltung und der Gemeinde abgestimmt.',
  forest:
    'Die Rodung wird im Verhältnis 1 : 2 ersatzaufgeforstet; die Forstbehörde hat zugestimmt.',
  support: 'Die zustimmenden Äußerungen sind zur Kenntnis genommen worden.',
};

const GENERAL =
  'Der Einwand ist geprüft worden; er steht der Genehmigung nicht entgegen, weil die Anforderungen des § 6 BImSchG erfüllt sind.';

export async function sortDemoObjections(
  deps: PermitDeps,
  actor: Actor,
  procedureId: string,
): Promise<void> {
  await computeGroups({ deps, actor, procedureId });
  const groups = await deps.db
    .selectFrom('objection_groups')
    .select('id')
    .where('procedure_id', '=', procedureId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const group of groups) await confirmGroup({ deps, actor, procedureId, groupId: group.id });
  await suggestForProcedure({ deps, actor, procedureId });
  const suggested = await deps.db
    .selectFrom('objections as o')
    .innerJoin('objection_concerns as oc', 'oc.objection_id', 'o.id')
    .select(['o.id', 'o.group_id', 'oc.concern_id'])
    .where('o.procedure_id', '=', procedureId)
    .where('oc.source', '=', 'suggested')
    .orderBy('o.received_at')
    .orderBy('o.id')
    .execute();
  // One confirmation per group (it applies to every member) and per single objection.
  const targets = new Map<string, { objectionId: string; concerns: string[] }>();
  for (const row of suggested) {
    const key = row.group_id ?? row.id;
    const target = targets.get(key) ?? { objectionId: row.id, concerns: [] };
    if (target.objectionId === row.id) target.concerns.push(row.concern_id);
    targets.set(key, target);
  }
  for (const [key, target] of targets) {
    await confirmConcerns({
      deps,
      actor,
      procedureId,
      objectionId: target.objectionId,
      concernIds: target.concerns,
      applyToGroup: key !== target.objectionId,
    });
  }
  const raised = await deps.db
    .selectFrom('concerns as c')
    .select(['c.id', 'c.key'])
    .where('c.procedure_id', '=', procedureId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('objection_concerns as oc')
          .select('oc.concern_id')
          .whereRef('oc.concern_id', '=', 'c.id')
          .where('oc.source', '=', 'confirmed'),
      ),
    )
    .orderBy('c.position')
    .execute();
  for (const concern of raised) {
    await saveAssessment({
      deps,
      actor,
      procedureId,
      concernId: concern.id,
      assessment: ASSESSMENTS[concern.key] ?? GENERAL,
    });
  }
}
