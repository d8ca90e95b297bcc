import { File as NodeFile } from 'node:buffer';

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import {
  campaign,
  me,
  organizationBrief,
  sampleEntry,
  sampleEntryPage,
  sampleSummary,
} from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/test-utils';

beforeAll(async () => {
  await import('../sample');
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// jsdom's File cannot be a fetch body in Node; a browser's can. Node's File stands in for it.
const workbook = (name = 'spisok.xlsx') =>
  new NodeFile([new Uint8Array([80, 75, 3, 4, 1, 2])], name, { type: XLSX }) as unknown as File;

const regional = me({ role: 'REGIONAL', regionCode: '64' });
const municipal = me({ role: 'MUNICIPAL', regionCode: '64', municipalityId: 101 });
const UPLOAD = '/api/campaigns/7/regions/64/preliminary-list/upload';

const summaryRow = {
  regionCode: '64',
  regionName: 'Саратовская область',
  proposed: 40,
  selected: 10,
  withdrawn: 1,
  verified: 3,
};

const common = {
  '/api/campaigns/7': campaign(),
  '/api/campaigns/7/sample': sampleEntryPage([sampleEntry()]),
  '/api/campaigns/7/sample/summary': sampleSummary([summaryRow]),
};

describe('sample page, regional coordinator', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('uploads the filled list as the raw body and shows every error as a table', async () => {
    const api = mockApi({
      ...common,
      '/api/me': regional,
      [UPLOAD]: () =>
        json(
          {
            title: 'Unprocessable',
            status: 422,
            detail: 'В файле 2 ошибки.',
            errors: [
              {
                sheet: 'Список',
                cell: 'E14',
                value: 'много',
                message: 'Нужно целое число участников',
              },
              {
                sheet: 'Список',
                cell: 'C20',
                value: 'деревня',
                message: 'Вид населённого пункта: город, ПГТ или село',
              },
            ],
          },
          422,
        ),
    });
    const { user } = renderApp('/campaigns/7/sample');
    await user.upload(await screen.findByLabelText('Загрузить заполненный'), workbook());

    const table = await screen.findByTestId('problem-errors');
    const rows = within(table).getAllByTestId('problem-error-row');
    expect(rows).toHaveLength(2);
    expect(
      within(rows[0]!)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Список', 'E14', 'много', 'Нужно целое число участников']);
    expect(rows[1]).toHaveTextContent('C20');
    expect(screen.getByText('Файл не принят: найдено ошибок — 2')).toBeInTheDocument();

    const [request] = api.requestsTo(UPLOAD);
    expect(request?.method).toBe('POST');
    expect(request?.headers.get('Content-Type')).toBe(XLSX);
    expect(request?.headers.get('Authorization')).toBe('Bearer access-1');
    expect(new Uint8Array(await request!.arrayBuffer())).toEqual(
      new Uint8Array([80, 75, 3, 4, 1, 2]),
    );
  });

  it('says prominently that the stage is closed (409)', async () => {
    mockApi({
      ...common,
      '/api/me': regional,
      [UPLOAD]: () =>
        problem(
          409,
          'Conflict',
          'Этап «Предварительный список ОО» закрыт 20.02.2026 18:00 (Europe/Saratov).',
        ),
    });
    const { user } = renderApp('/campaigns/7/sample');
    await user.upload(await screen.findByLabelText('Загрузить заполненный'), workbook());
    const conflict = await screen.findByTestId('upload-conflict');
    expect(conflict).toHaveTextContent('Загрузка сейчас невозможна');
    expect(conflict).toHaveTextContent('закрыт 20.02.2026 18:00');
    expect(screen.queryByTestId('problem-errors')).not.toBeInTheDocument();
  });

  it('reports the stored list and shows the region without draw or publish', async () => {
    mockApi({ ...common, '/api/me': regional, [UPLOAD]: { regionCode: '64', proposed: 42 } });
    const { user } = renderApp('/campaigns/7/sample');
    // The page is titled as the campaign page's link to it reads, and the breadcrumbs name the
    // campaign, not «Кампания» (issue 21).
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Предварительный список и выборка' }),
    ).toBeInTheDocument();
    const crumbs = screen.getByRole('navigation', { name: 'Навигационная цепочка' });
    expect(within(crumbs).getByRole('link', { name: 'ВПР 2026, весна' })).toHaveAttribute(
      'href',
      '/campaigns/7',
    );
    await user.upload(await screen.findByLabelText('Загрузить заполненный'), workbook());
    expect(await screen.findByTestId('preliminary-saved')).toHaveTextContent(
      'Список сохранён: 42 организации',
    );
    expect(screen.getByRole('button', { name: 'Скачать шаблон' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Сформировать выборку' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Опубликовать/ })).not.toBeInTheDocument();
    expect(
      within(await screen.findByTestId('sample-row')).getByText('В выборке'),
    ).toBeInTheDocument();
  });
});

describe('sample page, municipal coordinator', () => {
  afterEach(() => vi.unstubAllGlobals());

  const diff = {
    id: 31,
    uploadedAt: '2026-03-05T08:00:00Z',
    uploadedBy: 'mun64101',
    rows: 12,
    changes: [
      {
        organization: organizationBrief(),
        field: 'participants',
        fieldName: 'Количество участников',
        before: '54',
        after: '57',
      },
      {
        organization: organizationBrief({ id: 5002, login: 'edu640002', name: 'МОУ «Лицей № 1»' }),
        field: 'participates',
        fieldName: 'Участвует',
        before: 'да',
        after: 'нет',
      },
    ],
  };

  it('shows the changes of the uploaded form and confirms them', async () => {
    const api = mockApi({
      ...common,
      '/api/me': municipal,
      '/api/campaigns/7/sample': sampleEntryPage([
        sampleEntry({ verifiedAt: '2026-03-05T08:10:00Z', verifiedBy: 'mun64101' }),
      ]),
      '/api/campaigns/7/sample/verification-uploads': () => json(diff, 201),
      '/api/campaigns/7/sample/verification-uploads/31/confirm': {
        ...diff,
        confirmedAt: '2026-03-05T08:10:00Z',
      },
    });
    const { user } = renderApp('/campaigns/7/sample');
    expect(
      await screen.findByRole('heading', { name: 'Выверка списка ОО', level: 2 }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Сформировать выборку' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Опубликовать/ })).not.toBeInTheDocument();
    expect(screen.queryByTestId('preliminary-list')).not.toBeInTheDocument();
    expect(screen.queryByTestId('sample-summary')).not.toBeInTheDocument();

    await user.upload(
      screen.getByLabelText('Загрузить заполненную форму'),
      workbook('vyverka.xlsx'),
    );
    const table = await screen.findByTestId('verification-diff');
    const rows = within(table).getAllByTestId('diff-row');
    expect(
      within(rows[0]!)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['edu640001 МОУ «СОШ № 3» г. Энгельса', 'Количество участников', '54', '57']);
    expect(rows[1]).toHaveTextContent('Участвуетданет');
    expect(table).toHaveTextContent('Организаций в форме: 12');
    expect(api.requestsTo('/api/campaigns/7/sample/verification-uploads/31/confirm')).toHaveLength(
      0,
    );

    await user.click(within(table).getByRole('button', { name: 'Подтвердить изменения' }));
    expect(await screen.findByTestId('verification-applied')).toHaveTextContent(
      'Изменения применены (2)',
    );
    const confirms = api.requestsTo('/api/campaigns/7/sample/verification-uploads/31/confirm');
    expect(confirms).toHaveLength(1);
    expect(confirms[0]?.method).toBe('POST');
    expect(screen.queryByTestId('verification-diff')).not.toBeInTheDocument();
    expect(await screen.findByText('Выверена 05.03.2026')).toBeInTheDocument();
  });

  it('discards the changes on «Отменить» without applying them', async () => {
    const api = mockApi({
      ...common,
      '/api/me': municipal,
      '/api/campaigns/7/sample/verification-uploads': () => json(diff, 201),
    });
    const { user } = renderApp('/campaigns/7/sample');
    await user.upload(await screen.findByLabelText('Загрузить заполненную форму'), workbook());
    const table = await screen.findByTestId('verification-diff');
    await user.click(within(table).getByRole('button', { name: 'Отменить' }));
    expect(screen.queryByTestId('verification-diff')).not.toBeInTheDocument();
    expect(api.requestsTo('/api/campaigns/7/sample/verification-uploads/31/confirm')).toHaveLength(
      0,
    );
  });
});

describe('sample page, federal organizer', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('draws with the shown seed, publishes a region and includes an organization', async () => {
    const api = mockApi({
      ...common,
      '/api/campaigns/7/sample': sampleEntryPage([
        sampleEntry(),
        sampleEntry({
          organization: organizationBrief({ id: 5002, login: 'edu640002', name: 'Лицей № 1' }),
          status: 'PROPOSED',
          published: false,
        }),
      ]),
      '/api/campaigns/7/sample/draw': sampleSummary([summaryRow]),
      '/api/campaigns/7/sample/publish': sampleSummary([
        { ...summaryRow, publishedAt: '2026-03-01T09:00:00Z' },
      ]),
      '/api/campaigns/7/sample/selection': sampleSummary([summaryRow]),
    });
    const { user } = renderApp('/campaigns/7/sample');
    const seed = await screen.findByLabelText('Начальное число (seed)');
    const shownSeed = (seed as HTMLInputElement).value;
    expect(shownSeed).toMatch(/^\d+$/);
    await user.clear(screen.getByLabelText('Организаций от региона'));
    await user.type(screen.getByLabelText('Организаций от региона'), '15');
    await user.click(screen.getByRole('button', { name: 'Сформировать выборку' }));
    expect(await screen.findByTestId('draw-done')).toHaveTextContent(shownSeed);
    expect(await api.requestsTo('/api/campaigns/7/sample/draw')[0]?.json()).toEqual({
      perRegion: 15,
      seed: Number(shownSeed),
    });

    await user.click(screen.getByRole('button', { name: 'Опубликовать выборку региона 64' }));
    await waitFor(() => expect(api.requestsTo('/api/campaigns/7/sample/publish')).toHaveLength(1));
    expect(await api.requestsTo('/api/campaigns/7/sample/publish')[0]?.json()).toEqual({
      regionCodes: ['64'],
    });

    await user.click(screen.getByRole('button', { name: 'Включить edu640002' }));
    await waitFor(() =>
      expect(api.requestsTo('/api/campaigns/7/sample/selection')).toHaveLength(1),
    );
    const selection = api.requestsTo('/api/campaigns/7/sample/selection')[0];
    expect(selection?.method).toBe('PUT');
    expect(await selection?.json()).toEqual({ include: [5002] });
    expect(screen.getByRole('button', { name: 'Исключить edu640001' })).toBeInTheDocument();
    expect(screen.queryByTestId('verification')).not.toBeInTheDocument();
  });

  it('downloads the inventory of a published selected organization', async () => {
    const clicked: HTMLAnchorElement[] = [];
    URL.createObjectURL = vi.fn(() => 'blob:inventory');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    const api = mockApi({
      ...common,
      '/api/campaigns/7/logistics/organizations/5001/inventory': () =>
        new Response(new Uint8Array(1024), { headers: { 'Content-Type': XLSX } }),
    });
    const { user } = renderApp('/campaigns/7/sample');
    await user.click(await screen.findByRole('button', { name: 'Опись материалов edu640001' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]?.download).toBe('opis-edu640001.xlsx');
    expect(api.requestsTo('/api/campaigns/7/logistics/organizations/5001/inventory')).toHaveLength(
      1,
    );
  });

  it('keeps the entries filters and page in the URL', async () => {
    const api = mockApi({ ...common });
    const { user, router } = renderApp('/campaigns/7/sample?region=64&status=SELECTED&page=2');
    await screen.findByTestId('sample-table');
    const query = api.lastQueryTo('/api/campaigns/7/sample');
    expect(query?.get('regionCode')).toBe('64');
    expect(query?.get('status')).toBe('SELECTED');
    expect(query?.get('page')).toBe('1');
    await user.selectOptions(screen.getByLabelText('Статус'), 'WITHDRAWN');
    await waitFor(() => expect(router.state.location.search).toBe('?region=64&status=WITHDRAWN'));
  });
});
