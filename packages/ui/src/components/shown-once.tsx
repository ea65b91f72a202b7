import { useState } from 'preact/hooks';
import { t, useLang } from '../i18n/lang.ts';

async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission: select it so Ctrl+C / long-press copies it.
    input?.select();
    return false;
  }
}

/**
 * A secret the API shows once (client secret, invitation token): read-only,
 * a copy button, and a warning that it will not be shown again. Nothing here
 * stores it; leaving the screen forgets it.
 */
export function ShownOnce(props: { label: string; value: string; name: string }) {
  useLang();
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);
  const id = `once-${props.name}`;
  return (
    <div class="shown-once">
      <label for={id}>{props.label}</label>
      <div class="copy-row">
        <input
          id={id}
          class="mono"
          readOnly
          value={props.value}
          spellcheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          onClick={async (e) => {
            const input = (e.currentTarget.previousElementSibling as HTMLInputElement) ?? null;
            setCopied((await copyText(props.value, input)) ? 'yes' : 'select');
          }}
        >
          {t('once.copy')}
        </button>
      </div>
      <p class="hint" role="status">
        {copied === 'yes' ? t('once.copied') : copied === 'select' ? t('once.selectToCopy') : ''}
      </p>
    </div>
  );
}
