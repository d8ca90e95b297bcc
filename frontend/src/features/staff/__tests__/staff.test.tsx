import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { campaign, me } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/test-utils';
import type { StaffCoveragePage } from '@/types/api';

vi.mock('@/features/notifications/api/live-notifications', () => ({
  listenForNotifications: () => ({ stop: () => {} }),
}));

const region = me({ login: 'region64', role: 'REGIONAL', regionCode: '64' });

const page = (overrides: Partial<StaffCoveragePage> = {}): StaffCoveragePage => ({
  page: 0,
  size: 50,
  totalItems: 2,
  totalPages: 1,
  summary: { organizations: 2, withoutResponsible: 1, withoutClassroom: 2, withoutTechnical: 2 },
  items: [
    {
      organizationId: 1,
      organizationLogin: 'edu640001',
      organizationName: 'Школа № 1',
      municipalityName: 'Город Саратов',
      members: [
        {
          duty: 'RESPONSIBLE_ORGANIZER',
          fullName: 'Иванова Анна Петровна',
          phone: '+79271112233',
          email: 'ivanova@school1.ru',
        },
      ],
      missing: ['CLASSROOM_ORGANIZER', 'TECHNICAL_SPECIALIST'],
    },
    {
      organizationId: 2,
      organizationLogin: 'edu640002',
      organizationName: 'Школа № 2',
      members: [],
      missing: ['RESPONSIBLE_ORGANIZER', 'CLASSROOM_ORGANIZER', 'TECHNICAL_SPECIALIST'],
    },
  ],
  ...overrides,
});

describe('the staff registers', () => {
  it('show the region who is missing and why its list cannot go yet', async () => {
    const api = mockApi({
      '/api/me': region,
      '/api/campaigns/7': campaign(),
      '/api/campaigns/7/staff': page(),
      '/api/campaigns/7/staff/submissions': (_url, request) =>
        request.method === 'POST'
          ? problem(
              409,
              'Conflict',
              'Список не отправлен: в 1 организации выборки не назначен ответственный организатор — Школа № 2 (edu640002).',
            )
          : json([]),
    });
    renderApp('/campaigns/7/staff');
    const user = userEvent.setup();

    const summary = await screen.findByTestId('staff-summary', {}, { timeout: 8000 });
    expect(summary).toHaveTextContent('Организаций в выборке: 2');
    expect(summary).toHaveTextContent('Без ответственного организатора: 1');
    const rows = screen.getAllByTestId('staff-row');
    expect(within(rows[0]!).getByText(/Иванова Анна Петровна/)).toBeInTheDocument();
    expect(within(rows[0]!).getByText(/\+79271112233/)).toBeInTheDocument();
    expect(within(rows[1]!).getByTestId('staff-missing')).toHaveTextContent(
      'нет ответственного организатора',
    );
    expect(screen.getByTestId('staff-not-sent')).toHaveTextContent('Список ещё не отправлен.');

    // It opens on the organizations where someone is missing, a page of 20 (issue 21: the whole
    // sample as cards was 28 600 px tall on a phone); «Все организации» shows the rest.
    const first = api.lastQueryTo('/api/campaigns/7/staff');
    expect(first?.get('missingOnly')).toBe('true');
    expect(first?.get('size')).toBe('20');
    expect(screen.getByTestId('staff-missing-only')).toBeChecked();
    expect(screen.getByTestId('staff-shown')).toHaveTextContent(
      'Организаций, где кого-то не хватает: 2.',
    );
    await user.click(screen.getByLabelText('Все организации (2)'));
    await waitFor(() =>
      expect(api.lastQueryTo('/api/campaigns/7/staff')?.get('missingOnly')).toBeNull(),
    );
    expect(await screen.findByText('Все организации выборки: 2.')).toBeInTheDocument();

    await user.click(screen.getByTestId('staff-submit'));
    expect(await screen.findByText(/Школа № 2 \(edu640002\)/)).toBeInTheDocument();
  }, 20_000);

  it('shows the federal organizer the lists the regions sent, in the region’s time', async () => {
    mockApi({
      '/api/campaigns/7': campaign(),
      '/api/regions': json({ page: 0, size: 100, totalItems: 0, totalPages: 0, items: [] }),
      '/api/campaigns/7/staff/submissions': json([
        {
          regionCode: '64',
          regionName: 'Саратовская область',
          submittedAt: '2026-03-02T09:30:00Z',
          submittedBy: 'region64',
          organizations: 40,
          timeZone: 'Europe/Saratov',
        },
      ]),
    });
    renderApp('/campaigns/7/staff');
    const sent = await screen.findByTestId('staff-sent', {}, { timeout: 8000 });
    expect(sent).toHaveTextContent('Саратовская область');
    expect(sent).toHaveTextContent('02.03.2026 13:30 (Саратов)');
    expect(sent).toHaveTextContent('организаций: 40');
    expect(screen.queryByTestId('staff-upload')).not.toBeInTheDocument();
  }, 20_000);

  it('pages the organizations and, once nobody is missing, offers all of them', async () => {
    const api = mockApi({
      '/api/me': region,
      '/api/campaigns/7': campaign(),
      '/api/campaigns/7/staff/submissions': json([]),
      '/api/campaigns/7/staff': (url) =>
        url.searchParams.get('missingOnly') === 'true'
          ? page({
              totalItems: 0,
              totalPages: 0,
              items: [],
              summary: {
                organizations: 45,
                withoutResponsible: 0,
                withoutClassroom: 0,
                withoutTechnical: 0,
              },
            })
          : page({ size: 20, totalItems: 45, totalPages: 3 }),
    });
    renderApp('/campaigns/7/staff');
    const user = userEvent.setup();

    const empty = await screen.findByText(
      /Во всех организациях назначены все/,
      {},
      { timeout: 8000 },
    );
    await user.click(within(empty).getByRole('button', { name: 'Показать все организации' }));

    expect(await screen.findByTestId('staff-shown')).toHaveTextContent(
      'Все организации выборки: 45 — по 20 на странице, страница 1 из 3.',
    );
    expect(screen.getByTestId('staff-show-all')).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Далее →' }));
    await waitFor(() => expect(api.lastQueryTo('/api/campaigns/7/staff')?.get('page')).toBe('1'));
    expect(await screen.findByText('Страница 2 из 3')).toBeInTheDocument();
  }, 20_000);
});
