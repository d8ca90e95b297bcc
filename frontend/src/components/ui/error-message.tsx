type ErrorMessageProps = {
  error: unknown;
  title?: string;
  onRetry?: () => void;
};

export function ErrorMessage({
  error,
  title = 'Не удалось загрузить данные',
  onRetry,
}: ErrorMessageProps) {
  const message = error instanceof Error ? error.message : 'Неизвестная ошибка.';
  return (
    <div className="alert alert--error" role="alert">
      <p className="alert__title">{title}</p>
      <p className="alert__text">{message}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Повторить
        </button>
      )}
    </div>
  );
}
