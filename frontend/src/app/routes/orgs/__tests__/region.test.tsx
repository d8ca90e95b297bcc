import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { organization, organizationPage, saratovTree } from '@/testing/data';
import { mockApi, problem } from '@/testing/fetch-mock';
import { renderApp, searchOf } from '@/testing/test-utils';

const school = organization();
const college = organization({
  id: 5002,
  login: 'spo640002',
  name: 'ГАПОУ СО «Энгельсский политехникум»',
  kind: 'COLLEGE',
});

function mockRegion() {
  return mockApi({
    '/api/regions/64/tree': saratovTree,
    '/api/organizations': (url) => {
      const q = url.searchParams.get('q');
      const kind = url.searchParams.get('kind');
      const matching = [school, college].filter(
        (org) => (!q || org.login === q || org.name.includes(q)) && (!kind || org.kind === kind),
      );
      const page = Number(url.searchParams.get('page') ?? 0);
      return organizationPage(matching, page, 3, 45);
    },
  });
}

describe('region page', () => {
  it('shows the tree with counts and asks to pick a node', async () => {
    mockRegion();

    renderApp('/orgs/regions/64');

    const tree = await screen.findByTestId('region-tree');
    expect(screen.getByRole('heading', { level: 1, name: 'Саратовская область' })).toBeVisible();
    const nodes = within(tree).getAllByTestId('tree-node');
    expect(nodes).toHaveLength(2);
    expect(nodes[0]).toHaveTextContent('Энгельсский муниципальный район');
    expect(nodes[0]).toHaveTextContent('32');
    expect(within(nodes[0]!).getByTitle('Организация СПО')).toHaveTextContent('СПО 2');
    expect(within(tree).getByTestId('tree-node-without-municipality')).toHaveTextContent(
      'Без муниципалитета',
    );
    expect(screen.getByTestId('organizations-hint')).toBeInTheDocument();
  });

  it('lists a municipality’s organizations when it is selected', async () => {
    const api = mockRegion();
    const { router, user } = renderApp('/orgs/regions/64');

    await user.click(await screen.findByRole('link', { name: /Энгельсский муниципальный район/ }));

    const table = await screen.findByTestId('organizations-table');
    expect(within(table).getAllByTestId('organization-row')).toHaveLength(2);
    expect(within(table).getByRole('link', { name: college.name })).toHaveAttribute(
      'href',
      '/orgs/organizations/5002',
    );
    expect(screen.getByText('Страница 1 из 3')).toBeInTheDocument();
    const query = api.lastQueryTo('/api/organizations');
    expect(query?.get('regionCode')).toBe('64');
    expect(query?.get('municipalityId')).toBe('101');
    expect(query?.has('withoutMunicipality')).toBe(false);
    expect(searchOf(router).get('municipality')).toBe('101');
  });

  it('asks for the organizations without a municipality', async () => {
    const api = mockRegion();
    const { user } = renderApp('/orgs/regions/64');

    await user.click(await screen.findByTestId('tree-node-without-municipality'));

    await screen.findByTestId('organizations-table');
    expect(screen.getByRole('heading', { level: 2, name: 'Без муниципалитета' })).toBeVisible();
    const query = api.lastQueryTo('/api/organizations');
    expect(query?.get('withoutMunicipality')).toBe('true');
    expect(query?.has('municipalityId')).toBe(false);
  });

  it('searches once typing pauses and keeps the search in the URL', async () => {
    const api = mockRegion();
    const { router, user } = renderApp('/orgs/regions/64?municipality=101');
    await screen.findByText(college.name);

    await user.type(screen.getByLabelText('Поиск по названию или логину'), 'spo640002');

    await waitFor(() => expect(screen.queryByText(school.name)).not.toBeInTheDocument());
    expect(screen.getByText(college.name)).toBeInTheDocument();
    expect(api.lastQueryTo('/api/organizations')?.get('q')).toBe('spo640002');
    // Debounced: not one request per keystroke.
    expect(api.queriesTo('/api/organizations').length).toBeLessThan(4);
    expect(searchOf(router).get('q')).toBe('spo640002');
  });

  it('filters by kind with Russian labels', async () => {
    const api = mockRegion();
    const { user } = renderApp('/orgs/regions/64?municipality=101');
    await screen.findByText(college.name);

    await user.selectOptions(
      screen.getByLabelText('Тип организации'),
      screen.getByRole('option', { name: 'Организация СПО' }),
    );

    await waitFor(() => expect(screen.queryByText(school.name)).not.toBeInTheDocument());
    expect(api.lastQueryTo('/api/organizations')?.get('kind')).toBe('COLLEGE');
  });

  it('pages through the organizations and restores page, search and kind from the URL', async () => {
    const api = mockRegion();
    const { user } = renderApp('/orgs/regions/64?municipality=101&page=2&q=школа&kind=SCHOOL');

    expect(await screen.findByText('Страница 2 из 3')).toBeInTheDocument();
    expect(screen.getByLabelText('Поиск по названию или логину')).toHaveValue('школа');
    expect(screen.getByLabelText('Тип организации')).toHaveValue('SCHOOL');
    let query = api.lastQueryTo('/api/organizations');
    expect([query?.get('page'), query?.get('q'), query?.get('kind')]).toEqual([
      '1',
      'школа',
      'SCHOOL',
    ]);

    await user.click(screen.getByRole('button', { name: /Далее/ }));

    expect(await screen.findByText('Страница 3 из 3')).toBeInTheDocument();
    query = api.lastQueryTo('/api/organizations');
    expect(query?.get('page')).toBe('2');
    expect(screen.getByRole('button', { name: /Далее/ })).toBeDisabled();
  });

  it('shows the problem detail for an unknown region', async () => {
    mockApi({ '/api/regions/99/tree': problem(404, 'Not Found', 'Регион с кодом 99 не найден.') });

    renderApp('/orgs/regions/99');

    expect(await screen.findByRole('alert')).toHaveTextContent('Регион с кодом 99 не найден.');
  });

  it('falls back to the problem title when there is no detail', async () => {
    mockApi({ '/api/regions/64/tree': problem(503, 'Сервис временно недоступен') });

    renderApp('/orgs/regions/64');

    expect(await screen.findByRole('alert')).toHaveTextContent('Сервис временно недоступен');
  });
});
