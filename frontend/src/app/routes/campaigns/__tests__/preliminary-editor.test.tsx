import { screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import {
  campaign,
  me,
  organization,
  organizationBrief,
  organizationPage,
  sampleEntry,
  sampleEntryPage,
  sampleSummary,
} from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/test-utils';

beforeAll(async () => {
  await import('../sample');
});

const regional = me({ role: 'REGIONAL', regionCode: '64' });
const PUT = '/api/campaigns/7/regions/64/preliminary-list';

const schools = [
  organization(),
  organization({
    id: 5002,
    login: 'edu640002',
    name: 'МОУ «ООШ с. Ивановка»',
    settlementType: 'VILLAGE',
    educationLevels: ['PRIMARY', 'BASIC'],
  }),
];
const colleges = [
  organization({
    id: 6001,
    login: 'spo640001',
    name: 'ГАПОУ «Энгельсский колледж»',
    kind: 'COLLEGE',
    educationLevels: ['VOCATIONAL'],
  }),
];

const routes = (putReply: () => Response) => ({
  '/api/me': regional,
  '/api/campaigns/7': campaign(),
  '/api/campaigns/7/sample/summary': sampleSummary([]),
  // The current list: the first school, with 54 participants.
  '/api/campaigns/7/sample': sampleEntryPage([
    sampleEntry({ status: 'PROPOSED', published: false, organization: organizationBrief() }),
  ]),
  '/api/organizations': (url: URL) =>
    organizationPage(url.searchParams.get('kind') === 'COLLEGE' ? colleges : schools),
  [PUT]: putReply,
});

const rowOf = (login: string) => {
  const row = screen
    .getAllByTestId('preliminary-row')
    .find((candidate) => candidate.getAttribute('data-login') === login);
  if (!row) throw new Error(`no row for ${login}`);
  return row;
};

async function openEditorAndTickSecondSchool() {
  const view = renderApp('/campaigns/7/sample');
  const { user } = view;
  await user.click(await screen.findByRole('button', { name: 'Заполнить на сайте' }));
  await screen.findByTestId('preliminary-editor');
  const second = rowOf('edu640002');
  await user.click(within(second).getByLabelText('Участвует'));
  await user.type(within(second).getByLabelText('Число участников'), '25');
  return view;
}

describe('preliminary list in the browser', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the region organizations of the campaign kinds and sends the ticked ones', async () => {
    const api = mockApi(routes(() => json({ regionCode: '64', proposed: 2 })));
    const { user } = await openEditorAndTickSecondSchool();

    expect(api.queriesTo('/api/organizations').map((q) => q.get('kind'))).toEqual([
      'SCHOOL',
      'COLLEGE',
    ]);
    expect(api.lastQueryTo('/api/organizations')?.get('regionCode')).toBe('64');
    // Pre-filled from the current list; the college is not ticked.
    expect(within(rowOf('edu640001')).getByLabelText('Участвует')).toBeChecked();
    expect(within(rowOf('edu640001')).getByLabelText('Число участников')).toHaveValue(54);
    expect(within(rowOf('spo640001')).getByLabelText('Участвует')).not.toBeChecked();
    // Defaults from the organization itself.
    expect(within(rowOf('edu640002')).getByLabelText('Тип населённого пункта')).toHaveValue(
      'VILLAGE',
    );

    await user.click(screen.getByRole('button', { name: 'Отправить список' }));

    expect(await screen.findByTestId('preliminary-sent')).toHaveTextContent(
      'Список отправлен: 2 организации',
    );
    const [request] = api.requestsTo(PUT);
    expect(request?.method).toBe('PUT');
    expect(await request?.json()).toEqual({
      entries: [
        {
          organizationLogin: 'edu640001',
          attributes: {
            participants: 54,
            institutionType: 'Средняя общеобразовательная школа',
            settlementType: 'CITY',
            educationLevels: ['PRIMARY', 'BASIC'],
            subjects: ['rus-4', 'math-4'],
          },
        },
        {
          organizationLogin: 'edu640002',
          attributes: {
            participants: 25,
            institutionType: 'Средняя общеобразовательная школа',
            settlementType: 'VILLAGE',
            educationLevels: ['PRIMARY', 'BASIC'],
            subjects: ['rus-4', 'math-4'],
          },
        },
      ],
    });
  });

  it('filters the rows by the search box', async () => {
    mockApi(routes(() => json({ regionCode: '64', proposed: 0 })));
    const { user } = renderApp('/campaigns/7/sample');
    await user.click(await screen.findByRole('button', { name: 'Заполнить на сайте' }));
    await user.type(await screen.findByLabelText('Найти организацию'), 'колледж');
    const rows = screen.getAllByTestId('preliminary-row');
    expect(rows.map((row) => row.getAttribute('data-login'))).toEqual(['spo640001']);
  });

  it('shows a 422 error beside the organization it is about', async () => {
    mockApi(
      routes(() =>
        json(
          {
            title: 'Unprocessable',
            status: 422,
            detail: 'В списке 1 ошибка.',
            errors: [
              {
                field: 'entries[1].attributes.participants',
                message: 'Участников больше, чем обучающихся в организации',
              },
            ],
          },
          422,
        ),
      ),
    );
    const { user } = await openEditorAndTickSecondSchool();
    await user.click(screen.getByRole('button', { name: 'Отправить список' }));

    const second = rowOf('edu640002');
    expect(await within(second).findByTestId('row-errors')).toHaveTextContent(
      'Участников больше, чем обучающихся в организации',
    );
    expect(within(rowOf('edu640001')).queryByTestId('row-errors')).toBeNull();
    expect(screen.queryByTestId('preliminary-sent')).toBeNull();
  });

  it('says prominently when the stage is closed (409)', async () => {
    mockApi(
      routes(() =>
        problem(409, 'Conflict', 'Этап «Предварительный список ОО» закрыт для региона.'),
      ),
    );
    const { user } = await openEditorAndTickSecondSchool();
    await user.click(screen.getByRole('button', { name: 'Отправить список' }));

    const alert = await screen.findByTestId('preliminary-conflict');
    expect(alert).toHaveTextContent('Список сейчас нельзя изменить');
    expect(alert).toHaveTextContent('Этап «Предварительный список ОО» закрыт для региона.');
  });

  it('does not send a ticked organization without the number of participants', async () => {
    const api = mockApi(routes(() => json({ regionCode: '64', proposed: 2 })));
    const { user } = renderApp('/campaigns/7/sample');
    await user.click(await screen.findByRole('button', { name: 'Заполнить на сайте' }));
    await user.click(
      within(await screen.findByTestId('preliminary-editor')).getAllByLabelText('Участвует')[2]!,
    );
    await user.click(screen.getByRole('button', { name: 'Отправить список' }));
    expect(within(rowOf('spo640001')).getByTestId('row-errors')).toHaveTextContent(
      'Укажите число участников',
    );
    expect(api.requestsTo(PUT)).toHaveLength(0);
  });
});
