import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { t, useLang } from '../i18n/lang.ts';

/** A screen's heading; also names the browser tab. */
export function Screen(props: { title: string; intro?: string; children: ComponentChildren }) {
  const lang = useLang();
  useEffect(() => {
    document.title = `${props.title} · ${t('app.name')}`;
  }, [props.title, lang]);
  return (
    <>
      <h1>{props.title}</h1>
      {props.intro && <p class="intro">{props.intro}</p>}
      {props.children}
    </>
  );
}

export function Loading() {
  useLang();
  return (
    <p class="loading" role="status">
      {t('status.loading')}
    </p>
  );
}
