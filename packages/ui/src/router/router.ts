import { createStore, useStore } from '../lib/store.ts';

export interface Location {
  path: string;
  query: URLSearchParams;
  hash: string;
}

function current(): Location {
  return {
    path: window.location.pathname,
    query: new URLSearchParams(window.location.search),
    hash: window.location.hash,
  };
}

export const locationStore = createStore<Location>(current());

window.addEventListener('popstate', () => locationStore.set(current()));

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = new URL(to, window.location.origin);
  const target = url.pathname + url.search + url.hash;
  if (target === window.location.pathname + window.location.search + window.location.hash) {
    return;
  }
  if (options.replace) window.history.replaceState(null, '', target);
  else window.history.pushState(null, '', target);
  locationStore.set(current());
}

/** Keep the query string in the address bar (filters survive a reload) without a new entry. */
export function replaceQuery(query: URLSearchParams): void {
  const search = query.toString();
  navigate(`${window.location.pathname}${search ? `?${search}` : ''}`, { replace: true });
}

export function useLocation(): Location {
  return useStore(locationStore);
}

/**
 * Same-site links navigate in place; modified clicks (new tab, download) and
 * other origins keep the browser's behaviour.
 */
export function onLinkClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin) return;
  // An in-page anchor (the skip link): the browser scrolls and focuses it.
  const here = window.location;
  if (url.hash && url.pathname === here.pathname && url.search === here.search) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}
