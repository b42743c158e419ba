/**
 * Pages of a funding body's budget: balances, appropriation and new lines (PRG forms, no script),
 * the balances as CSV and the register export of its de-minimis grants. Staff of a funding body
 * act for their own body only.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/actor.ts';
import { fundingBodyStaff } from '../../platform/auth/policy.ts';
import { csvRow, UTF8_BOM } from '../../platform/csv.ts';
import { AppError } from '../../platform/errors.ts';
import { parseEuroToCents } from '../../platform/german-number.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { registerCsv, registerJson, registerRows } from '../de-minimis/de-minimis.register.ts';
import { formatEuroCentsFixed } from '../de-minimis/de-minimis.register.ts';
import { createBudgetLine, listBudgetLines, type BudgetLineInput } from './budget-lines.ts';
import { postAppropriation } from './ledger.actions.ts';
import {
  BUDGET_BASE,
  BudgetPage,
  type AppropriationForm,
  type BudgetView,
} from './ledger.views.tsx';

const Form = Type.Record(Type.String(), Type.Unknown());
const Query = Type.Object({
  stelle: Type.Optional(Type.String({ format: 'uuid' })),
  ok: Type.Optional(Type.String({ maxLength: 40 })),
});

const MESSAGES: Record<string, string> = {
  ansatz: 'Der Haushaltsansatz wurde gebucht.',
  stelle: 'Die Haushaltsstelle wurde angelegt.',
};

/** The funding body the page is about: the one asked for if the actor is its staff, else the first. */
function bodyOf(actor: Actor, wanted: string | undefined) {
  const own = fundingBodyStaff(actor);
  const body = wanted === undefined ? own[0] : own.find((b) => b.id === wanted);
  if (!body) {
    throw new AppError(
      'forbidden',
      'Nur die Sachbearbeitung und Leitung dieser Förderstelle können ihren Haushalt sehen.',
    );
  }
  return { body, own };
}

async function loadView(deps: Deps, actor: Actor, wanted: string | undefined): Promise<BudgetView> {
  const { body, own } = bodyOf(actor, wanted);
  return { body, bodies: own, lines: await listBudgetLines(deps.db, body.id) };
}

const field = (body: Record<string, unknown>, name: string) =>
  typeof body[name] === 'string' ? body[name] : '';

