import type { VNode } from 'preact';
import { Notice } from '../platform/forms.tsx';
import { Layout, type PageContext } from '../platform/layout.tsx';

export function HomePage(props: { ctx: PageContext; loggedOut: boolean }): VNode {
  return (
    <Layout ctx={props.ctx} title="Start">
      {props.loggedOut ? <Notice kind="success" title="Sie wurden abgemeldet." /> : null}
      <h1 class="kern-heading-x-large">Industrieland</h1>
      <p class="kern-body--large">
        Digitale Genehmigungs-, Beteiligungs- und Förderverfahren für die industrielle
        Transformation in Nordrhein-Westfalen – ohne Medienbruch, mit nachvollziehbaren Fristen.
      </p>
      <div class="card-grid">
        <section class="kern-card">
          <div class="kern-card__container">
            <div class="kern-card__header">
              <h2 class="kern-title">Fristenrechner</h2>
            </div>
            <div class="kern-card__body">
              <p class="kern-body">
                Fristende nach §§ 187 bis 193 BGB und § 31 VwVfG NRW berechnen – mit allen
                Feiertagen in NRW und einer druckbaren Begründung.
              </p>
              <p>
                <a class="kern-link" href="/fristenrechner">
                  Zum Fristenrechner
                </a>
              </p>
            </div>
          </div>
        </section>
        <section class="kern-card">
          <div class="kern-card__container">
            <div class="kern-card__header">
              <h2 class="kern-title">Förderfinder</h2>
            </div>
            <div class="kern-card__body">
              <p class="kern-body">
                Welche Förderprogramme und Entlastungen bei den Stromkosten passen zu Ihrem
                Unternehmen? Mit Begründung je Voraussetzung und geschätztem Betrag.
              </p>
              <p>
                <a class="kern-link" href="/foerderfinder">
                  Zum Förderfinder
                </a>
              </p>
            </div>
          </div>
        </section>
        <section class="kern-card">
          <div class="kern-card__container">
            <div class="kern-card__header">
              <h2 class="kern-title">Für Behörden und Antragstellende</h2>
            </div>
            <div class="kern-card__body">
              <p class="kern-body">
                Melden Sie sich an, um Verfahren zu bearbeiten, Stellungnahmen abzugeben oder
                API-Tokens für Fachverfahren zu erzeugen.
              </p>
              <p>
                <a
                  class="kern-link"
                  href={props.ctx.actor.kind === 'user' ? '/konto' : '/anmelden'}
                >
                  {props.ctx.actor.kind === 'user' ? 'Zu meinem Konto' : 'Anmelden'}
                </a>
              </p>
            </div>
          </div>
        </section>
        <section class="kern-card">
          <div class="kern-card__container">
            <div class="kern-card__header">
              <h2 class="kern-title">Offene Schnittstelle</h2>
            </div>
            <div class="kern-card__body">
              <p class="kern-body">
                Alle Funktionen sind auch als JSON-Schnittstelle nutzbar, beschrieben im
                OpenAPI-Format.
              </p>
              <p>
                <a class="kern-link" href="/api/docs">
                  Zur API-Dokumentation
                </a>
              </p>
            </div>
          </div>
        </section>
        <section class="kern-card">
          <div class="kern-card__container">
            <div class="kern-card__header">
              <h2 class="kern-title">Stromkostenrechner</h2>
            </div>
            <div class="kern-card__body">
              <p class="kern-body">
                Entlastungen bei den Stromkosten eines Unternehmens berechnen – Stromsteuer,
                Strompreiskompensation, Industriestrompreis (Entwurf) – mit Berechnungsnachweis.
              </p>
              <p>
                <a class="kern-link" href="/stromkostenrechner">
                  Zum Stromkostenrechner
                </a>
              </p>
            </div>
          </div>
        </section>
      </div>
    </Layout>
  );
}

export function AccessibilityPage(props: { ctx: PageContext }): VNode {
  return (
    <Layout ctx={props.ctx} title="Erklärung zur Barrierefreiheit">
      <h1 class="kern-heading-large">Erklärung zur Barrierefreiheit</h1>
      <p class="kern-body">
        Industrieland soll nach der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und den
        Web Content Accessibility Guidelines (WCAG) 2.1 auf Stufe AA barrierefrei nutzbar sein. Jede
        Seitenart wird bei jeder Änderung automatisch mit axe-core in Chromium geprüft; alle
        Formulare funktionieren ohne JavaScript.
      </p>
      <h2 class="kern-heading-medium">Stand der Vereinbarkeit</h2>
      <p class="kern-body">
        Die automatische Prüfung findet keine Verstöße. Eine manuelle Prüfung mit assistiven
        Technologien steht noch aus; bis dahin gilt die Plattform als teilweise vereinbar.
      </p>
      <h2 class="kern-heading-medium">Barrieren melden</h2>
      <p class="kern-body">
        Wenn Ihnen Barrieren auffallen, wenden Sie sich an die Stelle, die diese Installation
        betreibt (siehe Impressum). Sie erhalten eine Antwort und auf Wunsch die Inhalte in
        zugänglicher Form.
      </p>
    </Layout>
  );
}

export function ImprintPage(props: { ctx: PageContext }): VNode {
  return (
    <Layout ctx={props.ctx} title="Impressum und Datenschutz">
      <h1 class="kern-heading-large">Impressum und Datenschutz</h1>
      <p class="kern-body">
        Diese Installation von Industrieland wird von der Stelle betrieben, die sie bereitstellt. In
        der Demonstrationsinstallation sind alle Organisationen, Personen und Vorgänge Beispiele.
      </p>
      <h2 class="kern-heading-medium">Welche Daten gespeichert werden</h2>
      <ul class="kern-list kern-list--bullet">
        <li>
          Ein Sitzungs-Cookie nach der Anmeldung und ein Cookie zum Schutz von Formularen (CSRF).
        </li>
        <li>
          Keine Analyse- oder Tracking-Werkzeuge, keine Schriften oder Karten von fremden Servern.
        </li>
        <li>
          Fehlgeschlagene Anmeldeversuche (E-Mail-Adresse, IP-Adresse) für 15 Minuten zum Schutz vor
          Angriffen.
        </li>
      </ul>
      <h2 class="kern-heading-medium">Datenquellen</h2>
      <p class="kern-body">
        Feiertage nach § 2 Feiertagsgesetz NW, berechnet; abgeglichen mit den Daten von
        OpenHolidays. Verwaltungsgrenzen: © GeoBasis-DE / BKG (Daten verändert), dl-de/by-2-0.
      </p>
    </Layout>
  );
}
