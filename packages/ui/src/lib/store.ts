import { useEffect, useReducer } from 'preact/hooks';

/** A value that screens can read and subscribe to (session, language, location). */
export interface Store<T> {
  get(): T;
  set(next: T): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Re-render the calling component whenever the store changes. */
export function useStore<T>(store: Store<T>): T {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const seen = store.get();
    const unsubscribe = store.subscribe(() => rerender(undefined));
    // A change between render and this effect would otherwise be missed.
    if (!Object.is(seen, store.get())) rerender(undefined);
    return unsubscribe;
  }, [store]);
  return store.get();
}
