import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { me } from '@/testing/data';
import { json, mockApi } from '@/testing/fetch-mock';
import { campaign, campaignPage, publication, publicationPage } from '@/testing/publications-data';
import { renderApp } from '@/testing/test-utils';

// Issue 20; seed 001: «откройте публикацию … блок „Сбор данных“» — the author puts a form of the
// campaign into a publication, and the school reaches the form from the released publication.
const ONE = '/api/publications/71';
const BLOCK = '/api/publications/71/data-collection';
const application = { id: 41, code: 'application', title: 'Заявка на участие в ВПР' };
const school = me({
  login: 'edu640001',
  displayName: 'МБОУ СОШ № 1',
  role: 'ORGANIZATION',
  regionCode: '64',
  organizationId: 5,
});

describe('a publication carries a form as its «Сбор данных»', { timeout: 20_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('its author chooses a form of the campaign and saves it with PUT', async () => {
    const api = mockApi({
      '/api/campaigns': campaignPage([campaign()]),
      '/api/publications': publicationPage([]),
      [ONE]: publication({ status: 'DRAFT', releaseAt: undefined }),
      [`/api/campaigns/11/forms`]: () => json([application]),
      [BLOCK]: () =>
        json(
          publication({
            status: 'DRAFT',
            releaseAt: undefined,
            dataCollection: { kind: 'FORM', formId: 41, formTitle: application.title },
          }),
        ),
    });
    const { user } = renderApp('/publications/71');
    const editor = await screen.findByTestId('data-collection-editor', {}, { timeout: 5000 });
    expect(within(editor).getByTestId('data-collection-current')).toHaveTextContent('ничего');
    // a ВПР offers the codes protocol as its tool, not protocol 1
    const kind = within(editor).getByLabelText('Что вложить');
    expect(within(kind).queryByRole('option', { name: /протокол 1/ })).toBeNull();
    await user.selectOptions(kind, 'FORM');
    await user.selectOptions(await within(editor).findByLabelText('Форма'), '41');
    await user.click(within(editor).getByRole('button', { name: 'Сохранить «Сбор данных»' }));

    expect(await within(editor).findByTestId('data-collection-saved')).toHaveTextContent(
      'форма «Заявка на участие в ВПР»',
    );
    const [sent, ...more] = api.requestsTo(BLOCK);
    expect(more).toHaveLength(0);
    expect(sent?.method).toBe('PUT');
    expect(await sent?.json()).toEqual({ kind: 'FORM', formId: 41 });
  });

  it('without a chosen form the author is told to choose one and nothing is sent', async () => {
    const api = mockApi({
      '/api/campaigns': campaignPage([campaign()]),
      '/api/publications': publicationPage([]),
      [ONE]: publication({ status: 'DRAFT', releaseAt: undefined }),
      [`/api/campaigns/11/forms`]: () => json([application]),
    });
    const { user } = renderApp('/publications/71');
    const editor = await screen.findByTestId('data-collection-editor', {}, { timeout: 5000 });
    await user.selectOptions(within(editor).getByLabelText('Что вложить'), 'FORM');
    await within(editor).findByLabelText('Форма');
    await user.click(within(editor).getByRole('button', { name: 'Сохранить «Сбор данных»' }));
    expect(await within(editor).findByRole('alert')).toHaveTextContent('Выберите форму.');
    expect(api.requestsTo(BLOCK)).toHaveLength(0);
  });

  it('the school sees the block and reaches the form from it', async () => {
    mockApi({
      '/api/me': school,
      '/api/campaigns': campaignPage([campaign()]),
      '/api/publications': publicationPage([]),
      [ONE]: publication({
        read: true,
        dataCollection: { kind: 'FORM', formId: 41, formTitle: application.title },
      }),
    });
    renderApp('/publications/71');
    const block = await screen.findByTestId('publication-data-collection', {}, { timeout: 5000 });
    expect(within(block).getByRole('heading', { name: 'Сбор данных' })).toBeInTheDocument();
    expect(within(block).getByRole('link', { name: application.title })).toHaveAttribute(
      'href',
      '/forms/41',
    );
    // the school does not edit the block
    expect(screen.queryByTestId('data-collection-editor')).toBeNull();
  });

  it('a ВПР publication carrying the codes protocol leads the school to its codes', async () => {
    mockApi({
      '/api/me': school,
      '/api/campaigns': campaignPage([campaign()]),
      '/api/campaigns/11': campaign(),
      '/api/publications': publicationPage([]),
      [ONE]: publication({ read: true, dataCollection: { kind: 'CODES_PROTOCOL' } }),
    });
    renderApp('/publications/71');
    const block = await screen.findByTestId('publication-data-collection', {}, { timeout: 5000 });
    expect(within(block).getByRole('heading', { name: 'Сбор данных' })).toBeInTheDocument();
    expect(
      await within(block).findByRole('link', { name: 'Русский язык, 4 класс' }),
    ).toHaveAttribute('href', '/campaigns/11/codes/rus-4');
  });
});
