import { screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { me } from '@/testing/data';
import { mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/test-utils';
import type {
  OrganizationOverview,
  OverviewForms,
  OverviewKits,
  OverviewObservers,
  OverviewPublications,
  OverviewQuestionnaires,
  OverviewReports,
  OverviewScans,
} from '@/types/api';

/** Sections load on their own; a loaded machine may take a while. */
const LOAD = { timeout: 5000 };

beforeAll(async () => {
  await import('../organization');
});

const BASE = '/api/campaigns/7/organizations/101/overview';

const overview = (overrides: Partial<OrganizationOverview> = {}): OrganizationOverview => ({
  organization: {
    id: 101,
    login: 'edu640021',
    name: 'МОУ СОШ № 1 г. Энгельса',
    regionCode: '64',
    municipalityId: 5,
    municipalityName: 'Энгельсский муниципальный район',
  },
  organizationKind: 'SCHOOL',
  regionName: 'Саратовская область',
  campaignId: 7,
  campaignTitle: 'ВПР 2026, весна',
  campaignKind: 'VPR',
  timeZone: 'Europe/Saratov',
  now: '2026-04-22T06:00:00Z',
  stages: [
    {
      code: 'CONDUCT',
      name: 'Проведение',
      opensAt: '2026-04-20T20:00:00Z',
      closesAt: '2026-04-21T20:00:00Z',
      scheduleClosesAt: '2026-05-16T20:00:00Z',
      extended: false,
      ownDays: true,
      state: 'CLOSED',
    },
    {
      code: 'RESULTS_PROTOCOL',
      name: 'Загрузка протоколов с результатами',
      opensAt: '2026-04-21T20:00:00Z',
      closesAt: '2026-06-03T20:00:00Z',
      scheduleClosesAt: '2026-05-21T20:00:00Z',
      extended: true,
      ownDays: true,
      state: 'OPEN',
    },
  ],
  ...overrides,
});

const forms: OverviewForms = {
  items: [
    {
      formId: 31,
      code: 'results-m4',
      title: 'Протокол результатов: математика, 4 класс',
      stage: 'RESULTS_PROTOCOL',
      status: 'SUBMITTED',
      submittedAt: '2026-04-22T05:30:00Z',
      submissions: 2,
    },
    {
      formId: 32,
      code: 'context',
      title: 'Контекстные данные',
      stage: 'CONTEXT_DATA',
      status: 'NOT_STARTED',
      submissions: 0,
    },
  ],
};

const publications: OverviewPublications = {
  items: [
    {
      publicationId: 41,
      title: 'Варианты ВПР, математика',
      releasedAt: '2026-04-21T04:00:00Z',
      files: 1,
      downloads: 0,
    },
  ],
};

const empty = { items: [] };

const sections = (page: OrganizationOverview = overview()) => ({
  [BASE]: page,
  [`${BASE}/forms`]: forms,
  [`${BASE}/publications`]: publications,
  [`${BASE}/scans`]: empty as OverviewScans,
  [`${BASE}/kits`]: empty as OverviewKits,
  [`${BASE}/questionnaires`]: empty as OverviewQuestionnaires,
  [`${BASE}/observers`]: {
    assigned: 0,
    present: 0,
    acts: 0,
    actsWithViolations: 0,
    items: [],
  } as OverviewObservers,
  [`${BASE}/reports`]: { opened: false, opens: 0 } as OverviewReports,
});

describe('an organization’s page in a campaign', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows its own deadlines in its region’s time, its reports and what it has not downloaded', async () => {
    mockApi({ '/api/me': me({ role: 'REGIONAL', regionCode: '64' }), ...sections() });
    renderApp('/campaigns/7/organizations/101');

    expect(
      await screen.findByRole('heading', { name: 'МОУ СОШ № 1 г. Энгельса' }, LOAD),
    ).toBeVisible();
    const conduct = await screen.findByTestId('overview-stage-CONDUCT', {}, LOAD);
    expect(conduct).toHaveTextContent('Свои дни проведения организации');
    expect(conduct).toHaveTextContent('21.04.2026 00:00 (Саратов)');
    const results = screen.getByTestId('overview-stage-RESULTS_PROTOCOL');
    expect(results).toHaveTextContent('04.06.2026 00:00 (Саратов)');
    expect(results).toHaveTextContent('Продлён; по плану-графику до 22.05.2026 00:00 (Саратов)');

    const protocol = await screen.findByTestId('overview-form-results-m4', {}, LOAD);
    expect(protocol).toHaveTextContent('Отчёт сдан');
    expect(protocol).toHaveTextContent('22.04.2026 09:30 (Саратов)');
    expect(
      within(protocol).getByRole('link', { name: 'Протокол результатов: математика, 4 класс' }),
    ).toHaveAttribute('href', '/forms/31?organization=edu640021');
    expect(screen.getByTestId('overview-form-context')).toHaveTextContent('Не начат');
    expect(screen.getByTestId('overview-forms-summary')).toHaveTextContent('Сдано отчётов: 1 из 2');

    expect(await screen.findByTestId('overview-publication-41', {}, LOAD)).toHaveTextContent(
      'Не скачано',
    );
    expect(screen.getByTestId('overview-scans')).toHaveTextContent(
      'Сканы работ этой организации ещё не загружались.',
    );
    expect(screen.queryByTestId('overview-kits')).not.toBeInTheDocument();
  }, 15_000);

  it('shows a point’s kits and questionnaires in an ОМК campaign', async () => {
    mockApi({
      ...sections(
        overview({ campaignKind: 'OMK', organizationKind: 'ASSESSMENT_POINT', stages: [] }),
      ),
      [`${BASE}/kits`]: {
        items: [
          {
            subjectKey: 'rus',
            subjectName: 'Русский язык',
            category: 'TEACHER',
            kits: 3,
            firstKit: 501501,
            lastKit: 501503,
          },
        ],
      },
      [`${BASE}/questionnaires`]: {
        items: [
          { subjectKey: 'rus', subjectName: 'Русский язык', kits: 3, started: 1, submitted: 1 },
        ],
      },
    });
    renderApp('/campaigns/7/organizations/101');

    expect(await screen.findByText('501501–501503', {}, LOAD)).toBeVisible();
    expect(screen.getByTestId('overview-kits')).toHaveTextContent('Учителя');
    const rus = await screen.findByTestId('overview-questionnaire-rus', {}, LOAD);
    expect(
      within(rus)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Русский язык', '3', '1', '1']);
  }, 15_000);

  it('shows its observers’ presence and acts and whether it opened its reports', async () => {
    mockApi({
      '/api/me': me({ role: 'MUNICIPAL', regionCode: '64' }),
      ...sections(),
      [`${BASE}/observers`]: {
        assigned: 2,
        present: 1,
        acts: 1,
        actsWithViolations: 1,
        items: [
          {
            day: '2026-04-21',
            activity: 'CONDUCT',
            presentAt: '2026-04-21T04:50:00Z',
            actSubmittedAt: '2026-04-21T09:10:00Z',
            violationsFound: true,
          },
          { day: '2026-04-22', activity: 'CHECKING' },
        ],
      },
      [`${BASE}/reports`]: {
        opened: true,
        opens: 2,
        firstOpenedAt: '2026-06-01T06:00:00Z',
        lastOpenedAt: '2026-06-02T07:30:00Z',
      },
    });
    renderApp('/campaigns/7/organizations/101');

    const totals = await screen.findByTestId('overview-observers-totals', {}, LOAD);
    expect(totals).toHaveTextContent(
      'Назначено: 2, присутствовали: 1, актов: 1, из них с нарушениями: 1.',
    );
    const visits = screen.getAllByTestId('overview-observer-visit');
    expect(visits[0]).toHaveTextContent('21.04.2026');
    expect(visits[0]).toHaveTextContent('Отметился в 21.04.2026 08:50');
    expect(visits[0]).toHaveTextContent('21.04.2026 13:10, нарушения выявлены');
    expect(visits[1]).toHaveTextContent('Не отмечался');
    expect(visits[1]).toHaveTextContent('Не подан');
    expect(
      within(screen.getByTestId('overview-observers')).getByRole('link', {
        name: 'Наблюдатели кампании',
      }),
    ).toHaveAttribute('href', '/observers/7');
    expect(await screen.findByTestId('overview-reports-state', {}, LOAD)).toHaveTextContent(
      'Отчёты открыты 2 раза: впервые 01.06.2026 10:00, последний раз 02.06.2026 11:30.',
    );
  }, 15_000);

  it('says so when the organization is outside the coordinator’s part', async () => {
    mockApi({
      '/api/me': me({ role: 'MUNICIPAL', regionCode: '64' }),
      [BASE]: problem(404, 'Not Found', 'Организация 101 не найдена среди участников кампании'),
      [`${BASE}/forms`]: problem(404, 'Not Found', 'Организация 101 не найдена'),
      [`${BASE}/publications`]: problem(404, 'Not Found', 'Организация 101 не найдена'),
      [`${BASE}/scans`]: problem(404, 'Not Found', 'Организация 101 не найдена'),
    });
    renderApp('/campaigns/7/organizations/101');

    expect(
      await screen.findByText('Не удалось открыть страницу организации', {}, LOAD),
    ).toBeVisible();
    expect(screen.getByText('Организация 101 не найдена среди участников кампании')).toBeVisible();
  }, 15_000);
});
