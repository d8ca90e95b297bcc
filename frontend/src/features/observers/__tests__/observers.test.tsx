import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { campaign, me } from '@/testing/data';
import { json, mockApi } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/test-utils';
import type { components } from '@/types/api.gen';

import { todayIn } from '../utils/labels';

type Assignment = components['schemas']['ObserverAssignment'];
type Protocol = components['schemas']['ObserverProtocol'];

// The header's notification bell keeps a socket of its own; these tests drive the board's.
vi.mock('@/features/notifications/api/live-notifications', () => ({
  listenForNotifications: () => ({ stop: () => {} }),
}));

class FakeWebSocket {
  static instances: FakeWebSocket[] = [];
  readonly sent: unknown[] = [];
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;

  constructor(readonly url: string) {
    FakeWebSocket.instances.push(this);
  }

  send(data: string) {
    this.sent.push(JSON.parse(data));
  }

  close() {}

  receive(message: unknown) {
    act(() => this.onmessage?.({ data: JSON.stringify(message) } as MessageEvent));
  }
}

const ZONE = 'Europe/Saratov';
const point = { id: 21, login: 'edu640021', name: 'Школа № 21', regionCode: '64' };

const assignment = (overrides: Partial<Assignment> = {}): Assignment => ({
  id: 5,
  campaignId: 7,
  campaignTitle: 'ВПР 2026, весна',
  observerId: 3,
  observerName: 'Иванова Мария Петровна',
  observerKind: 'PUBLIC',
  point,
  address: 'г. Энгельс, ул. Школьная, 1',
  day: todayIn(ZONE),
  activity: 'CONDUCT',
  assignedBy: 'mun64-engels',
  notes: 0,
  actSubmitted: false,
  timeZone: ZONE,
  ...overrides,
});

const protocol = (overrides: Partial<Protocol> = {}): Protocol => ({
  formId: 11,
  formTitle: 'Протокол результатов: математика, 4 класс',
  point,
  timeZone: ZONE,
  ...overrides,
});

beforeEach(() => {
  FakeWebSocket.instances = [];
  vi.stubGlobal('WebSocket', FakeWebSocket);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the observer on the phone', () => {
  it('marks presence and then confirms the protocol entered in their presence', async () => {
    let present = false;
    let witnessed = false;
    const api = mockApi({
      '/api/me': me({ login: 'obs-1', role: 'OBSERVER', displayName: 'Иванова М. П.' }),
      '/api/observer/assignments': () =>
        json([assignment(present ? { presentAt: new Date().toISOString() } : {})]),
      '/api/observer-assignments/5/presence': () => {
        present = true;
        return assignment({ presentAt: new Date().toISOString() });
      },
      '/api/observer-assignments/5/protocols': () =>
        json([
          protocol(
            witnessed
              ? {
                  witness: {
                    assignmentId: 5,
                    observerName: 'Иванова Мария Петровна',
                    observerKind: 'PUBLIC',
                    witnessedAt: new Date().toISOString(),
                    recordedBy: 'OBSERVER',
                  },
                }
              : {},
          ),
        ]),
      '/api/observer-assignments/5/protocols/11': () => {
        witnessed = true;
        return protocol();
      },
    });
    renderApp('/observers');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Я на месте' }, { timeout: 5000 }));
    expect(await screen.findByRole('status')).toHaveTextContent(`На месте с`);
    expect(screen.getByRole('status')).toHaveTextContent('(Саратов)');
    expect(api.requestsTo('/api/observer-assignments/5/presence')[0]!.method).toBe('POST');

    await user.click(screen.getByText('Протокол результатов внесён при мне'));
    await user.click(await screen.findByRole('button', { name: 'Внесён при наблюдателе' }));
    await waitFor(() =>
      expect(api.requestsTo('/api/observer-assignments/5/protocols/11')[0]?.method).toBe('PUT'),
    );
    expect(await screen.findByText('отмечено')).toBeInTheDocument();
    expect(screen.getByText(/подтвердил сам/)).toBeInTheDocument();
  }, 20_000);

  it('cannot mark presence on another day and says when', async () => {
    mockApi({
      '/api/me': me({ login: 'obs-1', role: 'OBSERVER' }),
      '/api/observer/assignments': json([assignment({ day: '2099-05-12' })]),
    });
    renderApp('/observers');
    expect(await screen.findByRole('button', { name: 'Я на месте' })).toBeDisabled();
    expect(screen.getByText(/в день наблюдения, 12\.05\.2099/)).toBeInTheDocument();
  });

  it('puts today’s assignment first, then the days to come, then the days past (issue 21)', async () => {
    const point2 = (name: string) => ({ ...point, name });
    mockApi({
      '/api/me': me({ login: 'obs-1', role: 'OBSERVER' }),
      // the server's order: the latest day first
      '/api/observer/assignments': json([
        assignment({ id: 1, day: '2099-05-14', point: point2('Школа через неделю') }),
        assignment({ id: 2, day: '2099-05-12', point: point2('Школа скоро') }),
        assignment({ id: 3, point: point2('Школа сегодня') }),
        assignment({ id: 4, day: '2020-05-12', point: point2('Школа давно') }),
        assignment({ id: 5, day: '2020-05-14', point: point2('Школа недавно') }),
      ]),
    });
    renderApp('/observers');

    const cards = (await screen.findByText('Школа сегодня')).closest('ul')!;
    const points = within(cards)
      .getAllByRole('heading', { level: 2 })
      .map((h) => h.textContent);
    expect(points).toEqual([
      'Школа сегодня',
      'Школа скоро',
      'Школа через неделю',
      'Школа недавно',
      'Школа давно',
    ]);
    const first = within(cards).getAllByRole('listitem')[0]!;
    expect(within(first).getByRole('button', { name: 'Я на месте' })).toBeEnabled();
  });
});

