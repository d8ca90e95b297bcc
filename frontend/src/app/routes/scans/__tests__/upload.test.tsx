import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { campaignPage, me, organization, organizationPage } from '@/testing/data';
import { json, mockApi } from '@/testing/fetch-mock';
import { counts, page, scanBatch, scanCampaign } from '@/testing/scans-data';
import { renderApp } from '@/testing/test-utils';
import { stubXhrWithFetch } from '@/testing/xhr-via-fetch';

const MiB = 1024 * 1024;
const scanner = me({
  login: 'scan64',
  displayName: 'Центр сканирования',
  role: 'SCANNER',
  regionCode: '64',
});
const ppoOrganization = organization({
  id: 6401,
  login: 'edu645001',
  name: 'ППО № 1 г. Саратова',
  kind: 'ASSESSMENT_POINT',
});

type Chunk = { offset: string | null; length: number; contentType: string | null };

/** A backend that keeps one batch and stores the chunks that arrive at its offset. */
function scanBackend({
  finish = (size: number) =>
    scanBatch({
      size,
      receivedBytes: size,
      status: 'DONE',
      sheets: counts({ uploaded: 1, accepted: 1 }),
    }),
  failChunk = new Set<number>(),
  listed = [] as ReturnType<typeof scanBatch>[],
  /** The last chunk is answered UNPACKING; reading the batch then gives the outcome. */
  unpacking = false,
} = {}) {
  let size = 0;
  let received = 0;
  const chunks: Chunk[] = [];
  const current = () =>
    received === size && size > 0 ? finish(size) : scanBatch({ size, receivedBytes: received });
  const api = mockApi({
    '/api/me': scanner,
    '/api/campaigns': campaignPage([scanCampaign()]),
    '/api/organizations': organizationPage([ppoOrganization]),
    '/api/campaigns/9/scan-batches': async (_, request) => {
      if (request.method === 'GET') return page(listed);
      const input = (await request.json()) as { size: number };
      size = input.size;
      return json(scanBatch({ size }), 201);
    },
    '/api/scan-batches/41': (_, request) => {
      if (request.method === 'DELETE') return new Response(null, { status: 204 });
      return current();
    },
    '/api/scan-batches/41/content': async (_, request) => {
      const body = await request.arrayBuffer();
      chunks.push({
        offset: request.headers.get('Upload-Offset'),
        length: body.byteLength,
        contentType: request.headers.get('Content-Type'),
      });
      if (failChunk.has(chunks.length)) throw new TypeError('Failed to fetch');
      received += body.byteLength;
      if (unpacking && received === size) {
        return scanBatch({ size, receivedBytes: size, status: 'UNPACKING' });
      }
      return current();
    },
  });
  return { api, chunks };
}

async function chooseOrganization(user: ReturnType<typeof renderApp>['user']) {
  await user.type(await screen.findByLabelText('Организация'), 'edu645');
  await user.click(await screen.findByRole('button', { name: /ППО № 1 г. Саратова/ }));
  expect(screen.getByTestId('picked-organization')).toHaveTextContent('ППО № 1 г. Саратова');
}

