/** The check of a company profile draft: the fields of the profile itself, then the SME test's word. */
import { SupportInputError, type SupportInputField } from '../../law/rules/index.ts';
import { determineSmeStatus, parseNaceCode } from '../../law/funding/index.ts';
import type { FieldError } from '../../platform/errors.ts';
import { companyProfileInput } from './profile.queries.ts';
import { checkSeatAgs } from './profile.seat.ts';
import {
  CRAFTS_TRADES,
  LEGAL_FORMS,
  type ProfileValues,
  type RegisterType,
} from './profile.types.ts';
import {
  checkDuplicates,
  checkFigures,
  checkRelations,
  decimals,
  type RelationDraft,
} from './profile.relations.ts';

/**
 * One check of a company profile for both front doors (the form and the JSON API). Each door
 * turns its input into a ProfileDraft (numbers already parsed: undefined = nothing entered,
 * NaN = not a number); errors name fields by their form names ('staffAwu', 'partners.0.share'),
 * which the API renames to its own (profileApiField).
 */
export interface ProfileDraft {
  validFrom: string;
  legalForm: string;
  legalFormOther: string;
  registerCourt: string;
  registerNumber: string;
  naceCode: string;
  seatAgs: string;
  staffAwu: number | undefined;
  turnoverCents: number | undefined;
  balanceSheetCents: number | undefined;
  figuresYear: number | undefined;
  craftsChamberMember: boolean;
  trade: string;
  /** Percent, 0–100. */
  publicBodiesShare: number | undefined;
  undertakingInDifficulty: boolean | undefined;
  partners: RelationDraft[];
  linked: RelationDraft[];
}

/** German names of the fields, for messages and for the history of changes. */
export const PROFILE_FIELD_LABELS: Readonly<Record<string, string>> = {
  validFrom: 'Gültig ab',
  legalForm: 'Rechtsform',
  legalFormOther: 'Rechtsform (Bezeichnung)',
  registerCourt: 'Registergericht',
  registerNumber: 'Registernummer',
  naceCode: 'Wirtschaftszweig (WZ 2008)',
  seatAgs: 'Sitz (Amtlicher Gemeindeschlüssel)',
  staffAwu: 'Beschäftigte (Jahresarbeitseinheiten)',
  turnover: 'Jahresumsatz',
  balanceSheet: 'Jahresbilanzsumme',
  figuresYear: 'Geschäftsjahr der Zahlen',
  craftsChamberMember: 'Mitglied einer Handwerkskammer',
  trade: 'Gewerk',
  publicBodiesShare: 'Anteil öffentlicher Stellen',
  undertakingInDifficulty: 'Unternehmen in Schwierigkeiten',
  partners: 'Partnerunternehmen',
  linked: 'Verbundene Unternehmen',
};

const REGISTER = /^(HRA|HRB|GNR|PR|VR)\s*([1-9]\d{0,6})(?:\s+([A-Z]{1,2}))?$/i;
const CANONICAL_TYPE: Record<string, RegisterType> = {
  HRA: 'HRA',
  HRB: 'HRB',
  GNR: 'GnR',
  PR: 'PR',
  VR: 'VR',
};

/** 'hrb12345' → 'HRB 12345'; undefined when it is not a register number. */
export function parseRegisterNumber(
  text: string,
): { type: RegisterType; canonical: string } | undefined {
  const match = REGISTER.exec(text.trim().replace(/\s+/g, ' '));
  if (!match) return undefined;
  const type = CANONICAL_TYPE[match[1]!.toUpperCase()]!;
  const suffix = match[3] ? ` ${match[3].toUpperCase()}` : '';
  return { type, canonical: `${type} ${match[2]}${suffix}` };
}

function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** The law layer's own checks as the last word; its field names mapped to ours. */
const LAW_FIELD: Partial<Record<SupportInputField, string>> = {
  staffHeadcount: 'staffAwu',
  turnoverCents: 'turnover',
  balanceSheetCents: 'balanceSheet',
  partners: 'partners',
  linked: 'linked',
  publicBodiesSharePpm: 'publicBodiesShare',
  naceCode: 'naceCode',
  ags: 'seatAgs',
  date: 'validFrom',
};

/**
 * Checks a draft completely and returns the values of the new version, or every error at once
 * (a form shows them all in its summary). `today` is the Berlin day of saving: a version may
 * apply from a past day (figures of a closed accounting year) but not from a future one.
 */
