import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// The app calls the API with relative URLs ('/api/regions'), which a browser resolves against the
// page; Node's Request refuses them. Resolve them against jsdom's location, before the API client
// captures Request.
const NodeRequest = globalThis.Request;
globalThis.Request = class extends NodeRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    const url = typeof input === 'string' ? new URL(input, window.location.href) : input;
    super(url, init);
  }
};

afterEach(() => cleanup());
