import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { me, regionPage, saratov, tatarstan } from '@/testing/data';
import { mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/test-utils';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const xlsx = (bytes = 3 * 1024) =>
  new Response(new Uint8Array(bytes), { status: 200, headers: { 'Content-Type': XLSX } });

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

  it('issues for the chosen region and kinds and downloads the file', async () => {
    const api = mockApi({
      '/api/regions': regionPage([tatarstan, saratov]),
      '/api/credentials/issues': () => xlsx(),
    });
    const { user } = renderApp('/credentials');
    const button = await screen.findByRole('button', { name: 'Выдать и скачать' });
    expect(screen.getByTestId('credentials-warning')).toHaveTextContent(
      'Новые пароли заменят прежние: организации с выданными ранее паролями не смогут войти со старыми. Файл можно скачать только один раз — сохраните его.',
    );

    await user.selectOptions(await screen.findByLabelText('Регион'), '64');
    await user.click(screen.getByLabelText('Организация СПО'));
    await user.click(screen.getByLabelText('Общеобразовательная организация'));
    expect(button).toBeDisabled();
    await user.click(screen.getByLabelText(/Понимаю/));
    expect(button).toBeEnabled();
    await user.click(button);

    expect(await screen.findByTestId('credentials-saved')).toHaveTextContent('Файл сохранён: 3 КБ');
    const [request] = api.requestsTo('/api/credentials/issues');
    expect(request?.method).toBe('POST');
    expect(await request?.json()).toEqual({ regionCode: '64', kinds: ['SCHOOL', 'COLLEGE'] });
    expect(createObjectURL).toHaveBeenCalledWith(expect.objectContaining({ size: 3 * 1024 }));
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toBe('credentials-64.xlsx');
    expect(clicked[0]?.href).toBe('blob:credentials');
    // Another issue needs another confirmation.
    expect(button).toBeDisabled();
  });

  it('issues a regional coordinator its own region, every kind', async () => {
    const api = mockApi({
      '/api/me': me({ role: 'REGIONAL', regionCode: '64' }),
      '/api/credentials/issues': () => xlsx(),
    });
    const { user } = renderApp('/credentials');
    expect(await screen.findByTestId('credentials-region')).toHaveValue('64');

    await user.click(screen.getByLabelText(/Понимаю/));
    await user.click(screen.getByRole('button', { name: 'Выдать и скачать' }));

    await screen.findByTestId('credentials-saved');
    const [request] = api.requestsTo('/api/credentials/issues');
    expect(await request?.json()).toEqual({ regionCode: '64' });
    expect(api.requestsTo('/api/regions')).toHaveLength(0);
  });

  it('keeps the button disabled until the warning is confirmed', async () => {
    const api = mockApi({ '/api/me': me({ role: 'REGIONAL', regionCode: '64' }) });
    const { user } = renderApp('/credentials');
    const button = await screen.findByRole('button', { name: 'Выдать и скачать' });
    expect(button).toBeDisabled();
    await user.click(button);
    expect(api.requestsTo('/api/credentials/issues')).toHaveLength(0);

    await user.click(screen.getByLabelText(/Понимаю/));
    expect(button).toBeEnabled();
    await user.click(screen.getByLabelText(/Понимаю/));
    expect(button).toBeDisabled();
  });

  it('shows the problem detail when the server refuses', async () => {
    mockApi({
      '/api/me': me({ role: 'REGIONAL', regionCode: '64' }),
      '/api/credentials/issues': () =>
        problem(403, 'Forbidden', 'Выдавать пароли можно только для своего региона.'),
    });
    const { user } = renderApp('/credentials');
    await user.click(await screen.findByLabelText(/Понимаю/));
    await user.click(screen.getByRole('button', { name: 'Выдать и скачать' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Выдавать пароли можно только для своего региона.');
    await waitFor(() => expect(clicked).toHaveLength(0));
    expect(screen.queryByTestId('credentials-saved')).not.toBeInTheDocument();
  });
});
