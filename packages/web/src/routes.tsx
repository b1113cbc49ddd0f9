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
import { EnrolmentWizardPage } from './pages/programmes/enrolment-wizard-page';
import { ProgrammeDesignerPage } from './pages/programmes/programme-designer-page';
import { ProgrammeDetailPage } from './pages/programmes/programme-detail-page';
import { ProgrammesPage } from './pages/programmes/programmes-page';
import { SuggestionsPage } from './pages/programmes/suggestions-page';
import { IntroductionsPage } from './pages/proposals/introductions-page';
import { ProposalBoardPage } from './pages/proposals/proposal-board-page';
import { NotificationsPage } from './pages/notifications/notifications-page';
import { RelationshipsPage } from './pages/relationships/relationships-page';
import { RequestDetailPage } from './pages/requests/request-detail-page';
import { RequestsPage } from './pages/requests/requests-page';
import { SkillsPage } from './pages/skills/skills-page';

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
        path: '/skills',
        element: (
          <RequireAbility ability="canManageOrganisation">
            <SkillsPage />
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
      // Issue 4: programmes and the click. The designer and proposal board check the role themselves.
      { path: '/programmes', element: <ProgrammesPage /> },
      { path: '/programmes/new', element: <ProgrammeDesignerPage /> },
      { path: '/programmes/:programmeId', element: <ProgrammeDetailPage /> },
      { path: '/programmes/:programmeId/design', element: <ProgrammeDesignerPage /> },
      { path: '/programmes/:programmeId/enrol', element: <EnrolmentWizardPage /> },
      { path: '/programmes/:programmeId/suggestions', element: <SuggestionsPage /> },
      { path: '/programmes/:programmeId/proposals', element: <ProposalBoardPage /> },
      { path: '/requests', element: <RequestsPage /> },
      { path: '/requests/:requestId', element: <RequestDetailPage /> },
      { path: '/mentoring', element: <RelationshipsPage /> },
      { path: '/notifications', element: <NotificationsPage /> },
      { path: '/introductions', element: <IntroductionsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
