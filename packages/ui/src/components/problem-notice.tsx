import {
  type ApiError,
  fieldErrorText,
  fieldName,
  problemDetail,
  problemTitle,
} from '../api/problem.ts';
import type { Form } from '../forms/use-form.ts';
import { pick, t, useLang } from '../i18n/lang.ts';

/**
 * A refused request in the reader's language: the problem's title and
 * detail, the field errors no field on screen shows (`unshown`), and the
 * request id to quote to support.
 */
export function ProblemNotice(props: {
  error: ApiError;
  unshown?: (path: string) => boolean;
  /** Lines of the file the errors point at ("line 7" → its text). */
  lineText?: (line: number) => string | undefined;
}) {
  useLang();
  const { problem, retryAfterSeconds } = props.error;
  const detail = problemDetail(problem);
  const listed = (problem.errors ?? []).filter((e) => props.unshown?.(e.path) ?? true);
  return (
    <div class="notice error" role="alert" tabIndex={-1}>
      <p class="notice-title">{pick(problemTitle(problem))}</p>
      {detail && <p>{pick(detail)}</p>}
      {retryAfterSeconds !== null && (
        <p>{t('problem.retryAfter', { seconds: retryAfterSeconds })}</p>
      )}
      {listed.length > 0 && (
        <ul class="problem-errors">
          {listed.map((e, i) => {
            const line = /^line (\d+)$/.exec(e.path);
            const text = line ? props.lineText?.(Number(line[1])) : undefined;
            return (
              <li key={`${e.path}-${i}`}>
                <strong>{line ? t('import.line', { line: line[1]! }) : fieldName(e.path)}</strong>
                {t('punct.colon')}
                {pick(fieldErrorText(e))}
                {text !== undefined && <code class="source-line">{text}</code>}
              </li>
            );
          })}
        </ul>
      )}
      {problem.request_id && (
        <p class="hint">{t('problem.requestId', { id: problem.request_id })}</p>
      )}
    </div>
  );
}

/** The notice for a form: field errors shown beside fields are not repeated. */
export function FormProblem(props: { form: Form }) {
  const { problem } = props.form;
  if (!problem) return null;
  return <ProblemNotice error={problem} unshown={(path) => !props.form.isField(fieldName(path))} />;
}
