import { api, unwrap } from '@/lib/api-client';

/** A one-time ticket (30 s) to open the live-status WebSocket. */
export const issueLiveTicket = () => unwrap(api.POST('/api/live/tickets', {}));
