import { vi } from 'vitest';

/**
 * Replaces XMLHttpRequest with one that sends through global fetch, so uploads reach the fake
 * backend of `mockApi` and are recorded like every other call. Reports the whole body as sent
 * before the answer, as a real upload's progress ends.
 */
export function stubXhrWithFetch() {
  class FetchXhr {
    status = 0;
    responseText = '';
    readonly upload: { onprogress: ((event: ProgressEvent) => void) | null } = {
      onprogress: null,
    };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    private method = 'GET';
    private url = '';
    private readonly headers = new Headers();
    private responseHeaders = new Headers();

    open(method: string, url: string) {
      this.method = method;
      this.url = url;
    }

    setRequestHeader(name: string, value: string) {
      this.headers.set(name, value);
    }

    getResponseHeader(name: string) {
      return this.responseHeaders.get(name);
    }

    abort() {
      this.onabort?.();
    }

    send(body: Blob) {
      void (async () => {
        const bytes = new Uint8Array(await body.arrayBuffer());
        this.upload.onprogress?.({
          lengthComputable: true,
          loaded: bytes.length,
          total: bytes.length,
        } as ProgressEvent);
        try {
          const response = await globalThis.fetch(
            new Request(this.url, { method: this.method, headers: this.headers, body: bytes }),
          );
          this.status = response.status;
          this.responseHeaders = response.headers;
          this.responseText = await response.text();
          this.onload?.();
        } catch {
          this.onerror?.();
        }
      })();
    }
  }
  vi.stubGlobal('XMLHttpRequest', FetchXhr);
}
