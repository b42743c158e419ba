import type { ComponentChildren, VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { formatGermanDate } from '../law/german-format.ts';
import type { Actor } from './auth/actor.ts';
import { can } from './auth/policy.ts';

/** A demo instance's clock runs ahead (DEMO_CLOCK_OFFSET_DAYS): by how much, and its today. */
export interface DemoClockInfo {
  offsetDays: number;
  /** The day that counts as today, YYYY-MM-DD (Europe/Berlin). */
  today: string;
}

/** What every page needs from the request: who is logged in, the CSRF token for forms, the path. */
export interface PageContext {
  actor: Actor;
  csrfToken: string;
  path: string;
  demoClock?: DemoClockInfo;
}

/** Shown on every page while the clock runs ahead, so nobody takes a date for a real one. */
function DemoClockBanner(props: { info: DemoClockInfo }): VNode {
  const { offsetDays, today } = props.info;
  return (
    <div class="kern-alert kern-alert--warning demo-clock" role="note" aria-label="Demo-Uhr">
      <div class="kern-alert__header">
        <p class="kern-title">
          Demo-Instanz: Die Uhr ist um {offsetDays} {offsetDays === 1 ? 'Tag' : 'Tage'} vorgestellt
          (heute gilt als {formatGermanDate(today)}).
        </p>
      </div>
    </div>
  );
}

interface NavItem {
  href: string;
  label: string;
}

function navItems(actor: Actor): NavItem[] {
  const items: NavItem[] = [
    { href: '/', label: 'Start' },
    { href: '/beteiligung', label: 'Beteiligung' },
    { href: '/bekanntmachungen', label: 'Bekanntmachungen' },
    { href: '/fristenrechner', label: 'Fristenrechner' },
    { href: '/verfahrensfinder', label: 'Verfahrensfinder' },
    { href: '/foerderfinder', label: 'Förderfinder' },
    { href: '/foerderung/vergaben', label: 'Gewährte Förderungen' },
    { href: '/stromkostenrechner', label: 'Stromkostenrechner' },
    { href: '/windenergiegebiete', label: 'Windenergiegebiete' },
    { href: '/gewerbeflaechen', label: 'Gewerbeflächen' },
    { href: '/karte', label: 'Karte' },
    { href: '/monitoring', label: 'Monitoring' },
    { href: '/daten', label: 'Offene Daten' },
    { href: '/ogc', label: 'Geodaten' },
    { href: '/api/docs', label: 'Schnittstelle (API)' },
  ];
  if (can(actor, 'applications:create')) items.push({ href: '/antraege', label: 'Meine Anträge' });
  if (can(actor, 'company-profile:manage'))
    items.push({ href: '/unternehmen/profil', label: 'Unternehmensprofil' });
  if (can(actor, 'funding:apply'))
    items.push({ href: '/unternehmen/foerderung', label: 'Förderverfahren' });
  if (can(actor, 'funding:casework'))
    items.push({ href: '/foerderstelle/antraege', label: 'Förderanträge' });
  if (can(actor, 'funding:review')) items.push({ href: '/begutachtung', label: 'Begutachtung' });
  if (can(actor, 'training-bonus:claim'))
    items.push({ href: '/foerderung/bildungspraemie', label: 'Bildungsprämie' });
  if (can(actor, 'training-bonus:review'))
    items.push({ href: '/foerderstelle/bildungspraemie', label: 'Bildungsprämie (Förderstelle)' });
  if (can(actor, 'work-queue:view')) items.push({ href: '/arbeitskorb', label: 'Arbeitskorb' });
  if (can(actor, 'statements:view'))
    items.push({ href: '/stellungnahmen', label: 'Stellungnahmen' });
  if (can(actor, 'overruns:view'))
    items.push({ href: '/aufsicht/fristen', label: 'Fristüberschreitungen' });
  if (can(actor, 'letters:sign-off')) items.push({ href: '/zeichnung', label: 'Zur Zeichnung' });
  if (can(actor, 'funding:budget')) items.push({ href: '/foerderung/haushalt', label: 'Haushalt' });
  if (can(actor, 'company:de-minimis'))
    items.push({ href: '/unternehmen/de-minimis', label: 'De-minimis' });
  if (can(actor, 'account:view')) items.push({ href: '/konto', label: 'Mein Konto' });
  if (can(actor, 'admin:users')) items.push({ href: '/admin', label: 'Administration' });
  else if (can(actor, 'organisation:master-data'))
    items.push({ href: '/organisation/stammdaten', label: 'Stammdaten' });
  // What the admins of an authority keep for it: agencies, letter templates, conditions.
  if (can(actor, 'organisation:agencies')) {
    items.push({ href: '/organisation/beteiligte-stellen', label: 'Beteiligte Stellen' });
    items.push({ href: '/organisation/vorlagen', label: 'Textvorlagen' });
    items.push({ href: '/organisation/nebenbestimmungen', label: 'Nebenbestimmungen' });
  }
  return items;
}

export function Layout(props: {
  ctx: PageContext;
  title: string;
  hasErrors?: boolean;
  /** Client islands (scripts under /static/) that enhance the page; it works without them. */
  scripts?: readonly string[];
  /** Alternate representations, e.g. the Atom feed of the notices. */
  feeds?: readonly { href: string; title: string }[];
  /**
   * Reloads the page after this many seconds (status pages of running work, without script).
   * Only where the page offers a way to turn it off (WCAG 2.2.1).
   */
  refreshSeconds?: number;
  children: ComponentChildren;
}): VNode {
  const { ctx } = props;
  const fullTitle = `${props.hasErrors ? 'Fehler: ' : ''}${props.title} – Industrieland`;
  return (
    <html lang="de">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {props.refreshSeconds ? (
          <meta http-equiv="refresh" content={String(props.refreshSeconds)} />
        ) : null}
        <link rel="stylesheet" href="/static/kern/fonts/fira-sans.css" />
        <link rel="stylesheet" href="/static/kern/kern.min.css" />
        <link rel="stylesheet" href="/static/site.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        {props.feeds?.map((feed) => (
          <link
            key={feed.href}
            rel="alternate"
            type="application/atom+xml"
            href={feed.href}
            title={feed.title}
          />
        ))}
        {props.scripts?.map((src) => (
          <script key={src} src={src} defer />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#inhalt">
          Zum Inhalt springen
        </a>
        <header class="site-header">
          {ctx.demoClock ? <DemoClockBanner info={ctx.demoClock} /> : null}
          <div class="kern-kopfzeile">
            <div class="kern-container">
              <div class="kern-kopfzeile__content">
                <span class="kern-kopfzeile__label">
                  Industrieland – offene Verfahrensplattform für Nordrhein-Westfalen
                </span>
              </div>
            </div>
          </div>
          <div class="kern-container site-header__inner">
            <a class="site-header__brand" href="/">
              Industrieland
            </a>
            <nav aria-label="Hauptnavigation">
              <ul class="site-nav">
                {navItems(ctx.actor).map((item) => (
                  <li key={item.href}>
                    <a
                      class="kern-link"
                      href={item.href}
                      aria-current={ctx.path === item.href ? 'page' : undefined}
                    >
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <div class="site-header__account">
              {ctx.actor.kind === 'user' ? (
                <form method="post" action="/abmelden" class="inline-form">
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <span class="kern-body--small">Angemeldet als {ctx.actor.displayName}</span>{' '}
                  <button type="submit" class="kern-btn kern-btn--tertiary kern-btn--x-small">
                    <span class="kern-label">Abmelden</span>
                  </button>
                </form>
              ) : (
                <a class="kern-link" href="/anmelden">
                  Anmelden
                </a>
              )}
            </div>
          </div>
        </header>
        <main id="inhalt" class="kern-container site-main" tabIndex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="kern-container">
            <ul class="kern-list kern-list--horizontal">
              <li>
                <a class="kern-link" href="/barrierefreiheit">
                  Barrierefreiheit
                </a>
              </li>
              <li>
                <a class="kern-link" href="/impressum">
                  Impressum und Datenschutz
                </a>
              </li>
              <li>
                <a class="kern-link" href="/openapi.json">
                  OpenAPI
                </a>
              </li>
            </ul>
            <p class="kern-body--small">
              Industrieland ist freie Software (EUPL-1.2). Gestaltung nach dem KERN-Designsystem.
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

export function renderDocument(page: VNode): string {
  return '<!doctype html>' + render(page);
}
