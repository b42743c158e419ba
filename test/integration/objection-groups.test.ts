import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { groupNearDuplicates } from '../../src/participation/grouping/index.ts';
import {
  computeGroups,
  mergeGroups,
  splitGroup,
} from '../../src/participation/groups/group.actions.ts';
import { runObjectionGroupsCli } from '../../src/participation/groups/group.cli.ts';
import {
  groupSummary,
  listGroupsForCli,
  type CliGroup,
} from '../../src/participation/groups/group.queries.ts';
import type { Actor } from '../../src/platform/auth/actor.ts';
import { jobHandlers } from '../../src/app.ts';
import { runDueJobs } from '../../src/platform/jobs.ts';
import { Client, createTestApp, csrfTokenFrom, fixedClock, type TestApp } from '../helpers/app.ts';
import {
  APPLICANT,
  createPublishedProcedure,
  seedObjections,
  WORKER,
  type SeedObjection,
} from '../helpers/participation.ts';
import { apiAs, orgId } from '../helpers/permits.ts';

/**
 * Uniform submissions (§ 17 VwVfG), staff side: three form letters with small edits among real,
 * unrelated participation texts; detection, representatives, staff decisions with their history,
 * the CLI, bad input that must change nothing, and who may see any of it.
 */

// Three form letters about a wind farm; copies differ in salutation, signature, one replaced
// sentence or an added personal sentence.
const LETTERS = {
  noise: {
    sentences: [
      'Gegen die Genehmigung der geplanten Windenergieanlagen im Windpark Lichtenau-Nordost erhebe ich Einwendungen.',
      'Die nächste Anlage soll nur rund neunhundert Meter von meinem Wohnhaus entfernt errichtet werden.',
      'Das Schallgutachten setzt für die Vorbelastung durch die bestehenden Anlagen am Sintfeld zu niedrige Werte an und rechnet ohne Zuschlag für die Impulshaltigkeit.',
      'Nachts ist schon heute ein gleichmäßiges Brummen zu hören, das mich regelmäßig am Einschlafen hindert.',
      'Ich fordere deshalb eine Abschaltung der Anlagen zwischen zweiundzwanzig und sechs Uhr, bis eine unabhängige Messung nach der Inbetriebnahme die Einhaltung der Richtwerte der TA Lärm belegt.',
      'In den ausgelegten Unterlagen fehlt außerdem jede Betrachtung des tieffrequenten Schalls für die Ortslage Herbram-Wald.',
      'Bitte berücksichtigen Sie diese Einwendung im weiteren Verfahren und teilen Sie mir den Termin der Erörterung rechtzeitig mit.',
    ],
    variant: [
      3,
      'Meine beiden Kinder wachen schon jetzt nachts vom Rauschen der Rotorblätter auf.',
    ],
  },
  birds: {
    sentences: [
      'Hiermit erhebe ich Einwendungen gegen das Vorhaben, auf der Hochfläche des Sintfelds fünfundzwanzig weitere Windenergieanlagen zu errichten.',
      'Das Gebiet ist ein bekannter Brutplatz des Rotmilans, für dessen Bestand Deutschland eine besondere Verantwortung trägt.',
      'Die artenschutzrechtliche Prüfung stützt sich auf Kartierungen aus nur einer Brutsaison und unterschätzt die Zahl der Horste in der Umgebung deutlich.',
      'Auch der Schwarzstorch wurde im Sommer mehrfach bei der Nahrungssuche an den Bachläufen beobachtet, ohne dass dies in den Unterlagen erwähnt wird.',
      'Ein Antikollisionssystem mit Kameras ist nicht vorgesehen, obwohl es an vergleichbaren Standorten inzwischen üblich ist.',
      'Ich beantrage, die Genehmigung zu versagen oder zumindest Abschaltzeiten während der Mahd und der Brutzeit verbindlich festzulegen.',
    ],
    variant: [
      4,
      'Ich beobachte die Greifvögel dort seit vielen Jahren bei meinen Spaziergängen mit dem Hund.',
    ],
  },
  landscape: {
    sentences: [
      'Als Anwohnerin und Anwohner des Altenautals wenden wir uns gegen die geplanten Anlagen mit einer Gesamthöhe von über zweihundertvierzig Metern.',
      'Die Visualisierungen in den Antragsunterlagen zeigen die Anlagen nur aus großer Entfernung und bei bedecktem Himmel.',
      'Vom Aussichtsturm am Eggeweg wären künftig mehr als vierzig Anlagen gleichzeitig zu sehen, was den Charakter der Landschaft grundlegend verändert.',
      'Der Schattenwurf auf unsere Grundstücke ist im Gutachten nur für die astronomisch maximale Dauer berechnet, eine Abschaltautomatik wird nicht zugesagt.',
      'Zudem befürchten wir einen deutlichen Wertverlust unserer Häuser, für den niemand einen Ausgleich anbietet.',
      'Wir bitten darum, die Standorte nach Osten zu verschieben und die Zahl der Anlagen zu verringern.',
    ],
    variant: [1, 'Unser Hof liegt direkt unterhalb des geplanten Standorts am Hang.'],
  },
} as const;
type LetterKey = keyof typeof LETTERS;

