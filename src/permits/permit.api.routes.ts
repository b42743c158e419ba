import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { fileResponse, noContent, problemResponses } from '../platform/openapi.ts';
import type { App, Deps } from '../platform/server.ts';
import { createApplication, saveApplication } from './application.actions.ts';
import { listOverruns } from '../deadlines/overrun.queries.ts';
import { OVERRUN_KINDS } from '../deadlines/overrun.kinds.ts';
import { uploadDocument } from './document.actions.ts';
import { performAction } from './permit.actions.ts';
import { listProcedures, type AssignmentFilter } from './permit.queries.ts';
import { berlinDate } from '../procedures/case/case.queries.ts';
import { actorId } from '../procedures/case-access.ts';
import {
  ActionBody,
  ActionResult,
  CaseFile,
  Created,
  CreateApplicationBody,
  DocumentUploadBody,
  OverrunList,
  ProcedureList,
  SaveApplicationBody,
} from './permit.api.schemas.ts';
import { organisationsWithRole } from '../procedures/case/case-roles.ts';
import { loadCaseView, sendCaseDocument } from './procedure.view-model.ts';
import { readUpload } from './upload.ts';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const security = [{ bearer: [] }];
const tags = ['Genehmigungsverfahren'];

export function scopeOf(request: FastifyRequest) {
  const actor = request.actor;
  return {
    tenantIds: organisationsWithRole(actor, 'case_worker'),
    applicantOrgIds: organisationsWithRole(actor, 'applicant'),
    agencyOrgIds: organisationsWithRole(actor, 'agency_member'),
  };
}

