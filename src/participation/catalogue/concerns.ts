/**
 * The default catalogue of concerns ("Belange") raised in objections against onshore wind
 * turbines (BImSchG permits). Keywords are lower-case German stems or phrases; umlauts may be
 * written either way, matching folds them. Keywords of five or more characters also match inside
 * compounds ("lärm" in "Nachtlärm"), so short stems that hide in unrelated words are avoided:
 * "licht" (Pflicht), "rauch" (Verbrauch), "verkehr" (Verkehrswert), "eiche" (Bereiche), "beton"
 * (betonen), "feuer" (Befeuerung), "konzentration" (Konzentrationszone).
 */

export interface ConcernDefinition {
  key: string;
  label: string;
  description: string;
  keywords: readonly string[];
}

const words = (list: string): string[] => list.split(',').map((w) => w.trim());

export const DEFAULT_CONCERNS: readonly ConcernDefinition[] = [
  {
    key: 'noise',
    label: 'Lärm',
    description: 'Geräuschbelastung durch den Betrieb der Anlagen, besonders nachts.',
    keywords: words(
      'lärm, geräusch, schall, dezibel, db, ta lärm, immissionsrichtwert, immissionsort, nachtruhe, ' +
        'schlafstörung, schlaf, brummen, rauschen, wummern, pfeifen, tonhaltigkeit, ' +
        'impulshaltigkeit, pegel, ruhestörung, lautstärke, krach, nachtbetrieb, interimsverfahren, ' +
        'schallreduziert, nächtlich, ruhe, getöse, surren',
    ),
  },
  {
    key: 'shadow-flicker',
    label: 'Schattenwurf',
    description: 'Periodischer Schattenwurf und Lichtreflexe der drehenden Rotorblätter.',
    keywords: words(
      'schattenwurf, schatten, schlagschatten, flimmern, flackern, stroboskop, disco, disko, ' +
        'reflex, reflexion, astronomisch, beschattungsdauer, 30 stunden, 30 minuten, ' +
        'abschaltautomatik, sonnenstand, tiefstehende sonne, sonne, rotor, immissionsort, ' +
        'schattenabschaltung, lichtblitz, hell dunkel',
    ),
  },
  {
    key: 'birds-bats',
    label: 'Vögel und Fledermäuse (Artenschutz)',
    description: 'Tötungs- und Störungsrisiko für geschützte Vogel- und Fledermausarten.',
    keywords: words(
      'vogel, vögel, rotmilan, milan, schwarzstorch, weißstorch, storch, uhu, seeadler, bussard, ' +
        'kiebitz, kranich, lerche, brüten, fledermaus, fledermäuse, abendsegler, artenschutz, ' +
        'tötungsverbot, tötungsrisiko, kollision, schlagopfer, brutplatz, brut, brutstätte, ' +
        'horst, revier, habitat, fauna, ffh, natura 2000, bnatschg, insekt, raumnutzungsanalyse, ' +
        'kartierung, abschaltalgorithmus, gondelmonitoring, barotrauma, greifvögel',
    ),
  },
  {
    key: 'landscape',
    label: 'Landschaftsbild',
    description: 'Veränderung des Landschafts- und Ortsbildes und Verlust von Erholungsraum.',
    keywords: words(
      'landschaft, horizont, panorama, verspargelung, spargel, naherholung, erholung, heimat, ' +
        'sichtachse, silhouette, ortsbild, denkmal, aussicht, ausblick, verschandel, windrad, ' +
        'windräder, monströs, naturpark, tourismus, touristen, wanderweg, naturraum, idylle, ' +
        'industriegebiet, kulisse',
    ),
  },
  {
    key: 'oppressive-effect',
    label: 'Abstand und optisch bedrängende Wirkung',
    description: 'Zu geringer Abstand zur Wohnbebauung und erdrückende Wirkung der Anlagen.',
    keywords: words(
      'abstand, abstände, mindestabstand, 10h, 10 h, bedräng, optisch, erdrück, umzingel, ' +
        'riegel, einkesselung, eingekessel, einkreisung, umfassung, dominanz, dominier, ' +
        'übermächtig, gesamthöhe, anlagenhöhe, nabenhöhe, rücksichtnahme, drehbewegung, ' +
        'wohnbebauung, siedlung, unmittelbare nähe, 1000 meter, windrad, windräder, rotor, ' +
        'bedrohlich, wohnhaus',
    ),
  },
  {
    key: 'infrasound',
    label: 'Infraschall',
    description: 'Gesundheitliche Wirkungen von tieffrequentem Schall und Infraschall.',
    keywords: words(
      'infraschall, tieffrequent, niederfrequent, druckwelle, druckschwankung, vibration, ' +
        'erschütterung, körperschall, unhörbar, nicht hörbar, hörschwelle, wahrnehmungsschwelle, ' +
        'windturbinensyndrom, pulsierend, druckgefühl, ohrendruck, hz, hertz, frequenz, bgr',
    ),
  },
  {
    key: 'ice-throw',
    label: 'Eiswurf',
    description: 'Gefährdung durch herabfallendes oder abgeworfenes Eis von den Rotorblättern.',
    keywords: words(
      'eiswurf, eisabfall, eisansatz, eisbildung, vereisung, vereist, eisfall, eis, eiserkennung, ' +
        'eisdetektion, rotor, wurfweite, eisstück, eisbrock, herabfall, abwurf, gefahrenbereich, ' +
        'warnschild, frost, winter, spaziergänger, gefrier, eisplatte',
    ),
  },
  {
    key: 'property-value',
    label: 'Wertverlust von Immobilien',
    description: 'Minderung des Verkehrswertes von Häusern und Grundstücken in der Nähe.',
    keywords: words(
      'wertverlust, wertminderung, verkehrswert, immobilie, immobilienpreis, grundstückswert, ' +
        'grundstückspreis, verkaufswert, unverkäuflich, makler, entschädigung, entwertung, eigentum, ' +
        'eigentümer, altersvorsorge, wertverfall, preisverfall, kaufpreis, marktwert, ' +
        'wertgutachten, vermögen, enteignung, ausgleichszahlung',
    ),
  },
  {
    key: 'procedure',
    label: 'Verfahren und Beteiligung',
    description: 'Mängel im Genehmigungsverfahren, bei Auslegung, Fristen und Beteiligung.',
    keywords: words(
      'öffentlichkeitsbeteiligung, beteiligung, auslegung, ausgelegt, frist, erörterungstermin, ' +
        'erörterung, befangenheit, befangen, unterlagen, akteneinsicht, verfahrensfehler, ' +
        'verfahren, bekanntmachung, uvp, umweltverträglichkeit, vorprüfung, transparenz, ' +
        'informationsveranstaltung, anhörung, klage, widerspruch, zusendung, bimschv, ' +
        'vollständig, planungshoheit, einvernehmen, rechtsweg',
    ),
  },
  {
    key: 'water-soil',
    label: 'Wasser und Boden',
    description: 'Gefahren für Grundwasser, Trinkwasser und Boden durch Bau und Betrieb.',
    keywords: words(
      'grundwasser, wasser, trinkwasser, wasserschutzgebiet, brunnen, boden, bodenschutz, ' +
        'erdreich, versiegelung, verdichtung, fundament, betonfundament, betonsockel, pfahlgründung, ' +
        'erosion, überschwemmung, entwässerung, drainage, schmierstoff, getriebeöl, öl, altlast, humus, ' +
        'moor, torf, acker',
    ),
  },
  {
    key: 'health',
    label: 'Gesundheit',
    description: 'Befürchtete Gesundheitsschäden für Anwohnerinnen und Anwohner.',
    keywords: words(
      'gesundheit, krank, schlafstörung, kopfschmerz, schwindel, übelkeit, herz kreislauf, herzrasen, ' +
        'blutdruck, stress, psychisch, depression, konzentrationsstörung, tinnitus, arzt, ärzte, ' +
        'unversehrtheit, mikroplastik, abrieb, pfas, bisphenol, epoxid, feinstaub, wohlbefinden, ' +
        'lebensqualität, windturbinensyndrom, erschöpfung',
    ),
  },
  {
    key: 'fire-safety',
    label: 'Brandschutz und Havarie',
    description: 'Brand, Rotorbruch oder Umsturz einer Anlage und die Folgen für die Umgebung.',
    keywords: words(
      'brand, feuerwehr, löschen, havarie, unfall, störfall, rotorbruch, blattbruch, abknick, ' +
        'umsturz, umstürz, turmversagen, einsturz, explosion, blitzeinschlag, entzünd, ' +
        'rauchentwicklung, rauchgas, giftig, trümmer, bruchstück, sicherheitsabstand, ' +
        'gefahrenbereich, brennend, brennbar, abbrenn',
    ),
  },
  {
    key: 'traffic-construction',
    label: 'Bau und Verkehr',
    description: 'Belastungen durch Baustelle, Schwertransporte und Zuwegung.',
    keywords: words(
      'baustelle, bauphase, bauzeit, baulärm, schwertransport, schwerlast, lkw, zuwegung, ' +
        'zufahrt, wegebau, straßenschäden, straßenschaden, kran, kranstellfläche, transport, ' +
        'betonmischer, anlieferung, sperrung, umleitung, feldweg, wirtschaftsweg, bauarbeiten, ' +
        'rückbau, staub, verkehrsbelastung, baustellenverkehr, durchgangsverkehr',
    ),
  },
  {
    key: 'forest',
    label: 'Wald',
    description: 'Rodung und Beeinträchtigung von Waldflächen für Anlagen und Zuwegung.',
    keywords: words(
      'wald, wälder, waldgebiet, waldfläche, waldstandort, forst, rodung, gerodet, roden, ' +
        'abholzung, baum, bäume, baumbestand, kahlschlag, waldumwandlung, aufforstung, ' +
        'buchenwald, eichenwald, fichte, altholz, totholz, kalamität, borkenkäfer, waldboden, ' +
        'schneise, waldsterben, windkraft im wald',
    ),
  },
  {
    key: 'light',
    label: 'Befeuerung und Lichtemissionen',
    description: 'Nächtliche Befeuerung und Blinklichter der Anlagen.',
    keywords: words(
      'befeuerung, gefahrenfeuer, blinklicht, blink, rotlicht, rotes licht, lichtemission, ' +
        'lichtimmission, lichtverschmutz, lichtsmog, nachtkennzeichnung, kennzeichnung, ' +
        'bedarfsgesteuert, bnk, transponder, flugsicherung, luftfahrt, nachthimmel, ' +
        'sternenhimmel, leucht, beleuchtung, synchron, nächtlich, lichtreflex',
    ),
  },
  {
    key: 'support',
    label: 'Zustimmung und Befürwortung',
    description: 'Zustimmung zum Vorhaben, etwa wegen Klimaschutz oder regionaler Wertschöpfung.',
    keywords: words(
      'befürwort, unterstütz, zustimm, begrüß, energiewende, klimaschutz, klimawandel, ' +
        'erneuerbar, saubere energie, bürgerwind, bürgerenergie, bin dafür, sind dafür, ' +
        'wertschöpfung, gewerbesteuer, unabhängigkeit, strompreis, co2, kohle, atomkraft, fossil, ' +
        'künftige generationen, klimaneutral, versorgungssicherheit, grüner strom, ökostrom',
    ),
  },
];
