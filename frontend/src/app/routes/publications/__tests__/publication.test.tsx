import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { me, regionPage, saratov, tatarstan } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { attachment, campaign, campaignPage, publication } from '@/testing/publications-data';
import { renderApp } from '@/testing/test-utils';
import { stubXhrWithFetch } from '@/testing/xhr-via-fetch';
import type { Publication } from '@/types/api';

const school = me({
  login: 'edu640001',
  displayName: 'МОУ «СОШ № 3» г. Энгельса',
  role: 'ORGANIZATION',
  regionCode: '64',
  organizationId: 5001,
});
const region64 = me({
  login: 'region64',
  displayName: 'Региональный координатор (64)',
  role: 'REGIONAL',
  regionCode: '64',
});

const NOW = new Date('2026-04-13T10:45:00Z');

function mockPublication(account: typeof school, item: Publication, extra = {}) {
  return mockApi({
    '/api/me': account,
    '/api/campaigns': campaignPage([campaign()]),
    '/api/publications/71': item,
    '/api/publications/71/read': () => new Response(null, { status: 204 }),
    ...extra,
  });
}

describe('publication page', () => {
  let clicked: HTMLAnchorElement[];

  beforeEach(() => {
    vi.setSystemTime(NOW);
    clicked = [];
    URL.createObjectURL = vi.fn(() => 'blob:attachment');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the text, campaign, release time and files, and marks it read', async () => {
    const api = mockPublication(school, publication());
    renderApp('/publications/71');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Инструкция для организаций' }),
    ).toBeInTheDocument();
    expect(screen.getByText('ВПР 2026, весна')).toBeInTheDocument();
    expect(screen.getByTestId('publication-body')).toHaveTextContent(
      'Порядок проведения ВПР в 4 классах.',
    );
    expect(screen.getByTestId('publication-released')).toHaveTextContent(
      'Опубликована 10.04.2026 09:00 (Саратов)',
    );
    const file = screen.getByTestId('attachment');
    expect(within(file).getByTestId('attachment-kind')).toHaveTextContent('Инструкция');
    expect(file).toHaveTextContent('instrukciya-oo.pdf');
    expect(file).toHaveTextContent('120 КБ');

    await waitFor(() => expect(api.requestsTo('/api/publications/71/read')).toHaveLength(1));
    expect(api.requestsTo('/api/publications/71/read')[0]?.method).toBe('POST');
    // An organization does not see who else downloaded.
    expect(screen.queryByRole('link', { name: 'Кто скачал' })).not.toBeInTheDocument();
  });

  it('does not mark again a publication already read', async () => {
    const api = mockPublication(school, publication({ read: true }));
    renderApp('/publications/71');

    await screen.findByTestId('attachment');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(api.requestsTo('/api/publications/71/read')).toHaveLength(0);
  });

  it('downloads a file through the API with the organization’s token and marks it «Скачано»', async () => {
    const api = mockPublication(school, publication(), {
      '/api/publications/71/attachments/301/content': () =>
        new Response(new Uint8Array(2048), {
          status: 200,
          headers: {
            'Content-Type': 'application/pdf',
            'Content-Disposition':
              "attachment; filename*=UTF-8''%D0%B8%D0%BD%D1%81%D1%82%D1%80.pdf",
          },
        }),
    });
    const { user } = renderApp('/publications/71');

    const file = await screen.findByTestId('attachment');
    expect(within(file).queryByTestId('downloaded-mark')).not.toBeInTheDocument();
    await user.click(within(file).getByRole('button', { name: 'Скачать instrukciya-oo.pdf' }));

    expect(await within(file).findByTestId('downloaded-mark')).toHaveTextContent('Скачано');
    const [request] = api.requestsTo('/api/publications/71/attachments/301/content');
    expect(request?.method).toBe('GET');
    expect(request?.headers.get('Authorization')).toBe('Bearer access-1');
    expect(new URL(request!.url).searchParams.has('organizationId')).toBe(false);
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toBe('инстр.pdf');
  });

  it('says what to do when the file is not available yet', async () => {
    mockPublication(school, publication(), {
      '/api/publications/71/attachments/301/content': () => problem(404, 'Not Found'),
    });
    const { user } = renderApp('/publications/71');

    await user.click(await screen.findByRole('button', { name: /Скачать/ }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Файл недоступен: он ещё не открыт для скачивания или был удалён.',
    );
    expect(screen.queryByTestId('downloaded-mark')).not.toBeInTheDocument();
  });

  it('shows «Скачано» for a file downloaded before', async () => {
    mockPublication(
      school,
      publication({
        read: true,
        attachments: [
          attachment({ downloaded: true }),
          attachment({
            id: 302,
            kind: 'VARIANTS',
            fileName: 'edu640001.zip',
            perOrganization: true,
          }),
        ],
      }),
    );
    renderApp('/publications/71');

    const files = await screen.findAllByTestId('attachment');
    expect(within(files[0]!).getByTestId('downloaded-mark')).toBeInTheDocument();
    expect(within(files[1]!).getByTestId('attachment-kind')).toHaveTextContent('Архив вариантов');
    expect(files[1]).toHaveTextContent('файл вашей организации');
    expect(within(files[1]!).getByRole('button', { name: 'Скачать edu640001.zip' })).toBeEnabled();
  });

  it('gives a coordinator the downloads list and no per-organization download', async () => {
    mockPublication(
      me({ role: 'MUNICIPAL', regionCode: '64', municipalityId: 101 }),
      publication({
        read: true,
        attachments: [
          attachment({
            id: 302,
            kind: 'VARIANTS',
            fileName: 'variants.zip',
            perOrganization: true,
            organizationFiles: 25,
          }),
        ],
      }),
    );
    renderApp('/publications/71');

    const file = await screen.findByTestId('attachment');
    expect(file).toHaveTextContent('файлы для 25 организаций');
    expect(within(file).queryByRole('button', { name: /Скачать/ })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Кто скачал' })).toHaveAttribute(
      'href',
      '/publications/71/downloads',
    );
  });
});