// Megabytes go through the fake XMLHttpRequest and the lazy page loads first: allow time.
describe('scan upload page', { timeout: 15_000 }, () => {
  afterEach(() => sessionStorage.clear());

  it('explains how to name files', async () => {
    scanBackend();
    renderApp('/scans/upload');
    expect(
      await screen.findByText('Как называть файлы', {}, { timeout: 4000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('<комплект>_<страница>.png')).toBeInTheDocument();
    expect(screen.getByText('manifest.csv')).toBeInTheDocument();
  });

  it('opens a batch and sends the file in 5 MiB chunks with their offsets', async () => {
    stubXhrWithFetch();
    const { api, chunks } = scanBackend();
    const { user } = renderApp('/scans/upload');
    await user.selectOptions(await screen.findByLabelText('Предмет'), 'math');
    await chooseOrganization(user);

    const file = new File([new Uint8Array(6 * MiB + 100)], '501501_1.png', { type: 'image/png' });
    await user.upload(screen.getByTestId('scan-file-input'), file);

    expect(await screen.findByTestId('batch-done', {}, { timeout: 4000 })).toHaveTextContent(
      'Листов: 1 · принято: 1 · с ошибками: 0',
    );
    const [create] = api
      .requestsTo('/api/campaigns/9/scan-batches')
      .filter((r) => r.method === 'POST');
    expect(await create!.json()).toEqual({
      subjectKey: 'math',
      organizationId: 6401,
      fileName: '501501_1.png',
      size: 6 * MiB + 100,
    });
    expect(chunks).toEqual([
      { offset: '0', length: 5 * MiB, contentType: 'application/offset+octet-stream' },
      {
        offset: String(5 * MiB),
        length: MiB + 100,
        contentType: 'application/offset+octet-stream',
      },
    ]);
    expect(api.requestsTo('/api/scan-batches/41/content')[0]?.method).toBe('PATCH');
  });

  it('says the file is being unpacked once sent, then shows what it held', async () => {
    stubXhrWithFetch();
    scanBackend({ unpacking: true });
    const { user } = renderApp('/scans/upload');
    await chooseOrganization(user);

    const file = new File([new Uint8Array(1000)], '501501_3.png', { type: 'image/png' });
    await user.upload(await screen.findByTestId('scan-file-input'), file);

    expect(await screen.findByTestId('upload-unpacking')).toHaveTextContent(
      'Файл получен целиком, сервер проверяет и распаковывает его',
    );
    expect(screen.queryByRole('button', { name: 'Отменить' })).toBeNull();
    expect(await screen.findByTestId('batch-done', {}, { timeout: 4000 })).toHaveTextContent(
      'Листов: 1 · принято: 1 · с ошибками: 0',
    );
    expect(screen.queryByTestId('upload-unpacking')).toBeNull();
  });

  it('resumes by itself after the connection breaks, from what the server holds', async () => {
    stubXhrWithFetch();
    const { chunks } = scanBackend({ failChunk: new Set([2]) });
    const { user } = renderApp('/scans/upload');
    await chooseOrganization(user);

    const file = new File([new Uint8Array(6 * MiB)], '501501_2.png', { type: 'image/png' });
    await user.upload(await screen.findByTestId('scan-file-input'), file);

    expect(await screen.findByText(/Связь прервалась на 83 %. Продолжим сами/)).toBeInTheDocument();
    expect(await screen.findByTestId('batch-done', {}, { timeout: 4000 })).toBeInTheDocument();
    expect(chunks.map((chunk) => chunk.offset)).toEqual(['0', String(5 * MiB), String(5 * MiB)]);
  });

  it('shows why a batch was rejected as a whole', async () => {
    stubXhrWithFetch();
    scanBackend({
      finish: (size) =>
        scanBatch({
          size,
          receivedBytes: size,
          status: 'REJECTED',
          problem: 'В архиве файл с путём «../evil.png»: архив отклонён целиком.',
        }),
    });
    const { user } = renderApp('/scans/upload');
    await chooseOrganization(user);
    const file = new File([new Uint8Array(500)], 'edu645001-rus.zip', { type: 'application/zip' });
    await user.upload(await screen.findByTestId('scan-file-input'), file);

    const rejected = await screen.findByTestId('batch-rejected');
    expect(rejected).toHaveTextContent('Файл отклонён целиком');
    expect(rejected).toHaveTextContent(
      'В архиве файл с путём «../evil.png»: архив отклонён целиком.',
    );
  });

  it('accepts files dropped on the drop zone', async () => {
    stubXhrWithFetch();
    const { chunks } = scanBackend();
    const { user } = renderApp('/scans/upload');
    await chooseOrganization(user);
    const file = new File([new Uint8Array(300)], '501501_3.png', { type: 'image/png' });
    const zone = screen.getByTestId('scan-drop-zone');
    const { fireEvent } = await import('@testing-library/react');
    fireEvent.drop(zone, { dataTransfer: { files: [file] } });

    expect(await screen.findByTestId('batch-done')).toBeInTheDocument();
    expect(chunks).toHaveLength(1);
    expect(within(screen.getByTestId('upload-item')).getByText('501501_3.png')).toBeInTheDocument();
  });

  it('cancels an upload that has not finished', async () => {
    // No XHR stub answer: the chunk hangs until cancelled.
    class HangingXhr {
      upload = { onprogress: null };
      onload = null;
      onerror = null;
      onabort: (() => void) | null = null;
      open() {}
      setRequestHeader() {}
      getResponseHeader() {
        return null;
      }
      send() {}
      abort() {
        this.onabort?.();
      }
    }
    const { vi } = await import('vitest');
    vi.stubGlobal('XMLHttpRequest', HangingXhr);
    const { api } = scanBackend();
    const { user } = renderApp('/scans/upload');
    await chooseOrganization(user);
    const file = new File([new Uint8Array(300)], '501501_4.png', { type: 'image/png' });
    await user.upload(await screen.findByTestId('scan-file-input'), file);

    await user.click(await screen.findByRole('button', { name: 'Отменить' }));
    expect(await screen.findByText('Загрузка отменена.')).toBeInTheDocument();
    await waitFor(() =>
      expect(api.requestsTo('/api/scan-batches/41').map((r) => r.method)).toContain('DELETE'),
    );
  });

  it('lists the uploaded batches with their sheet counts', async () => {
    scanBackend({
      listed: [
        scanBatch({
          status: 'DONE',
          fileName: 'edu645001-rus.zip',
          receivedBytes: 1000,
          sheets: counts({ uploaded: 12, accepted: 10, errors: 2 }),
        }),
      ],
    });
    renderApp('/scans/upload');
    const row = await screen.findByTestId('batch-row');
    expect(row).toHaveTextContent('edu645001-rus.zip');
    expect(row).toHaveTextContent('Получен');
    expect(within(row).getByRole('link', { name: '2' })).toHaveAttribute(
      'href',
      '/scans/errors?campaign=9&batch=41',
    );
    expect(row).toHaveTextContent('12.05.2026 11:30');
  });
});
