import { useState } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';

import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';

import { LoginErrorBoundary, LoginRoute } from './routes/auth/login';
import { RootErrorBoundary, RootRoute } from './routes/root';

// Pages load on demand, so the first screen does not wait for every feature's code. The login
// page is the first screen of most visits, so it comes with the main bundle.
export const routes: RouteObject[] = [
  {
    path: paths.auth.login.path,
    Component: LoginRoute,
    ErrorBoundary: LoginErrorBoundary,
  },
  {
    // A participant's questionnaire: no staff session, no app navigation.
    path: paths.questionnaireTake.take.path,
    HydrateFallback: () => <Loading />,
    lazy: async () => {
      const route = await import('./routes/questionnaire/take');
      return {
        Component: route.QuestionnaireTakeRoute,
        ErrorBoundary: route.QuestionnaireTakeErrorBoundary,
      };
    },
  },
  {
    // Everything else needs a session: RootRoute sends to the login page without one.
    path: paths.home.path,
    Component: RootRoute,
    ErrorBoundary: RootErrorBoundary,
    HydrateFallback: () => <Loading />,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./routes/home')).HomeRoute }),
      },
      {
        path: paths.observers.home.path,
        lazy: async () => ({
          Component: (await import('./routes/observers/observers')).ObserversRoute,
        }),
      },
      {
        path: paths.observers.campaign.path,
        lazy: async () => ({
          Component: (await import('./routes/observers/observers')).CampaignObserversRoute,
        }),
      },
      {
        path: paths.orgs.regions.path,
        lazy: async () => ({ Component: (await import('./routes/orgs/regions')).RegionsRoute }),
      },
      {
        path: paths.orgs.region.path,
        lazy: async () => ({ Component: (await import('./routes/orgs/region')).RegionRoute }),
      },
      {
        path: paths.orgs.organization.path,
        lazy: async () => ({
          Component: (await import('./routes/orgs/organization')).OrganizationRoute,
        }),
      },
      {
        path: paths.credentials.issue.path,
        lazy: async () => ({
          Component: (await import('./routes/credentials/issue')).CredentialsIssueRoute,
        }),
      },
      {
        path: paths.accounts.list.path,
        lazy: async () => ({ Component: (await import('./routes/accounts/list')).AccountsRoute }),
      },
      {
        path: paths.apiClients.list.path,
        lazy: async () => ({
          Component: (await import('./routes/api-clients/list')).ApiClientsRoute,
        }),
      },
      {
        path: paths.audit.log.path,
        lazy: async () => ({ Component: (await import('./routes/audit/log')).AuditLogRoute }),
      },
      {
        path: paths.forum.list.path,
        lazy: async () => ({ Component: (await import('./routes/forum/forum')).ForumRoute }),
      },
      {
        path: paths.forum.ask.path,
        lazy: async () => ({ Component: (await import('./routes/forum/ask')).ForumAskRoute }),
      },
      {
        path: paths.forum.question.path,
        lazy: async () => ({
          Component: (await import('./routes/forum/question')).ForumQuestionRoute,
        }),
      },
      {
        path: paths.notifications.list.path,
        lazy: async () => ({
          Component: (await import('./routes/notifications/list')).NotificationsRoute,
        }),
      },
      {
        path: paths.campaigns.list.path,
        lazy: async () => ({
          Component: (await import('./routes/campaigns/campaigns')).CampaignsRoute,
        }),
      },
      {
        path: paths.campaigns.campaign.path,
        lazy: async () => ({
          Component: (await import('./routes/campaigns/campaign')).CampaignRoute,
        }),
      },
      {
        path: paths.campaigns.sample.path,
        lazy: async () => ({
          Component: (await import('./routes/campaigns/sample')).CampaignSampleRoute,
        }),
      },
      {
        path: paths.campaigns.staff.path,
        lazy: async () => ({
          Component: (await import('./routes/campaigns/staff')).CampaignStaffRoute,
        }),
      },
      {
        path: paths.campaigns.organization.path,
        lazy: async () => ({
          Component: (await import('./routes/campaigns/organization')).CampaignOrganizationRoute,
        }),
      },
      {
        path: paths.campaigns.codes.path,
        lazy: async () => ({
          Component: (await import('./routes/campaigns/codes')).CodesProtocolRoute,
        }),
      },
      {
        path: paths.campaigns.protocol1.path,
        lazy: async () => ({
          Component: (await import('./routes/campaigns/protocol1')).Protocol1Route,
        }),
      },
      {
        path: paths.reports.list.path,
        lazy: async () => ({ Component: (await import('./routes/reports/list')).ReportsListRoute }),
      },
      {
        path: paths.reports.campaign.path,
        lazy: async () => ({
          Component: (await import('./routes/reports/campaign')).ReportsCampaignRoute,
        }),
      },
      {
        path: paths.cabinet.home.path,
        lazy: async () => ({ Component: (await import('./routes/cabinet/home')).CabinetRoute }),
      },
      {
        path: paths.publications.list.path,
        lazy: async () => ({
          Component: (await import('./routes/publications/list')).PublicationsRoute,
        }),
      },
      {
        path: paths.publications.create.path,
        lazy: async () => ({
          Component: (await import('./routes/publications/new')).NewPublicationRoute,
        }),
      },
      {
        path: paths.publications.publication.path,
        lazy: async () => ({
          Component: (await import('./routes/publications/publication')).PublicationRoute,
        }),
      },
      {
        path: paths.publications.downloads.path,
        lazy: async () => ({
          Component: (await import('./routes/publications/downloads')).PublicationDownloadsRoute,
        }),
      },
      {
        path: paths.forms.form.path,
        lazy: async () => ({ Component: (await import('./routes/forms/form')).FormRoute }),
      },
      {
        path: paths.forms.design.path,
        lazy: async () => ({ Component: (await import('./routes/forms/design')).FormDesignRoute }),
      },
      {
        path: paths.forms.create.path,
        lazy: async () => ({ Component: (await import('./routes/forms/design')).NewFormRoute }),
      },
      {
        path: paths.forms.monitoring.path,
        lazy: async () => ({
          Component: (await import('./routes/forms/monitoring')).FormMonitoringRoute,
        }),
      },
      {
        path: paths.questionnaires.definitions.path,
        lazy: async () => ({
          Component: (await import('./routes/questionnaires/definitions')).DefinitionsRoute,
        }),
      },
      {
        path: paths.questionnaires.monitoring.path,
        lazy: async () => ({
          Component: (await import('./routes/questionnaires/monitoring'))
            .QuestionnaireMonitoringRoute,
        }),
      },
      {
        path: paths.questionnaires.create.path,
        lazy: async () => ({
          Component: (await import('./routes/questionnaires/new')).NewDefinitionRoute,
        }),
      },
      {
        path: paths.questionnaires.definition.path,
        lazy: async () => ({
          Component: (await import('./routes/questionnaires/definition')).DefinitionRoute,
        }),
      },
      {
        path: paths.questionnaires.edit.path,
        lazy: async () => ({
          Component: (await import('./routes/questionnaires/edit')).EditDefinitionRoute,
        }),
      },
      {
        path: paths.scans.dashboard.path,
        lazy: async () => ({
          Component: (await import('./routes/scans/dashboard')).ScanDashboardRoute,
        }),
      },
      {
        path: paths.scans.upload.path,
        lazy: async () => ({ Component: (await import('./routes/scans/upload')).ScanUploadRoute }),
      },
      {
        path: paths.scans.errors.path,
        lazy: async () => ({ Component: (await import('./routes/scans/errors')).ScanErrorsRoute }),
      },
      {
        path: paths.scoring.tasks.path,
        lazy: async () => ({
          Component: (await import('./routes/scoring/tasks')).ScoringTasksRoute,
        }),
      },
      {
        path: paths.scoring.task.path,
        lazy: async () => ({
          Component: (await import('./routes/scoring/task')).ScoringTaskRoute,
        }),
      },
      {
        path: paths.scoring.admin.path,
        lazy: async () => ({
          Component: (await import('./routes/scoring/admin')).ScoringAdminRoute,
        }),
      },
      {
        path: paths.scoring.campaign.path,
        lazy: async () => ({
          Component: (await import('./routes/scoring/campaign')).ScoringCampaignRoute,
        }),
      },
      {
        path: '*',
        lazy: async () => ({ Component: (await import('./routes/not-found')).NotFoundRoute }),
      },
    ],
  },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