const board = (present: number) => ({
  day: todayIn(ZONE),
  timeZone: ZONE,
  totals: { points: 2, pointsWithoutObservers: 1, expected: 1, present },
  items: [
    {
      point: { ...point, id: 1, login: 'edu640001', name: 'Школа № 1' },
      expected: 0,
      present: 0,
      observers: [],
    },
    {
      point,
      expected: 1,
      present,
      observers: [
        {
          assignmentId: 5,
          observerName: 'Иванова Мария Петровна',
          kind: 'PUBLIC',
          activity: 'CONDUCT',
          presentAt: present ? new Date().toISOString() : undefined,
        },
      ],
    },
  ],
  page: 0,
  size: 50,
  total: 2,
});

describe('the municipal coordinator', () => {
  const coordinator = me({ login: 'mun64-engels', role: 'MUNICIPAL', regionCode: '64' });

  it('sees presence change as soon as an observer marks it, pushed over the live socket', async () => {
    let present = 0;
    const api = mockApi({
      '/api/me': coordinator,
      '/api/campaigns/7': campaign({ timeZone: ZONE }),
      '/api/campaigns/7/observers': { items: [], page: 0, size: 50, total: 0 },
      '/api/campaigns/7/observer-presence': () => board(present),
    });
    renderApp('/observers/7');
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole('button', { name: 'Назначения и присутствие' }, { timeout: 5000 }),
    );
    expect(await screen.findByText('нет наблюдателей')).toBeInTheDocument();
    expect(screen.getByText('не отметился', { exact: false })).toBeInTheDocument();

    const socket = FakeWebSocket.instances.at(-1)!;
    act(() => socket.onopen?.(new Event('open')));
    expect(socket.sent[0]).toMatchObject({ type: 'hello' });
    const before = api.requestsTo('/api/campaigns/7/observer-presence').length;
    present = 1;
    // Another campaign's mark changes nothing; this campaign's re-reads the board.
    socket.receive({
      type: 'observerPresence',
      presence: {
        campaignId: 8,
        organizationId: 21,
        assignmentId: 9,
        presentAt: new Date().toISOString(),
      },
    });
    socket.receive({
      type: 'observerPresence',
      presence: {
        campaignId: 7,
        organizationId: 21,
        assignmentId: 5,
        presentAt: new Date().toISOString(),
      },
    });
    expect(await screen.findByText(/на месте с/, {}, { timeout: 3000 })).toHaveTextContent(
      '(Саратов)',
    );
    expect(api.requestsTo('/api/campaigns/7/observer-presence').length).toBe(before + 1);
  });

  it('sees the protocols entered without an observer first, and how many', async () => {
    mockApi({
      '/api/me': coordinator,
      '/api/campaigns/7': campaign({ timeZone: ZONE }),
      '/api/campaigns/7/observers': { items: [], page: 0, size: 50, total: 0 },
      '/api/campaigns/7/observer-protocols': {
        items: [
          protocol({
            point: { ...point, id: 12, name: 'Школа № 3' },
            submittedAt: '2026-05-12T07:00:00Z',
          }),
          protocol({
            submittedAt: '2026-05-12T07:30:00Z',
            witness: {
              assignmentId: 5,
              observerName: 'Иванова Мария Петровна',
              observerKind: 'PUBLIC',
              witnessedAt: '2026-05-12T07:10:00Z',
              recordedBy: 'ORGANIZATION',
            },
          }),
        ],
        page: 0,
        size: 50,
        total: 2,
        withoutObserver: 1,
      },
    });
    renderApp('/observers/7');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Протоколы' }, { timeout: 5000 }));
    const rows = await screen.findAllByRole('row');
    expect(within(rows[1]!).getByText('без наблюдателя')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Иванова Мария Петровна')).toBeInTheDocument();
    expect(within(rows[2]!).getByText(/11:10 \(Саратов\)/)).toBeInTheDocument();
    expect(screen.getByText(/без наблюдателя:/)).toHaveTextContent('1');
  });
});

