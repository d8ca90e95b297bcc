import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { mockApi } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/test-utils';

describe('unknown addresses', () => {
  it.each(['/no-such-page', '/orgs/regions/abc', '/orgs/organizations/x1'])(
    'shows a Russian 404 page for %s without calling the API',
    async (url) => {
      const api = mockApi({});

      renderApp(url);

      expect(
        await screen.findByRole('heading', { level: 1, name: 'Страница не найдена' }),
      ).toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'К списку регионов' })).toHaveAttribute(
        'href',
        '/orgs',
      );
      expect(api.queriesTo('/api/regions')).toHaveLength(0);
    },
  );
});
