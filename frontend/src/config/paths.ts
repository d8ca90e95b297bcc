// Every client route in one place, so links and the router cannot drift apart.
export const paths = {
  home: { path: '/', getHref: () => '/' },
  auth: {
    login: {
      path: '/login',
      /** `returnTo` is where to go after signing in; the home page needs no mention. */
      getHref: (returnTo?: string) =>
        returnTo && returnTo !== '/' ? `/login?returnTo=${encodeURIComponent(returnTo)}` : '/login',
    },
  },
  orgs: {
    regions: { path: '/orgs', getHref: () => '/orgs' },
    region: {
      path: '/orgs/regions/:regionCode',
      getHref: (regionCode: string, search?: URLSearchParams) => {
        const query = search?.toString();
        return `/orgs/regions/${encodeURIComponent(regionCode)}${query ? `?${query}` : ''}`;
      },
    },
    organization: {
      path: '/orgs/organizations/:organizationId',
      getHref: (organizationId: number) => `/orgs/organizations/${organizationId}`,
    },
  },
  credentials: {
    issue: { path: '/credentials', getHref: () => '/credentials' },
  },
  audit: {
    log: { path: '/audit', getHref: () => '/audit' },
  },
  accounts: {
    list: { path: '/accounts', getHref: () => '/accounts' },
  },
  /** The regional systems' API clients (issue 23). */
  apiClients: {
    list: { path: '/api-clients', getHref: () => '/api-clients' },
  },
  campaigns: {
    list: { path: '/campaigns', getHref: () => '/campaigns' },
    campaign: {
      path: '/campaigns/:campaignId',
      getHref: (campaignId: number) => `/campaigns/${campaignId}`,
    },
    sample: {
      path: '/campaigns/:campaignId/sample',
      getHref: (campaignId: number) => `/campaigns/${campaignId}/sample`,
    },
    /** Staff registers: who is appointed in each organization, who is missing (issue 19). */
    staff: {
      path: '/campaigns/:campaignId/staff',
      getHref: (campaignId: number) => `/campaigns/${campaignId}/staff`,
    },
    /** One organization in the campaign: every section of where it stands (issue 20). */
    organization: {
      path: '/campaigns/:campaignId/organizations/:organizationId',
      getHref: (campaignId: number, organizationId: number) =>
        `/campaigns/${campaignId}/organizations/${organizationId}`,
    },
    /** The ВПР codes protocol of a school's subject (seed 004, 6.13.2). */
    codes: {
      path: '/campaigns/:campaignId/codes/:subjectKey',
      getHref: (campaignId: number, subjectKey: string) =>
        `/campaigns/${campaignId}/codes/${encodeURIComponent(subjectKey)}`,
    },
    protocol1: {
      path: '/campaigns/:campaignId/protocol1/:subjectKey',
      getHref: (campaignId: number, subjectKey: string) =>
        `/campaigns/${campaignId}/protocol1/${encodeURIComponent(subjectKey)}`,
    },
  },
  forum: {
    list: {
      path: '/forum',
      getHref: (campaignId?: number) => (campaignId ? `/forum?campaign=${campaignId}` : '/forum'),
    },
    ask: {
      path: '/forum/ask',
      getHref: (campaignId?: number, sectionId?: number) => {
        const query = new URLSearchParams();
        if (campaignId) query.set('campaign', String(campaignId));
        if (sectionId) query.set('section', String(sectionId));
        const text = query.toString();
        return `/forum/ask${text ? `?${text}` : ''}`;
      },
    },
    question: {
      path: '/forum/questions/:questionId',
      getHref: (questionId: number) => `/forum/questions/${questionId}`,
    },
  },
  notifications: {
    list: { path: '/notifications', getHref: () => '/notifications' },
  },
  cabinet: {
    home: { path: '/cabinet', getHref: () => '/cabinet' },
  },
  publications: {
    list: {
      path: '/publications',
      getHref: (search?: URLSearchParams) => {
        const query = search?.toString();
        return `/publications${query ? `?${query}` : ''}`;
      },
    },
    create: { path: '/publications/new', getHref: () => '/publications/new' },
    publication: {
      path: '/publications/:publicationId',
      getHref: (publicationId: number) => `/publications/${publicationId}`,
    },
    downloads: {
      path: '/publications/:publicationId/downloads',
      getHref: (publicationId: number) => `/publications/${publicationId}/downloads`,
    },
  },
  forms: {
    form: {
      path: '/forms/:formId',
      /** A coordinator names whose response to open: an organization's login or a municipality. */
      getHref: (
        formId: number,
        respondent?: { organization?: string; municipalityId?: number; regionPart?: string },
      ) => {
        const query = new URLSearchParams();
        if (respondent?.organization) query.set('organization', respondent.organization);
        if (respondent?.municipalityId !== undefined) {
          query.set('municipalityId', String(respondent.municipalityId));
        }
        if (respondent?.regionPart) query.set('regionPart', respondent.regionPart);
        const search = query.toString();
        return `/forms/${formId}${search ? `?${search}` : ''}`;
      },
    },
    monitoring: {
      path: '/forms/:formId/monitoring',
      getHref: (formId: number) => `/forms/${formId}/monitoring`,
    },
    /** The form designer: the next version of a published form. */
    design: {
      path: '/forms/:formId/design',
      getHref: (formId: number) => `/forms/${formId}/design`,
    },
    /** The form designer: a new form of a campaign. */
    create: {
      path: '/campaigns/:campaignId/forms/new',
      getHref: (campaignId: number) => `/campaigns/${campaignId}/forms/new`,
    },
  },
  questionnaires: {
    definitions: {
      path: '/campaigns/:campaignId/questionnaires',
      getHref: (campaignId: number) => `/campaigns/${campaignId}/questionnaires`,
    },
    monitoring: {
      path: '/campaigns/:campaignId/questionnaires/monitoring',
      getHref: (campaignId: number) => `/campaigns/${campaignId}/questionnaires/monitoring`,
    },
    create: {
      path: '/campaigns/:campaignId/questionnaires/new',
      getHref: (campaignId: number, category?: string) =>
        `/campaigns/${campaignId}/questionnaires/new${category ? `?category=${category}` : ''}`,
    },
    definition: {
      path: '/campaigns/:campaignId/questionnaires/:questionnaireId',
      getHref: (campaignId: number, questionnaireId: number, version?: number) =>
        `/campaigns/${campaignId}/questionnaires/${questionnaireId}${version ? `?version=${version}` : ''}`,
    },
    edit: {
      path: '/campaigns/:campaignId/questionnaires/:questionnaireId/edit',
      getHref: (campaignId: number, questionnaireId: number) =>
        `/campaigns/${campaignId}/questionnaires/${questionnaireId}/edit`,
    },
  },
  scans: {
    /** The collector: upload and checking progress, live (?campaign=&region=). */
    dashboard: {
      path: '/scans',
      getHref: (campaignId?: number, regionCode?: string) => {
        const query = new URLSearchParams();
        if (campaignId !== undefined) query.set('campaign', String(campaignId));
        if (regionCode) query.set('region', regionCode);
        const search = query.toString();
        return `/scans${search ? `?${search}` : ''}`;
      },
    },
    upload: {
      path: '/scans/upload',
      getHref: (campaignId?: number) =>
        `/scans/upload${campaignId !== undefined ? `?campaign=${campaignId}` : ''}`,
    },
    /** The sheets in error of an organization or of a batch, and its missing pages. */
    errors: {
      path: '/scans/errors',
      getHref: (campaignId: number, scope: { organizationId?: number; batchId?: number }) => {
        const query = new URLSearchParams({ campaign: String(campaignId) });
        if (scope.organizationId !== undefined) {
          query.set('organization', String(scope.organizationId));
        }
        if (scope.batchId !== undefined) query.set('batch', String(scope.batchId));
        return `/scans/errors?${query.toString()}`;
      },
    },
  },
  reports: {
    /** «Статистические отчёты»: the campaigns with reports. */
    list: { path: '/reports', getHref: () => '/reports' },
    /** A campaign's reports; the search names the subject and the unit (organizationId, …). */
    campaign: {
      path: '/reports/:campaignId',
      getHref: (campaignId: number, search?: URLSearchParams) => {
        const query = search?.toString();
        return `/reports/${campaignId}${query ? `?${query}` : ''}`;
      },
    },
  },
  scoring: {
    /** The expert's works to score. */
    tasks: { path: '/scoring', getHref: () => '/scoring' },
    task: {
      path: '/scoring/tasks/:taskId',
      getHref: (taskId: number) => `/scoring/tasks/${taskId}`,
    },
    /** The organizer's choice of campaign for schemes, experts, distribution and results. */
    admin: { path: '/scoring/admin', getHref: () => '/scoring/admin' },
    campaign: {
      path: '/campaigns/:campaignId/scoring',
      getHref: (campaignId: number, tab?: string) =>
        `/campaigns/${campaignId}/scoring${tab ? `?tab=${tab}` : ''}`,
    },
  },
  observers: {
    /** The observer's assignments, or the campaigns whose observers a coordinator manages. */
    home: { path: '/observers', getHref: () => '/observers' },
    campaign: {
      path: '/observers/:campaignId',
      getHref: (campaignId: number) => `/observers/${campaignId}`,
    },
  },
  questionnaireTake: {
    /** The participant's questionnaire (the link printed on every strip). */
    take: {
      path: '/q',
      getHref: (login?: string) => (login ? `/q?login=${encodeURIComponent(login)}` : '/q'),
    },
  },
} as const;

/**
 * The in-app path to return to after signing in, or the home page when `value` is missing or
 * could lead elsewhere: only a local path is accepted, so a crafted link
 * (`/login?returnTo=https://evil.example`, `//evil.example`) cannot send a user off the site.
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return paths.home.getHref();
  }
  if (value === paths.auth.login.path || value.startsWith(`${paths.auth.login.path}?`)) {
    return paths.home.getHref();
  }
  return value;
}