export function checkProfileDraft(
  draft: ProfileDraft,
  context: { organisationName: string; today: string },
): { values: ProfileValues; errors: [] } | { values?: undefined; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const push = (field: string, message: string) => errors.push({ field, message });
  const text = (s: string) => s.trim().replace(/\s+/g, ' ');

  const validFrom = draft.validFrom.trim();
  if (validFrom === '') push('validFrom', 'Bitte geben Sie an, ab wann die Angaben gelten.');
  else if (!isIsoDate(validFrom))
    push('validFrom', 'Das Datum „Gültig ab“ ist kein gültiges Datum (TT.MM.JJJJ).');
  else if (validFrom > context.today)
    push('validFrom', 'Das Datum „Gültig ab“ darf nicht in der Zukunft liegen.');
  else if (validFrom < '1990-01-01')
    push('validFrom', 'Das Datum „Gültig ab“ darf nicht vor dem 01.01.1990 liegen.');

  const form = LEGAL_FORMS.find((f) => f.value === draft.legalForm);
  const legalFormOther = text(draft.legalFormOther);
  if (!form) push('legalForm', 'Bitte wählen Sie die Rechtsform aus der Liste.');
  else if (form.value === 'other' && legalFormOther === '')
    push('legalFormOther', 'Bitte nennen Sie die Rechtsform (z. B. „PartG mbB“ oder „SE“).');
  else if (legalFormOther.length > 120)
    push('legalFormOther', 'Die Bezeichnung der Rechtsform ist zu lang (höchstens 120 Zeichen).');

  const registerCourt = text(draft.registerCourt);
  const registerText = text(draft.registerNumber);
  const register = registerText === '' ? undefined : parseRegisterNumber(registerText);
  if (registerText !== '' && !register) {
    push(
      'registerNumber',
      `Die Registernummer „${registerText.slice(0, 40)}“ hat nicht die Form „HRB 12345“ (Registerart HRA, HRB, GnR, PR oder VR, dann die Nummer, optional ein Zusatzbuchstabe).`,
    );
  } else if (form && register && form.register && register.type !== form.register) {
    push(
      'registerNumber',
      `Die Rechtsform „${form.label.split(' (')[0]}“ wird im Register „${form.register}“ geführt, nicht im Register „${register.type}“.`,
    );
  } else if (form && register && (form.value === 'gbr' || form.value === 'einzelunternehmen')) {
    push(
      'registerNumber',
      form.value === 'gbr'
        ? 'Eine GbR hat keine Handelsregisternummer; lassen Sie das Feld leer (eine eingetragene GbR wählen Sie als „andere Rechtsform“).'
        : 'Ein eingetragenes Einzelunternehmen ist ein „e. K.“; bitte wählen Sie diese Rechtsform oder lassen Sie die Registernummer leer.',
    );
  } else if (form?.register && !register) {
    // Capital companies, commercial partnerships and cooperatives exist as such only once
    // registered (§ 11 GmbHG, § 41 AktG, § 123 HGB, § 13 GenG).
    push(
      'registerNumber',
      `Für die Rechtsform ${form.label.split(' (')[0]} ist die Registernummer anzugeben (z. B. „${form.register} 12345“).`,
    );
  }
  if (register && registerCourt === '')
    push(
      'registerCourt',
      'Bitte geben Sie das Registergericht an (z. B. „Amtsgericht Paderborn“).',
    );
  else if (!register && registerCourt !== '' && registerText === '')
    push('registerNumber', 'Zum Registergericht fehlt die Registernummer.');
  else if (registerCourt.length > 80 || (registerCourt !== '' && registerCourt.length < 2))
    push('registerCourt', 'Das Registergericht muss 2 bis 80 Zeichen lang sein.');

  let naceCode = '';
  try {
    naceCode = parseNaceCode(draft.naceCode).code;
  } catch (error) {
    if (!(error instanceof SupportInputError)) throw error;
    push('naceCode', error.message);
  }

  const seatAgs = draft.seatAgs.trim();
  if (seatAgs === '') push('seatAgs', 'Der Amtliche Gemeindeschlüssel des Sitzes fehlt.');
  else {
    const seat = checkSeatAgs(seatAgs);
    if (!seat.ok) push('seatAgs', seat.message!);
  }

  checkFigures(draft, '', 'Eigenes Unternehmen', errors);
  const year = draft.figuresYear;
  const thisYear = Number(context.today.slice(0, 4));
  if (year === undefined) push('figuresYear', 'Bitte geben Sie das Geschäftsjahr der Zahlen an.');
  else if (!Number.isInteger(year) || year < 1990 || year > thisYear)
    push(
      'figuresYear',
      `Das Geschäftsjahr der Zahlen muss eine Jahreszahl von 1990 bis ${thisYear} sein.`,
    );

  let trade: string | undefined;
  if (draft.craftsChamberMember && draft.trade !== '') {
    if (!CRAFTS_TRADES.some((t) => t.value === draft.trade))
      push('trade', 'Bitte wählen Sie das Gewerk aus der Liste.');
    else trade = draft.trade;
  }

  const pub = draft.publicBodiesShare;
  if (pub !== undefined && (!Number.isFinite(pub) || pub < 0 || pub > 100 || decimals(pub) > 4))
    push(
      'publicBodiesShare',
      'Der Anteil öffentlicher Stellen muss eine Zahl zwischen 0 % und 100 % sein.',
    );

  const partners = checkRelations('partners', draft.partners, context.organisationName, errors);
  const linked = checkRelations('linked', draft.linked, context.organisationName, errors);
  if (errors.length > 0) return { errors };
  errors.push(...checkDuplicates(partners, linked));
  if (errors.length > 0) return { errors };

  const values: ProfileValues = {
    validFrom,
    legalForm: form!.value,
    legalFormOther: form!.value === 'other' ? legalFormOther : undefined,
    registerCourt: register ? registerCourt : undefined,
    registerNumber: register?.canonical,
    naceCode,
    seatAgs,
    staffAwu: draft.staffAwu!,
    turnoverCents: draft.turnoverCents,
    balanceSheetCents: draft.balanceSheetCents,
    figuresYear: year!,
    craftsChamberMember: draft.craftsChamberMember,
    trade,
    publicBodiesSharePpm: pub === undefined ? undefined : Math.round(pub * 10_000),
    undertakingInDifficulty: draft.undertakingInDifficulty,
    partners,
    linked,
  };
  // The SME test must accept what is stored: whatever it still refuses is refused here too.
  try {
    determineSmeStatus(companyProfileInput(values, validFrom));
  } catch (error) {
    if (!(error instanceof SupportInputError)) throw error;
    return { errors: [{ field: LAW_FIELD[error.field] ?? 'staffAwu', message: error.message }] };
  }
  return { values, errors: [] };
}
