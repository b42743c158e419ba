/**
 * Atom feeds (RFC 4287) for the award list and the dashboard's figures, written by the same
 * renderer as the notices' feed (escaping, allowed characters, http(s) links only).
 *
 * Awards: an award is public from the commit of its grant decision (published_from), and the
 * feed reads the same published rows as the list, so a subscriber learns of it within a day of
 * the decision as Art. 9 AGVO's list does. Figures: one entry per figure and data date; a new
 * data date is a new entry (the entry id carries the date), so readers see every update.
 */
import { formatEuro } from '../law/fees/money.ts';
import { formatGermanDate } from '../law/german-format.ts';
import { renderAtomFeed, type AtomEntry } from '../participation/notice/atom.ts';
import { listAwards, type PublicAward } from '../funding/awards/award.queries.ts';
import { AWARD_FEED_PATH, INDICATOR_FEED_PATH } from './datasets.ts';
import { absoluteUrl, type DatasetContext, type PublishedFigure } from './published.ts';

/** Entries per feed: a reader polls often; older items stay in the list and its files. */
export const FEED_SIZE = 50;

function place(a: PublicAward): string {
  return a.gemeinde ?? a.kreis ?? 'Nordrhein-Westfalen';
}

function awardEntry(a: PublicAward, publicUrl: string): AtomEntry {
  const year = a.grantedOn.slice(0, 4);
  const list = new URL('foerderung/vergaben', publicUrl);
  list.searchParams.set('programm', a.programmeId);
  list.searchParams.set('jahr', year);
  return {
    id: `urn:uuid:${a.id}`,
    title: `${a.recipientName}: ${formatEuro(a.amountCents)} aus „${a.programmeTitle}“`,
    url: list.toString(),
    published: a.publishedFrom,
    updated: a.publishedFrom,
    summary:
      `Bewilligt am ${formatGermanDate(a.grantedOn, { weekday: false })} von ${a.fundingBody}; ` +
      `Sitz: ${place(a)}; Rechtsgrundlage: ${a.aidBasis}; Zweck: ${a.purpose}`,
    authorityName: a.fundingBody,
  };
}

export async function awardFeed(context: DatasetContext, publicUrl: string): Promise<string> {
  const page = await listAwards(context.db, { filters: {}, page: 1, now: context.now });
  // The list is ordered by the day of the grant; the feed by the moment of publication.
  const awards = [...page.awards]
    .sort((x, y) => y.publishedFrom.getTime() - x.publishedFrom.getTime())
    .slice(0, FEED_SIZE);
  return renderAtomFeed({
    id: absoluteUrl(publicUrl, AWARD_FEED_PATH),
    title: 'Industrieland – gewährte Förderungen',
    selfUrl: absoluteUrl(publicUrl, AWARD_FEED_PATH),
    siteUrl: absoluteUrl(publicUrl, '/foerderung/vergaben'),
    updated: awards[0]?.publishedFrom ?? new Date(0),
    entries: awards.map((a) => awardEntry(a, publicUrl)),
  });
}

function figureEntry(f: PublishedFigure, publicUrl: string): AtomEntry {
  const page = new URL(absoluteUrl(publicUrl, f.pageUrl));
  // The permanent, dated link of the figure: the page as of its data date.
  page.searchParams.set('stand', f.dataDate);
  const updated = new Date(f.updated);
  return {
    id: page.toString(),
    title: `${f.title}: Stand ${formatGermanDate(f.dataDate, { weekday: false })}`,
    url: page.toString(),
    published: updated,
    updated,
    summary: `${f.description} Quelle: ${f.source.name}. Lizenz: ${f.licence.name}.`,
    authorityName: f.source.name,
  };
}

export function indicatorFeed(figures: readonly PublishedFigure[], publicUrl: string): string {
  const entries = [...figures]
    .sort((x, y) => new Date(y.updated).getTime() - new Date(x.updated).getTime())
    .slice(0, FEED_SIZE)
    .map((f) => figureEntry(f, publicUrl));
  return renderAtomFeed({
    id: absoluteUrl(publicUrl, INDICATOR_FEED_PATH),
    title: 'Industrieland – Aktualisierungen der Kennzahlen',
    selfUrl: absoluteUrl(publicUrl, INDICATOR_FEED_PATH),
    siteUrl: absoluteUrl(publicUrl, '/monitoring'),
    updated: entries[0]?.updated ?? new Date(0),
    entries,
  });
}
