import type { ComponentType } from 'preact';
import type { MessageKey } from '../i18n/messages.ts';
import { Join } from '../screens/join.tsx';
import { SignIn } from '../screens/sign-in.tsx';
import { SignUp } from '../screens/sign-up.tsx';

/**
 * guest: only signed out (signed-in people are sent on); public: anyone;
 * user: signed in; admin: signed in with the admin role.
 */
export type Access = 'guest' | 'public' | 'user' | 'admin';

export interface RouteDef {
  path: string;
  title: MessageKey;
  access: Access;
  /** Shown in the main navigation. */
  nav?: boolean;
  load: () => Promise<ComponentType<{ params: Record<string, string> }>>;
}

const now =
  <P>(component: ComponentType<P>) =>
  () =>
    Promise.resolve(component);

/**
 * Screens behind sign-in load on first use, so the first page a visitor
 * downloads is the shell and the sign-in form (build.mjs measures it).
 */
export const routes: RouteDef[] = [
  { path: '/signin', title: 'signin.title', access: 'guest', load: now(SignIn) },
  { path: '/signup', title: 'signup.title', access: 'guest', load: now(SignUp) },
  { path: '/join', title: 'join.title', access: 'public', load: now(Join) },
  {
    path: '/',
    title: 'home.title',
    access: 'user',
    nav: true,
    load: () => import('../screens/home.tsx').then((m) => m.Home),
  },
  {
    path: '/work',
    title: 'queue.title',
    access: 'user',
    nav: true,
    load: () => import('../screens/review/queue.tsx').then((m) => m.WorkQueue),
  },
  {
    path: '/cycles',
    title: 'cycles.title',
    access: 'user',
    nav: true,
    load: () => import('../screens/cycles/cycles.tsx').then((m) => m.Cycles),
  },
  {
    path: '/cycles/:id',
    title: 'cycles.title',
    access: 'user',
    load: () => import('../screens/cycles/cycle.tsx').then((m) => m.CycleScreen),
  },
  {
    path: '/cycles/:id/dashboard',
    title: 'dashboard.title',
    access: 'user',
    load: () => import('../screens/dashboard/dashboard.tsx').then((m) => m.Dashboard),
  },
  {
    path: '/submissions/:id',
    title: 'entry.title',
    access: 'user',
    load: () => import('../screens/entry/submission.tsx').then((m) => m.SubmissionScreen),
  },
  {
    path: '/org',
    title: 'org.title',
    access: 'user',
    nav: true,
    load: () => import('../screens/org-units/org-units.tsx').then((m) => m.OrgUnits),
  },
  {
    path: '/packs',
    title: 'packs.title',
    access: 'user',
    nav: true,
    load: () => import('../screens/packs/catalog.tsx').then((m) => m.Catalog),
  },
  {
    path: '/packs/:key/:version',
    title: 'packs.versionTitle',
    access: 'user',
    load: () => import('../screens/packs/version.tsx').then((m) => m.PackVersionScreen),
  },
  {
    path: '/packs/:key/:version/diff',
    title: 'diff.title',
    access: 'user',
    load: () => import('../screens/packs/diff.tsx').then((m) => m.PackDiffScreen),
  },
  {
    path: '/packs/:key/:version/tailor',
    title: 'tailor.title',
    access: 'admin',
    load: () => import('../screens/packs/tailor.tsx').then((m) => m.TailorScreen),
  },
  {
    path: '/people',
    title: 'people.title',
    access: 'admin',
    nav: true,
    load: () => import('../screens/people/people.tsx').then((m) => m.People),
  },
  {
    path: '/clients',
    title: 'clients.title',
    access: 'admin',
    nav: true,
    load: () => import('../screens/clients.tsx').then((m) => m.Clients),
  },
  {
    path: '/audit',
    title: 'audit.title',
    access: 'admin',
    nav: true,
    load: () => import('../screens/audit.tsx').then((m) => m.Audit),
  },
  {
    path: '/settings',
    title: 'settings.title',
    access: 'admin',
    nav: true,
    load: () => import('../screens/settings/settings.tsx').then((m) => m.Settings),
  },
];
