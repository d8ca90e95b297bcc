import { issueLiveTicket } from './issue-live-ticket';
import type {
  LiveClientMessage,
  LiveServerMessage,
  ScanProgressRow,
  SheetCounts,
} from '@/types/api';

export type LiveConnection = 'connecting' | 'live' | 'reconnecting' | 'refused';

export type LiveTable = {
  level?: LiveServerMessage['level'];
  rows: ScanProgressRow[];
  totals?: SheetCounts;
  seq: number;
};

/** The one WebSocket method and the events this client uses, so tests can hand in a fake. */
export type SocketLike = {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
};

/** Progress rows of the scope, or (for a scanning centre) its region's batches. */
export type LiveView = 'progress' | 'batches';

export type LiveProgressOptions = {
  campaignId: number;
  regionCode?: string;
  view?: LiveView;
  onTable: (table: LiveTable) => void;
  onConnection: (state: LiveConnection, message?: string) => void;
  /** Where the socket is; by default this site's `/ws/live` (wss on https). */
  url?: string;
  openSocket?: (url: string) => SocketLike;
  issueTicket?: () => Promise<{ ticket: string }>;
  /** Waits before the n-th reconnection (from 1), in milliseconds. */
  backoff?: (attempt: number) => number;
};

const defaultUrl = () =>
  `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/ws/live`;

/** 1 s, 2 s, 4 s … at most 30 s, with a little jitter so many clients do not come back at once. */
export const defaultBackoff = (attempt: number) =>
  Math.min(30_000, 1000 * 2 ** (attempt - 1)) + Math.floor(Math.random() * 300);

/** Applies a delta: the changed rows replace theirs by key, new ones are added at the end. */
export function mergeRows(rows: ScanProgressRow[], changed: ScanProgressRow[]): ScanProgressRow[] {
  const byKey = new Map(changed.map((row) => [row.key, row]));
  const merged = rows.map((row) => byKey.get(row.key) ?? row);
  const known = new Set(rows.map((row) => row.key));
  return [...merged, ...changed.filter((row) => !known.has(row.key))];
}

/**
 * The live progress of one scope over `/ws/live`: a fresh ticket, `hello`, `subscribe`, then a
 * snapshot replaces the table and each delta merges its rows. A lost connection is opened again
 * after a growing pause, with a new ticket, and starts over from a new snapshot. A refusal
 * (`forbidden`) is final. `stop()` closes it for good.
 */
export function connectLiveProgress(options: LiveProgressOptions): { stop: () => void } {
  const openSocket = options.openSocket ?? ((url: string) => new WebSocket(url));
  const issueTicket = options.issueTicket ?? issueLiveTicket;
  const backoff = options.backoff ?? defaultBackoff;
  let table: LiveTable = { rows: [], seq: 0 };
  let socket: SocketLike | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let stopped = false;
  let refused = false;

  // `view` has a default, so the generated type makes it required; hello needs none.
  const send = (message: Omit<LiveClientMessage, 'view'> & Partial<LiveClientMessage>) =>
    socket?.send(JSON.stringify(message));

  const retry = () => {
    if (stopped || refused) return;
    socket = undefined;
    attempt += 1;
    options.onConnection('reconnecting');
    timer = setTimeout(() => void open(), backoff(attempt));
  };

  const receive = (data: unknown) => {
    let message: LiveServerMessage;
    try {
      message = JSON.parse(String(data)) as LiveServerMessage;
    } catch {
      return;
    }
    if (message.type === 'snapshot') {
      attempt = 0;
      table = {
        level: message.level,
        rows: message.rows ?? [],
        totals: message.totals,
        seq: message.seq ?? 0,
      };
      options.onTable(table);
      options.onConnection('live');
    } else if (message.type === 'delta') {
      table = {
        level: message.level ?? table.level,
        rows: mergeRows(table.rows, message.rows ?? []),
        totals: message.totals ?? table.totals,
        seq: message.seq ?? table.seq,
      };
      options.onTable(table);
    } else if (message.type === 'error' && message.code === 'forbidden') {
      refused = true;
      options.onConnection(
        'refused',
        message.message || 'Нет прав на просмотр этого региона в реальном времени.',
      );
    }
  };

  const open = async () => {
    if (stopped) return;
    let ticket: string;
    try {
      ticket = (await issueTicket()).ticket;
    } catch {
      retry();
      return;
    }
    if (stopped) return;
    let current: SocketLike;
    try {
      current = openSocket(options.url ?? defaultUrl());
    } catch {
      retry();
      return;
    }
    socket = current;
    current.onopen = () => {
      send({ type: 'hello', ticket });
      send({
        type: 'subscribe',
        campaignId: options.campaignId,
        regionCode: options.regionCode,
        view: options.view ?? 'progress',
      });
    };
    current.onmessage = (event) => {
      if (socket === current) receive(event.data);
    };
    current.onerror = () => undefined; // onclose follows and reconnects
    current.onclose = () => {
      if (socket === current) retry();
    };
  };

  options.onConnection('connecting');
  void open();

  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      const current = socket;
      socket = undefined;
      current?.close(1000, 'done');
    },
  };
}
