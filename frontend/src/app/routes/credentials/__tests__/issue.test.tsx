import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { CredentialHandout } from '@/types/api';
import { me, regionPage, saratov } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/test-utils';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const xlsx = (bytes = 3 * 1024) =>
  new Response(new Uint8Array(bytes), { status: 200, headers: { 'Content-Type': XLSX } });

const campaigns = {
  page: 0,
  size: 100,
  totalItems: 1,
  totalPages: 1,
  items: [{ id: 7, title: 'ВПР-2026, весна' }],
};

const handout = (over: Partial<CredentialHandout> = {}): CredentialHandout => ({
  id: 12,
  regionCode: '64',
  campaignId: 7,
  campaignTitle: 'ВПР-2026, весна',
  scope: 'ВПР-2026, весна — выборка региона 64',
  accounts: 312,
  resets: 300,
  issuedBy: 'federal',
  issuedAt: '2026-03-12T10:05:00Z',
  timeZone: 'Europe/Saratov',
  downloadable: true,
  parts: [
    {
      id: 31,
      municipalityId: 101,
      municipalityName: 'Энгельсский муниципальный район',
      accounts: 20,
      passable: true,
      downloadable: false,
    },
  ],
  ...over,
});

const handoutPage = (...items: CredentialHandout[]) => ({
  page: 0,
  size: 10,
  totalItems: items.length,
  totalPages: 1,
  items,
});

