import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { campaign, me, organization, organizationPage } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/test-utils';

beforeAll(async () => {
  await import('../campaign');
});

const PACKETS = '/api/campaigns/7/logistics/packets';
const municipal = me({ role: 'MUNICIPAL', regionCode: '64', municipalityId: 101 });

const packet = {
  id: 1,
  packetNumber: '640001-01',
  organization: { id: 5001, login: 'edu640001', name: 'МОУ «СОШ № 3»', regionCode: '64' },
  acceptedBy: 'mun64101',
  acceptedAt: '2026-04-20T11:30:00Z',
};

describe('logistics on the campaign page', () => {
  let clicked: HTMLAnchorElement[];

  beforeEach(() => {
    clicked = [];
    URL.createObjectURL = vi.fn(() => 'blob:file');
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

  it('accepts a packet by organization login and lists it with time and accepter', async () => {
    let accepted = false;
    const api = mockApi({
      '/api/me': municipal,
      '/api/campaigns/7': campaign({ timeZone: 'Europe/Saratov' }),
      '/api/organizations': organizationPage([organization()]),
      [PACKETS]: (_, request) => {
        if (request.method === 'POST') {
          accepted = true;
          return json(packet, 201);
        }
        return {
          items: accepted ? [packet] : [],
          page: 0,
          size: 20,
          totalItems: accepted ? 1 : 0,
          totalPages: accepted ? 1 : 0,
        };
      },
    });
    const { user } = renderApp('/campaigns/7');
    const form = await screen.findByTestId('packet-form');
    await user.type(within(form).getByLabelText('Номер пакета'), '640001-01');
    await user.type(within(form).getByLabelText('Логин организации'), 'edu640001');
    await user.click(within(form).getByRole('button', { name: 'Принять пакет' }));

    expect(await within(form).findByTestId('packet-accepted')).toHaveTextContent(
      'Пакет 640001-01 от edu640001 принят 20.04.2026 15:30',
    );
    const post = api.requestsTo(PACKETS).find((r) => r.method === 'POST');
    expect(await post?.json()).toEqual({ packetNumber: '640001-01', organizationId: 5001 });
    const row = await screen.findByTestId('packet-row');
    expect(row).toHaveTextContent('640001-01');
    expect(row).toHaveTextContent('20.04.2026 15:30');
    expect(row).toHaveTextContent('mun64101');
  });

  it('shows who accepted the packet before when it is accepted twice (409)', async () => {
    mockApi({
      '/api/me': municipal,
      '/api/campaigns/7': campaign(),
      '/api/organizations': organizationPage([organization()]),
      [PACKETS]: (_, request) =>
        request.method === 'POST'
          ? problem(
              409,
              'Conflict',
              'Пакет 640001-01 уже принят: mun64101, 20.04.2026 14:30 (Europe/Moscow).',
            )
          : { items: [packet], page: 0, size: 20, totalItems: 1, totalPages: 1 },
    });
    const { user } = renderApp('/campaigns/7');
    const form = await screen.findByTestId('packet-form');
    await user.type(within(form).getByLabelText('Номер пакета'), '640001-01');
    await user.type(within(form).getByLabelText('Логин организации'), 'edu640001');
    await user.click(within(form).getByRole('button', { name: 'Принять пакет' }));

    const error = await within(form).findByTestId('packet-error');
    expect(error).toHaveTextContent('Этот пакет уже принят');
    expect(error).toHaveTextContent('mun64101, 20.04.2026 14:30');
    expect(within(form).queryByTestId('packet-accepted')).not.toBeInTheDocument();
  });

  it('says so when no organization has the login, sending nothing', async () => {
    const api = mockApi({
      '/api/me': municipal,
      '/api/campaigns/7': campaign(),
      '/api/organizations': organizationPage([]),
      [PACKETS]: { items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 },
    });
    const { user } = renderApp('/campaigns/7');
    const form = await screen.findByTestId('packet-form');
    await user.type(within(form).getByLabelText('Номер пакета'), '1');
    await user.type(within(form).getByLabelText('Логин организации'), 'edu649999');
    await user.click(within(form).getByRole('button', { name: 'Принять пакет' }));
    expect(await within(form).findByTestId('packet-error')).toHaveTextContent(
      'Организация с логином «edu649999» не найдена',
    );
    expect(api.requestsTo(PACKETS).filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('downloads the transfer statement of the municipal coordinator’s municipality', async () => {
    const api = mockApi({
      '/api/me': municipal,
      '/api/campaigns/7': campaign(),
      [PACKETS]: { items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 },
      '/api/campaigns/7/logistics/transfer-statement': () =>
        new Response(new Uint8Array(2048), {
          headers: {
            'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'Content-Disposition': 'attachment; filename="vedomost-64-101.xlsx"',
          },
        }),
    });
    const { user } = renderApp('/campaigns/7');
    await user.click(await screen.findByRole('button', { name: 'Скачать ведомость (.xlsx)' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]?.download).toBe('vedomost-64-101.xlsx');
    const query = api.lastQueryTo('/api/campaigns/7/logistics/transfer-statement');
    expect(query?.get('municipalityId')).toBe('101');
    expect(query?.get('regionCode')).toBe('64');
    // A municipal coordinator neither edits the schedule nor sees extensions.
    expect(screen.queryByRole('button', { name: 'Изменить план-график' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('extensions')).not.toBeInTheDocument();
  });
});
