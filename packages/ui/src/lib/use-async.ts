import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/problem.ts';

export interface Async<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload(): Promise<void>;
  /** Replace the data after a write answered with the new state. */
  mutate(update: (data: T | undefined) => T | undefined): void;
}

/** Load data for a screen; the last load wins when `deps` change quickly. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): Async<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const run = ++latest.current;
    setLoading(true);
    try {
      const result = await load();
      if (run !== latest.current) return;
      setData(result);
      setError(null);
    } catch (e) {
      if (run !== latest.current) return;
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    } finally {
      if (run === latest.current) setLoading(false);
    }
  }, deps);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, loading, reload, mutate: (update) => setData(update) };
}