const SALUTATIONS = ['Sehr geehrte Damen und Herren,', 'Guten Tag,', 'Hallo,', ''];

function letterCopy(key: LetterKey, i: number): SeedObjection {
  const letter = LETTERS[key];
  const sentences: string[] = [...letter.sentences];
  if (i % 4 === 1) sentences[letter.variant[0]] = letter.variant[1];
  if (i % 3 === 0) sentences.push(`Ich wohne seit ${3 + (i % 40)} Jahren hier.`);
  // The first three copies of the noise letter are anonymous: the representative must skip them.
  const named = !(key === 'noise' && i < 3);
  const name = named ? `${['Anna', 'Jonas', 'Olga', 'Peter'][i % 4]} Muster-${key}-${i}` : null;
  return {
    text: `${SALUTATIONS[i % 4]}\n\n${sentences.join(' ')}\n\nMit freundlichen Grüßen\n${name ?? ''}\nDorfstraße ${i + 1}\n33165 Lichtenau`,
    name,
    address: named ? `Dorfstraße ${i + 1}, 33165 Lichtenau` : null,
    externalRef: `FB-${key}-${String(i).padStart(3, '0')}`,
    channel: i % 5 === 0 ? 'paper' : 'web',
  };
}

/**
 * Unrelated texts: whole contributions of "Krefeld bewegen" 2020 (CIMT corpus, CC BY 4.0, see
 * shared/data/SOURCES.md), without the corpus' own near-duplicates. Generated texts if the corpus
 * is not beside the repository.
 */
function uniqueTexts(count: number): string[] {
  const file = fileURLToPath(
    new URL(
      '../../../shared/data/text/cimt_argument_mining/Mobility-Concept-Krefeld/dataset_MCK.tsv',
      import.meta.url,
    ),
  );
  let texts: string[] = [];
  if (existsSync(file)) {
    const byDocument = new Map<string, { nr: number; text: string }[]>();
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [, documentId, nr, content, , kind] = line.split('\t');
      if (!documentId || !content || kind !== 'text') continue;
      const list = byDocument.get(documentId) ?? [];
      list.push({ nr: Number(nr), text: content });
      byDocument.set(documentId, list);
    }
    texts = [...byDocument.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, sentences]) =>
        sentences
          .sort((a, b) => a.nr - b.nr)
          .map((s) => s.text)
          .join(' '),
      )
      .filter((text) => text.split(/\s+/).length >= 25);
  }
  if (texts.length < count) texts = generatedTexts(count);
  const { singletons } = groupNearDuplicates(texts.map((text, i) => ({ id: `${1000 + i}`, text })));
  return singletons.slice(0, count).map((id) => texts[Number(id) - 1000]!);
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const SYLLABLES =
  'ka,lo,mi,ne,ru,ta,ber,sch,wal,dor,fen,gu,hei,ster,ling,men,bach,feld,hof,au'.split(',');
function generatedTexts(count: number, words = 60, seed = 7): string[] {
  const random = seededRandom(seed);
  const word = () =>
    Array.from(
      { length: 2 + Math.floor(random() * 3) },
      () => SYLLABLES[Math.floor(random() * SYLLABLES.length)],
    ).join('');
  return Array.from({ length: count }, () => Array.from({ length: words }, word).join(' '));
}

const sorted = (ids: readonly string[]) => [...ids].sort();
const WORKER_OTHER_AUTHORITY = 'sachbearbeitung@brms.example';
const AGENCY = 'toeb@lanuk.example';

