import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { organization } from '@/testing/data';
import { mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/test-utils';

describe('organization card', () => {
  it('shows the organization with breadcrumbs back to its region and municipality', async () => {
    mockApi({
      '/api/organizations/5001': organization(),
    });

    renderApp('/orgs/organizations/5001');

    const card = await screen.findByTestId('organization-card');
    expect(within(card).getByTestId('organization-card-login')).toHaveTextContent('edu640001');
    expect(card).toHaveTextContent('Общеобразовательная организация');
    expect(card).toHaveTextContent('Город');
    expect(card).toHaveTextContent('Основное общее (ООО)');
    expect(card).toHaveTextContent('г. Энгельс, ул. Тельмана');
    expect(await within(card).findByText('64 — Саратовская область')).toBeInTheDocument();

    const crumbs = screen.getByRole('navigation', { name: 'Навигационная цепочка' });
    expect(within(crumbs).getByRole('link', { name: 'Саратовская область' })).toHaveAttribute(
      'href',
      '/orgs/regions/64',
    );
    expect(
      within(crumbs).getByRole('link', { name: 'Энгельсский муниципальный район' }),
    ).toHaveAttribute('href', '/orgs/regions/64?municipality=101');
  });

  it('says «Без муниципалитета» for an organization under the region directly', async () => {
    mockApi({
      '/api/organizations/7': organization({
        id: 7,
        municipalityId: undefined,
        municipalityName: undefined,
      }),
    });

    renderApp('/orgs/organizations/7');

    const crumbs = await screen.findByRole('navigation', { name: 'Навигационная цепочка' });
    expect(within(crumbs).getByRole('link', { name: 'Без муниципалитета' })).toHaveAttribute(
      'href',
      '/orgs/regions/64?municipality=none',
    );
  });

  it('shows the problem detail when the organization does not exist', async () => {
    mockApi({
      '/api/organizations/404404': problem(404, 'Not Found', 'Организация не найдена.'),
    });

    renderApp('/orgs/organizations/404404');

    expect(await screen.findByRole('alert')).toHaveTextContent('Организация не найдена.');
  });
});
