import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { ApiClient } from '@/types/api';
import { me } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/test-utils';

const LOAD = { timeout: 5000 };
/** Typing and clicking through a form takes a while on a loaded machine. */
const SLOW = 30_000;

const region64 = me({
  login: 'region64',
  role: 'REGIONAL',
  regionCode: '64',
  timeZone: 'Europe/Saratov',
});

const client = (overrides: Partial<ApiClient> = {}): ApiClient => ({
  clientId: 'r64-mias',
  name: 'МИАС Саратовской области',
  regionCode: '64',
  status: 'ACTIVE',
  createdBy: 'region64',
  createdAt: '2026-04-01T07:00:00Z',
  ...overrides,
});

describe('external systems (API clients) page', () => {
  it(
    'lists the region’s systems with what each may do, times in the region’s city',
    async () => {
      mockApi({
        '/api/me': region64,
        '/api/api-clients': {
          items: [
            client({ operations: ['changes'], eventTypes: ['forms.FormSubmitted'] }),
            client({
              clientId: 'r64-old',
              name: 'Старая система',
              status: 'REVOKED',
              revokedAt: '2026-04-02T10:00:00Z',
              revokedBy: 'region64',
            }),
          ],
        },
      });
      renderApp('/api-clients');
      const cards = await screen.findAllByTestId('client-card', {}, LOAD);
      expect(cards).toHaveLength(2);
      const [active, old] = cards as [HTMLElement, HTMLElement];
      expect(within(active).getByTestId('client-allowed-operations')).toHaveTextContent(
        'Лента изменений',
      );
      expect(within(active).getByTestId('client-allowed-events')).toHaveTextContent('Форма сдана');
      expect(active).toHaveTextContent('01.04.2026 11:00 (Саратов)');
      expect(within(old).getByTestId('client-status')).toHaveTextContent('Отозван');
      expect(within(old).queryByRole('button', { name: 'Сменить секрет' })).toBeNull();
      expect(
        screen.getByRole('heading', { level: 1, name: 'Внешние системы' }),
      ).toBeInTheDocument();
    },
    SLOW,
  );

  it(
    'registers a system restricted to the feed and shows its secret once',
    async () => {
      const api = mockApi({
        '/api/me': region64,
        '/api/api-clients': (_url, request) =>
          request.method === 'POST'
            ? json(
                {
                  client: client({ clientId: 'r64-new', name: 'РЦОИ', operations: ['changes'] }),
                  secret: 'ocs_secret-shown-once',
                },
                201,
              )
            : json({ items: [] }),
      });
      const { user } = renderApp('/api-clients');
      await user.click(await screen.findByTestId('client-new', {}, LOAD));
      await user.type(screen.getByTestId('client-name'), 'РЦОИ');
      const operations = screen.getByTestId('client-operations');
      for (const name of [
        'Выгрузки (в том числе фоновые)',
        'Сдача форм от имени организаций',
        'Чтение данных (организации, кампании, формы, мониторинг)',
      ]) {
        await user.click(within(operations).getByRole('checkbox', { name }));
      }
      await user.click(screen.getByRole('button', { name: 'Зарегистрировать и показать секрет' }));

      expect(await screen.findByTestId('shown-secret', {}, LOAD)).toHaveTextContent(
        'ocs_secret-shown-once',
      );
      expect(screen.getByTestId('shown-client-id')).toHaveTextContent('r64-new');
      const sent = api.requestsTo('/api/api-clients').find((r) => r.method === 'POST');
      // every event ticked means no restriction: the field is left out
      expect(await sent?.json()).toEqual({ name: 'РЦОИ', operations: ['changes'] });
      await user.click(screen.getByRole('button', { name: 'Секрет сохранён, закрыть' }));
      expect(screen.queryByTestId('shown-secret')).toBeNull();
    },
    SLOW,
  );

  it(
    'rotates a secret (the old one’s end named in the region’s time) and revokes after asking',
    async () => {
      const api = mockApi({
        '/api/me': region64,
        '/api/api-clients': { items: [client()] },
        '/api/api-clients/r64-mias/secret': {
          secret: 'ocs_rotated',
          previousValidUntil: '2026-04-03T07:00:00Z',
        },
        '/api/api-clients/r64-mias': () => new Response(null, { status: 204 }),
      });
      const { user } = renderApp('/api-clients');
      const card = await screen.findByTestId('client-card', {}, LOAD);
      await user.click(within(card).getByRole('button', { name: 'Сменить секрет' }));
      const shown = await screen.findByTestId('secret-once', {}, LOAD);
      expect(shown).toHaveTextContent('ocs_rotated');
      expect(shown).toHaveTextContent('Старый секрет действует до 03.04.2026 11:00 (Саратов)');

      await user.click(within(card).getByRole('button', { name: 'Отозвать' }));
      expect(api.requestsTo('/api/api-clients/r64-mias')).toHaveLength(0);
      await user.click(within(card).getByRole('button', { name: 'Да, отозвать' }));
      await waitFor(() =>
        expect(
          api.requestsTo('/api/api-clients/r64-mias').filter((r) => r.method === 'DELETE'),
        ).toHaveLength(1),
      );
    },
    SLOW,
  );

  it(
    'says why when a system cannot be registered',
    async () => {
      mockApi({
        '/api/me': region64,
        '/api/api-clients': (_url, request) =>
          request.method === 'POST'
            ? problem(409, 'Конфликт', 'Клиент «r64-mias» уже есть: выберите другой идентификатор.')
            : json({ items: [] }),
      });
      const { user } = renderApp('/api-clients');
      await user.click(await screen.findByTestId('client-new', {}, LOAD));
      await user.type(screen.getByTestId('client-name'), 'Дубль');
      await user.type(screen.getByTestId('client-id'), 'r64-mias');
      await user.click(screen.getByRole('button', { name: 'Зарегистрировать и показать секрет' }));
      expect(
        await screen.findByText(/уже есть: выберите другой идентификатор/, {}, LOAD),
      ).toBeVisible();
    },
    SLOW,
  );
});
