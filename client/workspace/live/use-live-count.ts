// The live response count of a briefing: server-sent events (the server pushes within about a second of a stored
// response), falling back to polling the counts every 2 s while the stream is down (a proxy that buffers, a
// dropped connection); the stream is tried again after each poll, so the screen returns to push by itself.
import { useEffect, useState } from 'react';
import { getJson, HttpError } from '../../lib/workspace-api';

export interface LiveCount {
  total: number | null;
  /** true while neither the stream nor a poll has answered lately: the screen says it is reconnecting. */
  stale: boolean;
  /** The session ended (401): the screen asks to sign in again. */
  signedOut: boolean;
}

const POLL_MS = 2000;

export function useLiveCount(slug: string): LiveCount {
  const [state, setState] = useState<LiveCount>({ total: null, stale: false, signedOut: false });

  useEffect(() => {
    let stopped = false;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const base = `/api/briefings/${encodeURIComponent(slug)}`;

    const poll = async () => {
      try {
        const { total } = await getJson<{ total: number }>(`${base}/counts`);
        if (!stopped) setState({ total, stale: false, signedOut: false });
      } catch (error) {
        if (stopped) return;
        if (error instanceof HttpError && error.status === 401)
          return setState((s) => ({ ...s, signedOut: true }));
        setState((s) => ({ ...s, stale: true }));
      }
      if (!stopped) listen();
    };

    function listen() {
      source = new EventSource(`${base}/live`);
      source.addEventListener('count', (event) => {
        const { total } = JSON.parse((event as MessageEvent<string>).data) as { total: number };
        setState({ total, stale: false, signedOut: false });
      });
      source.onerror = () => {
        // EventSource retries by itself, but gives up on an HTTP error (401, 404): poll meanwhile, then listen again.
        source?.close();
        source = null;
        if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
      };
    }

    listen();
    return () => {
      stopped = true;
      source?.close();
      clearTimeout(timer);
    };
  }, [slug]);

  return state;
}
