import type { ObjectionChannel } from '../db/schema.ts';

/** How an objection arrived, as case workers and exports name it. */
export const CHANNEL_LABELS: Record<ObjectionChannel, string> = {
  web: 'Online-Formular',
  api: 'Schnittstelle',
  paper: 'Papier',
  email: 'E-Mail',
  'signature-list': 'Unterschriftenliste',
  fax: 'Fax',
  other: 'Sonstiges',
};