describe('credentials page', () => {
  let clicked: HTMLAnchorElement[];
  const createObjectURL = vi.fn<(blob: Blob) => string>(() => 'blob:credentials');

  beforeEach(() => {
    clicked = [];
    // jsdom has no object URLs.
    createObjectURL.mockClear();
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it.each([
    ['FEDERAL', me()],
    ['REGIONAL', me({ role: 'REGIONAL', regionCode: '64' })],
  ])('is in the navigation for %s', async (_, account) => {
    mockApi({ '/api/me': account, '/api/regions': regionPage([saratov]) });
    renderApp('/orgs');
    const nav = await screen.findByRole('navigation', { name: 'Основная навигация' });
    expect(await within(nav).findByRole('link', { name: 'Журнал аудита' })).toHaveAttribute(
      'href',
      '/audit',
    );
    expect(within(nav).getByRole('link', { name: 'Выдача логинов и паролей' })).toHaveAttribute(
      'href',
      '/credentials',
    );
  });

  it('is not in the navigation for other roles', async () => {
    mockApi({
      '/api/me': me({ role: 'MUNICIPAL', regionCode: '64', municipalityId: 101 }),
      '/api/regions': regionPage([saratov]),
    });
    renderApp('/orgs');
    await screen.findByTestId('account-name');
    const nav = screen.getByRole('navigation', { name: 'Основная навигация' });
    expect(within(nav).getByRole('link', { name: 'Регионы и организации' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Журнал аудита' })).not.toBeInTheDocument();
    expect(
      within(nav).queryByRole('link', { name: 'Выдача логинов и паролей' }),
    ).not.toBeInTheDocument();
  });

  it('shows the count to confirm, issues exactly it and lists the hand-out', async () => {
    const api = mockApi({
      '/api/me': me({ role: 'REGIONAL', regionCode: '64' }),
      '/api/campaigns': campaigns,
      '/api/credential-handouts/preview': {
        accounts: 312,
        resets: 300,
        scope: 'ВПР-2026, весна — выборка региона 64',
        message:
          'Будет выдано 312 логинов; у 300 из них прежние пароли перестанут действовать, а входы в систему будут завершены.',
      },
      '/api/credential-handouts': (_url, request) =>
        request.method === 'POST' ? json(handout(), 201) : handoutPage(),
    });
    const { user } = renderApp('/credentials');
    await user.selectOptions(await screen.findByLabelText(/Кампания/), '7');

    const preview = await screen.findByTestId('handout-preview');
    expect(preview).toHaveTextContent('Будет выдано 312 логинов; у 300 из них прежние пароли');
    const button = screen.getByRole('button', { name: 'Выдать логины (312)' });
    expect(button).toBeDisabled();
    await user.click(within(preview).getByLabelText(/Подтверждаю: выдать 312 логинов/));
    await user.click(button);

    expect(await screen.findByTestId('handout-created')).toHaveTextContent('Выдано: 312');
    const posted = api.requestsTo('/api/credential-handouts').find((r) => r.method === 'POST');
    expect(await posted?.json()).toEqual({ regionCode: '64', campaignId: 7, confirmedCount: 312 });
    const [asked] = api.requestsTo('/api/credential-handouts/preview');
    expect(new URL(asked!.url).searchParams.get('campaignId')).toBe('7');
  });

  it('lets the region download a list once and pass a municipality its part', async () => {
    let downloaded = false;
    const api = mockApi({
      '/api/me': me({ role: 'REGIONAL', regionCode: '64' }),
      '/api/campaigns': campaigns,
      '/api/credential-handouts': () =>
        handoutPage(
          downloaded
            ? handout({
                downloadable: false,
                downloadedBy: 'region64',
                downloadedAt: '2026-03-12T11:00:00Z',
              })
            : handout(),
        ),
      '/api/credential-handouts/12/file': () => {
        downloaded = true;
        return xlsx();
      },
      '/api/credential-handout-parts/31/pass': () => handout(),
    });
    const { user } = renderApp('/credentials');
    const item = await screen.findByTestId('handout');
    // The region's time, its city named.
    expect(item).toHaveTextContent('выдал federal 12.03.2026 14:05 (Саратов)');
    await user.click(within(item).getByRole('button', { name: 'Скачать список (один раз)' }));

    expect(await screen.findByTestId('handout-downloaded')).toHaveTextContent(
      'Список скачан: region64, 12.03.2026 15:00 (Саратов)',
    );
    expect(clicked[0]?.download).toBe('logins-12.xlsx');
    await user.click(screen.getByRole('button', { name: 'Передать муниципалитету' }));
    await waitFor(() =>
      expect(api.requestsTo('/api/credential-handout-parts/31/pass')).toHaveLength(1),
    );
  });

  it('shows a municipality the part passed to it, with its one download', async () => {
    const passed = handout({
      downloadable: false,
      parts: [
        {
          id: 31,
          municipalityId: 101,
          municipalityName: 'Энгельсский муниципальный район',
          accounts: 20,
          passable: false,
          downloadable: true,
          passedBy: 'region64',
          passedAt: '2026-03-12T12:00:00Z',
        },
      ],
    });
    mockApi({
      '/api/me': me({ role: 'MUNICIPAL', regionCode: '64', municipalityId: 101 }),
      '/api/credential-handouts': handoutPage(passed),
      '/api/credential-handout-parts/31/file': () => xlsx(),
    });
    const { user } = renderApp('/credentials');
    expect(await screen.findByRole('heading', { name: 'Логины организаций' })).toBeInTheDocument();
    expect(screen.queryByTestId('handout-form')).not.toBeInTheDocument();
    const part = await screen.findByTestId('handout-part');
    expect(part).toHaveTextContent('Передано: region64, 12.03.2026 16:00 (Саратов)');
    await user.click(within(part).getByRole('button', { name: 'Скачать логины (один раз)' }));
    await waitFor(() => expect(clicked[0]?.download).toBe('logins-part-31.xlsx'));
  });

  it('shows why a hand-out cannot be issued', async () => {
    mockApi({
      '/api/me': me({ role: 'REGIONAL', regionCode: '64' }),
      '/api/campaigns': campaigns,
      '/api/credential-handouts': handoutPage(),
      '/api/credential-handouts/preview': () =>
        problem(
          422,
          'Unprocessable',
          'В опубликованной выборке кампании «ВПР-2026, весна» нет организаций региона 64.',
        ),
    });
    const { user } = renderApp('/credentials');
    await user.selectOptions(await screen.findByLabelText(/Кампания/), '7');
    expect(await screen.findByRole('alert')).toHaveTextContent('нет организаций региона 64');
    expect(screen.getByRole('button', { name: 'Выдать логины' })).toBeDisabled();
  });
});