describe('uniform submissions (§ 17 VwVfG): groups for the case worker', () => {
  const clock = fixedClock(new Date('2026-12-01T09:00:00Z'));
  let t: TestApp;
  let procedure: { id: string; tenantId: string };
  let foreign: { id: string; tenantId: string };
  const ids: Record<LetterKey, string[]> = { noise: [], birds: [], landscape: [] };
  let uniqueIds: string[] = [];
  let page: Client;
  let workerActor: Actor;

  const base = () => `/verfahren/${procedure.id}/einwendungen/gruppen`;
  const groupOf = async (objectionId: string) =>
    (
      await t.database.db
        .selectFrom('objections')
        .select('group_id')
        .where('id', '=', objectionId)
        .executeTakeFirstOrThrow()
    ).group_id;
  const groupRow = (groupId: string) =>
    t.database.db
      .selectFrom('objection_groups')
      .selectAll()
      .where('id', '=', groupId)
      .executeTakeFirst();
  const membersOf = async (groupId: string) =>
    sorted(
      (
        await t.database.db
          .selectFrom('objections')
          .select('id')
          .where('group_id', '=', groupId)
          .execute()
      ).map((r) => r.id),
    );
  const eventsOf = (groupId: string) =>
    t.database.db
      .selectFrom('objection_group_events')
      .selectAll()
      .where('group_id', '=', groupId)
      .orderBy('id')
      .execute();
  /** Everything the group features write, to prove that bad input changed nothing. */
  const snapshot = async () => ({
    objections: await t.database.db
      .selectFrom('objections')
      .select(['id', 'group_id'])
      .orderBy('id')
      .execute(),
    groups: await t.database.db.selectFrom('objection_groups').selectAll().orderBy('id').execute(),
    events: (
      await sql<{ n: number }>`select count(*)::int as n from objection_group_events`.execute(
        t.database.db,
      )
    ).rows[0]!.n,
  });
  /** A browser posting a form with repeated fields (checkboxes). */
  const postForm = async (formPage: string, action: string, pairs: [string, string][]) => {
    const html = (await page.get(formPage)).body;
    const body = new URLSearchParams([['_csrf', csrfTokenFrom(html)], ...pairs]);
    return t.app.inject({
      method: 'POST',
      url: action,
      headers: {
        cookie: page.jar.header(),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: body.toString(),
    });
  };

  before(async () => {
    t = await createTestApp({ clock });
    procedure = await createPublishedProcedure(t);
    foreign = await createPublishedProcedure(t, { projectKey: 'lichtenau-nord' });

    const texts = uniqueTexts(100);
    assert.equal(texts.length, 100);
    const uniques: SeedObjection[] = texts.map((text, i) => ({
      text,
      name: i % 2 === 0 ? `Einzelperson ${i}` : null,
      externalRef: `EINZEL-${String(i).padStart(3, '0')}`,
      channel: i === 10 || i === 20 ? 'signature-list' : i % 3 === 0 ? 'email' : 'web',
      signatures: i === 10 ? 35 : i === 20 ? 12 : 1,
      late: i >= 96,
    }));
    // Copies 10–119 of the noise letter arrive at 09:00, copies 0–9 an hour earlier but are
    // entered later (higher references): "received first" must follow the time of receipt.
    const noise = Array.from({ length: 120 }, (_, i) => letterCopy('noise', i));
    const later = await seedObjections(t, procedure, [
      ...noise.slice(10),
      ...Array.from({ length: 60 }, (_, i) => letterCopy('birds', i)),
      ...Array.from({ length: 20 }, (_, i) => letterCopy('landscape', i)),
      ...uniques,
    ]);
    ids.birds = later.slice(110, 170);
    ids.landscape = later.slice(170, 190);
    uniqueIds = later.slice(190);
    clock.set(new Date('2026-12-01T08:00:00Z'));
    const earlier = await seedObjections(t, procedure, noise.slice(0, 10));
    clock.set(new Date('2026-12-01T09:00:00Z'));
    ids.noise = [...earlier, ...later.slice(0, 110)];

    // A procedure of the same authority with its own group of uniform submissions.
    await seedObjections(
      t,
      foreign,
      Array.from({ length: 3 }, (_, i) => letterCopy('birds', i)),
    );
    page = new Client(t.app);
    await page.logIn(WORKER);
    const user = await t.database.db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('email', '=', WORKER)
      .executeTakeFirstOrThrow();
    const kreis = await orgId(t, 'Kreis Paderborn');
    workerActor = {
      kind: 'user',
      userId: user.id,
      email: WORKER,
      displayName: user.display_name,
      memberships: [
        {
          organisationId: kreis,
          organisationName: 'Kreis Paderborn',
          organisationKind: 'authority',
          role: 'case_worker',
        },
      ],
      via: 'session',
    };
    await computeGroups({ deps: t.deps, actor: workerActor, procedureId: foreign.id });
  });
  after(async () => {
    await t.close();
  });

  const findGroup = (groups: CliGroup[], memberId: string) =>
    groups.find((g) => g.members.some((m) => m.id === memberId));

  it('finds exactly the three form letters and names representatives above 50 signatures', async () => {
    const worker = await apiAs(t, WORKER);
    const response = await worker.post(
      `/api/v1/procedures/${procedure.id}/objection-groups/compute`,
    );
    assert.equal(response.statusCode, 200, response.body);
    const result = response.json<{ created: number; groups: number; grouped: number }>();
    assert.deepEqual([result.created, result.groups, result.grouped], [3, 3, 200]);

    const groups = await listGroupsForCli(t.database.db, procedure.id);
    assert.equal(groups.length, 3);
    const [noise, birds, landscape] = groups;
    assert.deepEqual(sorted(noise!.members.map((m) => m.id)), sorted(ids.noise));
    assert.deepEqual(sorted(birds!.members.map((m) => m.id)), sorted(ids.birds));
    assert.deepEqual(sorted(landscape!.members.map((m) => m.id)), sorted(ids.landscape));
    for (const id of uniqueIds) assert.equal(await groupOf(id), null);

    // § 17 Abs. 1 VwVfG: the first named signer by time of receipt (copy 3: 0–2 are anonymous).
    assert.equal(noise!.representative?.id, ids.noise[3]);
    assert.equal(noise!.representative?.externalRef, 'FB-noise-003');
    assert.equal(birds!.representative?.id, ids.birds[0]);
    assert.equal(landscape!.representative, null, '20 signatures: no representative');

    const events = await eventsOf(noise!.groupId);
    assert.equal(events.length, 1);
    assert.equal(events[0]!.kind, 'auto-grouped');
    assert.deepEqual(events[0]!.data, {
      members: 120,
      signatures: 120,
      representativeId: ids.noise[3],
    });
    assert.equal(events[0]!.actor_id, workerActor.kind === 'user' ? workerActor.userId : null);
  });

  it('counts objections, distinct objections, objectors, signature lists and late ones', async () => {
    const summary = await groupSummary(t.database.db, procedure.id);
    assert.equal(summary.objections, 300);
    assert.equal(summary.late, 4);
    assert.equal(summary.distinct, 3 + 100);
    assert.equal(summary.objectors, 300 + 34 + 11);
    assert.equal(summary.signatureLists, 2);
    assert.equal(summary.signaturesOnLists, 47);
    assert.equal(summary.groups, 3);
    assert.equal(summary.groupedObjections, 200);
    assert.deepEqual(
      summary.items.map((g) => [g.size, g.signatures, g.confirmed]),
      [
        [120, 120, false],
        [60, 60, false],
        [20, 20, false],
      ],
    );
    const landscape = summary.items[2]!;
    assert.equal(landscape.representative, null);
    assert.match(landscape.representativeNote ?? '', /mehr als 50.*§ 17 Abs\. 1 VwVfG/);
    assert.ok(landscape.excerpt.length <= 202, 'excerpt of at most 200 characters');
    assert.match(landscape.excerpt, /Altenautals/);
  });

  it('renders the overview and group pages for the case worker', async () => {
    const overview = await page.get(base());
    assert.equal(overview.statusCode, 200);
    for (const text of [
      'Einwendungen',
      'Einwendende',
      'Unterschriften',
      'davon verspätet',
      'Gleichförmige Einwendungen erkennen',
      'scope="col"',
      'scope="row"',
    ]) {
      assert.ok(overview.body.includes(text), text);
    }
    const noiseGroup = (await groupOf(ids.noise[0]!))!;
    const detail = await page.get(`${base()}/${noiseGroup}`);
    assert.equal(detail.statusCode, 200);
    assert.equal(detail.body.match(/name="memberIds"/g)?.length, 100, '100 members per page');
    assert.match(detail.body, /Seite 1 von 2/);
    assert.match(detail.body, /<legend class="kern-label">Vertreter bestimmen<\/legend>/);
    assert.match(detail.body, /Automatisch als gleichförmig erkannt/);
    const second = await page.get(`${base()}/${noiseGroup}?seite=2`);
    assert.equal(second.body.match(/name="memberIds"/g)?.length, 20);
    const landscapeGroup = (await groupOf(ids.landscape[0]!))!;
    const small = await page.get(`${base()}/${landscapeGroup}`);
    assert.equal(small.statusCode, 200);
    assert.match(small.body, /erst bei\s+mehr als 50 Unterzeichnenden/);

    // The request answers at once with the job's status page; the real queue runs the job.
    const recomputed = await page.submit(base(), `${base()}/berechnen`, {});
    assert.equal(recomputed.statusCode, 303);
    const status = recomputed.headers.location ?? '';
    assert.match(status, new RegExp(`^/verfahren/${procedure.id}/auftraege/[0-9a-f-]{36}$`));
    await runDueJobs({ connectionString: t.database.url, handlers: jobHandlers(t.deps) });
    const done = await page.get(status);
    assert.match(done.body, /Der Auftrag ist fertig/);
    assert.ok(done.body.includes(`href="${base()}"`), 'links to the groups');
    assert.equal(await groupOf(ids.noise[0]!), noiseGroup, 'unchanged groups keep their id');
    assert.equal((await eventsOf(noiseGroup)).length, 1, 'no change, no history row');
  });

  it('keeps a confirmed group when the groups are computed again', async () => {
    const landscapeGroup = (await groupOf(ids.landscape[0]!))!;
    const oldNoise = (await groupOf(ids.noise[0]!))!;
    const birdsGroup = (await groupOf(ids.birds[0]!))!;
    const confirmed = await page.submit(
      `${base()}/${landscapeGroup}`,
      `${base()}/${landscapeGroup}/bestaetigen`,
      {},
    );
    assert.equal(confirmed.statusCode, 303);
    const row = await groupRow(landscapeGroup);
    assert.ok(row?.confirmed_at);
    const confirmEvent = (await eventsOf(landscapeGroup)).at(-1)!;
    assert.equal(confirmEvent.kind, 'confirmed');
    assert.ok(confirmEvent.actor_id);

    // New copies arrive: the confirmed group stays as it was, the automatic one grows.
    const [lateLandscape, lateNoise] = await seedObjections(t, procedure, [
      letterCopy('landscape', 20),
      letterCopy('noise', 120),
    ]);
    const result = await computeGroups({
      deps: t.deps,
      actor: workerActor,
      procedureId: procedure.id,
    });
    assert.deepEqual([result.created, result.dissolved, result.unchanged], [1, 1, 1]);
    assert.deepEqual(await membersOf(landscapeGroup), sorted(ids.landscape));
    assert.ok((await groupRow(landscapeGroup))?.confirmed_at, 'still confirmed');
    assert.equal(await groupOf(lateLandscape!), null, 'not added to the confirmed group');
    const newNoise = (await groupOf(lateNoise!))!;
    assert.notEqual(newNoise, oldNoise);
    assert.equal(await groupRow(oldNoise), undefined);
    assert.deepEqual(await membersOf(newNoise), sorted([...ids.noise, lateNoise!]));
    assert.deepEqual(
      (await eventsOf(oldNoise)).map((e) => e.kind),
      ['auto-grouped', 'auto-dissolved'],
    );
    assert.deepEqual(
      (await eventsOf(newNoise)).map((e) => [e.kind, (e.data as { members: number }).members]),
      [['auto-grouped', 121]],
    );
    assert.equal(await groupOf(ids.birds[0]!), birdsGroup);
    ids.noise.push(lateNoise!);
    ids.landscape.push(lateLandscape!);
  });

  it('splits and merges groups, keeps the representative rule and records every step', async () => {
    const birdsGroup = (await groupOf(ids.birds[0]!))!;
    const moved = ids.birds.slice(50, 55);
    const split = await postForm(`${base()}/${birdsGroup}`, `${base()}/${birdsGroup}/aufteilen`, [
      ...moved.map((id): [string, string] => ['memberIds', id]),
      ['into', 'gruppe'],
    ]);
    assert.equal(split.statusCode, 303, split.body);
    const newGroup = (await groupOf(moved[0]!))!;
    assert.notEqual(newGroup, birdsGroup);
    assert.deepEqual(await membersOf(newGroup), sorted(moved));
    assert.equal((await membersOf(birdsGroup)).length, 55);
    assert.equal((await groupRow(birdsGroup))?.origin, 'manual');
    assert.equal((await groupRow(birdsGroup))?.representative_id, ids.birds[0], '55 > 50');
    const splitEvent = (await eventsOf(birdsGroup)).at(-1)!;
    assert.equal(splitEvent.kind, 'split');
    assert.deepEqual((splitEvent.data as { memberIds: string[] }).memberIds.sort(), sorted(moved));
    assert.equal((await eventsOf(newGroup))[0]?.kind, 'split');

    // Ten members back to single objections: 45 signatures left, so no representative.
    const singles = ids.birds.slice(40, 50);
    await splitGroup({
      deps: t.deps,
      actor: workerActor,
      procedureId: procedure.id,
      groupId: birdsGroup,
      memberIds: singles,
      into: 'singletons',
    });
    for (const id of singles) assert.equal(await groupOf(id), null);
    assert.equal((await groupRow(birdsGroup))?.representative_id, null, '45 ≤ 50');

    // A new automatic run keeps the staff's decisions: changed groups and the single ones.
    await computeGroups({ deps: t.deps, actor: workerActor, procedureId: procedure.id });
    for (const id of singles) assert.equal(await groupOf(id), null, 'stays single');
    assert.equal((await membersOf(birdsGroup)).length, 45);
    assert.deepEqual(await membersOf(newGroup), sorted(moved));

    // Merging the five back: 50 members, still no representative (more than 50 needed).
    const merged = await page.submit(
      `${base()}/${birdsGroup}`,
      `${base()}/${birdsGroup}/zusammenfuehren`,
      { sourceGroupId: newGroup },
    );
    assert.equal(merged.statusCode, 303, merged.body);
    assert.equal(await groupRow(newGroup), undefined);
    assert.equal((await membersOf(birdsGroup)).length, 50);
    assert.equal((await groupRow(birdsGroup))?.representative_id, null);
    const mergeEvent = (await eventsOf(birdsGroup)).at(-1)!;
    assert.equal(mergeEvent.kind, 'merged');
    assert.deepEqual(
      (mergeEvent.data as { memberIds: string[]; mergedGroupId: string }).memberIds,
      sorted(moved),
    );
    assert.equal((await eventsOf(newGroup)).at(-1)?.kind, 'merged');

    // Staff choose the representative of the noise group; a split keeps their choice.
    const noiseGroup = (await groupOf(ids.noise[0]!))!;
    const chosen = await t.database.db
      .selectFrom('objections')
      .select('reference')
      .where('id', '=', ids.noise[50]!)
      .executeTakeFirstOrThrow();
    const set = await page.submit(`${base()}/${noiseGroup}`, `${base()}/${noiseGroup}/vertreter`, {
      representative: chosen.reference,
    });
    assert.equal(set.statusCode, 303, set.body);
    assert.equal((await groupRow(noiseGroup))?.representative_id, ids.noise[50]);
    const setEvent = (await eventsOf(noiseGroup)).at(-1)!;
    assert.equal(setEvent.kind, 'representative-set');
    assert.equal((setEvent.data as { reference: string }).reference, chosen.reference);
    await splitGroup({
      deps: t.deps,
      actor: workerActor,
      procedureId: procedure.id,
      groupId: noiseGroup,
      memberIds: ids.noise.slice(0, 4),
      into: 'group',
    });
    assert.equal((await groupRow(noiseGroup))?.representative_id, ids.noise[50]);

    const history = await page.get(`${base()}/${noiseGroup}`);
    assert.match(history.body, /Vertreter bestimmt/);
    assert.match(history.body, /Gruppe aufgeteilt/);
    assert.ok(workerActor.kind === 'user' && history.body.includes(workerActor.displayName));
  });

  it('lists members with id and external reference on the CLI', async () => {
    const lines: string[] = [];
    const code = await runObjectionGroupsCli(
      t.database.db,
      ['--procedure', procedure.id, '--json'],
      (line) => lines.push(line),
    );
    assert.equal(code, 0);
    const groups = JSON.parse(lines.join('\n')) as CliGroup[];
    const api = await (
      await apiAs(t, WORKER)
    ).get(`/api/v1/procedures/${procedure.id}/objection-groups`);
    assert.equal(api.statusCode, 200);
    assert.deepEqual(api.json(), groups, 'the API returns the same data');
    const noise = findGroup(groups, ids.noise[10]!)!;
    const member = noise.members.find((m) => m.id === ids.noise[10]);
    assert.equal(member?.externalRef, 'FB-noise-010');
    assert.match(member?.reference ?? '', /^EW-2026-\d{7}$/);
    assert.equal(noise.representative?.externalRef, 'FB-noise-050');

    const table: string[] = [];
    assert.equal(
      await runObjectionGroupsCli(t.database.db, ['--procedure', procedure.id], (l) =>
        table.push(l),
      ),
      0,
    );
    assert.match(table.join('\n'), /Gruppen gleichförmiger Einwendungen/);
    assert.ok(table.join('\n').includes('FB-noise-010'));

    // --compute runs as the system: history rows without actor.
    await seedObjections(t, procedure, [letterCopy('birds', 62), letterCopy('birds', 63)]);
    const computed: string[] = [];
    assert.equal(
      await runObjectionGroupsCli(t.database.db, ['--procedure', procedure.id, '--compute'], (l) =>
        computed.push(l),
      ),
      0,
    );
    assert.match(computed[0] ?? '', /Neu berechnet/);
    const systemEvents = await t.database.db
      .selectFrom('objection_group_events')
      .select(['kind', 'actor_id'])
      .where('procedure_id', '=', procedure.id)
      .where('actor_id', 'is', null)
      .execute();
    assert.ok(systemEvents.some((e) => e.kind === 'auto-grouped'));

    const err: string[] = [];
    const usage = await runObjectionGroupsCli(t.database.db, ['--procedure', 'abc'], (l) =>
      err.push(l),
    );
    assert.equal(usage, 2);
    assert.match(err.join('\n'), /Aufruf: npx industrieland objections groups/);
    assert.equal(await runObjectionGroupsCli(t.database.db, ['--bogus'], () => undefined), 2);
    const unknown = await runObjectionGroupsCli(
      t.database.db,
      ['--procedure', '00000000-0000-4000-8000-000000000000'],
      (l) => err.push(l),
    );
    assert.equal(unknown, 1);
    assert.match(err.at(-1) ?? '', /Es gibt kein Verfahren/);
  });

  it('refuses bad input in German and changes nothing', async () => {
    const before = await snapshot();
    const noiseGroup = (await groupOf(ids.noise[10]!))!;
    const landscapeGroup = (await groupOf(ids.landscape[0]!))!;
    const foreignGroup = (
      await t.database.db
        .selectFrom('objection_groups')
        .select('id')
        .where('procedure_id', '=', foreign.id)
        .executeTakeFirstOrThrow()
    ).id;
    const detailPage = `${base()}/${noiseGroup}`;

    const unknown = await page.submit(
      detailPage,
      `${base()}/00000000-0000-4000-8000-000000000000/bestaetigen`,
      {},
    );
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.body, /Diese Gruppe gibt es in diesem Verfahren nicht/);
    const foreignConfirm = await page.submit(
      detailPage,
      `${base()}/${foreignGroup}/bestaetigen`,
      {},
    );
    assert.equal(foreignConfirm.statusCode, 404, 'a group of another procedure');
    assert.equal((await page.get(`${base()}/${foreignGroup}`)).statusCode, 404);

    const cases: [string, [string, string][], number, RegExp][] = [
      [
        'zusammenfuehren',
        [['sourceGroupId', foreignGroup]],
        400,
        /gibt es in diesem Verfahren nicht/,
      ],
      ['zusammenfuehren', [['sourceGroupId', noiseGroup]], 400, /nicht mit sich selbst/],
      ['zusammenfuehren', [['sourceGroupId', 'kaputt']], 400, /Wählen Sie die Gruppe aus/],
      ['aufteilen', [['into', 'gruppe']], 400, /mindestens eine Einwendung/],
      [
        'aufteilen',
        [
          ['memberIds', ids.birds[0]!],
          ['memberIds', ids.noise[20]!],
          ['into', 'gruppe'],
        ],
        400,
        /gehört nicht zu dieser Gruppe/,
      ],
      [
        'aufteilen',
        [
          ['memberIds', ids.noise[20]!],
          ['into', 'gruppe'],
        ],
        400,
        /mindestens zwei/,
      ],
      [
        'aufteilen',
        [
          ['memberIds', ids.noise[20]!],
          ['into', 'irgendwohin'],
        ],
        400,
        /wohin/,
      ],
      ['vertreter', [['representative', 'EW-1999-0000001']], 400, /gehört nicht zu dieser Gruppe/],
    ];
    for (const [action, pairs, status, message] of cases) {
      const response = await postForm(detailPage, `${detailPage}/${action}`, pairs);
      assert.equal(response.statusCode, status, `${action}: ${response.body.slice(0, 200)}`);
      assert.match(response.body, message, action);
      assert.match(response.body, /<title>Fehler: /);
      assert.match(response.body, /Bitte korrigieren Sie Ihre Eingaben/);
    }
    const smallRep = await postForm(
      `${base()}/${landscapeGroup}`,
      `${base()}/${landscapeGroup}/vertreter`,
      [['representative', ids.landscape[0]!]],
    );
    assert.equal(smallRep.statusCode, 400);
    assert.match(smallRep.body, /erst bei mehr als 50 \(§ 17 Abs\. 1 VwVfG\)/);
    const again = await page.submit(
      `${base()}/${landscapeGroup}`,
      `${base()}/${landscapeGroup}/bestaetigen`,
      {},
    );
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /bereits bestätigt/);
    await assert.rejects(
      mergeGroups({
        deps: t.deps,
        actor: workerActor,
        procedureId: foreign.id,
        groupId: foreignGroup,
        sourceGroupId: noiseGroup,
      }),
      /gibt es in diesem Verfahren nicht/,
    );
    assert.deepEqual(await snapshot(), before);
  });

  it('gives applicants, agencies, other authorities and anonymous callers nothing', async () => {
    const noiseGroup = (await groupOf(ids.noise[10]!))!;
    const before = await snapshot();
    for (const email of [APPLICANT, AGENCY, WORKER_OTHER_AUTHORITY]) {
      const client = new Client(t.app);
      await client.logIn(email);
      for (const url of [base(), `${base()}/${noiseGroup}`]) {
        const response = await client.get(url);
        assert.equal(response.statusCode, 404, `${email} ${url}`);
        assert.ok(!response.body.includes('FB-noise'), 'nothing about objections');
      }
      const home = await client.get(base());
      const posted = await client.post(`${base()}/berechnen`, { _csrf: csrfTokenFrom(home.body) });
      assert.equal(posted.statusCode, 404, `${email} compute`);
      const api = await apiAs(t, email);
      const listed = await api.get(`/api/v1/procedures/${procedure.id}/objection-groups`);
      assert.equal(listed.statusCode, 404, `${email} API`);
      assert.equal(listed.headers['content-type'], 'application/problem+json; charset=utf-8');
      const compute = await api.post(`/api/v1/procedures/${procedure.id}/objection-groups/compute`);
      assert.equal(compute.statusCode, 404, `${email} API compute`);
    }
    const anonymous = await t.app.inject({ method: 'GET', url: base() });
    assert.equal(anonymous.statusCode, 303);
    assert.match(anonymous.headers.location ?? '', /^\/anmelden/);
    const anonymousApi = await t.app.inject({
      method: 'GET',
      url: `/api/v1/procedures/${procedure.id}/objection-groups`,
    });
    assert.equal(anonymousApi.statusCode, 401);
    // The JSON API never writes on a session cookie.
    const cookieWrite = await t.app.inject({
      method: 'POST',
      url: `/api/v1/procedures/${procedure.id}/objection-groups/compute`,
      headers: { cookie: page.jar.header() },
      payload: {},
    });
    assert.equal(cookieWrite.statusCode, 401);
    assert.deepEqual(await snapshot(), before);
  });
});

