/**
 * The funding family on the shared case layer (decision 0009): the grant procedure types, what
 * their steps read before the engine checks them, and what they entail in the same transaction —
 * the commitment in the budget ledger and the de-minimis entry with the signed decision (both
 * refuse under lock when the money or the ceiling does not suffice, and then nothing is written),
 * payments, the proof of use, the revocation with recovery, and the mails to the other side.
 */
import type { Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import {
  performCaseStep,
  type CaseFamily,
  type CommittedStep,
} from '../../procedures/case/case.commit.ts';
import { notifyDeadline } from '../../procedures/case/case.notify.ts';
import { berlinDate } from '../../procedures/case/case.queries.ts';
import type { ProcedureEvent, ProcedureTypeVersion } from '../../procedures/engine/index.ts';
import { signedLetterKinds } from '../../procedures/letters/letter.queries.ts';
import { recordGrantedDeMinimisAid } from '../de-minimis/de-minimis.actions.ts';
import {
  postCommitment,
  postPayment,
  postRecovery,
  releaseCommitment,
} from '../ledger/ledger.actions.ts';
import { recordAward } from '../awards/award.actions.ts';
import { programmeVersion } from './grant.assess.ts';
import { FUNDING_PROCEDURE_TYPES } from './procedure-types/funding-grant.ts';
import { figuresOf, prepareGrantStep } from './grant.steps.ts';
import { ledgerPosition } from './grant.queries.ts';
import type { FundingApplication } from './grant.types.ts';

export interface FundingDeps {
  db: Db;
  clock: Clock;
  config: Config;
}

export const FUNDING_TYPE_KEYS = [...new Set(FUNDING_PROCEDURE_TYPES.map((t) => t.key))];

export function fundingProcedureType(key: string, version: string): ProcedureTypeVersion {
  const type = FUNDING_PROCEDURE_TYPES.find((t) => t.key === key && t.version === version);
  if (!type) throw new AppError('not_found', 'Diese Verfahrensart gibt es nicht.');
  return type;
}

export function fundingCaseLink(config: Config, id: string): string {
  return `${config.publicUrl}foerderung/antraege/${id}`;
}

/** Mails to the other side after a step: who must act next learns it at once. */
const NOTICES: Record<
  string,
  { audience: 'applicant' | 'case_worker'; subject: string; text: string }
> = {
  'application-submitted': {
    audience: 'case_worker',
    subject: 'Neuer Förderantrag',
    text: 'Ein Förderantrag (oder eine Projektskizze) ist eingegangen.',
  },
  'full-application-submitted': {
    audience: 'case_worker',
    subject: 'Förderantrag nach Skizze eingegangen',
    text: 'Der Antrag zu einer angenommenen Projektskizze ist eingegangen.',
  },
  'outline-accepted': {
    audience: 'applicant',
    subject: 'Projektskizze angenommen',
    text: 'Ihre Projektskizze wurde ausgewählt. Bitte stellen Sie nun den vollständigen Antrag.',
  },
  'outline-declined': {
    audience: 'applicant',
    subject: 'Projektskizze nicht ausgewählt',
    text: 'Ihre Projektskizze wurde nicht ausgewählt. Die Begründung finden Sie im Verfahren.',
  },
  'documents-requested': {
    audience: 'applicant',
    subject: 'Unterlagen nachgefordert',
    text: 'Die Förderstelle bittet um weitere Unterlagen. Frist und Liste finden Sie im Verfahren.',
  },
  'documents-submitted': {
    audience: 'case_worker',
    subject: 'Unterlagen nachgereicht',
    text: 'Die nachgeforderten Unterlagen wurden eingereicht.',
  },
  'grant-decided': {
    audience: 'applicant',
    subject: 'Zuwendung bewilligt',
    text: 'Ihr Antrag wurde bewilligt. Den Zuwendungsbescheid finden Sie im Verfahren.',
  },
  'application-refused': {
    audience: 'applicant',
    subject: 'Förderantrag abgelehnt',
    text: 'Ihr Antrag wurde abgelehnt. Den Bescheid mit der Begründung finden Sie im Verfahren.',
  },
  'payment-requested': {
    audience: 'case_worker',
    subject: 'Mittelabruf',
    text: 'Ein Mittelabruf ist eingegangen.',
  },
  'payment-approved': {
    audience: 'applicant',
    subject: 'Auszahlung angeordnet',
    text: 'Ihr Mittelabruf wurde zur Auszahlung angeordnet.',
  },
  'payment-rejected': {
    audience: 'applicant',
    subject: 'Mittelabruf zurückgewiesen',
    text: 'Ihr Mittelabruf wurde zurückgewiesen. Die Begründung finden Sie im Verfahren.',
  },
  'proof-submitted': {
    audience: 'case_worker',
    subject: 'Verwendungsnachweis eingegangen',
    text: 'Der Verwendungsnachweis ist eingegangen.',
  },
  'case-closed': {
    audience: 'applicant',
    subject: 'Verwendungsnachweis geprüft – Verfahren abgeschlossen',
    text: 'Die Prüfung des Verwendungsnachweises ist abgeschlossen.',
  },
  'grant-partially-revoked': {
    audience: 'applicant',
    subject: 'Teilwiderruf und Erstattung',
    text: 'Die Zuwendung wurde teilweise widerrufen. Den Bescheid mit Betrag, Zinsen und Zahlungsfrist finden Sie im Verfahren.',
  },
};

async function grantConsequences(
  deps: FundingDeps,
  step: CommittedStep<FundingApplication>,
): Promise<void> {
  const { trx, event, now } = step;
  const row = step.row;
  const data = event.data;
  const userId = step.actor.id;
  const today = berlinDate(now);
  const posting = (amountCents: number, reason: string, lineId: string) => ({
    tenantId: row.tenantId,
    lineId,
    procedureId: row.id,
    amountCents,
    reason,
    userId,
  });
  const ref = row.reference ?? row.title;
  switch (event.type) {
    case 'grant-decided': {
      const figures = await figuresOf(trx, row);
      const grant = Number(data.grantCents);
      // The commitment and the de-minimis entry in the decision's transaction: if either
      // refuses (budget exhausted, ceiling reached), the decision is not recorded either.
      await postCommitment(trx, posting(grant, `Bewilligung ${ref}`, figures.lineId));
      if (data.aidKind === 'de-minimis') {
        await recordGrantedDeMinimisAid(trx, {
          companyId: row.applicantOrgId!,
          fundingBodyId: row.tenantId,
          procedureId: row.id,
          grantedOn: String(step.state.decision?.decidedAt ?? today),
          amountCents: grant,
          reference: row.reference ?? undefined,
          userId,
        });
      }
      // The transparency list (Art. 9 AGVO): recorded with the decision, public when it commits.
      const version = programmeVersion(row.application.versionId);
      const measure = version.measures.find((m) => m.id === row.application.measureId);
      await recordAward(trx, {
        fundingBodyId: row.tenantId,
        procedureId: row.id,
        recipientOrgId: row.applicantOrgId,
        programme: {
          programmeId: version.programmeId,
          title: version.title,
          stateAid: version.stateAid,
        },
        amountCents: grant,
        grantedOn: step.state.decision?.decidedAt ?? today,
        purpose: (measure?.label ?? version.shortTitle).slice(0, 500),
        reference: row.reference,
        now,
      });
      await trx
        .updateTable('funding_cases')
        .set({
          granted_cents: grant,
          granted_on: step.state.decision?.decidedAt ?? today,
          period_start: String(data.periodStart),
          period_end: String(data.periodEnd),
        })
        .where('procedure_id', '=', row.id)
        .execute();
      break;
    }
    case 'payment-requested':
      await trx
        .insertInto('funding_payment_requests')
        .values({
          procedure_id: row.id,
          tenant_id: row.tenantId,
          number: Number(data.number),
          amount_cents: Number(data.amountCents),
          needed_by: String(data.neededBy),
          purpose: String(data.purpose),
          requested_on: today,
        })
        .execute();
      break;
    case 'payment-approved':
    case 'payment-rejected': {
      if (event.type === 'payment-approved') {
        const figures = await figuresOf(trx, row);
        await postPayment(
          trx,
          posting(
            Number(data.amountCents),
            `Auszahlung Mittelabruf Nr. ${String(data.number)} ${ref}`,
            figures.lineId,
          ),
        );
      }
      await trx
        .updateTable('funding_payment_requests')
        .set({
          status: event.type === 'payment-approved' ? 'paid' : 'rejected',
          decided_on: today,
          decision_reason: typeof data.reason === 'string' ? data.reason : null,
        })
        .where('procedure_id', '=', row.id)
        .where('number', '=', Number(data.number))
        .where('status', '=', 'requested')
        .execute();
      break;
    }
    case 'proof-submitted':
      await trx
        .insertInto('funding_proofs')
        .values({
          procedure_id: row.id,
          tenant_id: row.tenantId,
          submitted_on: today,
          report: String(data.report),
          spent: JSON.stringify(data.spent),
          spent_total_cents: Number(data.spentTotalCents),
          own_funds_cents: Number(data.ownFundsCents),
          other_aid_cents: Number(data.otherAidCents),
          submitted_by: userId,
        })
        .execute();
      break;
    case 'case-closed':
    case 'grant-partially-revoked': {
      const figures = await figuresOf(trx, row);
      const position = await ledgerPosition(trx, row.id);
      const due = Number(data.dueCents);
      // The rest of the grant still due after the proof is paid out (Restzahlung); what is
      // neither paid nor due is released back to the line.
      if (event.type === 'case-closed' && due > position.paidCents) {
        await postPayment(
          trx,
          posting(
            due - position.paidCents,
            `Restzahlung nach Verwendungsnachweis ${ref}`,
            figures.lineId,
          ),
        );
      }
      const paidNow =
        event.type === 'case-closed' ? Math.max(due, position.paidCents) : position.paidCents;
      const open = position.committedCents - position.releasedCents - paidNow;
      if (open > 0)
        await releaseCommitment(
          trx,
          posting(open, `Freigabe nicht benötigter Mittel ${ref}`, figures.lineId),
        );
      if (event.type === 'grant-partially-revoked') {
        await trx
          .updateTable('funding_cases')
          .set({
            recovery_cents: Number(data.recoveryCents),
            interest_cents: Number(data.interestCents),
          })
          .where('procedure_id', '=', row.id)
          .execute();
      }
      break;
    }
    case 'repayment-recorded': {
      const figures = await figuresOf(trx, row);
      await postRecovery(
        trx,
        posting(figures.recoveryCents ?? 0, `Erstattung nach Teilwiderruf ${ref}`, figures.lineId),
      );
      break;
    }
  }
  const notice = NOTICES[event.type];
  if (notice) {
    await notifyDeadline({
      trx,
      row,
      audience: notice.audience,
      subject: notice.subject,
      text: notice.text,
      link: fundingCaseLink(deps.config, row.id),
    });
  }
}

export function fundingFamily(deps: FundingDeps): CaseFamily<FundingApplication> {
  return {
    typeKeys: FUNDING_TYPE_KEYS,
    procedureType: fundingProcedureType,
    caseLink: (id) => fundingCaseLink(deps.config, id),
    consequences: (step) => grantConsequences(deps, step),
    async prepare({ trx, row, type, state, transition, input, today }) {
      const prepared = await prepareGrantStep(trx, row, transition.action, input, today);
      const signedLetters = transition.guards.some((g) => g.check.kind === 'letter-signed')
        ? await signedLetterKinds(trx, row.id)
        : undefined;
      return {
        type,
        state,
        input: prepared.input,
        extraData: prepared.extraData,
        facts: { signedLetters },
      };
    },
  };
}

/** One step of a funding procedure by a person, in one transaction (performCaseStep). */
export function performFundingStep(options: {
  deps: FundingDeps;
  actor: Actor;
  procedureId: string;
  action: string;
  input: Record<string, unknown>;
  expectedVersion?: number;
  confirmed?: boolean;
}): Promise<ProcedureEvent> {
  const { deps, ...step } = options;
  return performCaseStep({
    ...step,
    db: deps.db,
    now: deps.clock.now(),
    family: fundingFamily(deps),
  });
}
