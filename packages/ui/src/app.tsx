import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ProblemNotice } from './components/problem-notice.tsx';
import { Loading, Screen } from './components/screen.tsx';
import { setLang, t, useLang } from './i18n/lang.ts';
import { matchPath, safeNextPath } from './router/match.ts';
import { navigate, onLinkClick, useLocation } from './router/router.ts';
import { type RouteDef, routes } from './router/routes.ts';
import {
  isAdmin,
  restoreSession,
  type SessionState,
  sessionStore,
  signOut,
  useSession,
} from './session/session.ts';

type Loaded = ComponentType<{ params: Record<string, string> }>;
const loaded = new Map<string, Loaded>();

/** The route's screen, loading its chunk on first use. */
function useScreen(route: RouteDef | undefined) {
  const [, setTick] = useState(0);
  const [failed, setFailed] = useState<string | null>(null);
  const path = route?.path;
  useEffect(() => {
    if (!route || loaded.has(route.path)) return;
    let live = true;
    route
      .load()
      .then((component) => {
        loaded.set(route.path, component);
        if (live) setTick((n) => n + 1);
      })
      .catch(() => live && setFailed(route.path));
    return () => {
      live = false;
    };
  }, [path]);
  return { Component: path ? loaded.get(path) : undefined, failed: failed === path };
}

function allowed(route: RouteDef, session: SessionState): 'ok' | 'signin' | 'home' | 'forbidden' {
  const signedIn = session.status === 'signedIn';
  if (route.access === 'guest') return signedIn ? 'home' : 'ok';
  if (route.access === 'public') return 'ok';
  if (!signedIn) return 'signin';
  if (route.access === 'admin' && !isAdmin(session)) return 'forbidden';
  return 'ok';
}

function LanguageSwitch() {
  const lang = useLang();
  const other = lang === 'zh' ? 'en' : 'zh';
  return (
    <button
      type="button"
      class="lang-switch"
      lang={other === 'zh' ? 'zh-CN' : 'en'}
      onClick={() => setLang(other)}
    >
      {other === 'zh' ? t('lang.toZh') : t('lang.toEn')}
    </button>
  );
}

function Header(props: { session: SessionState; path: string }) {
  const { session } = props;
  const me = session.status === 'signedIn' ? session.me : null;
  const links = routes.filter((r) => r.nav && me && (r.access !== 'admin' || isAdmin(session)));
  return (
    <header class="top">
      <div class="top-row">
        <a class="brand" href={me ? '/' : '/signin'}>
          {t('app.name')}
        </a>
        {me && <span class="tenant-name">{me.tenant.name}</span>}
        <span class="spacer" />
        <LanguageSwitch />
        {me && (
          <>
            <span class="who">{me.user?.display_name}</span>
            <button type="button" onClick={() => void signOut()}>
              {t('action.signOut')}
            </button>
          </>
        )}
      </div>
      {links.length > 0 && (
        <nav aria-label={t('nav.label')}>
          <ul>
            {links.map((r) => (
              <li key={r.path}>
                <a href={r.path} aria-current={r.path === props.path ? 'page' : undefined}>
                  {t(r.title)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}

function Body(props: { route: RouteDef | undefined; params: Record<string, string> }) {
  const { Component, failed } = useScreen(props.route);
  if (!props.route) {
    return (
      <Screen title={t('notFound.title')}>
        <p>{t('notFound.body')}</p>
        <p>
          <a href="/">{t('notFound.home')}</a>
        </p>
      </Screen>
    );
  }
  if (failed) {
    return (
      <Screen title={t('status.loadFailed')}>
        <button type="button" onClick={() => window.location.reload()}>
          {t('action.reload')}
        </button>
      </Screen>
    );
  }
  return Component ? <Component params={props.params} /> : <Loading />;
}

export function App() {
  const session = useSession();
  const location = useLocation();
  useLang();
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(location.path);

  useEffect(() => {
    void restoreSession();
  }, []);

  let params: Record<string, string> = {};
  const route = routes.find((r) => {
    const m = matchPath(r.path, location.path);
    if (m) params = m;
    return !!m;
  });
  const verdict = route && session.status !== 'restoring' ? allowed(route, session) : 'ok';

  useEffect(() => {
    if (verdict === 'signin') {
      // Come back here after signing in, unless one chose to sign out.
      const here = location.path + (location.query.size ? `?${location.query}` : '');
      const chose = session.status === 'signedOut' && session.reason === 'signedOut';
      navigate(chose || here === '/' ? '/signin' : `/signin?next=${encodeURIComponent(here)}`, {
        replace: true,
      });
    } else if (verdict === 'home') {
      navigate(safeNextPath(location.query.get('next')), { replace: true });
    }
  }, [verdict, location]);

  // After an in-app navigation, move focus to the new screen's heading so a
  // screen reader announces it and Tab starts from the top of the content.
  useEffect(() => {
    if (location.path === firstPath.current) return;
    firstPath.current = '';
    requestAnimationFrame(() => mainRef.current?.querySelector<HTMLElement>('h1')?.focus());
  }, [location.path]);

  let content = <Body route={route} params={params} />;
  if (session.status === 'restoring' || verdict === 'signin' || verdict === 'home') {
    content = <Loading />;
  } else if (session.status === 'unreachable') {
    content = (
      <Screen title={t('status.unreachable')}>
        <ProblemNotice error={session.error} />
        <button
          type="button"
          onClick={() => {
            sessionStore.set({ status: 'restoring' });
            void restoreSession();
          }}
        >
          {t('action.retry')}
        </button>
      </Screen>
    );
  } else if (verdict === 'forbidden') {
    content = (
      <Screen title={t('forbidden.title')}>
        <p>{t('forbidden.body')}</p>
      </Screen>
    );
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: delegates link clicks to the router; the links themselves are the controls
    // biome-ignore lint/a11y/useKeyWithClickEvents: Enter on a link fires click, which is what this handles
    <div class="app" onClick={(e) => onLinkClick(e)}>
      <a class="skip" href="#main">
        {t('nav.skip')}
      </a>
      <Header session={session} path={location.path} />
      <main id="main" ref={mainRef} tabIndex={-1}>
        {session.status === 'signedOut' &&
          session.reason === 'expired' &&
          route?.access === 'guest' && (
            <p class="notice info" role="status">
              {t('signin.expired')}
            </p>
          )}
        {content}
      </main>
      <footer class="foot">
        <span>{t('app.tagline')}</span>
      </footer>
    </div>
  );
}
