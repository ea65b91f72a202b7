import type { Context } from 'hono';
import { serviceContext } from '../../lib/context.ts';
import { formatETag, requireIfMatch } from '../../lib/etag.ts';
import type { Handler as H } from '../../lib/types.ts';
import { fieldError, invalid } from '../../services/cycles/errors.ts';
import { listTransitions } from '../../services/submissions/history.ts';
import { listSubmissions } from '../../services/submissions/list.ts';
import { readSubmission } from '../../services/submissions/read.ts';
import { readStage } from '../../services/submissions/read-stage.ts';
import { saveAssessments } from '../../services/submissions/save-assessments.ts';
import { saveInputs } from '../../services/submissions/save-inputs.ts';
import { readSeal } from '../../services/submissions/seal.ts';
import { transitionSubmission } from '../../services/submissions/transition.ts';
import type {
  getSealRoute,
  getStageRoute,
  getSubmissionRoute,
  listSubmissionsRoute,
  listTransitionsRoute,
  saveAssessmentsRoute,
  saveInputsRoute,
  transitionRoute,
} from './submissions.routes.ts';

export const listSubmissionsHandler: H<typeof listSubmissionsRoute> = async (c) =>
  c.json(
    await listSubmissions({
      ctx: serviceContext(c),
      input: { ...c.req.valid('query'), cycleId: c.req.valid('param').cycleId },
    }),
    200,
  );

export const getSubmissionHandler: H<typeof getSubmissionRoute> = async (c) => {
  const { view, rowVersion } = await readSubmission({
    ctx: serviceContext(c),
    input: c.req.valid('param'),
  });
  return c.json(view, 200, { ETag: formatETag(rowVersion) });
};

/**
 * zod leaves a "__proto__" key out of a record without a word; the API refuses it by name, as
 * it does in every strict object (RESILIENCE: `__proto__` in a body is refused, never trusted).
 */
async function refuseProtoKey(c: Context, field: 'inputs' | 'assessments') {
  const raw = (await c.req.json()) as Record<string, unknown>;
  const record = raw[field];
  if (record && typeof record === 'object' && Object.hasOwn(record, '__proto__')) {
    throw invalid([
      fieldError(
        `body.${field}.__proto__`,
        'unrecognized_keys',
        'Unknown field "__proto__"',
        '不接受字段“__proto__”',
      ),
    ]);
  }
}

export const saveInputsHandler: H<typeof saveInputsRoute> = async (c) => {
  await refuseProtoKey(c, 'inputs');
  const { data, rowVersion } = await saveInputs({
    ctx: serviceContext(c),
    input: {
      ...c.req.valid('json'),
      submissionId: c.req.valid('param').submissionId,
      expectedVersion: requireIfMatch(c),
    },
  });
  return c.json(data, 200, { ETag: formatETag(rowVersion) });
};

export const saveAssessmentsHandler: H<typeof saveAssessmentsRoute> = async (c) => {
  await refuseProtoKey(c, 'assessments');
  const { data, rowVersion } = await saveAssessments({
    ctx: serviceContext(c),
    input: {
      ...c.req.valid('json'),
      submissionId: c.req.valid('param').submissionId,
      expectedVersion: requireIfMatch(c),
    },
  });
  return c.json(data, 200, { ETag: formatETag(rowVersion) });
};

export const transitionHandler: H<typeof transitionRoute> = async (c) => {
  const { view, rowVersion } = await transitionSubmission({
    ctx: serviceContext(c),
    input: {
      ...c.req.valid('json'),
      submissionId: c.req.valid('param').submissionId,
      expectedVersion: requireIfMatch(c),
    },
  });
  return c.json(view, 200, { ETag: formatETag(rowVersion) });
};

export const listTransitionsHandler: H<typeof listTransitionsRoute> = async (c) =>
  c.json(await listTransitions({ ctx: serviceContext(c), input: c.req.valid('param') }), 200);

export const getStageHandler: H<typeof getStageRoute> = async (c) =>
  c.json(await readStage({ ctx: serviceContext(c), input: c.req.valid('param') }), 200);

export const getSealHandler: H<typeof getSealRoute> = async (c) =>
  c.json(await readSeal({ ctx: serviceContext(c), input: c.req.valid('param') }), 200);
