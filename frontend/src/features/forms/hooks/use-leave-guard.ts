import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';

/**
 * Leaving with edits not yet stored: the browser warns (closing, reloading the tab), and a move
 * within the app waits for a save first — it goes on once saved, and the returned blocker lets
 * the user decide if the save fails.
 */
export function useLeaveGuard(unsaved: boolean, flush: () => Promise<boolean>) {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const blocker = useBlocker(unsaved);
  // One save per attempt to leave, however often the page re-renders meanwhile.
  const leaving = useRef(false);
  useEffect(() => {
    if (blocker.state !== 'blocked') {
      leaving.current = false;
      return;
    }
    if (leaving.current) return;
    leaving.current = true;
    void flush().then((saved) => {
      if (saved) blocker.proceed();
    });
  }, [blocker, flush]);
  return blocker;
}
