/** «Новое» next to a publication the caller has not opened yet. */
export function UnreadMark() {
  return (
    <span className="chip chip--new" data-testid="unread-mark">
      Новое
    </span>
  );
}
