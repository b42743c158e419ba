import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { VNode } from 'preact';
import { pageContext, sendPage } from '../../platform/http.ts';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import type { App } from '../../platform/server.ts';
import { RECEIPT_HASH_GUIDE_PATH } from './receipt-hash.text.ts';

/** The full guide for third parties; the page below summarises it and links to it. */
const GUIDE_FILE = path.resolve(import.meta.dirname, '../../../docs/receipt-hash.md');

const PYTHON = `import hashlib

def h(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()

def pruefsumme_v2(text: str, anhaenge: list[tuple[str, bytes]]) -> str:
    text = text.replace("\\r\\n", "\\n").replace("\\r", "\\n")
    zeilen = ["industrieland-einwendung-v2", "text " + h(text.encode("utf-8"))]
    for name, inhalt in anhaenge:
        zeilen.append("anhang " + h(name.encode("utf-8")) + " " + h(inhalt))
    return h("".join(z + "\\n" for z in zeilen).encode("utf-8"))`;

/** The receipt hash explained for anyone who wants to check a receipt without our software. */
function ReceiptHashGuidePage(props: { ctx: PageContext }): VNode {
  return (
    <Layout ctx={props.ctx} title="Prüfsumme einer Eingangsbestätigung nachrechnen">
      <h1 class="kern-heading-large">Prüfsumme einer Eingangsbestätigung nachrechnen</h1>
      <p class="kern-body">
        Die Eingangsbestätigung Ihrer Einwendung nennt eine Prüfsumme (SHA-256) und das
        Prüfverfahren, mit dem sie berechnet wurde. Rechnen Sie sie aus dem nach, was Sie gesendet
        haben: Stimmt sie überein, ist genau das eingegangen; jede spätere Änderung ergäbe eine
        andere Prüfsumme.
      </p>
      <h2 class="kern-heading-medium">Prüfverfahren Version 2</h2>
      <ol class="kern-list">
        <li>
          Text genau so, wie Sie ihn gesendet haben; jedes CR LF und jedes einzelne CR wird LF.
          Sonst ändert sich nichts (Leerraum am Anfang und Ende bleibt, keine
          Unicode-Normalisierung). T = SHA-256 des Texts in UTF-8.
        </li>
        <li>
          Je Anhang in der gesendeten Reihenfolge: N = SHA-256 des Dateinamens wie gesendet (UTF-8),
          D = SHA-256 des Dateiinhalts.
        </li>
        <li>
          Manifest: die Zeilen <code>industrieland-einwendung-v2</code>, <code>text T</code> und je
          Anhang <code>anhang N D</code>, jede mit einem LF abgeschlossen, Hashes als 64
          Kleinbuchstaben-Hexziffern, ein Leerzeichen zwischen den Teilen.
        </li>
        <li>Prüfsumme = SHA-256 des Manifests.</li>
      </ol>
      <p class="kern-body">In Python 3:</p>
      <pre class="mail-body">
        <code>{PYTHON}</code>
      </pre>
      <h2 class="kern-heading-medium">Prüfverfahren Version 1 (ältere Bestätigungen)</h2>
      <p class="kern-body">
        SHA-256 über das JSON <code>{'{"attachments":[{"filename":…,"sha256":…}],"text":…}'}</code>{' '}
        mit sortierten Schlüsseln und ohne Leerzeichen; der Text mit CR LF → LF und ohne Leerraum am
        Anfang und Ende, die Dateinamen bereinigt. Die genauen Regeln stehen in der vollständigen
        Anleitung.
      </p>
      <p class="kern-body">
        <a class="kern-link" href={`/${RECEIPT_HASH_GUIDE_PATH}.md`}>
          Vollständige Anleitung mit durchgerechnetem Beispiel (Text, Markdown)
        </a>
      </p>
    </Layout>
  );
}

export function registerReceiptHashRoutes(app: App): void {
  app.get(`/${RECEIPT_HASH_GUIDE_PATH}`, { config: { access: 'public' } }, async (request, reply) =>
    sendPage(reply, <ReceiptHashGuidePage ctx={pageContext(request, reply)} />),
  );
  app.get(
    `/${RECEIPT_HASH_GUIDE_PATH}.md`,
    { config: { access: 'public' } },
    async (_request, reply) =>
      reply
        .type('text/markdown; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(await readFile(GUIDE_FILE, 'utf8')),
  );
}
