/**
 * Demo objections for the procedure in public participation: form letters with small edits (so
 * that grouping has something to find), a signature list, individual objections on the usual
 * concerns and some online submissions. All names and addresses are invented.
 */
import { importObjections } from '../participation/intake/import.actions.ts';
import type { ImportRow } from '../participation/intake/import-file.ts';
import { submitObjection } from '../participation/intake/objection.actions.ts';
import { findPublicProcedure } from '../participation/public-procedure.queries.ts';
import type { PermitDeps } from '../permits/permit.types.ts';

export const DEMO_PARTICIPATION_PROJECT = 'lichtenau-nordost';

const FIRST = [
  'Anna',
  'Bernd',
  'Claudia',
  'Dieter',
  'Elke',
  'Frank',
  'Gisela',
  'Heinz',
  'Ilse',
  'Jürgen',
  'Karin',
  'Lutz',
];
const LAST = ['Beispiel', 'Muster', 'Probe', 'Vorlage', 'Entwurf', 'Schablone'];
const STREETS = ['Am Musterhof', 'Beispielweg', 'Probegasse', 'Vorlagenstraße'];

const FORM_LETTERS = [
  'Sehr geehrte Damen und Herren, hiermit erhebe ich Einwendungen gegen die Errichtung der Windenergieanlagen. Die Anlagen rücken zu nah an unser Dorf heran und wirken optisch bedrängend. Der nächtliche Lärm wird unseren Schlaf stören, die Schallprognose unterschätzt die Vorbelastung. Ich bitte, den Antrag abzulehnen.',
  'Ich wende mich gegen den geplanten Windpark. Im angrenzenden Wald brüten Rotmilan und Schwarzstorch, und Fledermäuse jagen entlang des Waldrands. Die artenschutzrechtliche Prüfung ist unvollständig. Außerdem wird das Landschaftsbild des Sintfelds zerstört.',
  'Einwendung: Der Schattenwurf der Rotoren wird unsere Häuser am Nachmittag erreichen. Eine Abschaltautomatik muss verbindlich festgesetzt werden. Ebenso befürchte ich den Wertverlust unseres Grundstücks.',
];
const EDITS = [
  '',
  ' Das betrifft besonders unsere Kinder.',
  ' Wir wohnen seit 30 Jahren hier.',
  ' Bitte bestätigen Sie den Eingang.',
];

const INDIVIDUAL = [
  'Ich habe Sorge wegen Infraschall. Meine Frau reagiert empfindlich auf tieffrequente Geräusche.',
  'Im Winter besteht die Gefahr von Eiswurf auf den Wirtschaftsweg, den wir täglich mit dem Fahrrad nutzen.',
  'Die Zuwegung für die Schwertransporte führt durch unsere Ortsdurchfahrt; die Straße ist dafür nicht ausgelegt.',
  'Das Fundament der Anlage 7 liegt im Wasserschutzgebiet. Wie wird das Grundwasser geschützt?',
  'Die rote Nachtbefeuerung blinkt in unser Schlafzimmer. Bitte ordnen Sie eine bedarfsgesteuerte Befeuerung an.',
  'Ich unterstütze das Vorhaben ausdrücklich; wir brauchen mehr erneuerbare Energie in der Region.',
  'Die Unterlagen waren während der Auslegung schwer zu finden; die Frist für Einwendungen ist zu kurz.',
  'Für die Anlagen soll Wald gerodet werden. Der Ausgleich ist nicht ausreichend beschrieben.',
];

/** Postcodes of the demo towns that have objections; others get the town's name only. */
const POSTCODES: Readonly<Record<string, string>> = { Lichtenau: '33165' };

function person(i: number, town: string) {
  const place = POSTCODES[town] ? `${POSTCODES[town]} ${town}` : town;
  return {
    name: `${FIRST[i % FIRST.length]} ${LAST[(i >> 2) % LAST.length]}`,
    address: `${STREETS[i % STREETS.length]} ${(i % 40) + 1}, ${place}`,
  };
}

/**
 * Objections received in the last ten days before the clock's now: the caller runs this while the
 * display has been running for at least ten days, so that none is early or late.
 */
export async function seedDemoObjections(
  deps: PermitDeps,
  procedureId: string,
  town: string,
  /** Copies of each form letter; the procedure in the display has the most. */
  copies: readonly number[] = [40, 22, 9],
): Promise<number> {
  const procedure = await findPublicProcedure(deps.db, procedureId);
  if (!procedure) return 0;
  const now = deps.clock.now().getTime();
  const rows: ImportRow[] = [];
  let i = 0;
  const add = (
    text: string,
    channel: ImportRow['channel'],
    signatures = 1,
    identity = true,
    representative: ImportRow['representative'] = null,
  ) => {
    const who = person(i, town);
    rows.push({
      line: rows.length + 1,
      text,
      name: identity ? who.name : null,
      address: identity ? who.address : null,
      receivedAt: new Date(now - (1 + (i % 10)) * 86_400_000),
      channel,
      externalRef: `DEMO-${String(rows.length + 1).padStart(4, '0')}`,
      signatures,
      signaturesConfirmed: false,
      representative,
      // Some letters ask that name and address be withheld from the applicant.
      redactIdentity: identity && i % 4 === 1,
    });
    i += 1;
  };
  FORM_LETTERS.forEach((letter, l) => {
    for (let c = 0; c < (copies[l] ?? 5); c++)
      add(`${letter}${EDITS[c % EDITS.length]}`, c % 3 === 0 ? 'email' : 'paper');
  });
  // § 17 Abs. 1 VwVfG: the list names its representative with name, profession and address.
  add(`Unterschriftenliste: ${FORM_LETTERS[0]}`, 'signature-list', 134, true, {
    name: 'Gisela Brandt',
    profession: 'Lehrerin',
    address: `Lindenallee 7, ${town}`,
  });
  INDIVIDUAL.forEach((text) => add(text, 'paper'));
  await importObjections({ db: deps.db, procedureId, rows, enteredBy: null });
  for (const [n, text] of INDIVIDUAL.slice(0, 3).entries()) {
    await submitObjection({
      deps,
      procedure,
      fields: {
        text: `${text} (online eingereicht)`,
        receivedText: `${text} (online eingereicht)`,
        ...person(500 + n, town),
        email: null,
        redactIdentity: n === 0,
        signatures: 1,
        signaturesConfirmed: false,
        representative: null,
      },
      attachments: [],
      channel: 'web',
      submissionKey: null,
    });
  }
  return rows.length + 3;
}
