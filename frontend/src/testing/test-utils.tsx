import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';

import { routes } from '@/app/router';
import { startSession } from '@/lib/auth-session';

import { tokens } from './data';

type RenderOptions = {
  /** Start signed in (with the tokens `tokens(1)`), as most pages need; `false` for a new tab. */
  signedIn?: boolean;
};

/** Renders the whole app at `url`, as a user who typed it into the address bar would see it. */
export function renderApp(url: string, { signedIn = true }: RenderOptions = {}) {
  if (signedIn) startSession(tokens(1));
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, user, queryClient };
}

/** The current URL's query, to assert that state survives a reload. */
export const searchOf = (router: ReturnType<typeof createMemoryRouter>) =>
  new URLSearchParams(router.state.location.search);