export function registerPermitApiRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/procedures',
    {
      config: { access: 'procedures:use' },
      schema: {
        tags,
        security,
        operationId: 'listProcedures',
        summary:
          'Verfahren, an denen die eigene Organisation beteiligt ist, nach nächster Frist geordnet',
        querystring: Type.Object({
          step: Type.Optional(Type.String({ description: 'nur Verfahren in diesem Schritt' })),
          overdue: Type.Optional(Type.Boolean({ description: 'nur Verfahren mit Fristablauf' })),
        }),
        response: { 200: ProcedureList },
      },
    },
    async (request) => {
      const today = berlinDate(deps.clock.now());
      return listProcedures(deps.db, scopeOf(request), {
        step: request.query.step,
        overdueOnly: request.query.overdue,
        today,
      });
    },
  );

  app.post(
    '/api/v1/procedures',
    {
      config: { access: 'applications:create' },
      schema: {
        tags,
        security,
        operationId: 'createApplication',
        summary: 'Antrag als Entwurf anlegen (Antragsteller, Behörde, Standort, Anlagen)',
        body: CreateApplicationBody,
        response: { 201: Created },
      },
    },
    async (request, reply) => {
      const id = await createApplication({ deps, actor: request.actor, body: request.body });
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/api/v1/procedures/:id',
    {
      config: { access: 'procedures:use' },
      schema: {
        tags,
        security,
        operationId: 'getProcedure',
        summary: 'Verfahrensakte: Stand, Fristen mit Begründung, Unterlagen, mögliche Aktionen',
        params: Id,
        response: { 200: CaseFile, ...problemResponses(404) },
      },
    },
    async (request) => {
      const view = await loadCaseView(deps, request.actor, request.params.id);
      return {
        id: view.row.id,
        reference: view.row.reference,
        title: view.row.title,
        type: view.row.typeKey,
        typeVersion: view.row.typeVersion,
        step: view.row.step,
        stepLabel: view.stepLabel,
        version: view.row.eventCount,
        authority: view.authority,
        applicant: view.applicant,
        application: view.row.application,
        deadlines: view.deadlines.map((d) => ({
          key: d.key,
          label: d.label,
          start: d.start_date,
          end: d.end_date,
          status: d.status,
          responsible: d.responsible,
          rationale: d.rationale,
          citations: d.citations,
        })),
        documents: view.documents.map((d) => ({
          id: d.id,
          docType: d.doc_type,
          filename: d.filename,
          sha256: d.sha256,
          size: d.size,
          tradeSecret: d.trade_secret,
        })),
        missingDocuments: view.requiredDocuments.filter((d) => !d.provided).map((d) => d.key),
        missingData: view.applicationGaps.fields,
        agencies: view.agencies.map((a) => ({
          id: a.agency_org_id,
          name: a.name,
          status: a.status,
          due: a.due_date,
          consent:
            a.consent && a.consent_status
              ? {
                  kind: a.consent,
                  status: a.consent_status,
                  due: a.consent_due,
                  reasons: a.consent_reasons,
                }
              : null,
        })),
        actions: view.actions.map((a) => ({ action: a.action, label: a.label, role: a.role })),
        blockedActions: view.blocked,
      };
    },
  );

  app.put(
    '/api/v1/procedures/:id/application',
    {
      config: { access: 'procedures:use' },
      schema: {
        tags,
        security,
        operationId: 'saveApplication',
        summary: 'Antragsentwurf speichern',
        params: Id,
        body: SaveApplicationBody,
        response: { 204: noContent, ...problemResponses(404, 409) },
      },
    },
    async (request, reply) => {
      const version = typeof request.body.version === 'number' ? request.body.version : undefined;
      await saveApplication({
        deps,
        actor: request.actor,
        procedureId: request.params.id,
        body: request.body,
        expectedVersion: version,
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/procedures/:id/actions/:action',
    {
      config: { access: 'procedures:use' },
      schema: {
        tags,
        security,
        operationId: 'performAction',
        summary:
          'Verfahrensschritt ausführen (z. B. submit, request-documents, confirm-completeness, record-agency-statement, decide)',
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          action: Type.String({ pattern: '^[a-z-]{2,60}$' }),
        }),
        body: Type.Optional(ActionBody),
        response: { 200: ActionResult, ...problemResponses(404, 409) },
      },
    },
    async (request) => {
      const body = request.body ?? {};
      const version = typeof body.version === 'number' ? body.version : undefined;
      const event = await performAction({
        deps,
        actor: request.actor,
        procedureId: request.params.id,
        action: request.params.action,
        input: body,
        expectedVersion: version,
      });
      return { event: event.type, data: event.data };
    },
  );

  app.post(
    '/api/v1/procedures/:id/documents',
    {
      config: { access: 'procedures:use' },
      schema: {
        tags,
        security,
        operationId: 'uploadDocument',
        summary:
          'Unterlage hochladen (multipart: docType, tradeSecret, neutralSummary, file; PDF/PNG/JPEG bis 25 MB)',
        params: Id,
        multipartBody: DocumentUploadBody,
        response: { 201: Created, ...problemResponses(404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request);
      const id = await uploadDocument({
        deps,
        actor: request.actor,
        procedureId: request.params.id,
        ...upload,
      });
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/api/v1/procedures/:id/documents/:docId',
    {
      config: { access: 'procedures:use' },
      schema: {
        tags,
        security,
        operationId: 'downloadDocument',
        summary: 'Unterlage herunterladen (Kopfzeile x-content-sha256 mit dem Hash)',
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          docId: Type.String({ format: 'uuid' }),
        }),
        response: {
          200: fileResponse(['application/pdf', 'image/png', 'image/jpeg'], 'Die Unterlage'),
          ...problemResponses(404),
        },
      },
    },
    async (request, reply) => {
      return sendCaseDocument(deps, request, reply, request.params.id, request.params.docId);
    },
  );

  app.get(
    '/api/v1/work-queue',
    {
      config: { access: 'work-queue:view' },
      schema: {
        tags,
        security,
        operationId: 'listWorkQueue',
        summary:
          'Arbeitskorb der Behörde: fällige Wiedervorlagen zuerst, dann nach nächster gesetzlicher Frist; mit Zuständigkeit',
        querystring: Type.Object({
          assignment: Type.Optional(
            Type.String({
              enum: ['team', 'mine', 'unassigned'],
              description:
                'team: alle Verfahren der eigenen Behörde (Vorgabe); mine: mir zugewiesen (auch als Vertretung); unassigned: nicht zugewiesen',
            }),
          ),
        }),
        response: { 200: ProcedureList },
      },
    },
    async (request) =>
      listProcedures(
        deps.db,
        { tenantIds: organisationsWithRole(request.actor, 'case_worker') },
        {
          today: berlinDate(deps.clock.now()),
          internal: {
            userId: actorId(request.actor),
            assignment: (request.query.assignment ?? 'team') as AssignmentFilter,
          },
        },
      ),
  );

  app.get(
    '/api/v1/overruns',
    {
      config: { access: 'overruns:view' },
      schema: {
        tags,
        security,
        operationId: 'listOverruns',
        summary:
          'Fristüberschreitungen laufender Verfahren, die Behörde oder Fachbehörde einzuhalten hatten (für die Aufsicht)',
        querystring: Type.Object({
          authority: Type.Optional(
            Type.String({ format: 'uuid', description: 'nur diese Behörde' }),
          ),
          kind: Type.Optional(
            Type.String({
              enum: OVERRUN_KINDS.map((k) => k.key),
              description: 'nur diese Art von Frist',
            }),
          ),
          from: Type.Optional(Type.String({ format: 'date', description: 'Fristende ab' })),
          to: Type.Optional(Type.String({ format: 'date', description: 'Fristende bis' })),
        }),
        response: { 200: OverrunList },
      },
    },
    async (request) => {
      const { authority, kind, from, to } = request.query;
      return listOverruns(deps.db, request.actor, berlinDate(deps.clock.now()), {
        authorityId: authority,
        kind,
        from,
        to,
      });
    },
  );
}
