// Client-side routing under /workspace: the section is the path's first segment after /workspace, and a view's
// filters live in the query string, so a view can be shared as a link and the back button works.
import { useSyncExternalStore, type MouseEvent } from 'react';

export const BASE = '/workspace';
const CHANGED = 'saualnama:location';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

// A string snapshot: useSyncExternalStore compares with Object.is, so an object would re-render forever.
const snapshot = () => location.pathname + location.search;

export interface WorkspaceLocation {
  /** The section's path segment (`exports`), '' on /workspace itself. */
  section: string;
  /** What follows the section (`/semey-2023` in /workspace/briefings/semey-2023), '' when nothing does. */
  rest: string;
  query: URLSearchParams;
}

export function parseLocation(pathAndQuery: string): WorkspaceLocation {
  const url = new URL(pathAndQuery, 'http://x');
  const inside = url.pathname.startsWith(BASE) ? url.pathname.slice(BASE.length) : '';
  const [, section = '', ...rest] = inside.split('/');
  return {
    section: decodeURIComponent(section),
    rest: rest.length ? `/${rest.join('/')}` : '',
    query: url.searchParams,
  };
}

export function useLocation(): WorkspaceLocation {
  return parseLocation(useSyncExternalStore(subscribe, snapshot));
}

/** The address of a section, with an optional query. */
export function sectionHref(section: string, query?: URLSearchParams): string {
  const search = query && readableQuery(query);
  return `${BASE}/${encodeURIComponent(section)}${search ? `?${search}` : ''}`;
}

/** Goes to `href` without reloading. `replace` for changes that should not add a back-button step. */
export function navigate(href: string, { replace = false } = {}): void {
  if (href === snapshot()) return;
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.dispatchEvent(new Event(CHANGED));
}

/**
 * Sets or removes query parameters of the current address (null removes one; '' stays, as "chosen: none"). Replaces the history entry:
 * ticking a filter is not a page of its own, but the address always shows the view.
 */
export function setQuery(changes: Record<string, string | null>): void {
  const query = new URLSearchParams(location.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) query.delete(key);
    else query.set(key, value);
  }
  const search = readableQuery(query);
  navigate(`${location.pathname}${search ? `?${search}` : ''}`, { replace: true });
}

/** A query string with its commas left as commas (`region=KZ-10,KZ-55`): legal in a URL, and easier to read. */
export function readableQuery(query: URLSearchParams): string {
  return query.toString().replaceAll('%2C', ',');
}

/** onClick for an <a href> inside the workspace: a plain click routes here; ctrl/cmd/middle-click opens a tab. */
export function followLink(event: MouseEvent<HTMLAnchorElement>): void {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  )
    return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href') ?? BASE);
}