describe('draft page', () => {
  const draft = publication({
    status: 'DRAFT',
    releaseAt: undefined,
    read: false,
    authorLogin: 'region64',
    authorName: 'Региональный координатор (64)',
    audience: { roles: ['ORGANIZATION'], regionCodes: ['64'], sampleOnly: true },
    attachments: [],
  });

  beforeEach(() => {
    vi.setSystemTime(NOW);
    stubXhrWithFetch();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const published = async (request: Request, base: Publication = draft) => {
    const body = (await request.json()) as { releaseAt?: string };
    return publication({
      ...base,
      status: body.releaseAt ? 'SCHEDULED' : 'RELEASED',
      releaseAt: body.releaseAt ?? NOW.toISOString(),
    });
  };

  it('publishes at 09:00 of the region’s own time: 05:00 UTC for Saratov', async () => {
    const api = mockPublication(region64, draft, {
      '/api/publications/71/publish': (_: URL, request: Request) => published(request),
    });
    const { user } = renderApp('/publications/71');

    expect(await screen.findByTestId('publication-status')).toHaveTextContent('Черновик');
    expect(screen.getByTestId('publish-zone')).toHaveValue('Саратов (UTC+4)');
    fireEvent.change(screen.getByLabelText('Дата и время публикации'), {
      target: { value: '2026-04-15T09:00' },
    });
    expect(screen.getByTestId('publish-hint')).toHaveTextContent(
      'Публикация откроется 15.04.2026 09:00 по Саратову (15.04.2026 08:00 по Москве).',
    );
    await user.click(screen.getByRole('button', { name: 'Опубликовать в указанное время' }));

    expect(await screen.findByTestId('publish-done')).toHaveTextContent(
      'Публикация запланирована на 15.04.2026 09:00',
    );
    const [request] = api.requestsTo('/api/publications/71/publish');
    expect(request?.method).toBe('POST');
    expect(await request?.json()).toEqual({ releaseAt: '2026-04-15T05:00:00.000Z' });
    // The page follows: the status is now the scheduled time.
    expect(screen.getByTestId('publication-status')).toHaveTextContent(
      'Запланирована на 15.04.2026 09:00',
    );
  });

  it('lets the federal organizer pick whose time: Saratov, not Moscow', async () => {
    const api = mockPublication(
      me(),
      { ...draft, authorLogin: 'federal' },
      {
        '/api/campaigns': campaignPage([campaign({ timeZone: 'Europe/Moscow' })]),
        '/api/regions': regionPage([tatarstan, saratov]),
        '/api/publications/71/publish': (_: URL, request: Request) =>
          published(request, { ...draft, authorLogin: 'federal' }),
      },
    );
    const { user } = renderApp('/publications/71');

    const zone = await screen.findByTestId('publish-zone');
    // The audience is one region: its time is offered first.
    await waitFor(() => expect(zone).toHaveValue('64'));
    expect(
      within(zone)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Москва (UTC+3)', '64 — Саратовская область: Саратов (UTC+4)']);
    fireEvent.change(screen.getByLabelText('Дата и время публикации'), {
      target: { value: '2026-04-15T09:00' },
    });
    await user.click(screen.getByRole('button', { name: 'Опубликовать в указанное время' }));
    await screen.findByTestId('publish-done');
    expect(await api.requestsTo('/api/publications/71/publish')[0]?.json()).toEqual({
      releaseAt: '2026-04-15T05:00:00.000Z',
    });

    await user.selectOptions(zone, '');
    expect(screen.getByTestId('publish-hint')).toHaveTextContent(
      'Публикация откроется 15.04.2026 09:00 по Москве.',
    );
  });

  it('refuses a release time in the past and publishes at once without one', async () => {
    const api = mockPublication(region64, draft, {
      '/api/publications/71/publish': (_: URL, request: Request) => published(request),
    });
    const { user } = renderApp('/publications/71');

    fireEvent.change(await screen.findByLabelText('Дата и время публикации'), {
      target: { value: '2026-04-13T14:00' },
    });
    expect(screen.getByTestId('publish-hint')).toHaveTextContent('Это время уже прошло');
    expect(screen.getByRole('button', { name: 'Опубликовать в указанное время' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Опубликовать сразу' }));
    // Released: the chip says so and there is nothing left to publish.
    await waitFor(() =>
      expect(screen.getByTestId('publication-status')).toHaveTextContent('Опубликована'),
    );
    expect(screen.queryByTestId('publish-form')).not.toBeInTheDocument();
    expect(await api.requestsTo('/api/publications/71/publish')[0]?.json()).toEqual({});
  });

  it('uploads a file as the raw body with its name and kind', async () => {
    const api = mockPublication(region64, draft, {
      '/api/publications/71/attachments': () =>
        json(attachment({ id: 305, kind: 'CRITERIA', fileName: 'kriterii.pdf', size: 4096 }), 201),
    });
    const { user } = renderApp('/publications/71');

    const form = await screen.findByTestId('attachment-upload');
    const file = new File([new Uint8Array(4096)], 'kriterii.pdf', { type: 'application/pdf' });
    await user.upload(within(form).getByLabelText('Файл'), file);
    await user.selectOptions(within(form).getByLabelText('Вид материала'), 'Критерии оценивания');
    await user.click(within(form).getByRole('button', { name: 'Загрузить файл' }));

    expect(await within(form).findByTestId('attachment-saved')).toHaveTextContent(
      'Файл добавлен: kriterii.pdf (4 КБ)',
    );
    const [request] = api.requestsTo('/api/publications/71/attachments');
    expect(request?.method).toBe('POST');
    expect(request?.headers.get('Content-Type')).toBe('application/octet-stream');
    expect(request?.headers.get('Authorization')).toBe('Bearer access-1');
    const query = new URL(request!.url).searchParams;
    expect(query.get('fileName')).toBe('kriterii.pdf');
    expect(query.get('kind')).toBe('CRITERIA');
    expect((await request!.arrayBuffer()).byteLength).toBe(4096);
  });

  it('shows why the server refused a file', async () => {
    mockPublication(region64, draft, {
      '/api/publications/71/attachments': () =>
        problem(415, 'Unsupported Media Type', 'Файлы .exe загружать нельзя.'),
    });
    const { user } = renderApp('/publications/71');

    const form = await screen.findByTestId('attachment-upload');
    await user.upload(within(form).getByLabelText('Файл'), new File(['MZ'], 'setup.exe'));
    await user.click(within(form).getByRole('button', { name: 'Загрузить файл' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'Файлы .exe загружать нельзя.',
    );
  });

  it('uploads the per-organization archive as application/zip and says how many got a file', async () => {
    const api = mockPublication(region64, draft, {
      '/api/publications/71/attachments/per-organization': () =>
        json(
          attachment({
            id: 306,
            kind: 'VARIANTS',
            fileName: 'variants.zip',
            perOrganization: true,
            organizationFiles: 25,
          }),
          201,
        ),
    });
    const { user } = renderApp('/publications/71');

    const form = await screen.findByTestId('archive-upload');
    await user.upload(
      within(form).getByLabelText('ZIP-архив'),
      new File([new Uint8Array(10)], 'variants.zip', { type: 'application/zip' }),
    );
    await user.click(within(form).getByRole('button', { name: 'Загрузить архив' }));

    expect(await within(form).findByTestId('archive-saved')).toHaveTextContent(
      'Архив принят: файлы получат 25 организаций',
    );
    const [request] = api.requestsTo('/api/publications/71/attachments/per-organization');
    expect(request?.headers.get('Content-Type')).toBe('application/zip');
    expect(new URL(request!.url).searchParams.get('kind')).toBe('VARIANTS');
  });

  it('shows every bad entry of a refused archive in a table', async () => {
    mockPublication(region64, draft, {
      '/api/publications/71/attachments/per-organization': () =>
        new Response(
          JSON.stringify({
            title: 'Unprocessable Content',
            status: 422,
            detail: 'Архив не принят: 2 файла названы неверно.',
            errors: [
              { field: 'edu649999.zip', message: 'Организации с таким логином нет в выборке.' },
              { value: '../evil.zip', message: 'Путь выходит за пределы архива.' },
            ],
          }),
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    });
    const { user } = renderApp('/publications/71');

    const form = await screen.findByTestId('archive-upload');
    await user.upload(within(form).getByLabelText('ZIP-архив'), new File(['PK'], 'variants.zip'));
    await user.click(within(form).getByRole('button', { name: 'Загрузить архив' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'Архив не принят: 2 файла названы неверно.',
    );
    const table = within(form).getByTestId('problem-errors');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Файл в архиве', 'Ошибка']);
    const rows = within(table).getAllByTestId('problem-error-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('edu649999.zipОрганизации с таким логином нет в выборке.');
    expect(rows[1]).toHaveTextContent('../evil.zipПуть выходит за пределы архива.');
    expect(within(form).queryByTestId('archive-saved')).not.toBeInTheDocument();
  });
});
