import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { json, mockApi } from '@/testing/fetch-mock';
import {
  figure5Rows,
  kitCredentials,
  omkCampaign,
  otherLitDefinition,
  otherLitForm,
  pointAccount,
  protocol2Lit,
  protocol2LitDraft,
  protocol2LitSummary,
  protocol2RusSummary,
} from '@/testing/protocol1-data';
import { renderApp } from '@/testing/test-utils';

beforeAll(async () => {
  await import('../protocol1');
});

const PAGE = '/campaigns/7/protocol1/lit';
const CREDENTIALS = '/api/campaigns/7/kits/credentials';
const PROTOCOL1 = '/api/campaigns/7/kits/protocol1';
const NAMES_KEY = 'oko.protocol1.names:7:lit:edu645001';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Rows = Record<string, string>[];

/** The point's backend: credentials, its forms (protocol 2 among them) and the workbook. */
function pointApi({ draft = figure5Rows(), forms = true }: { draft?: Rows; forms?: boolean } = {}) {
  return mockApi({
    '/api/me': pointAccount,
    '/api/campaigns/7': omkCampaign,
    [CREDENTIALS]: kitCredentials(),
    '/api/campaigns/7/forms': () =>
      json(forms ? [otherLitForm, protocol2LitSummary, protocol2RusSummary] : []),
    '/api/forms/41': protocol2Lit,
    '/api/forms/42': otherLitDefinition,
    '/api/forms/41/response': protocol2LitDraft(draft),
    [PROTOCOL1]: () =>
      new Response(new Uint8Array([80, 75, 3, 4]), {
        status: 200,
        headers: {
          'Content-Type': XLSX,
          'Content-Disposition': 'attachment; filename="protocol1-lit-edu645001.xlsx"',
        },
      }),
  });
}

const openPage = async () => {
  const view = renderApp(PAGE);
  await screen.findByTestId('protocol2-found');
  return view;
};

