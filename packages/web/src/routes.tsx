import type { RouteObject } from 'react-router';
import { RequireAbility } from './components/require-ability';
import { AppLayout } from './layout/app-layout';
import { PublicLayout } from './layout/public-layout';
import { OrganisationsPage } from './pages/admin/organisations-page';
import { OutboxPage } from './pages/admin/outbox-page';
import { ForgotPasswordPage } from './pages/auth/forgot-password-page';
import { MagicLinkPage } from './pages/auth/magic-link-page';
import { ResetPasswordPage } from './pages/auth/reset-password-page';
import { SignInPage } from './pages/auth/sign-in-page';
import { HomePage } from './pages/home-page';
import { ImportPage } from './pages/import/import-page';
import { NotFoundPage } from './pages/not-found-page';
import { OrganisationSettingsPage } from './pages/organisation-settings-page';
import { PeoplePage } from './pages/people/people-page';

export const routes: RouteObject[] = [
  {
    element: <PublicLayout />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/magic-link', element: <MagicLinkPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
    ],
  },
  {
    element: <AppLayout />,
    children: [
      { path: '/', element: <HomePage /> },
      {
        path: '/people/:personId?',
        element: (
          <RequireAbility ability="canViewPeople">
            <PeoplePage />
          </RequireAbility>
        ),
      },
      {
        path: '/import',
        element: (
          <RequireAbility ability="canManagePeople">
            <ImportPage />
          </RequireAbility>
        ),
      },
      {
        path: '/organisation',
        element: (
          <RequireAbility ability="canManageOrganisation">
            <OrganisationSettingsPage />
          </RequireAbility>
        ),
      },
      {
        path: '/admin/organisations',
        element: (
          <RequireAbility ability="isPlatformAdmin">
            <OrganisationsPage />
          </RequireAbility>
        ),
      },
      {
        path: '/admin/outbox',
        element: (
          <RequireAbility ability="isPlatformAdmin">
            <OutboxPage />
          </RequireAbility>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
