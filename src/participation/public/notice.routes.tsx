import { Type } from '@sinclair/typebox';
import { AppError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { renderAtomFeed } from '../notice/atom.ts';
import type { NoticeContent } from '../notice/notice-content.ts';
import { findNotice, listNotices } from './public.queries.ts';
import { NoticeListPage, NoticePage } from './notice.views.tsx';

const Id = Type.Object({ id: Type.String() });

/** Public notices: list with German full-text search, page, PDF and an Atom feed of all. */
export function registerNoticeRoutes(app: App, deps: Deps): void {
  app.get(
    '/bekanntmachungen',
    {
      config: { access: 'public' },
      schema: { querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })) }) },
    },
    async (request, reply) => {
      const q = request.query.q ?? '';
      const items = await listNotices(deps.db, { q, limit: 100 });
      return sendPage(
        reply,
        <NoticeListPage ctx={pageContext(request, reply)} items={items} q={q} />,
      );
    },
  );

  app.get(
    '/bekanntmachungen/feed.atom',
    { config: { access: 'public' } },
    async (_request, reply) => {
      const items = await listNotices(deps.db, { q: '', limit: 50 });
      const base = deps.config.publicUrl;
      const xml = renderAtomFeed({
        id: `${base}bekanntmachungen`,
        title: 'Industrieland – öffentliche Bekanntmachungen',
        selfUrl: `${base}bekanntmachungen/feed.atom`,
        siteUrl: `${base}bekanntmachungen`,
        updated: items[0]?.published_at ?? new Date(0),
        entries: items.map((n) => ({
          id: `${base}bekanntmachungen/${n.id}`,
          title: n.title,
          url: `${base}bekanntmachungen/${n.id}`,
          published: n.published_at,
          updated: n.published_at,
          summary: n.summary,
          authorityName: n.authority,
        })),
      });
      return reply.type('application/atom+xml; charset=utf-8').send(xml);
    },
  );

  app.get(
    '/bekanntmachungen/:id',
    { config: { access: 'public' }, schema: { params: Id } },
    async (request, reply) => {
      const notice = await findNotice(deps.db, request.params.id);
      if (!notice) throw new AppError('not_found', 'Diese Bekanntmachung gibt es nicht.');
      return sendPage(
        reply,
        <NoticePage
          ctx={pageContext(request, reply)}
          notice={{
            id: notice.id,
            publishedOn: notice.published_on,
            authority: notice.authority,
            reference: notice.reference,
            procedureId: notice.procedure_id,
          }}
          content={notice.content as NoticeContent}
        />,
      );
    },
  );

  app.get(
    '/bekanntmachungen/:id/pdf',
    { config: { access: 'public' }, schema: { params: Id } },
    async (request, reply) => {
      const notice = await findNotice(deps.db, request.params.id);
      if (!notice) throw new AppError('not_found', 'Diese Bekanntmachung gibt es nicht.');
      return reply
        .type('application/pdf')
        .header('content-length', String(notice.pdf_size))
        .header(
          'content-disposition',
          `inline; filename="Bekanntmachung-${notice.reference.replace(/[^\w.-]/g, '_')}-${notice.published_on}.pdf"`,
        )
        .send(deps.store.open(notice.pdf_sha256));
    },
  );
}
