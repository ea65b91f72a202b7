import { useState } from 'preact/hooks';
import type { Action } from '../../api/submissions.ts';
import { pick, type Text, t, textOf, useLang } from '../../i18n/lang.ts';

const STEP_ACTIONS: readonly Action[] = ['submit', 'recommend', 'verify', 'publicise', 'publish'];

/**
 * The steps the caller may take now (the API's `actions`): the stage's own step as the main
 * button, and returning (one stage back) or revoking, each with the reason the API requires.
 */
export function TransitionActions(props: {
  actions: readonly Action[];
  busy: boolean;
  onAction(action: Action, reason?: string): Promise<void> | void;
}) {
  useLang();
  const [asking, setAsking] = useState<'return' | 'revoke' | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Text | null>(null);
  const steps = props.actions.filter((a) => STEP_ACTIONS.includes(a));
  const withReason = props.actions.filter(
    (a): a is 'return' | 'revoke' => a === 'return' || a === 'revoke',
  );
  if (steps.length === 0 && withReason.length === 0) return null;
  return (
    <div class="transition-actions">
      {steps.map((action) => (
        <button
          type="button"
          class="primary"
          key={action}
          disabled={props.busy}
          onClick={() => void props.onAction(action)}
        >
          {t(`action.step.${action}`)}
        </button>
      ))}
      {withReason.map((action) => (
        <button
          type="button"
          class="danger-outline"
          key={action}
          disabled={props.busy}
          aria-expanded={asking === action}
          onClick={() => {
            setAsking(asking === action ? null : action);
            setError(null);
          }}
        >
          {t(`action.step.${action}`)}
        </button>
      ))}
      {asking && (
        <form
          class="reason-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!reason.trim()) {
              setError(textOf('review.reasonNeeded'));
              return;
            }
            await props.onAction(asking, reason.trim());
            setAsking(null);
            setReason('');
          }}
        >
          <div class={error ? 'field invalid' : 'field'}>
            <label for="transition-reason">
              {t(asking === 'return' ? 'review.returnReason' : 'review.revokeReason')}
            </label>
            <textarea
              id="transition-reason"
              rows={3}
              value={reason}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? 'transition-reason-error' : undefined}
              onInput={(e) => {
                setReason(e.currentTarget.value);
                setError(null);
              }}
            />
            {error && (
              <p class="field-error" id="transition-reason-error">
                {pick(error)}
              </p>
            )}
          </div>
          <div class="actions">
            <button type="submit" class="danger" disabled={props.busy}>
              {t(asking === 'return' ? 'review.confirmReturn' : 'review.confirmRevoke')}
            </button>
            <button type="button" onClick={() => setAsking(null)}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
