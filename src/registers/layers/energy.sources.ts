/**
 * Source, licence and data date of every energy and network layer, as data/SOURCES.md records
 * them. Licences the shared collection marks "(verify)" carry `licenceOpen` and are shown as
 * „[offen]“ until checked [open: licence review before publication].
 */
import type { LayerSource } from '../catalogue/layer.ts';

export const WIND_SOURCE: LayerSource = {
  name: 'Helmholtz-Zentrum für Umweltforschung (UFZ), Eichhorn et al. 2019',
  url: 'https://doi.org/10.3390/data4010029',
  licence: 'vermutlich CC BY 4.0 (mit dem Artikel veröffentlicht)',
  licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
  attribution:
    'Eichhorn, M. et al. (2019): Spatial distribution of wind turbines, PV field systems, bioenergy and river hydro power plants in Germany. Data 4(1):29, UFZ',
  dataDate: '2015-12-31',
  licenceOpen: true,
};

export const POWER_PLANT_SOURCE: LayerSource = {
  name: 'Open Power System Data – Conventional power plants (BNetzA-Kraftwerksliste, UBA)',
  url: 'https://doi.org/10.25832/conventional_power_plants/2020-10-01',
  licence: 'keine eigene Lizenz; es gelten die Bedingungen der Primärquellen (BNetzA, UBA)',
  attribution:
    'Open Power System Data. 2020. Data Package Conventional power plants. Version 2020-10-01. https://doi.org/10.25832/conventional_power_plants/2020-10-01',
  dataDate: '2020-10-01',
  licenceOpen: true,
};

export const INDUSTRY_SOURCE: LayerSource = {
  name: 'Hotmaps Industrial Database (Emissionen EU-ETS und E-PRTR 2014)',
  url: 'https://gitlab.com/hotmaps/industrial_sites/industrial_sites_Industrial_Database',
  licence: 'CC BY 4.0',
  licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: 'Hotmaps Project, Industrial Database, CC BY 4.0',
  dataDate: '2014-12-31',
  licenceOpen: true,
};

export const CAPACITY_SOURCE: LayerSource = {
  name: 'Marktstammdatenregister der Bundesnetzagentur, je Gemeinde aufbereitet von GermanZero (localzero-data-public)',
  url: 'https://github.com/GermanZero-de/localzero-data-public',
  licence: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
  licenceUrl: 'https://www.govdata.de/dl-de/by-2-0',
  attribution:
    'Bundesnetzagentur, Marktstammdatenregister (Auszüge 2021 und 2024), dl-de/by-2-0; Gemeindegrenzen © GeoBasis-DE / BKG 2013 (Daten verändert)',
  dataDate: '2024-12-31',
  licenceOpen: true,
};

export const CORE_NETWORK_SOURCE: LayerSource = {
  name: 'PyPSA-DE: Orte der Maßnahmenlisten des Wasserstoff-Kernnetzes (FNB Gas, Antrag vom 22.07.2024)',
  url: 'https://github.com/PyPSA/pypsa-de',
  licence: 'MIT (Repository); Lizenz der Datei nicht gesondert angegeben',
  attribution: 'PyPSA-DE, locations_wasserstoff_kernnetz.csv, nach FNB Gas Wasserstoff-Kernnetz',
  dataDate: '2024-07-22',
  licenceOpen: true,
};

export const PIPELINE_SOURCE: LayerSource = {
  name: 'Global Energy Monitor – Pipeline-Trassen (GOIT/GGIT)',
  url: 'https://github.com/GlobalEnergyMonitor/GOIT-GGIT-pipeline-routes',
  licence: 'CC BY 4.0',
  licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: 'Global Energy Monitor, Global Gas/Hydrogen Infrastructure Tracker, CC BY 4.0',
  dataDate: '2025-10-24',
  licenceOpen: true,
};
