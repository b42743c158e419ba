/**
 * The paging navigation of the portal's lists: previous and next page as plain links (no script)
 * and „Seite X von Y“. The address keeps the list's filters; `seite=n` is appended.
 */
import type { VNode } from 'preact';

export interface Paging {
  page: number;
  pageCount: number;
  /** Base address; `seite=n` is appended. */
  href: string;
}

export function Pagination(props: { paging: Paging; label: string }): VNode | null {
  const { page, pageCount, href } = props.paging;
  if (pageCount <= 1) return null;
  const link = (n: number) => `${href}${href.includes('?') ? '&' : '?'}seite=${n}`;
  return (
    <nav aria-label={props.label} class="pagination">
      <ul class="kern-list kern-list--horizontal">
        {page > 1 ? (
          <li>
            <a class="kern-link" href={link(page - 1)} rel="prev">
              Vorherige Seite
            </a>
          </li>
        ) : null}
        <li aria-current="page">
          Seite {page.toLocaleString('de-DE')} von {pageCount.toLocaleString('de-DE')}
        </li>
        {page < pageCount ? (
          <li>
            <a class="kern-link" href={link(page + 1)} rel="next">
              Nächste Seite
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