function userIdOf(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

async function rerender(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  wanted: string | undefined,
  error: unknown,
  fallbackField: string,
  values: { appropriation?: AppropriationForm; line?: BudgetLineInput },
) {
  if (!(error instanceof AppError) || !['validation', 'not_found', 'conflict'].includes(error.code))
    throw error;
  const view = await loadView(deps, request.actor, wanted);
  return sendPage(
    reply,
    <BudgetPage
      ctx={pageContext(request, reply)}
      view={view}
      errors={error.formErrors(fallbackField)}
      {...values}
    />,
    error.code === 'conflict' ? 409 : 400,
  );
}

function download(reply: FastifyReply, type: string, name: string, body: string) {
  return reply
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${name}"`)
    .type(type)
    .send(body);
}

export function registerBudgetRoutes(app: App, deps: Deps): void {
  const config = { access: 'funding:budget' as const };

  app.get(BUDGET_BASE, { config, schema: { querystring: Query } }, async (request, reply) => {
    const view = await loadView(deps, request.actor, request.query.stelle);
    const ok = request.query.ok;
    const message = ok !== undefined && Object.hasOwn(MESSAGES, ok) ? MESSAGES[ok] : undefined;
    return sendPage(
      reply,
      <BudgetPage ctx={pageContext(request, reply)} view={view} message={message} />,
    );
  });

  app.post(
    `${BUDGET_BASE}/ansatz`,
    { config, schema: { querystring: Query, body: Form } },
    async (request, reply) => {
      const { body } = bodyOf(request.actor, request.query.stelle);
      const form = {
        lineId: field(request.body, 'lineId'),
        amount: field(request.body, 'amount'),
        reason: field(request.body, 'reason'),
      };
      try {
        const cents = parseEuroToCents(form.amount);
        if (cents === undefined || Number.isNaN(cents)) {
          const message = 'Geben Sie den Betrag in Euro an, z. B. 250.000,00.';
          throw new AppError('validation', message, [{ field: 'amount', message }]);
        }
        await deps.db.transaction().execute((trx) =>
          postAppropriation(trx, {
            tenantId: body.id,
            lineId: form.lineId,
            amountCents: cents,
            reason: form.reason,
            userId: userIdOf(request.actor),
          }),
        );
      } catch (error) {
        return rerender(deps, request, reply, body.id, error, 'lineId', { appropriation: form });
      }
      return reply.redirect(`${BUDGET_BASE}?stelle=${body.id}&ok=ansatz`, 303);
    },
  );

  app.post(
    `${BUDGET_BASE}/stellen`,
    { config, schema: { querystring: Query, body: Form } },
    async (request, reply) => {
      const { body } = bodyOf(request.actor, request.query.stelle);
      const input = {
        programmeId: field(request.body, 'programmeId'),
        budgetLine: field(request.body, 'budgetLine'),
        year: field(request.body, 'year'),
        label: field(request.body, 'label'),
        callMode: field(request.body, 'callMode'),
        callOpenUntil: field(request.body, 'callOpenUntil'),
      };
      try {
        await createBudgetLine({
          db: deps.db,
          tenantId: body.id,
          userId: userIdOf(request.actor),
          input,
        });
      } catch (error) {
        return rerender(deps, request, reply, body.id, error, 'budgetLine', { line: input });
      }
      return reply.redirect(`${BUDGET_BASE}?stelle=${body.id}&ok=stelle`, 303);
    },
  );

  app.get(
    `${BUDGET_BASE}.csv`,
    { config, schema: { querystring: Query } },
    async (request, reply) => {
      const { body } = bodyOf(request.actor, request.query.stelle);
      const lines = await listBudgetLines(deps.db, body.id);
      const csv =
        UTF8_BOM +
        csvRow(
          [
            'Programm',
            'Haushaltsstelle',
            'Bezeichnung',
            'Jahr',
            'Ansatz (EUR)',
            'Gebunden (EUR)',
            'Ausgezahlt (EUR)',
            'Zurückgeflossen (EUR)',
            'Verfügbar (EUR)',
          ],
          ';',
        ) +
        lines
          .map((l) =>
            csvRow(
              [
                l.programmeTitle,
                l.budgetLine,
                l.label,
                String(l.year),
                formatEuroCentsFixed(l.appropriatedCents),
                formatEuroCentsFixed(l.committedCents),
                formatEuroCentsFixed(l.paidCents),
                formatEuroCentsFixed(l.recoveredCents),
                formatEuroCentsFixed(l.availableCents),
              ],
              ';',
            ),
          )
          .join('');
      return download(reply, 'text/csv; charset=utf-8', 'haushalt.csv', csv);
    },
  );

  app.get(
    '/foerderung/de-minimis-register.csv',
    { config, schema: { querystring: Query } },
    async (request, reply) => {
      const { body } = bodyOf(request.actor, request.query.stelle);
      const csv = registerCsv(await registerRows(deps.db, body.id));
      return download(reply, 'text/csv; charset=utf-8', 'de-minimis-register.csv', csv);
    },
  );

  app.get(
    '/foerderung/de-minimis-register.json',
    { config, schema: { querystring: Query } },
    async (request, reply) => {
      const { body } = bodyOf(request.actor, request.query.stelle);
      const json = registerJson(body.name, await registerRows(deps.db, body.id));
      return download(
        reply,
        'application/json; charset=utf-8',
        'de-minimis-register.json',
        JSON.stringify(json, null, 2),
      );
    },
  );
}
