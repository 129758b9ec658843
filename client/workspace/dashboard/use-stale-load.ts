// Loads JSON for a key (an API path) and keeps showing the previous answer while the next one comes: changing a
// filter updates the charts in place instead of blanking the page (and rebuilding every chart) for a moment.
import { startTransition, useCallback, useEffect, useState } from 'react';
import { getJson } from '../../lib/workspace-api';

export interface StaleLoad<T> {
  /** The newest answer received, possibly for an earlier path. */
  value: T | null;
  /** True while the answer for the current path is on its way. */
  loading: boolean;
  error: unknown;
  retry: () => void;
}

export function useStaleLoad<T>(path: string | null): StaleLoad<T> {
  const [state, setState] = useState<{ path: string | null; value: T | null; error: unknown }>({
    path: null,
    value: null,
    error: null,
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (path === null) return;
    const abort = new AbortController();
    getJson<T>(path, abort.signal).then(
      // A transition: React renders the ~30 chart cards in slices and stays responsive (one 300-500 ms task before).
      (value) => startTransition(() => setState({ path, value, error: null })),
      (error: unknown) => {
        // An aborted request was overtaken by a newer path: nothing to report.
        if (!abort.signal.aborted) setState((s) => ({ ...s, path, error }));
      },
    );
    return () => abort.abort();
  }, [path, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return {
    value: state.value,
    loading: path !== null && state.path !== path,
    error: state.path === path ? state.error : null,
    retry,
  };
}