describe('computeGroups at scale', () => {
  // 20,000 keeps the suite quick; with TOTAL = 100_000 (the largest procedures expected) the
  // same test measured 31 s on a shared, busy 2-core machine, 20 s of it in the detection itself.
  const TOTAL = 20_000;
  const FAMILIES = 300;
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it(`groups ${TOTAL.toLocaleString('en')} objections set-based in reasonable time`, async (ctx) => {
    // Groups are computed only in public participation: a published procedure.
    const { id, tenantId } = await createPublishedProcedure(t);

    // 70 % copies of 300 form letters (one or two words changed, a personal sentence), 30 %
    // unrelated texts; 150 words each, like real letters.
    const random = seededRandom(42);
    const vocabulary = generatedTexts(1, 6_000, 3)[0]!.split(' ');
    const pick = () => vocabulary[Math.floor(random() * vocabulary.length)]!;
    const text = () => Array.from({ length: 150 }, pick);
    const templates = Array.from({ length: FAMILIES }, text);
    const bodies: string[] = [];
    const family: number[] = [];
    let copyCount = 0;
    for (let i = 0; i < TOTAL; i++) {
      if (i % 10 < 7) {
        const f = copyCount++ % FAMILIES;
        const words = [...templates[f]!];
        words[Math.floor(random() * 150)] = pick();
        bodies.push(`${words.join(' ')} Ich wohne seit ${i % 40} Jahren hier.`);
        family.push(f);
      } else {
        bodies.push(text().join(' '));
        family.push(-1);
      }
    }
    for (let i = 0; i < TOTAL; i += 5_000) {
      await sql`
        insert into objections (procedure_id, tenant_id, reference, received_at, channel, body,
          name, late, sha256, signatures)
        select ${id}, ${tenantId}, 'EW-2026-' || lpad(nextval('objection_number_seq')::text, 7, '0'),
          now(), 'web', b.body, 'Name ' || b.n, false, repeat('0', 64), 1
        from unnest(${bodies.slice(i, i + 5_000)}::text[]) with ordinality as b(body, n)`.execute(
        t.database.db,
      );
    }
    const started = performance.now();
    const result = await computeGroups({ deps: t.deps, actor: null, procedureId: id });
    const seconds = (performance.now() - started) / 1000;
    const copies = family.filter((f) => f >= 0).length;
    ctx.diagnostic(
      `computeGroups: ${TOTAL} objections in ${seconds.toFixed(2)} s (${result.groups} groups; ` +
        `phases ${JSON.stringify(result.phasesMs)})`,
    );
    assert.equal(result.groups, FAMILIES);
    assert.equal(result.grouped, copies);
    const counted = await sql<{ groups: number; members: number; events: number }>`
      select (select count(*)::int from objection_groups where procedure_id = ${id}) as groups,
        (select count(*)::int from objections where procedure_id = ${id} and group_id is not null)
          as members,
        (select count(*)::int from objection_group_events where procedure_id = ${id}) as events`.execute(
      t.database.db,
    );
    assert.deepEqual(counted.rows[0], { groups: FAMILIES, members: copies, events: FAMILIES });

    const again = performance.now();
    const second = await computeGroups({ deps: t.deps, actor: null, procedureId: id });
    ctx.diagnostic(`second run: ${((performance.now() - again) / 1000).toFixed(2)} s`);
    assert.deepEqual([second.created, second.dissolved, second.unchanged], [0, 0, FAMILIES]);
  });
});
