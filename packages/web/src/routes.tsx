import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAbility } from './components/require-ability';
import { AppLayout } from './layout/app-layout';
import { PublicLayout } from './layout/public-layout';
import { ForgotPasswordPage } from './pages/auth/forgot-password-page';
import { MagicLinkPage } from './pages/auth/magic-link-page';
import { ResetPasswordPage } from './pages/auth/reset-password-page';
import { SignInPage } from './pages/auth/sign-in-page';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';

// Pages behind sign-in load on first visit, so the sign-in page and the shell come first.
const OrganisationsPage = lazy(() =>
  import('./pages/admin/organisations-page').then((m) => ({ default: m.OrganisationsPage })),
);
const JobsPage = lazy(() =>
  import('./pages/admin/jobs-page').then((m) => ({ default: m.JobsPage })),
);
const OutboxPage = lazy(() =>
  import('./pages/admin/outbox-page').then((m) => ({ default: m.OutboxPage })),
);
const ImportPage = lazy(() =>
  import('./pages/import/import-page').then((m) => ({ default: m.ImportPage })),
);
const OrganisationSettingsPage = lazy(() =>
  import('./pages/organisation-settings-page').then((m) => ({
    default: m.OrganisationSettingsPage,
  })),
);
const PeoplePage = lazy(() =>
  import('./pages/people/people-page').then((m) => ({ default: m.PeoplePage })),
);
const EnrolmentWizardPage = lazy(() =>
  import('./pages/programmes/enrolment-wizard-page').then((m) => ({
    default: m.EnrolmentWizardPage,
  })),
);
const ProgrammeDesignerPage = lazy(() =>
  import('./pages/programmes/programme-designer-page').then((m) => ({
    default: m.ProgrammeDesignerPage,
  })),
);
const ProgrammeDetailPage = lazy(() =>
  import('./pages/programmes/programme-detail-page').then((m) => ({
    default: m.ProgrammeDetailPage,
  })),
);
const ProgrammesPage = lazy(() =>
  import('./pages/programmes/programmes-page').then((m) => ({ default: m.ProgrammesPage })),
);
const SuggestionsPage = lazy(() =>
  import('./pages/programmes/suggestions-page').then((m) => ({ default: m.SuggestionsPage })),
);
const IntroductionsPage = lazy(() =>
  import('./pages/proposals/introductions-page').then((m) => ({ default: m.IntroductionsPage })),
);
const ProposalBoardPage = lazy(() =>
  import('./pages/proposals/proposal-board-page').then((m) => ({ default: m.ProposalBoardPage })),
);
const NotificationsPage = lazy(() =>
  import('./pages/notifications/notifications-page').then((m) => ({
    default: m.NotificationsPage,
  })),
);
const RelationshipsPage = lazy(() =>
  import('./pages/relationships/relationships-page').then((m) => ({
    default: m.RelationshipsPage,
  })),
);
const RelationshipPage = lazy(() =>
  import('./pages/relationships/relationship-page').then((m) => ({
    default: m.RelationshipPage,
  })),
);
const RequestDetailPage = lazy(() =>
  import('./pages/requests/request-detail-page').then((m) => ({ default: m.RequestDetailPage })),
);
const RequestsPage = lazy(() =>
  import('./pages/requests/requests-page').then((m) => ({ default: m.RequestsPage })),
);
// Opened from a reminder mail, without signing in.
const FeedbackPage = lazy(() =>
  import('./pages/feedback/feedback-page').then((m) => ({ default: m.FeedbackPage })),
);
const CheckInPage = lazy(() =>
  import('./pages/feedback/check-in-page').then((m) => ({ default: m.CheckInPage })),
);
const SurveyPage = lazy(() =>
  import('./pages/feedback/survey-page').then((m) => ({ default: m.SurveyPage })),
);
const HealthPage = lazy(() =>
  import('./pages/programmes/health/health-page').then((m) => ({ default: m.HealthPage })),
);
const DashboardPage = lazy(() =>
  import('./pages/programmes/dashboard/dashboard-page').then((m) => ({ default: m.DashboardPage })),
);
const StoriesPage = lazy(() =>
  import('./pages/stories/stories-page').then((m) => ({ default: m.StoriesPage })),
);
const StoryEditorPage = lazy(() =>
  import('./pages/stories/story-editor-page').then((m) => ({ default: m.StoryEditorPage })),
);
const StoryReviewPage = lazy(() =>
  import('./pages/stories/story-review-page').then((m) => ({ default: m.StoryReviewPage })),
);
const OutcomeReportPage = lazy(() =>
  import('./pages/outcomes/outcome-report-page').then((m) => ({ default: m.OutcomeReportPage })),
);
const UnsubscribePage = lazy(() =>
  import('./pages/unsubscribe/unsubscribe-page').then((m) => ({ default: m.UnsubscribePage })),
);
const SkillsPage = lazy(() =>
  import('./pages/skills/skills-page').then((m) => ({ default: m.SkillsPage })),
);

export const routes: RouteObject[] = [
  {
    element: <PublicLayout />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/magic-link', element: <MagicLinkPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      { path: '/unsubscribe', element: <UnsubscribePage /> },
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
        path: '/admin/jobs',
        element: (
          <RequireAbility ability="isPlatformAdmin">
            <JobsPage />
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
      { path: '/programmes/:programmeId/dashboard', element: <DashboardPage /> },
      { path: '/programmes/:programmeId/health', element: <HealthPage /> },
      { path: '/programmes/:programmeId/stories', element: <StoryReviewPage /> },
      { path: '/programmes/:programmeId/outcomes', element: <OutcomeReportPage /> },
      { path: '/outcomes', element: <OutcomeReportPage /> },
      { path: '/stories', element: <StoriesPage /> },
      { path: '/stories/new', element: <StoryEditorPage /> },
      { path: '/stories/:storyId', element: <StoryEditorPage /> },
      { path: '/feedback', element: <FeedbackPage /> },
      { path: '/feedback/check-ins/:checkInId', element: <CheckInPage /> },
      { path: '/feedback/surveys/:surveyId', element: <SurveyPage /> },
      { path: '/requests', element: <RequestsPage /> },
      { path: '/requests/:requestId', element: <RequestDetailPage /> },
      { path: '/mentoring', element: <RelationshipsPage /> },
      { path: '/mentoring/:relationshipId', element: <RelationshipPage /> },
      { path: '/notifications', element: <NotificationsPage /> },
      { path: '/introductions', element: <IntroductionsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
