import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { AuthorityProfile } from '../authority/authority.types.ts';
import type { TemplateTexts } from './letter.templates.ts';
import type { LetterContent, LetterKind } from './letter.types.ts';

/**
 * What a procedure family (permits, later funding) plugs into the letter engine: which letters a
 * case can have now, and their content built from the case. The engine does the rest (drafts,
 * preview, sign-off, freeze, delivery, new versions); the builder never draws and never writes.
 */
export interface LetterBuildContext {
  /** The caller's transaction (the procedure row is locked) or, for reading, the database. */
  db: Db | Transaction<Database>;
  procedureId: string;
  tenantId: string;
  profile: AuthorityProfile;
  /** The authority's current texts for every kind (its defaults where it has none). */
  templates: Record<LetterKind, TemplateTexts>;
  now: Date;
}

export interface LetterBuilder {
  /** The kinds a letter can be drafted of in the case's present state. */
  availableKinds(ctx: LetterBuildContext): LetterKind[] | Promise<LetterKind[]>;
  build(kind: LetterKind, ctx: LetterBuildContext): Promise<LetterContent>;
}

/** Builders by procedure type key (e.g. 'bimschg-formal'), handed to the routes by app.ts. */
export type LetterBuilders = Readonly<Record<string, LetterBuilder>>;
