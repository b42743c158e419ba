/**
 * Whether an individual aid must appear in the public award list, and the legal basis as it is
 * shown there. Pure: no database, no HTTP.
 *
 * Art. 9 (1) (c) AGVO (VO (EU) Nr. 651/2014), as amended by VO (EU) 2023/1315 with effect from
 * 1 July 2023: the Member State publishes the information of Annex III on every individual aid
 * award of more than 100,000 EUR (before: 500,000 EUR), in the Commission's Transparency Award
 * Module or on a comprehensive State aid website at national or regional level. Art. 9 (4): the
 * publication is made within six months of the day the aid was granted and stays available for
 * at least ten years. The two exceptions of Art. 9 (1) (c) (500,000 EUR for financial products
 * supported by InvestEU; 10,000 EUR for primary agriculture, fisheries and aquaculture) do not
 * apply to the programmes shipped here and are not modelled [open].
 *
 * "More than 100,000 EUR" is read strictly: exactly 100,000.00 EUR is not published, 100,000.01
 * EUR is. The amount compared is the aid granted (for a grant, its nominal amount); for loans or
 * guarantees Annex III asks for the gross grant equivalent, which the caller must pass [open].
 *
 * Which bases publish: the text binds aid under the AGVO. The platform's default publishes every
 * state aid above the threshold, de-minimis aid included (its own publication duty is only the
 * central register, Art. 6 VO (EU) 2023/2831), and never a measure without state aid ('none').
 * Whether the Land wants de-minimis grants in the list at all is [open]; the switch is
 * PUBLISH_DE_MINIMIS below.
 */
import type { StateAidBasis } from '../../law/funding/programme.types.ts';

/** 100,000 EUR in cents; aid strictly above it is published (Art. 9 (1) (c) AGVO). */
export const PUBLICATION_THRESHOLD_CENTS = 10_000_000;

/** [open] Whether de-minimis grants above the threshold are published too (default: yes). */
export const PUBLISH_DE_MINIMIS = true;

export interface PublicationDecision {
  publish: boolean;
  /** German reason, for the case file and tests. */
  reason: string;
}

export function publicationDecision(
  stateAid: StateAidBasis,
  amountCents: number,
): PublicationDecision {
  if (stateAid.kind === 'none') {
    return {
      publish: false,
      reason: `Keine staatliche Beihilfe (${stateAid.reason}); keine Veröffentlichung nach Art. 9 AGVO.`,
    };
  }
  if (stateAid.kind === 'de-minimis' && !PUBLISH_DE_MINIMIS) {
    return { publish: false, reason: 'De-minimis-Beihilfen werden nicht veröffentlicht.' };
  }
  if (amountCents <= PUBLICATION_THRESHOLD_CENTS) {
    return {
      publish: false,
      reason:
        'Der Betrag übersteigt 100.000 € nicht; Veröffentlichung erst oberhalb der Schwelle des Art. 9 Abs. 1 Buchst. c AGVO.',
    };
  }
  return {
    publish: true,
    reason:
      'Einzelbeihilfe über 100.000 €: Veröffentlichung nach Art. 9 Abs. 1 Buchst. c AGVO (i. d. F. der VO (EU) 2023/1315).',
  };
}

/** The legal basis as the list shows it: 'AGVO Art. 38', 'De-minimis (VO (EU) 2023/2831)'. */
export function aidBasisLabel(stateAid: StateAidBasis): string {
  switch (stateAid.kind) {
    case 'gber': {
      // Programme data writes 'Art. 49 AGVO'; the list puts the regulation first.
      const article = stateAid.article.replace(/\s*AGVO\s*/g, ' ').trim();
      return `AGVO ${article}`;
    }
    case 'de-minimis': {
      const regulation = stateAid.regulation.replace(/^Verordnung\s+/, 'VO ');
      return `De-minimis (${regulation})`;
    }
    case 'none':
      return 'Keine Beihilfe';
  }
}
