import { useEffect, useRef, useState } from 'preact/hooks';
import { t, useLang } from '../i18n/lang.ts';

/**
 * A destructive action asked twice, in place (no window.confirm): the first
 * press shows "confirm / cancel" with focus on confirm.
 */
export function ConfirmButton(props: {
  label: string;
  question: string;
  onConfirm: () => Promise<void> | void;
  disabled?: boolean;
}) {
  useLang();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button
        type="button"
        class="danger-outline"
        disabled={props.disabled}
        onClick={() => setAsking(true)}
      >
        {props.label}
      </button>
    );
  }
  return (
    <span class="confirm">
      <span class="confirm-question">{props.question}</span>
      <button
        type="button"
        class="danger"
        ref={confirmRef}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await props.onConfirm();
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      >
        {t('action.confirm')}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('action.cancel')}
      </button>
    </span>
  );
}
