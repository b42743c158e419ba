import type { VNode } from 'preact';
import { formatGermanDate } from '../../law/index.ts';
import { SubmitButton, TextField } from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import type { NoticeContent } from '../notice/notice-content.ts';
import { FEED } from './public.views.tsx';

interface NoticeListItem {
  id: string;
  title: string;
  summary: string;
  published_on: string;
  reference: string;
  authority: string;
}

export function NoticeListPage(props: {
  ctx: PageContext;
  items: NoticeListItem[];
  q: string;
}): VNode {
  return (
    <Layout ctx={props.ctx} title="Öffentliche Bekanntmachungen" feeds={[FEED]}>
      <h1 class="kern-heading-large">Öffentliche Bekanntmachungen</h1>
      <p class="kern-body">
        Bekanntmachungen der Genehmigungsbehörden: Vorhaben mit Auslegung und Einwendungsfrist,
        Erörterungstermine und Entscheidungen. Neue Bekanntmachungen gibt es auch als{' '}
        <a class="kern-link" href={FEED.href}>
          Atom-Feed
        </a>
        .
      </p>
      <form method="get" action="/bekanntmachungen" class="search-form kern-stack" role="search">
        <TextField
          name="q"
          type="search"
          label="Suche in den Bekanntmachungen"
          value={props.q}
          errors={[]}
          required={false}
        />
        <SubmitButton variant="secondary">Suchen</SubmitButton>
      </form>
      {props.items.length === 0 ? (
        <p class="kern-body">Keine Bekanntmachungen gefunden.</p>
      ) : (
        <ul class="notice-list">
          {props.items.map((n) => (
            <li key={n.id}>
              <h2 class="kern-heading-small">
                <a class="kern-link" href={`/bekanntmachungen/${n.id}`}>
                  {n.title}
                </a>
              </h2>
              <p class="kern-body kern-body--small">
                {formatGermanDate(n.published_on)} · {n.authority} · Az. {n.reference}
              </p>
              <p class="kern-body">{n.summary}</p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function NoticePage(props: {
  ctx: PageContext;
  notice: {
    id: string;
    publishedOn: string;
    authority: string;
    reference: string;
    procedureId: string;
  };
  content: NoticeContent;
}): VNode {
  const { notice, content } = props;
  return (
    <Layout ctx={props.ctx} title={content.title} feeds={[FEED]}>
      <p class="kern-body kern-body--small">
        Öffentliche Bekanntmachung vom {formatGermanDate(notice.publishedOn)} · {notice.authority} ·
        Az. {notice.reference}
      </p>
      <h1 class="kern-heading-large">{content.title}</h1>
      <p class="kern-body">{content.summary}</p>
      {content.sections.map((section, index) => (
        <section key={index}>
          <h2 class="kern-heading-medium">{section.heading}</h2>
          {section.paragraphs.map((paragraph, i) => (
            <p key={i} class="kern-body pre-line">
              {paragraph}
            </p>
          ))}
          {section.citations.length > 0 ? (
            <p class="kern-body kern-body--small">
              Rechtsgrundlage: {section.citations.join('; ')}
            </p>
          ) : null}
        </section>
      ))}
      <p class="kern-body">
        <a class="kern-link" href={`/bekanntmachungen/${notice.id}/pdf`}>
          Bekanntmachung als PDF
        </a>{' '}
        ·{' '}
        <a class="kern-link" href={`/beteiligung/${notice.procedureId}`}>
          {content.kind === 'application'
            ? 'Zur Auslegung und zum Einwendungsformular'
            : 'Zum Verfahren und zu seinen Unterlagen'}
        </a>
      </p>
    </Layout>
  );
}