describe('the school', () => {
  it('records which present observer was there when the protocol was entered', async () => {
    const api = mockApi({
      '/api/me': me({ login: 'edu640021', role: 'ORGANIZATION', regionCode: '64' }),
      '/api/campaigns/7': campaign({ timeZone: ZONE }),
      '/api/campaigns/7/observers': { items: [], page: 0, size: 50, total: 0 },
      '/api/campaigns/7/observer-assignments': {
        items: [
          assignment({ presentAt: new Date().toISOString() }),
          assignment({ id: 6, observerName: 'Не пришедший', presentAt: undefined }),
        ],
        page: 0,
        size: 100,
        total: 2,
      },
      '/api/observer-assignments/5/protocols': json([protocol()]),
      '/api/observer-assignments/5/protocols/11': protocol(),
    });
    renderApp('/observers/7');
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole('button', { name: 'Протокол и наблюдатель' }, { timeout: 5000 }),
    );
    const picker = await screen.findByLabelText('Наблюдатель на месте');
    // Only the observer who marked presence can be picked.
    expect(within(picker).getAllByRole('option')).toHaveLength(1);
    expect(within(picker).getByRole('option')).toHaveTextContent('Иванова Мария Петровна');
    await user.click(await screen.findByRole('button', { name: 'Внесён при наблюдателе' }));
    await waitFor(() =>
      expect(api.requestsTo('/api/observer-assignments/5/protocols/11')).toHaveLength(1),
    );
    const query = new URL(api.requestsTo('/api/campaigns/7/observer-assignments')[0]!.url)
      .searchParams;
    expect(query.get('day')).toBe(todayIn(ZONE));
  });
});

