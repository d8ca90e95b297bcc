// The app calls the API with relative URLs ('/api/regions'), which a browser resolves against the
// page; Node's Request refuses them. Resolve them against jsdom's location. Imported before
// anything that creates an API client, since openapi-fetch captures Request when it does.
const NodeRequest = globalThis.Request;
globalThis.Request = class extends NodeRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    const url = typeof input === 'string' ? new URL(input, window.location.href) : input;
    super(url, init);
  }
};
