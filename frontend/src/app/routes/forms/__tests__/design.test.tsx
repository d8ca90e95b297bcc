import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { campaign, me } from '@/testing/data';
import { json, mockApi } from '@/testing/fetch-mock';
import { protocol2 } from '@/testing/forms-data';
import { renderApp } from '@/testing/test-utils';
import type { FormDefinitionVersion } from '@/types/api';

// Issue 19: a region designs its own form (seed 003 11.4/12); the designer keeps its versions and
// sets the rows pre-filled per organization.
const versions: FormDefinitionVersion[] = [
  {
    version: 2,
    publishedAt: '2026-03-12T10:05:00Z',
    publishedBy: 'region64',
    publishedByName: 'Региональный координатор',
    title: 'Электронный протокол 2 (математика)',
    changes: ['Лист «Протокол 2»: добавлен столбец «Логин ОО, в которой работает учитель»'],
    current: true,
  },
  {
    version: 1,
    publishedAt: '2026-03-01T06:00:00Z',
    publishedBy: 'region64',
    title: 'Протокол 2',
    changes: [],
    current: false,
  },
];

const routes = (overrides = {}) => ({
  '/api/me': me({ role: 'REGIONAL', regionCode: '64', timeZone: 'Europe/Saratov' }),
  '/api/campaigns/7': campaign(),
  '/api/forms/31': protocol2({ region: '64' }),
  '/api/forms/31/versions': json(versions),
  '/api/forms/31/versions/1': protocol2({
    version: 1,
    title: 'Протокол 2',
    sheets: [{ ...protocol2().sheets[0]!, columns: protocol2().sheets[0]!.columns.slice(0, 2) }],
  }),
  ...overrides,
});

describe('the form designer of a published form', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists the versions: who, when in whose time, what changed; opens an earlier one', async () => {
    mockApi(routes());
    const { user } = renderApp('/forms/31/design');

    expect(await screen.findByTestId('designer-regional', {}, { timeout: 5000 })).toBeVisible();
    const items = await screen.findAllByTestId('definition-version');
    expect(items[0]).toHaveTextContent(
      'Версия 2 (действующая) — опубликовал(а) Региональный координатор (region64) 12.03.2026 14:05 (Саратов)',
    );
    expect(items[0]).toHaveTextContent('добавлен столбец «Логин ОО, в которой работает учитель»');
    expect(items[1]).toHaveTextContent('Первая версия.');

    await user.click(within(items[1]!).getByRole('button', { name: 'Открыть версию 1' }));
    const view = await screen.findByTestId('definition-version-view');
    expect(view).toHaveTextContent('«Протокол 2», версия 1 — только для просмотра.');
    expect(view).toHaveTextContent('Комментарий');
    expect(view).not.toHaveTextContent('Логин ОО, в которой работает учитель');
  }, 15_000);

  it('saves rows pasted from Excel as each organization’s pre-filled rows', async () => {
    const api = mockApi(routes({ '/api/forms/31/prefill': json({ organizations: 2, rows: 3 }) }));
    const { user } = renderApp('/forms/31/design');

    const rows = await screen.findByTestId('designer-prefill-rows', {}, { timeout: 5000 });
    await user.click(rows);
    await user.paste('ppo640001\t501501\nppo640001\t501502\nppo640002\t501601\n');
    await user.click(screen.getByRole('button', { name: 'Сохранить 3 строки для 2 организаций' }));
    expect(await screen.findByTestId('designer-prefill-saved')).toHaveTextContent(
      'Сохранено: 3 строки для 2 организаций.',
    );
    const put = api.requestsTo('/api/forms/31/prefill')[0];
    expect(await put?.json()).toEqual({
      sheet: 'kits',
      organizations: [
        { organization: 'ppo640001', rows: [{ kit: '501501' }, { kit: '501502' }] },
        { organization: 'ppo640002', rows: [{ kit: '501601' }] },
      ],
    });
  }, 15_000);

  it('still says which version went out once the page is redrawn for the next one', async () => {
    // The defect of session 7: publishing redrew the designer for the next version, and the
    // «Опубликована версия» notice went with it.
    let version = 1;
    mockApi(
      routes({
        '/api/forms/31': (_url: URL, request: Request) => {
          if (request.method === 'PUT') version += 1;
          return json(protocol2({ region: '64', version }));
        },
      }),
    );
    const { user } = renderApp('/forms/31/design');

    const title = await screen.findByTestId('designer-title', {}, { timeout: 5000 });
    await user.clear(title);
    await user.type(title, 'Протокол 2 (уточнённый)');
    await user.click(screen.getByRole('button', { name: 'Опубликовать версию 2' }));

    expect(await screen.findByRole('button', { name: 'Опубликовать версию 3' })).toBeVisible();
    expect(await screen.findByTestId('designer-published')).toHaveTextContent(
      'Опубликована версия 2.',
    );
  }, 15_000);

  it('refuses a region the federal organizer’s form', async () => {
    mockApi(routes({ '/api/forms/31': protocol2() }));
    renderApp('/forms/31/design');
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(
      'Эту форму определил федеральный организатор: изменить её может только он.',
    );
  });
});
