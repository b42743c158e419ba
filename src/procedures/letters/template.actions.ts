import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { LETTER_KIND_LABELS } from './letter.kinds.ts';
import { loadTemplates } from './letter.queries.ts';
import {
  TEMPLATE_FIELDS,
  templateTextErrors,
  type TemplateField,
  type TemplateTexts,
} from './letter.templates.ts';
import type { LetterKind } from './letter.types.ts';

/** The authorities whose letter texts the actor edits: where they are an administrator. */
export function administeredAuthorities(actor: Actor): { id: string; name: string }[] {
  return actor.kind === 'user'
    ? actor.memberships
        .filter((m) => m.role === 'admin' && m.organisationKind === 'authority')
        .map((m) => ({ id: m.organisationId, name: m.organisationName }))
    : [];
}

/** Form field name of one text of one kind, e.g. `decision.intro`. */
export const templateField = (kind: LetterKind, field: TemplateField) => `${kind}.${field}`;

/**
 * Saves the authority's texts for one letter kind as a new version (the old ones stay, so that
 * every letter's wording can be traced). Unknown placeholders or unpaired braces are refused with
 * the place named, and nothing is saved; an unchanged text creates no version.
 */
export async function saveTemplate(options: {
  db: Db;
  actor: Actor;
  organisationId: string;
  kind: LetterKind;
  texts: TemplateTexts;
}): Promise<{ version: number; changed: boolean }> {
  const { db, actor, organisationId, kind } = options;
  if (!administeredAuthorities(actor).some((a) => a.id === organisationId))
    throw new AppError('not_found', 'Die Vorlagen dieser Behörde verwalten Sie nicht.');
  const texts: TemplateTexts = {
    intro: options.texts.intro.replace(/\r\n/g, '\n').trim(),
    closing: options.texts.closing.replace(/\r\n/g, '\n').trim(),
    notes: options.texts.notes.replace(/\r\n/g, '\n').trim(),
  };
  const errors: FieldError[] = TEMPLATE_FIELDS.flatMap((field) =>
    templateTextErrors(field, texts[field]).map((e) => ({
      field: templateField(kind, field),
      message: `${LETTER_KIND_LABELS[kind]} – ${e.message}`,
    })),
  );
  if (errors.length > 0)
    throw new AppError(
      'validation',
      'Die Vorlage enthält Fehler und wurde nicht gespeichert.',
      errors,
    );
  const actorId = actor.kind === 'user' ? actor.userId : null;
  try {
    return await db.transaction().execute(async (trx) => {
      const current = (await loadTemplates(trx, organisationId))[kind];
      if (TEMPLATE_FIELDS.every((f) => current[f] === texts[f]))
        return { version: current.version, changed: false };
      const version = current.version + 1;
      await trx
        .insertInto('letter_templates')
        .values({
          tenant_id: organisationId,
          kind,
          version,
          texts: JSON.stringify(texts),
          created_by: actorId,
        })
        .execute();
      await trx
        .insertInto('admin_events')
        .values({
          actor_id: actorId,
          action: 'letter-template-saved',
          details: JSON.stringify({ organisationId, kind, version }),
        })
        .execute();
      return { version, changed: true };
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === '23505')
      throw new AppError(
        'conflict',
        'Die Vorlage wurde zur selben Zeit von jemand anderem gespeichert. Bitte laden Sie die Seite neu.',
      );
    throw error;
  }
}
