import { useEffect, useState } from 'react';

import {
  connectLiveProgress,
  type LiveConnection,
  type LiveProgressOptions,
  type LiveTable,
  type LiveView,
} from '../api/live-progress';

export type LiveProgress = {
  /** Undefined until the first snapshot. */
  table?: LiveTable;
  connection: LiveConnection;
  message?: string;
};

/** The live table of a scope, kept open while the component is shown. */
export function useLiveProgress(
  campaignId: number | undefined,
  regionCode: string | undefined,
  extra: Pick<LiveProgressOptions, 'openSocket' | 'issueTicket' | 'backoff'> = {},
  view: LiveView = 'progress',
): LiveProgress {
  const [state, setState] = useState<LiveProgress & { scope: string }>({
    connection: 'connecting',
    scope: '',
  });
  const scope = `${campaignId}/${regionCode ?? ''}/${view}`;
  const { openSocket, issueTicket, backoff } = extra;

  useEffect(() => {
    if (campaignId === undefined) return undefined;
    const connection = connectLiveProgress({
      campaignId,
      regionCode,
      view,
      openSocket,
      issueTicket,
      backoff,
      onTable: (table) => setState((current) => ({ ...current, scope, table })),
      onConnection: (connection, message) =>
        setState((current) => ({
          ...current,
          // A new scope starts without the old one's table.
          table: current.scope === scope ? current.table : undefined,
          scope,
          connection,
          message,
        })),
    });
    return () => connection.stop();
  }, [campaignId, regionCode, view, scope, openSocket, issueTicket, backoff]);

  if (state.scope !== scope) return { connection: 'connecting' };
  return { table: state.table, connection: state.connection, message: state.message };
}
