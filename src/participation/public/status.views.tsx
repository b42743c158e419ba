import type { VNode } from 'preact';
import { formatGermanDate } from '../../law/index.ts';
import { Notice } from '../../platform/forms.tsx';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import type { ReceiptHashVersion } from '../intake/objection-hash.ts';
import { formatBerlinTime, hashLines } from '../receipt/receipt.pdf.ts';
import { RECEIPT_HASH_GUIDE_PATH, receiptHashCovers } from '../receipt/receipt-hash.text.ts';

export type ObjectionStatus = 'received' | 'in-review' | 'considered' | 'decision-delivered';

const STATUS_STEPS: { key: ObjectionStatus; label: string }[] = [
  { key: 'received', label: 'Eingegangen' },
  { key: 'in-review', label: 'In Prüfung' },
  { key: 'considered', label: 'Gewürdigt' },
  { key: 'decision-delivered', label: 'Entscheidung zugestellt' },
];

export interface StatusView {
  token: string;
  reference: string;
  receivedAt: Date;
  sha256: string;
  hashVersion: ReceiptHashVersion;
  late: boolean;
  procedureId: string;
  procedureReference: string;
  procedureTitle: string;
  authorityName: string;
  objectionEnd: string | null;
  status: ObjectionStatus;
  attachments: { filename: string; sha256: string; size: number }[];
  /** Concerns the authority linked to this objection, with its assessment once decided. */
  assessments: { label: string; assessment: string | null }[];
  justSubmitted: boolean;
  replay: boolean;
}

/** The personal status page behind the secret link: receipt data and progress, nothing else. */
export function StatusPage(props: { ctx: PageContext; view: StatusView }): VNode {
  const v = props.view;
  const current = STATUS_STEPS.findIndex((s) => s.key === v.status);
  return (
    <Layout ctx={props.ctx} title={`Eingangsbestätigung ${v.reference}`}>
      {v.justSubmitted ? (
        <Notice kind="success" title="Ihre Einwendung ist eingegangen.">
          <p class="kern-body">
            {v.replay
              ? 'Diese Einwendung war bereits gespeichert; es wurde keine zweite angelegt.'
              : 'Bitte speichern Sie diese Seite als Lesezeichen oder die Bestätigung als PDF: Der Link ist Ihr persönlicher Zugang zum Bearbeitungsstand. Geben Sie ihn nicht weiter.'}
          </p>
        </Notice>
      ) : null}
      <h1 class="kern-heading-large">Eingangsbestätigung {v.reference}</h1>
      <p class="kern-body">
        Einwendung zum Verfahren „{v.procedureTitle}“ (Az. {v.procedureReference}) bei{' '}
        {v.authorityName}
      </p>
      {v.late ? (
        <Notice kind="warning" title="Verspätet eingegangen">
          <p class="kern-body">
            Die Einwendungsfrist endete
            {v.objectionEnd ? ` am ${formatGermanDate(v.objectionEnd)}` : ''}. Die Einwendung ist
            gespeichert, im Genehmigungsverfahren aber ausgeschlossen (§ 10 Abs. 3 S. 5 BImSchG).
          </p>
        </Notice>
      ) : null}
      <dl class="facts">
        <dt>Eingangsnummer</dt>
        <dd>{v.reference}</dd>
        <dt>Eingang</dt>
        <dd>{formatBerlinTime(v.receivedAt)}</dd>
        <dt>Prüfsumme (SHA-256, Prüfverfahren Version {v.hashVersion})</dt>
        <dd>
          <code class="hash">{hashLines(v.sha256).join(' ')}</code>
          <p class="kern-body kern-body--small">
            {receiptHashCovers(v.hashVersion)} Jede spätere Änderung ergäbe eine andere Prüfsumme.{' '}
            <a class="kern-link" href={`/${RECEIPT_HASH_GUIDE_PATH}`}>
              So rechnen Sie die Prüfsumme selbst nach
            </a>{' '}
            (ohne unsere Software). Die gespeicherte Prüfsumme nennt auch die Schnittstelle unter
            /api/v1/receipts/{v.reference}.
          </p>
        </dd>
      </dl>
      {v.attachments.length > 0 ? (
        <>
          <h2 class="kern-heading-medium">Anhänge</h2>
          <ul class="kern-list">
            {v.attachments.map((a) => (
              <li key={a.sha256 + a.filename}>
                {a.filename} ({a.size.toLocaleString('de-DE')} Bytes, SHA-256{' '}
                {a.sha256.slice(0, 16)}…)
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 class="kern-heading-medium">Bearbeitungsstand</h2>
      <ol class="status-steps">
        {STATUS_STEPS.map((s, index) => (
          <li
            key={s.key}
            class={index <= current ? 'status-steps__done' : 'status-steps__open'}
            aria-current={index === current ? 'step' : undefined}
          >
            {s.label}
            {index === current ? ' (aktueller Stand)' : ''}
          </li>
        ))}
      </ol>
      {v.assessments.length > 0 ? (
        <>
          <h2 class="kern-heading-medium">Würdigung Ihrer Einwendung</h2>
          {v.assessments.map((a) => (
            <section key={a.label}>
              <h3 class="kern-heading-small">{a.label}</h3>
              <p class="kern-body pre-line">{a.assessment ?? 'Die Würdigung steht noch aus.'}</p>
            </section>
          ))}
        </>
      ) : null}
      <p class="kern-body">
        <a class="kern-link" href={`/eingang/${v.token}/quittung.pdf`}>
          Eingangsbestätigung als PDF herunterladen
        </a>
      </p>
      <p class="kern-body">
        <a class="kern-link" href={`/beteiligung/${v.procedureId}`}>
          Zur Auslegung des Verfahrens
        </a>
      </p>
    </Layout>
  );
}
