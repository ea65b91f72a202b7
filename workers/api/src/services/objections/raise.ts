import { newId } from '@kaoping/db/ids';
import { objections, submissions } from '@kaoping/db/schema';
import { and, eq, gt } from 'drizzle-orm';
import type { PublicContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/problem.ts';
import { cycleOfLink } from './public-list.ts';

/** What replaces an ID-card or mobile number in an objection's text. */
const REDACTED = '〔已隐去〕';
const ID_CARD = /(?<![0-9])[1-9]\d{5}(?:18|19|20)\d{2}\d{4}\d{3}[0-9Xx](?![0-9])/g;
const MOBILE = /(?<![0-9])1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?![0-9])/g;

/** Full-width digits, Ｘ, hyphens and spaces as ASCII, one character for one (the rest as written). */
function asciiDigits(text: string): string {
  return text.replace(/[０-９ＸｘＸ－\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** The text with ID-card and mobile numbers taken out (full-width digits too), and whether any were. */
export function redactPersonalData(text: string): { text: string; redacted: boolean } {
  const plain = asciiDigits(text);
  const out = plain.replace(ID_CARD, REDACTED).replace(MOBILE, REDACTED);
  return { text: out === plain ? text : out, redacted: out !== plain };
}

/** The actor an objection's audit row names; a retried objection's Idempotency-Key is kept under it too. */
export const OBJECTION_LINK_ACTOR = 'objection-link';

/**
 * Where a public objection's Idempotency-Key is kept: the tenant the link reaches (an unknown or
 * closed link is refused here, as raiseObjection would refuse it), under the link's actor.
 */
export async function objectionKeyScope(ctx: PublicContext, token: string) {
  const { tdb } = await cycleOfLink(ctx, token);
  return { tdb, who: OBJECTION_LINK_ACTOR };
}

const notUnderPublicity = () =>
  new AppError('not_found', {
    zh: '该单位不在公示期内',
    en: 'That unit is not under publicity',
  });

/**
 * An objection to a publicised result, from anyone holding the cycle's public link (rate
 * limited by address, strict body; a retry with the same Idempotency-Key gets the first receipt
 * and files nothing twice). Personal data is kept out: ID-card and mobile numbers in
 * the text are replaced before it is stored, and the answer does not repeat the text. A
 * reviewer must resolve it before the unit's result can be published.
 */
export async function raiseObjection({
  ctx,
  input,
}: {
  ctx: PublicContext;
  input: { token: string; submission_id: string; text: string };
}) {
  const { tdb, cycle } = await cycleOfLink(ctx, input.token);
  const now = ctx.now.toISOString();
  const target = await tdb.first(
    submissions,
    eq(submissions.id, input.submission_id),
    eq(submissions.cycleId, cycle.id),
    eq(submissions.status, 'publicised'),
    gt(submissions.publicityEndsAt, now),
  );
  if (!target) throw notUnderPublicity();
  const clean = redactPersonalData(input.text.trim());
  const id = newId('objection');
  await commitWithAudit(
    {
      tdb,
      requestId: ctx.requestId,
      now: ctx.now,
      actor: { type: 'public', id: OBJECTION_LINK_ACTOR },
    },
    [
      // Still under publicity when it commits.
      tdb.guard(
        tdb.exists(
          submissions,
          and(eq(submissions.id, target.id), eq(submissions.status, 'publicised')),
        ),
        'not_publicised',
      ),
      tdb.insert(objections, {
        id,
        cycleId: cycle.id,
        submissionId: target.id,
        body: clean.text,
        status: 'open',
        createdAt: now,
      }),
    ],
    [
      {
        action: 'objection.raise',
        entityType: 'objection',
        entityId: id,
        after: { cycle_id: cycle.id, submission_id: target.id, redacted: clean.redacted },
      },
    ],
  ).catch((err: unknown) => {
    if (err instanceof Error && 'reason' in err && err.reason === 'not_publicised') {
      throw notUnderPublicity();
    }
    throw err;
  });
  return {
    id,
    status: 'open' as const,
    received_at: now,
    personal_data_removed: clean.redacted,
    message: {
      zh: '异议已收到，将由审核人员核查处理。请勿在异议中填写身份证号、手机号等个人信息。',
      en: 'Your objection was received and will be looked into by a reviewer. Please leave out ID-card numbers, phone numbers and other personal data.',
    },
  };
}
