import nodemailer, { type Transporter } from 'nodemailer';
import type { Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { enqueueJob } from './jobs.ts';

/**
 * Mail goes into the outbox table inside the caller's transaction, and a job delivers it. With
 * SMTP_URL configured the job sends it via nodemailer; without, the mail stays in the outbox
 * as "stored" and admins read it in the portal (demo and offline operation).
 */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  link?: string;
}

export async function queueMail(
  trx: Transaction<Database> | Db,
  mail: OutgoingMail,
): Promise<string> {
  const row = await trx
    .insertInto('mail_outbox')
    .values({
      to_address: mail.to,
      subject: mail.subject,
      body_text: mail.text,
      link: mail.link ?? null,
      status: 'queued',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await enqueueJob(trx, 'mail:send', { mailId: row.id });
  return row.id;
}

export interface Mailer {
  /** undefined when no SMTP server is configured */
  transport: Transporter | undefined;
  from: string;
}

export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  return { transport: smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined, from };
}

const MAX_ATTEMPTS = 5;

export async function deliverMail(db: Db, mailer: Mailer, mailId: string): Promise<void> {
  const mail = await db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('id', '=', mailId)
    .executeTakeFirst();
  if (!mail || mail.status === 'sent' || mail.status === 'stored') return;
  if (!mailer.transport) {
    await db
      .updateTable('mail_outbox')
      .set({ status: 'stored' })
      .where('id', '=', mailId)
      .execute();
    return;
  }
  const body = mail.link ? `${mail.body_text}\n\n${mail.link}\n` : mail.body_text;
  try {
    await mailer.transport.sendMail({
      from: mailer.from,
      to: mail.to_address,
      subject: mail.subject,
      text: body,
    });
    await db
      .updateTable('mail_outbox')
      .set({ status: 'sent', sent_at: new Date(), attempts: mail.attempts + 1, last_error: null })
      .where('id', '=', mailId)
      .execute();
  } catch (error) {
    const attempts = mail.attempts + 1;
    await db
      .updateTable('mail_outbox')
      .set({
        attempts,
        last_error: String(error),
        status: attempts >= MAX_ATTEMPTS ? 'failed' : 'queued',
      })
      .where('id', '=', mailId)
      .execute();
    if (attempts < MAX_ATTEMPTS) throw error; // the queue retries with backoff
  }
}
