/**
 * A demo catalogue of conditions (Nebenbestimmungen) for wind turbines, as an authority would
 * keep it: wording in the style of NRW permits, with the norm each rests on. The texts are
 * examples for the demo; an authority adopts its own after legal review [open].
 */
import type { Db } from '../db/database.ts';
import { seedCatalogue, type CatalogueInput } from '../procedures/conditions/catalogue.actions.ts';

type Entry = CatalogueInput & { key: string };

const noise = 'Schallschutz';
const shadow = 'Schattenwurf';
const nature = 'Natur- und Artenschutz';
const safety = 'Anlagensicherheit';
const aviation = 'Luftverkehr';
const building = 'Baurecht und Rückbau';
const general = 'Allgemeines';

export const WIND_CONDITIONS: readonly Entry[] = [
  {
    key: 'wind-allg-beginn',
    category: general,
    title: 'Anzeige des Baubeginns',
    text: 'Der Beginn der Errichtung ist der Genehmigungsbehörde mindestens eine Woche vorher schriftlich oder elektronisch anzuzeigen.',
    citation: '§ 12 Abs. 1 BImSchG',
  },
  {
    key: 'wind-allg-inbetriebnahme',
    category: general,
    title: 'Anzeige der Inbetriebnahme',
    text: 'Die Inbetriebnahme jeder Anlage ist der Genehmigungsbehörde innerhalb einer Woche danach unter Angabe des Datums anzuzeigen.',
    citation: '§ 12 Abs. 1 BImSchG',
  },
  {
    key: 'wind-allg-betreiberwechsel',
    category: general,
    title: 'Wechsel der Betreiberin',
    text: 'Ein Wechsel der Betreiberin ist der Genehmigungsbehörde unverzüglich unter Angabe der neuen Betreiberin anzuzeigen.',
    citation: '§ 12 Abs. 1 BImSchG',
  },
  {
    key: 'wind-allg-genehmigung-vor-ort',
    category: general,
    title: 'Genehmigung am Anlagenstandort',
    text: 'Eine Ausfertigung dieses Bescheids mit den Antragsunterlagen ist am Betriebsort oder bei der Betriebsleitung jederzeit bereitzuhalten und den Überwachungsbehörden auf Verlangen vorzulegen.',
    citation: '§ 52 BImSchG',
  },
  {
    key: 'wind-schall-nacht',
    category: noise,
    title: 'Schallreduzierter Nachtbetrieb',
    text: 'Die Anlagen sind in der Zeit von 22:00 bis 6:00 Uhr in dem Betriebsmodus zu betreiben, der der Schallimmissionsprognose zugrunde liegt; der Schallleistungspegel darf den dort angesetzten Wert einschließlich des oberen Vertrauensbereichs nicht überschreiten.',
    citation: '§ 5 Abs. 1 Nr. 1 BImSchG, TA Lärm',
  },
  {
    key: 'wind-schall-abnahme',
    category: noise,
    title: 'Abnahmemessung',
    text: 'Spätestens zwölf Monate nach Inbetriebnahme ist durch eine nach § 29b BImSchG bekannt gegebene Stelle nachzuweisen, dass der Schallleistungspegel der Anlage den genehmigten Wert einhält. Der Messbericht ist der Genehmigungsbehörde unverzüglich vorzulegen.',
    citation: '§§ 26, 28 BImSchG',
  },
  {
    key: 'wind-schall-ton',
    category: noise,
    title: 'Keine Ton- und Impulshaltigkeit',
    text: 'Die Anlagen dürfen keine ton- oder impulshaltigen Geräusche im Sinne der TA Lärm hervorrufen. Treten solche Geräusche auf, ist die Anlage bis zur Beseitigung der Ursache abzuschalten.',
    citation: 'TA Lärm Anhang A.3.3',
  },
  {
    key: 'wind-schall-nachtbetrieb-freigabe',
    category: noise,
    title: 'Freigabe des Nachtbetriebs',
    text: 'Der Nachtbetrieb im leistungsoptimierten Modus ist erst zulässig, wenn die Genehmigungsbehörde ihn nach Vorlage des Berichts über die Abnahmemessung schriftlich freigegeben hat.',
    citation: '§ 12 Abs. 1 BImSchG',
  },
  {
    key: 'wind-schatten-abschaltung',
    category: shadow,
    title: 'Abschaltautomatik Schattenwurf',
    text: 'Die Anlagen sind mit einer Abschaltautomatik auszurüsten, die sicherstellt, dass an den maßgeblichen Immissionsorten die astronomisch maximal mögliche Beschattungsdauer von 30 Stunden im Jahr und 30 Minuten am Tag nicht überschritten wird; die tatsächliche Beschattungsdauer darf 8 Stunden im Jahr nicht überschreiten.',
    citation: '§ 5 Abs. 1 Nr. 1 BImSchG, WEA-Schattenwurf-Hinweise',
  },
  {
    key: 'wind-schatten-protokoll',
    category: shadow,
    title: 'Protokoll der Abschaltungen',
    text: 'Die Abschaltzeiten sind fortlaufend aufzuzeichnen, mindestens drei Jahre aufzubewahren und der Überwachungsbehörde auf Verlangen vorzulegen.',
    citation: '§ 31 BImSchG',
  },
  {
    key: 'wind-natur-fledermaus',
    category: nature,
    title: 'Abschaltalgorithmus Fledermäuse',
    text: 'Die Anlagen sind vom 1. April bis 31. Oktober in der Zeit von einer Stunde vor Sonnenuntergang bis Sonnenaufgang bei Windgeschwindigkeiten unter 6 m/s in Gondelhöhe, Temperaturen über 10 °C und ohne Niederschlag abzuschalten.',
    citation: '§ 44 Abs. 1 Nr. 1 BNatSchG',
  },
  {
    key: 'wind-natur-gondelmonitoring',
    category: nature,
    title: 'Gondelmonitoring',
    text: 'In den ersten beiden Betriebsjahren ist ein akustisches Gondelmonitoring durchzuführen. Auf Grundlage der Ergebnisse legt die Genehmigungsbehörde den Abschaltalgorithmus für den weiteren Betrieb fest.',
    citation: '§ 44 Abs. 1 Nr. 1 BNatSchG',
  },
  {
    key: 'wind-natur-mahd',
    category: nature,
    title: 'Abschaltung bei Bewirtschaftung',
    text: 'Bei Mahd, Ernte und Bodenbearbeitung auf Flächen im Umkreis von 250 m um den Turmmittelpunkt sind die Anlagen vom Beginn der Bewirtschaftung bis 24 Stunden danach tagsüber abzuschalten.',
    citation: '§ 45b Abs. 3 BNatSchG',
  },
  {
    key: 'wind-natur-bauzeit',
    category: nature,
    title: 'Bauzeitenregelung',
    text: 'Die Baufeldräumung und die Rodung von Gehölzen sind nur in der Zeit vom 1. Oktober bis 28. Februar zulässig.',
    citation: '§ 39 Abs. 5 Nr. 2 BNatSchG',
  },
  {
    key: 'wind-natur-ausgleich',
    category: nature,
    title: 'Ersatzgeld',
    text: 'Für die Beeinträchtigung des Landschaftsbildes ist vor Baubeginn ein Ersatzgeld in der im Landschaftspflegerischen Begleitplan ermittelten Höhe an den Kreis zu zahlen.',
    citation: '§ 15 Abs. 6 BNatSchG, § 31 LNatSchG NRW',
  },
  {
    key: 'wind-sicherheit-eis',
    category: safety,
    title: 'Eiserkennung',
    text: 'Die Anlagen sind mit einem Eiserkennungssystem auszurüsten, das die Anlage bei Eisansatz an den Rotorblättern automatisch abschaltet. Der Wiederanlauf ist erst nach Eisfreiheit zulässig; Funktion und Einstellungen sind vor Inbetriebnahme durch einen Sachverständigen zu bestätigen.',
    citation: '§ 5 Abs. 1 Nr. 1 BImSchG',
  },
  {
    key: 'wind-sicherheit-warnschilder',
    category: safety,
    title: 'Warnhinweise Eisfall',
    text: 'An den Zuwegungen im Gefahrenbereich sind gut sichtbare Schilder aufzustellen, die vor Eisfall warnen.',
    citation: '§ 5 Abs. 1 Nr. 1 BImSchG',
  },
  {
    key: 'wind-sicherheit-pruefung',
    category: safety,
    title: 'Wiederkehrende Prüfung',
    text: 'Maschine und Rotorblätter sind spätestens alle zwei Jahre, Turm und Fundament spätestens alle vier Jahre durch Sachverständige zu prüfen; die Prüfberichte sind der Bauaufsicht vorzulegen.',
    citation: '§ 13 BImSchG, Muster-VV TB Anlage A 1.2.8/6',
  },
  {
    key: 'wind-sicherheit-brand',
    category: safety,
    title: 'Brandschutz',
    text: 'Die Anlagen sind mit einer Brandmeldeanlage mit Fernüberwachung auszurüsten. Ein Feuerwehrplan ist vor Inbetriebnahme mit der Brandschutzdienststelle abzustimmen.',
    citation: '§ 14 BauO NRW 2018',
  },
  {
    key: 'wind-luft-kennzeichnung',
    category: aviation,
    title: 'Tages- und Nachtkennzeichnung',
    text: 'Die Anlagen sind nach der Allgemeinen Verwaltungsvorschrift zur Kennzeichnung von Luftfahrthindernissen als Luftfahrthindernis zu kennzeichnen; die Nachtkennzeichnung ist mit einer bedarfsgesteuerten Einrichtung zu betreiben, sobald diese zugelassen ist.',
    citation: '§ 14 LuftVG, § 9 Abs. 8 EEG',
  },
  {
    key: 'wind-luft-meldung',
    category: aviation,
    title: 'Meldung der Luftfahrthindernisse',
    text: 'Spätestens sechs Wochen vor Baubeginn sind der Luftfahrtbehörde die Daten zur Veröffentlichung als Luftfahrthindernis zu melden (Standort, Höhe über Grund und über NHN, Art der Kennzeichnung).',
    citation: '§ 14 LuftVG',
  },
  {
    key: 'wind-luft-bundeswehr',
    category: aviation,
    title: 'Bundeswehr: Anzeige vor Baubeginn',
    text: 'Dem Bundesamt für Infrastruktur, Umweltschutz und Dienstleistungen der Bundeswehr sind Baubeginn und Endhöhe der Anlagen unter Angabe des Aktenzeichens anzuzeigen.',
    citation: '§ 18a LuftVG',
  },
  {
    key: 'wind-bau-rueckbau',
    category: building,
    title: 'Sicherheitsleistung für den Rückbau',
    text: 'Vor Baubeginn ist zur Sicherung der Rückbauverpflichtung eine Sicherheit in Höhe von 10 % der Gesamtinvestitionskosten je Anlage in Form einer unbefristeten selbstschuldnerischen Bankbürgschaft zu leisten.',
    citation: '§ 35 Abs. 5 Satz 2 und 3 BauGB',
  },
  {
    key: 'wind-bau-rueckbauverpflichtung',
    category: building,
    title: 'Rückbauverpflichtung',
    text: 'Nach dauerhafter Aufgabe der zulässigen Nutzung sind die Anlagen einschließlich Fundament, Kranstellfläche und Zuwegung zurückzubauen und die Bodenversiegelungen zu beseitigen.',
    citation: '§ 35 Abs. 5 Satz 2 BauGB',
  },
  {
    key: 'wind-bau-standsicherheit',
    category: building,
    title: 'Nachweis der Standsicherheit',
    text: 'Vor Baubeginn sind der geprüfte Standsicherheitsnachweis und das Baugrundgutachten der Bauaufsicht vorzulegen.',
    citation: '§ 68 BauO NRW 2018',
  },
  {
    key: 'wind-bau-abstandsflaechen',
    category: building,
    title: 'Einmessung',
    text: 'Die Standorte der Anlagen sind vor Baubeginn durch eine öffentlich bestellte Vermessungsingenieurin oder einen öffentlich bestellten Vermessungsingenieur einzumessen; die Einmessungsbescheinigung ist vorzulegen.',
    citation: '§ 83 BauO NRW 2018',
  },
];

/** Seeds the demo catalogue for every authority that has none yet. */
export async function seedWindConditions(db: Db): Promise<void> {
  const authorities = await db
    .selectFrom('organisations')
    .select('id')
    .where('kind', '=', 'authority')
    .execute();
  for (const authority of authorities) await seedCatalogue(db, authority.id, WIND_CONDITIONS);
}