describe('protocol 1 of an assessment point', () => {
  let clicked: HTMLAnchorElement[];

  let print: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    localStorage.clear();
    clicked = [];
    // jsdom has no object URLs and no printing.
    URL.createObjectURL = vi.fn(() => 'blob:protocol1');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    print = vi.fn();
    vi.spyOn(window, 'print').mockImplementation(print);
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    localStorage.clear();
  });

  it('explains protocol 1 and shows the table from the credentials and the protocol 2 draft', async () => {
    const api = pointApi();
    await openPage();

    expect(screen.getByRole('heading', { level: 1, name: 'Протокол 1 (для ППО)' })).toBeVisible();
    expect(screen.getByText('ОМК учителей 2026 · Литература · Учителя')).toBeInTheDocument();
    expect(screen.getByText(/в систему он не загружается/)).toBeInTheDocument();
    expect(screen.getByTestId('names-local-note')).toHaveTextContent(
      'хранятся только в этом браузере',
    );
    expect(screen.getByTestId('validity')).toHaveTextContent(
      'с 15.04.2026 09:00 по 30.04.2026 18:00 (Саратов)',
    );
    expect(screen.getByTestId('protocol2-found')).toHaveTextContent(
      'из протокола 2 «Электронный протокол 2: Литература» (черновик)',
    );

    const rows = screen.getAllByTestId('protocol1-row');
    expect(rows.map((row) => row.textContent)).toEqual([
      '501501использованedu777777',
      '501502использованedu777778',
      '501503использованedu777779',
      '501504не использован—',
      '501505испорчен—',
    ]);
    expect(within(rows[0]!).getByLabelText('ФИО, комплект 501501')).toHaveValue('');

    // Protocol 2 is the form of this subject pre-filled with kits; nothing else is read.
    expect(api.lastQueryTo(CREDENTIALS)?.get('subjectKey')).toBe('lit');
    expect(api.requestsTo('/api/forms/41/response')).toHaveLength(1);
    expect(api.queriesTo('/api/forms/41/response')[0]?.toString()).toBe('');
    expect(api.requestsTo('/api/forms/42/response')).toHaveLength(0);
    expect(api.requestsTo('/api/forms/43')).toHaveLength(0);
  });

  it('prints a strip for each used kit only: login, password, name and its link', async () => {
    pointApi();
    const { user } = await openPage();

    const strips = within(screen.getByTestId('strips')).getAllByTestId('strip');
    expect(strips).toHaveLength(3);
    expect(strips.map((strip) => within(strip).getByTestId('strip-login').textContent)).toEqual([
      'ulit64501501',
      'ulit64501502',
      'ulit64501503',
    ]);
    expect(within(strips[1]!).getByTestId('strip-password')).toHaveTextContent('56579');
    expect(within(strips[0]!).getByTestId('strip-link')).toHaveTextContent(
      'https://oko.example.org/q?login=ulit64501501',
    );
    expect(strips[0]).toHaveTextContent('Анкета доступна с 15.04.2026 09:00 по 30.04.2026 18:00');
    expect(screen.getByTestId('strips-count')).toHaveTextContent('3 полоски');
    expect(screen.queryByText('ulit64501504')).not.toBeInTheDocument();
    expect(screen.queryByText('ulit64501505')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Распечатать' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('keeps typed names in this browser only: on the strips, after a reload, until erased', async () => {
    pointApi();
    const { user } = await openPage();
    await user.type(screen.getByLabelText('ФИО, комплект 501501'), 'Иванов Иван Сергеевич');
    await user.type(screen.getByLabelText('ФИО, комплект 501503'), 'Сидоров Михаил Юрьевич');

    const names = () =>
      within(screen.getByTestId('strips'))
        .getAllByTestId('strip-name')
        .map((name) => name.textContent);
    expect(names()).toEqual(['Иванов Иван Сергеевич', '', 'Сидоров Михаил Юрьевич']);
    expect(screen.getByTestId('names-missing')).toHaveTextContent(
      'Не введены ФИО у 1 использованного комплекта',
    );
    expect(JSON.parse(localStorage.getItem(NAMES_KEY)!)).toEqual({
      '501501': 'Иванов Иван Сергеевич',
      '501503': 'Сидоров Михаил Юрьевич',
    });

    // A reload (the page mounted afresh) finds them in this browser.
    cleanup();
    await openPage();
    expect(screen.getByLabelText('ФИО, комплект 501501')).toHaveValue('Иванов Иван Сергеевич');
    expect(names()).toEqual(['Иванов Иван Сергеевич', '', 'Сидоров Михаил Юрьевич']);

    await user.click(screen.getByRole('button', { name: 'Стереть ФИО с этого компьютера' }));
    expect(screen.getByTestId('names-notice')).toHaveTextContent('ФИО стёрты с этого компьютера');
    expect(screen.getByLabelText('ФИО, комплект 501501')).toHaveValue('');
    expect(names()).toEqual(['', '', '']);
    expect(localStorage.getItem(NAMES_KEY)).toBeNull();

    cleanup();
    await openPage();
    expect(screen.getByLabelText('ФИО, комплект 501503')).toHaveValue('');
  }, 20_000);

  it('fills the names from a column pasted from Excel, in kit order', async () => {
    pointApi();
    const { user } = await openPage();
    await user.click(screen.getByText('Вставить ФИО столбцом из Excel'));
    await user.click(screen.getByLabelText('ФИО по одному в строке, в порядке комплектов'));
    await user.paste('Иванов Иван Сергеевич\r\nПетров Александр Степанович\r\n\r\n\r\n\r\n');
    await user.click(screen.getByRole('button', { name: 'Заполнить ФИО' }));

    expect(screen.getByLabelText('ФИО, комплект 501501')).toHaveValue('Иванов Иван Сергеевич');
    expect(screen.getByLabelText('ФИО, комплект 501502')).toHaveValue(
      'Петров Александр Степанович',
    );
    expect(screen.getByLabelText('ФИО, комплект 501503')).toHaveValue('');
    expect(screen.getByTestId('names-notice')).toHaveTextContent('ФИО вставлены в 5 строк');
  });

  it('writes a letter with the link, login, password and name, and copies the same text', async () => {
    pointApi();
    const { user } = await openPage();
    await user.type(screen.getByLabelText('ФИО, комплект 501502'), 'Петров Александр Степанович');

    const strip = screen.getByRole('listitem', { name: 'Полоска, комплект 501502' });
    const href = within(strip)
      .getByRole('link', { name: 'Письмо участнику' })
      .getAttribute('href')!;
    // No address: the participant's address is typed in the device's own mail program.
    expect(href.startsWith('mailto:?')).toBe(true);
    const letter = new URLSearchParams(href.slice('mailto:?'.length));
    expect(letter.get('subject')).toBe('Анкета ОМК');
    const body = letter.get('body')!;
    expect(body).toContain('Здравствуйте, Петров Александр Степанович!');
    expect(body).toContain('Ссылка на анкету: https://oko.example.org/q?login=ulit64501502');
    expect(body).toContain('Логин: ulit64501502');
    expect(body).toContain('Пароль: 56579');
    expect(body).toContain('Анкета доступна с 15.04.2026 09:00 по 30.04.2026 18:00 (Саратов).');
    expect(body).toContain('\r\n');

    await user.click(within(strip).getByRole('button', { name: 'Скопировать текст' }));
    expect(await within(strip).findByText('Текст скопирован')).toBeInTheDocument();
    const copied = await navigator.clipboard.readText();
    expect(copied).toContain('Здравствуйте, Петров Александр Степанович!');
    expect(copied).toContain('Пароль: 56579');
  });

  it('downloads the workbook of the subject', async () => {
    const api = pointApi();
    const { user } = await openPage();
    await user.click(screen.getByRole('button', { name: 'Скачать протокол 1 (Excel)' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]?.download).toBe('protocol1-lit-edu645001.xlsx');
    expect(api.queriesTo(PROTOCOL1).map((query) => query.toString())).toEqual(['subjectKey=lit']);
  });

  it('lets the point choose the comments here while there is no protocol 2, and keeps them', async () => {
    pointApi({ forms: false });
    const { user } = renderApp(PAGE);
    expect(await screen.findByTestId('protocol2-none')).toHaveTextContent(
      'Протокола 2 по этому предмету пока нет',
    );
    expect(screen.getByTestId('no-strips')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Распечатать' })).toBeDisabled();

    await user.selectOptions(screen.getByLabelText('Комментарий, комплект 501502'), 'использован');
    await user.selectOptions(screen.getByLabelText('Комментарий, комплект 501503'), 'испорчен');
    expect(
      within(screen.getByTestId('strips'))
        .getAllByTestId('strip-login')
        .map((login) => login.textContent),
    ).toEqual(['ulit64501502']);

    cleanup();
    renderApp(PAGE);
    await screen.findByTestId('protocol2-none');
    expect(screen.getByLabelText('Комментарий, комплект 501502')).toHaveValue('использован');
    expect(screen.getAllByTestId('strip')).toHaveLength(1);
  });

  it('is for the assessment point only', async () => {
    mockApi({ '/api/me': { ...pointAccount, role: 'REGIONAL', organizationId: undefined } });
    renderApp(PAGE);
    expect(await screen.findByText('Недостаточно прав')).toBeInTheDocument();
  });

  it('says what to do when the credentials cannot be read', async () => {
    mockApi({
      '/api/me': pointAccount,
      '/api/campaigns/7': omkCampaign,
      [CREDENTIALS]: new Response(JSON.stringify({ title: 'Forbidden', status: 403 }), {
        status: 403,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    });
    renderApp(PAGE);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Не удалось загрузить логины и пароли комплектов');
    expect(alert).toHaveTextContent('Протокол 1 доступен только пункту проведения оценки');
  });
});

describe('privacy of protocol 1', () => {
  const NAMES = [
    'Иванов Иван Сергеевич',
    'Петров Александр Степанович',
    'Сидорова Мария Ильинична',
  ];
  // Parts too: a surname alone in a request would leak it just the same.
  const FRAGMENTS = [...NAMES, 'Иванов', 'Петров', 'Сидорова', 'Мария'];

  beforeEach(() => {
    localStorage.clear();
    URL.createObjectURL = vi.fn(() => 'blob:protocol1');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    vi.spyOn(window, 'print').mockImplementation(() => {});
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    localStorage.clear();
  });

  /** Everything a request carries, decoded: its URL, every header and its body. */
  async function wireText(request: Request) {
    const url = request.url;
    let decoded = url;
    try {
      decoded = decodeURIComponent(url.replace(/\+/g, ' '));
    } catch {
      // keep it raw
    }
    const headers = [...request.headers.entries()].map(([name, value]) => `${name}: ${value}`);
    const body = request.body ? await request.clone().text() : '';
    return [url, decoded, ...headers, body].join('\n');
  }

  it('sends no typed name in any request, whatever the point does on the page', async () => {
    // Kit 501505 has no comment in the draft yet: its comment is chosen on the page.
    const draft = figure5Rows().map((row) => (row.kit === '501505' ? { kit: '501505' } : row));
    const api = pointApi({ draft });
    const { user } = await openPage();

    // Names typed, pasted and edited.
    await user.type(screen.getByLabelText('ФИО, комплект 501501'), NAMES[0]!);
    await user.click(screen.getByText('Вставить ФИО столбцом из Excel'));
    await user.click(screen.getByLabelText('ФИО по одному в строке, в порядке комплектов'));
    await user.paste(`${NAMES[0]}\n${NAMES[1]}\n${NAMES[2]}\n\n\n`);
    await user.click(screen.getByRole('button', { name: 'Заполнить ФИО' }));
    await user.type(screen.getByLabelText('ФИО, комплект 501505'), NAMES[2]!);

    // Every action of the page.
    await user.selectOptions(screen.getByLabelText('Комментарий, комплект 501505'), 'использован');
    await user.selectOptions(screen.getByLabelText('Комментарий, комплект 501505'), 'испорчен');
    await user.selectOptions(screen.getByLabelText('Комментарий, комплект 501505'), 'использован');
    const before = api.all().length;
    await user.click(screen.getByRole('button', { name: 'Скачать протокол 1 (Excel)' }));
    await user.click(screen.getByRole('button', { name: 'Распечатать' }));
    await user.click(screen.getByRole('button', { name: 'Обновить из протокола 2' }));
    for (const button of screen.getAllByRole('button', { name: 'Скопировать текст' })) {
      await user.click(button);
    }
    await waitFor(() => expect(api.requestsTo(PROTOCOL1)).toHaveLength(1));
    await waitFor(() => expect(api.requestsTo(CREDENTIALS).length).toBeGreaterThanOrEqual(2));
    await waitFor(() =>
      expect(api.requestsTo('/api/forms/41/response').length).toBeGreaterThanOrEqual(2),
    );

    // The names are on the page (and in this browser's storage) …
    const strips = within(screen.getByTestId('strips'));
    expect(strips.getAllByTestId('strip-name').map((name) => name.textContent)).toEqual([
      NAMES[0],
      NAMES[1],
      NAMES[2],
      NAMES[2],
    ]);
    expect(localStorage.getItem(NAMES_KEY)).toContain(NAMES[1]);

    // … and in none of the requests: not in a URL, a header or a body.
    const requests = api.all();
    expect(requests.length).toBeGreaterThan(before);
    for (const request of requests) {
      const wire = await wireText(request);
      for (const fragment of FRAGMENTS) {
        expect(wire, `${request.method} ${request.url}`).not.toContain(fragment);
      }
    }
  }, 30_000);
});
