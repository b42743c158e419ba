/**
 * Document files of funding cases: the upload form on the case page (multipart, works without
 * JavaScript), downloads for the company and the funding body, and for appointed reviewers who
 * have not declared a conflict of interest. A refused upload re-shows the case page with the reason.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, HTTP_STATUS } from '../../platform/errors.ts';
import type { App, Deps } from '../../platform/server.ts';
import { readCaseUpload, sendCaseFile } from '../../procedures/documents/case-files.ts';
import type { FundingCaseExtra } from './grant.case.render.tsx';
import {
  fundingDocumentFor,
  reviewerDocumentFor,
  uploadFundingDocument,
} from './grant.documents.ts';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const DocParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  docId: Type.String({ format: 'uuid' }),
});
const UPLOAD_ERRORS = new Set(['validation', 'conflict', 'forbidden', 'payload_too_large']);

export function registerFundingDocumentRoutes(
  app: App,
  deps: Deps,
  renderCase: (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: FundingCaseExtra,
    status?: number,
  ) => Promise<FastifyReply>,
): void {
  app.post(
    '/foerderung/antraege/:id/unterlagen',
    { config: { access: 'procedures:use' }, schema: { params: Id } },
    async (request, reply) => {
      const { id } = request.params;
      try {
        const upload = await readCaseUpload(request);
        await uploadFundingDocument({
          deps,
          actor: request.actor,
          procedureId: id,
          docType: upload.values.docType ?? '',
          filename: upload.filename,
          content: upload.content,
        });
        return reply.redirect(`/foerderung/antraege/${id}?ok=hochgeladen#unterlagen`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || !UPLOAD_ERRORS.has(error.code)) throw error;
        return renderCase(
          request,
          reply,
          id,
          { errors: error.formErrors('file') },
          HTTP_STATUS[error.code],
        );
      }
    },
  );

  app.get(
    '/foerderung/antraege/:id/unterlagen/:docId',
    { config: { access: 'procedures:use' }, schema: { params: DocParams } },
    async (request, reply) =>
      sendCaseFile(
        reply,
        deps.store,
        await fundingDocumentFor(deps, request.actor, request.params.id, request.params.docId),
      ),
  );

  app.get(
    '/begutachtung/:id/unterlagen/:docId',
    { config: { access: 'funding:review' }, schema: { params: DocParams } },
    async (request, reply) =>
      sendCaseFile(
        reply,
        deps.store,
        await reviewerDocumentFor(deps, request.actor, request.params.id, request.params.docId),
      ),
  );
}