describe('the archive of acts with violations', () => {
  const acts = { items: [], page: 0, size: 20, total: 0 };

  it('is marked passed to РЦОКО by the municipal coordinator', async () => {
    let passed = false;
    const api = mockApi({
      '/api/me': me({ login: 'mun64-engels', role: 'MUNICIPAL', regionCode: '64' }),
      '/api/campaigns/7': campaign({ timeZone: ZONE }),
      '/api/campaigns/7/observers': { items: [], page: 0, size: 50, total: 0 },
      '/api/campaigns/7/observer-acts': {
        items: [
          {
            id: 5,
            assignmentId: 9,
            campaignId: 7,
            point: { id: 3, login: 'edu640021', name: 'Школа № 21', regionCode: '64' },
            observerName: 'Смирнова Ольга',
            observerKind: 'PUBLIC',
            day: '2026-05-20',
            violationsFound: true,
            violations: 'Подсказки',
            submittedAt: '2026-05-26T08:00:00Z',
            reviewed: false,
            timeZone: ZONE,
            deadline: '2026-05-25T15:00:00Z',
            late: true,
          },
        ],
        page: 0,
        size: 20,
        total: 1,
      },
      '/api/campaigns/7/observer-acts/handover': () => {
        passed = true;
        return { unitName: 'Энгельсский район', timeZone: ZONE, late: false };
      },
      '/api/campaigns/7/observer-acts/handovers': () => ({
        regionCode: '64',
        passed: passed ? 1 : 0,
        notPassed: passed ? 0 : 1,
        late: 0,
        deadline: '2026-05-25T15:00:00Z',
        timeZone: ZONE,
        items: [
          passed
            ? {
                unitName: 'Энгельсский район',
                municipalityId: 2,
                handedAt: '2026-05-20T08:00:00Z',
                handedBy: 'mun64-engels',
                acts: 3,
                timeZone: ZONE,
                late: false,
              }
            : { unitName: 'Энгельсский район', municipalityId: 2, timeZone: ZONE, late: false },
        ],
      }),
    });
    renderApp('/observers/7');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Акты' }, { timeout: 5000 }));
    expect(await screen.findByText('не передано')).toBeInTheDocument();
    // An act filed after the deadline is accepted but marked, the deadline in the region's time.
    expect(screen.getByText(/^с опозданием/)).toHaveTextContent(
      'с опозданием (срок — 25.05.2026, 19:00 (Саратов))',
    );
    expect(screen.getByText(/^подан/)).toHaveTextContent('подан 26.05, 12:00 (Саратов)');
    expect(screen.getByTestId('handover-deadline')).toHaveTextContent(
      'Срок — 25.05.2026, 19:00 (Саратов)',
    );
    await user.click(screen.getByRole('button', { name: 'Передано в РЦОКО' }));
    expect(await screen.findByText(/передано в РЦОКО 20\.05, 12:00 \(Саратов\)/)).toHaveTextContent(
      'актов с нарушениями: 3',
    );
    expect(api.requestsTo('/api/campaigns/7/observer-acts/handover')[0]!.method).toBe('PUT');
  });

  it('shows the region which municipalities have not passed theirs and who is late', async () => {
    let passedOn = false;
    const api = mockApi({
      '/api/me': me({ login: 'region64', role: 'REGIONAL', regionCode: '64' }),
      '/api/campaigns/7': campaign({ timeZone: ZONE }),
      '/api/campaigns/7/observers': { items: [], page: 0, size: 50, total: 0 },
      '/api/campaigns/7/observer-acts': acts,
      '/api/campaigns/7/observer-acts/handovers': {
        regionCode: '64',
        passed: 1,
        notPassed: 1,
        late: 2,
        deadline: '2026-05-25T15:00:00Z',
        timeZone: ZONE,
        items: [
          { unitName: 'Балаковский район', municipalityId: 1, timeZone: ZONE, late: true },
          {
            unitName: 'Энгельсский район',
            municipalityId: 2,
            handedAt: '2026-05-26T08:00:00Z',
            handedBy: 'mun64-engels',
            acts: 3,
            timeZone: ZONE,
            late: true,
          },
        ],
      },
      '/api/campaigns/7/observer-violations/authority-handover': {
        regionCode: '64',
        regionName: 'Саратовская область',
        timeZone: ZONE,
        late: false,
        actsWithViolations: 3,
      },
      '/api/campaigns/7/observer-violations/handover': () => {
        passedOn = true;
        return {
          regionCode: '64',
          regionName: 'Саратовская область',
          timeZone: ZONE,
          late: false,
          actsWithViolations: 3,
        };
      },
      '/api/campaigns/7/observer-violations/handovers': () => ({
        passed: passedOn ? 1 : 0,
        notPassed: passedOn ? 0 : 1,
        late: 0,
        items: [
          {
            regionCode: '64',
            regionName: 'Саратовская область',
            timeZone: ZONE,
            deadline: '2026-06-01T06:00:00Z',
            late: false,
            actsWithViolations: 3,
            ...(passedOn
              ? {
                  handedAt: '2026-05-27T06:00:00Z',
                  handedBy: 'region64',
                  acts: 3,
                  points: 2,
                  municipalities: 1,
                  unitsPassed: 1,
                }
              : {}),
          },
        ],
      }),
    });
    renderApp('/observers/7');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Акты' }, { timeout: 5000 }));
    const balakovo = (await screen.findByText('Балаковский район')).closest('li')!;
    expect(within(balakovo).getByText('не передано, срок прошёл')).toBeInTheDocument();
    const engels = screen.getByText('Энгельсский район').closest('li')!;
    expect(engels).toHaveTextContent('с опозданием');
    expect(screen.getByText(/Передали:/)).toHaveTextContent(
      'Передали: 1; не передали: 1; с опозданием или просрочено: 2',
    );
    expect(screen.queryByRole('button', { name: 'Передано в РЦОКО' })).not.toBeInTheDocument();

    // Seed 000: the region passes its violations on to the federal organizer.
    const row = await screen.findByTestId('violations-64');
    expect(row).toHaveTextContent('не передано');
    expect(row).toHaveTextContent('01.06.2026, 10:00 (Саратов)');
    await user.click(screen.getByRole('button', { name: 'Передать сведения о нарушениях' }));
    expect(
      await screen.findByText('Сведения переданы федеральному организатору.'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByTestId('violations-64')).toHaveTextContent(
        'актов с нарушениями: 3; пунктов: 2; муниципалитетов: 1; архивов в РЦОКО: 1',
      ),
    );
    expect(screen.getByTestId('violations-64')).toHaveTextContent('27.05, 10:00 (Саратов)');
    expect(api.requestsTo('/api/campaigns/7/observer-violations/handover')[0]!.method).toBe('PUT');
  });

  it('lets the region record its hand-over to the education authority apart from the federal one', async () => {
    let handed: { authority: string; reference?: string; email?: string } | undefined;
    const api = mockApi({
      '/api/me': me({ login: 'region64', role: 'REGIONAL', regionCode: '64' }),
      '/api/campaigns/7': campaign({ timeZone: ZONE }),
      '/api/campaigns/7/observers': { items: [], page: 0, size: 50, total: 0 },
      '/api/campaigns/7/observer-acts': acts,
      '/api/campaigns/7/observer-acts/handovers': {
        regionCode: '64',
        passed: 0,
        notPassed: 0,
        late: 0,
        timeZone: ZONE,
        items: [],
      },
      '/api/campaigns/7/observer-violations/handovers': {
        passed: 0,
        notPassed: 1,
        late: 0,
        items: [
          {
            regionCode: '64',
            regionName: 'Саратовская область',
            timeZone: ZONE,
            late: false,
            actsWithViolations: 2,
          },
        ],
      },
      '/api/campaigns/7/observer-violations/authority-handover': async (_url, request) => {
        if (request.method === 'PUT') {
          handed = (await request.json()) as {
            authority: string;
            reference?: string;
            email?: string;
          };
        }
        return {
          regionCode: '64',
          regionName: 'Саратовская область',
          timeZone: ZONE,
          deadline: '2026-06-01T06:00:00Z',
          late: false,
          actsWithViolations: 2,
          ...(handed
            ? {
                ...handed,
                handedAt: '2026-05-27T06:00:00Z',
                handedBy: 'region64',
                acts: 2,
                points: 2,
                municipalities: 1,
              }
            : {}),
        };
      },
    });
    renderApp('/observers/7');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Акты' }, { timeout: 5000 }));
    expect(await screen.findByTestId('authority-status')).toHaveTextContent('В ОИВ не передано');
    await user.type(
      screen.getByLabelText('Орган исполнительной власти'),
      'Министерство образования Саратовской области',
    );
    await user.type(screen.getByLabelText('Исх. номер и дата письма'), 'исх. № 01-12/345');
    expect(screen.queryByTestId('authority-letter')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Электронная почта ОИВ'), 'minobr@saratov.gov.ru');
    await user.click(screen.getByRole('button', { name: 'Передано в ОИВ' }));
    expect(await screen.findByText('Передача в ОИВ записана.')).toBeInTheDocument();
    expect(handed).toEqual({
      authority: 'Министерство образования Саратовской области',
      reference: 'исх. № 01-12/345',
      email: 'minobr@saratov.gov.ru',
    });
    await waitFor(() =>
      expect(screen.getByTestId('authority-status')).toHaveTextContent(
        'Передано в «Министерство образования Саратовской области» (исх. № 01-12/345) 27.05, 10:00 (Саратов), region64; актов с нарушениями: 2; адрес: minobr@saratov.gov.ru',
      ),
    );
    // OKO sends no mail: a letter to the authority's address opens in the coordinator's program.
    const letter = screen.getByTestId('authority-letter');
    expect(letter).toHaveTextContent('Письмо в ОИВ (minobr@saratov.gov.ru)');
    const href = letter.getAttribute('href') ?? '';
    expect(href.startsWith('mailto:minobr@saratov.gov.ru?subject=')).toBe(true);
    expect(decodeURIComponent(href)).toContain('актов с нарушениями — 2, пунктов — 2');
    // The federal hand-over is untouched: still not passed, its own button.
    expect(screen.getByTestId('violations-64')).toHaveTextContent('не передано');
    expect(api.requestsTo('/api/campaigns/7/observer-violations/handover')).toHaveLength(0);
  });

  it('fills the hand-over to the authority with the one the region named last time', async () => {
    mockApi({
      '/api/me': me({ login: 'region64', role: 'REGIONAL', regionCode: '64' }),
      '/api/campaigns/7': campaign({ timeZone: ZONE }),
      '/api/campaigns/7/observers': { items: [], page: 0, size: 50, total: 0 },
      '/api/campaigns/7/observer-acts': acts,
      '/api/campaigns/7/observer-acts/handovers': {
        regionCode: '64',
        passed: 0,
        notPassed: 0,
        late: 0,
        timeZone: ZONE,
        items: [],
      },
      '/api/campaigns/7/observer-violations/handovers': {
        passed: 0,
        notPassed: 0,
        late: 0,
        items: [],
      },
      '/api/campaigns/7/observer-violations/authority-handover': {
        regionCode: '64',
        regionName: 'Саратовская область',
        timeZone: ZONE,
        late: false,
        actsWithViolations: 0,
        knownAuthority: 'Министерство образования Саратовской области',
        knownEmail: 'minobr@saratov.gov.ru',
      },
    });
    renderApp('/observers/7');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Акты' }, { timeout: 5000 }));
    expect(await screen.findByTestId('authority-status')).toHaveTextContent('В ОИВ не передано');
    expect(screen.getByLabelText('Орган исполнительной власти')).toHaveValue(
      'Министерство образования Саратовской области',
    );
    expect(screen.getByLabelText('Электронная почта ОИВ')).toHaveValue('minobr@saratov.gov.ru');
    expect(screen.getByLabelText('Исх. номер и дата письма')).toHaveValue('');
    // Not passed in this campaign yet: no letter offered.
    expect(screen.queryByTestId('authority-letter')).not.toBeInTheDocument();
  });

  it('shows the federal organizer which regions passed their violations, late or not', async () => {
    mockApi({
      '/api/me': me({ login: 'federal', role: 'FEDERAL' }),
      '/api/campaigns/7': campaign({ timeZone: 'Europe/Moscow' }),
      '/api/campaigns/7/observers': { items: [], page: 0, size: 50, total: 0 },
      '/api/campaigns/7/observer-acts': acts,
      '/api/campaigns/7/observer-violations/handovers': {
        passed: 1,
        notPassed: 1,
        late: 2,
        items: [
          {
            regionCode: '02',
            regionName: 'Республика Башкортостан',
            timeZone: 'Asia/Yekaterinburg',
            deadline: '2026-06-01T06:00:00Z',
            late: true,
            actsWithViolations: 4,
          },
          {
            regionCode: '64',
            regionName: 'Саратовская область',
            timeZone: ZONE,
            deadline: '2026-06-01T06:00:00Z',
            handedAt: '2026-06-02T06:00:00Z',
            handedBy: 'region64',
            late: true,
            acts: 3,
            points: 2,
            municipalities: 1,
            unitsPassed: 1,
            actsWithViolations: 3,
          },
        ],
      },
    });
    renderApp('/observers/7');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Акты' }, { timeout: 5000 }));
    const bashkortostan = await screen.findByTestId('violations-02');
    expect(bashkortostan).toHaveTextContent('не передано, срок прошёл');
    expect(bashkortostan).toHaveTextContent('01.06.2026, 11:00 (Екатеринбург)');
    expect(bashkortostan).toHaveTextContent('сейчас актов с нарушениями: 4');
    const saratov = screen.getByTestId('violations-64');
    expect(saratov).toHaveTextContent('02.06, 10:00 (Саратов)');
    expect(saratov).toHaveTextContent('с опозданием');
    expect(screen.getByText(/Передали:/)).toHaveTextContent(
      'Передали: 1; не передали: 1; с опозданием или просрочено: 2',
    );
    expect(
      screen.queryByRole('button', { name: 'Передать сведения о нарушениях' }),
    ).not.toBeInTheDocument();
  });
});
