import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS } from './auth/actor.ts';
import { Layout } from './layout.tsx';
import { AppError, HTTP_STATUS, STATUS_TITLES, type FieldError } from './errors.ts';
import { isApiRequest, localRedirectTarget, pageContext, sendPage } from './http.ts';
import { translateValidation } from './validation-messages.ts';

interface Problem {
  status: number;
  title: string;
  detail: string;
  code: string;
  errors: FieldError[];
}

const CSRF_MESSAGE =
  'Das Formular ist abgelaufen oder wurde nicht von dieser Seite gesendet. Bitte laden Sie die Seite neu und senden Sie das Formular erneut. Es wurde nichts gespeichert.';

const MULTIPART_MESSAGE =
  'Das Formular kam unvollständig oder beschädigt an (die Übertragung brach ab oder die Trennmarke der Formularteile fehlt). Bitte senden Sie es erneut. Es wurde nichts gespeichert.';

/**
 * The multipart parser (busboy) reports a truncated body, a missing or empty boundary and a broken
 * part header as plain errors without a code or status; they are the client's fault, not ours.
 */
const MALFORMED_MULTIPART =
  /^(Unexpected end of (form|multipart data)|.* terminated early due to unexpected end of multipart data|Malformed part header|Multipart: Boundary not found|Boundary required)$/;

export function toProblem(error: FastifyError | AppError | Error): Problem {
  if (error instanceof AppError) {
    const status = HTTP_STATUS[error.code];
    return {
      status,
      title: STATUS_TITLES[status] ?? 'Fehler',
      detail: error.message,
      code: error.code,
      errors: error.fieldErrors,
    };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const errors = translateValidation(fastifyError.validation, fastifyError.validationContext);
    return {
      status: 400,
      title: STATUS_TITLES[400]!,
      detail: errors.map((e) => e.message).join(' '),
      code: 'validation',
      errors,
    };
  }
  if (
    fastifyError.code === 'FST_CSRF_INVALID_TOKEN' ||
    fastifyError.code === 'FST_CSRF_MISSING_SECRET'
  ) {
    return {
      status: 403,
      title: 'Formular abgelaufen',
      detail: CSRF_MESSAGE,
      code: 'csrf',
      errors: [],
    };
  }
  if (fastifyError.statusCode === undefined && MALFORMED_MULTIPART.test(error.message)) {
    return {
      status: 400,
      title: STATUS_TITLES[400]!,
      detail: MULTIPART_MESSAGE,
      code: 'malformed_multipart',
      errors: [],
    };
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const details: Record<number, string> = {
      400: 'Die Anfrage konnte nicht gelesen werden. Bitte prüfen Sie das Format.',
      404: 'Die angefragte Adresse gibt es nicht.',
      405: 'Diese Methode ist für diese Adresse nicht erlaubt.',
      413: 'Die Anfrage ist zu groß.',
      414: 'Die Adresse ist zu lang. Bitte prüfen Sie den Link.',
      415: 'Dieses Datenformat wird nicht unterstützt. Senden Sie JSON oder ein Formular.',
      429: 'Zu viele Anfragen. Bitte warten Sie einen Moment und versuchen Sie es erneut.',
    };
    return {
      status,
      title: STATUS_TITLES[status] ?? 'Fehlerhafte Anfrage',
      detail: details[status] ?? 'Die Anfrage ist fehlerhaft.',
      code: fastifyError.code ?? 'bad_request',
      errors: [],
    };
  }
  return {
    status: 500,
    title: STATUS_TITLES[500]!,
    detail:
      'Ein unerwarteter Fehler ist aufgetreten. Ihre Eingabe wurde nicht gespeichert. Bitte versuchen Sie es später erneut.',
    code: 'internal',
    errors: [],
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply
    .status(problem.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send({
      type: `about:blank#${problem.code}`,
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      ...(problem.errors.length > 0 ? { errors: problem.errors } : {}),
    });
}

export function ErrorPage(props: { ctx: ReturnType<typeof pageContext>; problem: Problem }) {
  const { problem } = props;
  return (
    <Layout ctx={props.ctx} title={problem.title}>
      <h1 class="kern-heading-large">{problem.title}</h1>
      <p class="kern-body">{problem.detail}</p>
      {problem.errors.length > 0 ? (
        <ul class="kern-list">
          {problem.errors.map((e) => (
            <li key={e.field}>{e.message}</li>
          ))}
        </ul>
      ) : null}
      {problem.status === 401 ? (
        <p class="kern-body">
          <a class="kern-link" href="/anmelden">
            Zur Anmeldung
          </a>
        </p>
      ) : (
        <p class="kern-body">
          <a class="kern-link" href="/">
            Zur Startseite
          </a>
        </p>
      )}
      <p class="kern-body--small">Fehlercode: {problem.status}</p>
    </Layout>
  );
}

export function handleError(
  this: unknown,
  error: FastifyError | AppError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const problem = toProblem(error);
  if (problem.status >= 500) request.log.error({ err: error }, 'unhandled error');
  if (isApiRequest(request)) return sendProblem(reply, problem);
  if (problem.status === 401) {
    const next = localRedirectTarget(request.url);
    const query = next === undefined ? '' : `?weiter=${encodeURIComponent(next)}`;
    return reply.redirect(`/anmelden${query}`, 303);
  }
  return sendPage(
    reply,
    <ErrorPage ctx={pageContext(request, reply)} problem={problem} />,
    problem.status,
  );
}

/**
 * Errors the router raises before any hook has run: a malformed %-escape (400) or a path segment
 * longer than the router accepts (414). There are no cookies and no session yet, so the answer is
 * the one an anonymous caller gets, in German like every other error.
 */
export function handleFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  request.actor = ANONYMOUS;
  const problem = toProblem(error);
  if (isApiRequest(request)) {
    sendProblem(reply, problem);
    return;
  }
  const ctx = { actor: ANONYMOUS, csrfToken: '', path: '/' };
  sendPage(reply, <ErrorPage ctx={ctx} problem={problem} />, problem.status);
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const problem: Problem = {
    status: 404,
    title: STATUS_TITLES[404]!,
    detail: 'Die angefragte Seite gibt es nicht oder nicht mehr. Prüfen Sie die Adresse.',
    code: 'not_found',
    errors: [],
  };
  if (isApiRequest(request)) return sendProblem(reply, problem);
  return sendPage(reply, <ErrorPage ctx={pageContext(request, reply)} problem={problem} />, 404);
}
