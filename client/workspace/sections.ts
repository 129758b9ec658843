// The workspace's sections, in navigation order: add an entry here and the shell shows it (to the roles named),
// routes /workspace/<path>[/…] to it, and loads its code only when opened (chart code stays out of other pages).
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Locale } from '../lib/locale';
import type { Role, Session } from '../lib/workspace-api';

/** What the shell gives every section. */
export interface SectionProps {
  session: Session;
  locale: Locale;
  /** The view's filters; change them with setQuery (router.ts) so the address stays shareable. */
  query: URLSearchParams;
  /** What follows /workspace/<path> (`/semey-2023`), '' when nothing does. */
  rest: string;
  /** Call when a request answered 401: the shell shows the sign-in form, and the address is kept. */
  onSignedOut: () => void;
}

export interface Section {
  /** The first path segment after /workspace: `exports` → /workspace/exports. */
  path: string;
  /** The navigation label and the page's document title. Short: eight of them share a laptop's width. */
  title: Record<Locale, string>;
  /** Who sees it in the navigation and may open it; the server checks again on every request. */
  roles: readonly Role[];
  /** The page, code-split: `page(() => import('./<section>/<page>'))` with the page as the default export. */
  component: LazyExoticComponent<ComponentType<SectionProps>>;
  /** Starts loading the page's code (main.tsx: while the session is asked for, not after). */
  preload: () => void;
  /** false: reached from elsewhere (the top bar's password link), not listed in the navigation. */
  inNav?: false;
}

export const SECTIONS: readonly Section[] = [
  {
    path: 'exports',
    title: { kk: 'Деректерді жүктеп алу', ru: 'Выгрузка данных', en: 'Data export' },
    // Authors work from aggregates only (issue 6); the export routes refuse them too.
    roles: ['admin', 'analyst'],
    ...page(() => import('./exports/export-page')),
  },
  {
    path: 'briefings',
    title: { kk: 'Брифингтер', ru: 'Брифинги', en: 'Briefings' },
    // Admins create and change them; the API lets the others list their regions' briefings, not manage them.
    roles: ['admin'],
    ...page(() => import('./briefings/briefings-page')),
  },
  {
    path: 'dashboard',
    title: { kk: 'Нәтижелер', ru: 'Результаты', en: 'Results' },
    roles: ['admin', 'analyst', 'author'],
    ...page(() => import('./dashboard/dashboard-page')),
  },
  {
    path: 'regions',
    title: { kk: 'Өңірлерді салыстыру', ru: 'Сравнение регионов', en: 'Compare regions' },
    roles: ['admin', 'analyst', 'author'],
    ...page(() => import('./regions/regions-page')),
  },
  {
    path: 'coverage',
    title: { kk: 'Қамту', ru: 'Охват', en: 'Coverage' },
    roles: ['admin', 'analyst', 'author'],
    ...page(() => import('./coverage/coverage-page')),
  },
  {
    path: 'text',
    title: { kk: 'Еркін жауаптар', ru: 'Текстовые ответы', en: 'Free-text answers' },
    // Authors read the proposals too (the text API lets them): the Roadmap is drafted from them.
    roles: ['admin', 'analyst', 'author'],
    ...page(() => import('./text/text-page')),
  },
  {
    path: 'coding',
    title: { kk: 'Кодтау', ru: 'Кодирование', en: 'Coding' },
    // Authors and admins build codebooks; analysts code answers of their regions too (the API checks both).
    roles: ['admin', 'analyst', 'author'],
    ...page(() => import('./coding/coding-page')),
  },
  {
    path: 'brief',
    title: { kk: 'Жол картасына анықтама', ru: 'Справка к Дорожной карте', en: 'Roadmap brief' },
    roles: ['admin', 'analyst', 'author'],
    ...page(() => import('./brief/brief-page')),
  },
  {
    path: 'responses',
    title: { kk: 'Жауаптар', ru: 'Ответы', en: 'Responses' },
    // Single responses and their review status (issue 16): row-level data, so not for authors; the API checks too.
    roles: ['admin', 'analyst'],
    ...page(() => import('./responses/responses-page')),
  },
  {
    path: 'tokens',
    title: { kk: 'API токендері', ru: 'API-токены', en: 'API tokens' },
    // Reached from Responses: one's own tokens for scripts.
    roles: ['admin', 'analyst'],
    ...page(() => import('./responses/tokens-page')),
    inNav: false,
  },
  {
    path: 'import',
    title: { kk: 'Импорт', ru: 'Импорт', en: 'Import' },
    // Unsent answers saved on phones go in through the same judging as a phone's POST; the route is admin-only too.
    // Last, and one word: an occasional task after a briefing, and the eighth label on a laptop's strip.
    roles: ['admin'],
    ...page(() => import('./imports/import-page')),
  },
  {
    path: 'users',
    title: { kk: 'Пайдаланушылар', ru: 'Пользователи', en: 'Users' },
    // The routes are admin-only as well (issue 17).
    roles: ['admin'],
    ...page(() => import('./users/users-page')),
  },
  {
    path: 'surveys',
    title: { kk: 'Сауалнамалар', ru: 'Анкеты', en: 'Surveys' },
    // Closing, versions and translation sheets: admins only, as the routes are.
    roles: ['admin'],
    ...page(() => import('./surveys/surveys-page')),
  },
  {
    path: 'password',
    title: { kk: 'Құпиясөз', ru: 'Пароль', en: 'Password' },
    // Everyone's own password, from the top bar.
    roles: ['admin', 'analyst', 'author'],
    ...page(() => import('./account/password-page')),
    inNav: false,
  },
];

/** A section's page, loaded on first use or when preloaded, whichever comes first. */
function page(load: () => Promise<{ default: ComponentType<SectionProps> }>) {
  let loading: ReturnType<typeof load> | undefined;
  const once = () => (loading ??= load());
  return { component: lazy(once), preload: () => void once() };
}

/** Starts loading the code of the section an address opens (before anyone knows whether it may be opened). */
export function preloadSection(pathname: string): void {
  const path = /^\/workspace\/([^/]+)/.exec(pathname)?.[1];
  SECTIONS.find((s) => s.path === path)?.preload();
}

/** The sections a role may open, in navigation order. */
export function sectionsFor(role: Role, sections: readonly Section[] = SECTIONS): Section[] {
  return sections.filter((section) => section.roles.includes(role));
}
