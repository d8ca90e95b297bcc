type SaveConflictProps = { message: string; reloading: boolean; onReload: () => void };

/** Someone else saved the form meanwhile (409): the user's edits stay on screen, not saved. */
export function SaveConflict({ message, reloading, onReload }: SaveConflictProps) {
  return (
    <div className="alert alert--error alert--big" role="alert" data-testid="save-conflict">
      <p className="alert__title">Изменения не сохранены</p>
      <p className="alert__text">{message}</p>
      <p className="alert__text">
        Ваши последние правки пока видны на экране, но не сохранены. Загрузите актуальную версию
        формы; если правки нужны, перенесите их в неё заново.
      </p>
      <button type="button" className="button" disabled={reloading} onClick={onReload}>
        {reloading ? 'Загружаем…' : 'Загрузить актуальную версию'}
      </button>
    </div>
  );
}

/** Leaving the page with unsaved edits: saving them first, or the user decides if that failed. */
type LeaveWarningProps = { saving: boolean; onStay: () => void; onLeave: () => void };

export function LeaveWarning({ saving, onStay, onLeave }: LeaveWarningProps) {
  return (
    <div className="alert alert--warning" role="alert" data-testid="leave-warning">
      <p className="alert__title">Есть несохранённые изменения</p>
      <p className="alert__text">
        {saving
          ? 'Сохраняем их перед уходом…'
          : 'Сохранить их не удалось. Если уйти сейчас, они пропадут.'}
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={onStay}>
          Остаться на странице
        </button>
        <button type="button" className="button button--secondary" onClick={onLeave}>
          Уйти без сохранения
        </button>
      </div>
    </div>
  );
}
