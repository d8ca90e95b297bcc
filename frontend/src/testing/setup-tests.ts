import './resolve-relative-urls';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

import { resetSession } from '@/lib/auth-session';

afterEach(() => {
  cleanup();
  // Each test starts as a freshly opened tab: no tokens in memory or in sessionStorage.
  resetSession();
  sessionStorage.clear();
});
