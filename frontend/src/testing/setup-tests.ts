import './resolve-relative-urls';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

import { resetSession } from '@/lib/auth-session';

// findBy…/waitFor wait this long: a lazy page's first render can take over a second while the
// machine is busy compiling, and the default (1 s) then fails a test that is right.
configure({ asyncUtilTimeout: 3000 });

afterEach(() => {
  cleanup();
  // Each test starts as a freshly opened tab: no tokens in memory or in sessionStorage.
  resetSession();
  sessionStorage.clear();
});
