/**
 * An Atom feed per procedure (RFC 4287) listing its notices and the documents the public can
 * open now: the portal of the Land or anyone else can follow a procedure without scraping pages.
 * Built only from public data (invariant 5): notice titles and summaries, document labels and
 * the public links; trade secrets never appear (§ 10 Abs. 2 BImSchG).
 */
import type { Db } from '../../db/database.ts';
import { berlinDate } from '../../procedures/case/case.queries.ts';
import { WIND_REQUIRED_DOCUMENTS } from '../../permits/procedure-types/required-documents.ts';
import type { ProcedureState } from '../../procedures/engine/index.ts';
import { renderAtomFeed, type AtomEntry } from '../notice/atom.ts';
import type { PublicProcedure } from '../public-procedure.queries.ts';

const DOC_LABELS = new Map(WIND_REQUIRED_DOCUMENTS.map((d) => [d.key, d.label]));

export async function procedureFeed(
  db: Db,
  baseUrl: string,
  procedure: PublicProcedure,
  now: Date,
): Promise<string> {
  const today = berlinDate(now);
  const site = `${baseUrl}beteiligung/${procedure.id}`;
  const [notices, documents, stateRow] = await Promise.all([
    db
      .selectFrom('notices')
      .select(['id', 'title', 'summary', 'published_at'])
      .where('procedure_id', '=', procedure.id)
      .orderBy('published_at', 'desc')
      .execute(),
    db
      .selectFrom('documents')
      .select(['id', 'doc_type', 'filename', 'uploaded_at', 'trade_secret'])
      .where('procedure_id', '=', procedure.id)
      .where('audience', '=', 'case')
      .where('doc_type', '!=', 'decision')
      .where('trade_secret', '=', false)
      .orderBy('uploaded_at')
      .execute(),
    db
      .selectFrom('procedures')
      .select('state')
      .where('id', '=', procedure.id)
      .executeTakeFirstOrThrow(),
  ]);
  const entries: AtomEntry[] = notices.map((n) => ({
    id: `${baseUrl}bekanntmachungen/${n.id}`,
    title: n.title,
    url: `${baseUrl}bekanntmachungen/${n.id}`,
    published: n.published_at,
    updated: n.published_at,
    summary: n.summary,
    authorityName: procedure.authorityName,
  }));
  const p = procedure.participation;
  const displayed = today >= p.displayStart && today <= p.displayEnd;
  // The documents are listed while they are displayed, exactly when their links work.
  if (displayed) {
    for (const d of documents) {
      entries.push({
        id: `${site}/unterlagen/${d.id}`,
        title: `Ausgelegte Unterlage: ${DOC_LABELS.get(d.doc_type) ?? d.doc_type} (${d.filename})`,
        url: `${site}/unterlagen/${d.id}`,
        published: d.uploaded_at,
        updated: d.uploaded_at,
        summary: `Ausgelegt vom ${p.displayStart} bis ${p.displayEnd} (§ 10 Abs. 3 BImSchG).`,
        authorityName: procedure.authorityName,
      });
    }
  }
  const pub = (stateRow.state as ProcedureState).decisionPublication;
  if (pub && today >= pub.displayStart && today <= pub.displayEnd) {
    entries.push({
      id: `${site}/bescheid`,
      title: `Bescheid mit Begründung: ${procedure.title}`,
      url: `${site}/bescheid`,
      published: new Date(`${pub.noticeDate}T00:00:00Z`),
      updated: new Date(`${pub.noticeDate}T00:00:00Z`),
      summary: `Ausgelegt vom ${pub.displayStart} bis ${pub.displayEnd} (§ 10 Abs. 8 BImSchG).`,
      authorityName: procedure.authorityName,
    });
  }
  entries.sort((a, b) => b.published.getTime() - a.published.getTime());
  return renderAtomFeed({
    id: site,
    title: `${procedure.title} (${procedure.reference}) – Bekanntmachungen und Unterlagen`,
    selfUrl: `${site}/feed.atom`,
    siteUrl: site,
    updated: entries[0]?.updated ?? new Date(`${p.noticeDate}T00:00:00Z`),
    entries,
  });
}
