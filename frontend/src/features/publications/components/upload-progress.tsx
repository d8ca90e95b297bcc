/** How much of a file has gone out, as a bar and in words. */
export function UploadProgress({ fraction }: { fraction: number }) {
  const percent = Math.round(fraction * 100);
  return (
    <div className="upload-progress" data-testid="upload-progress">
      <progress max={100} value={percent} aria-label="Загрузка файла" />
      <span role="status">
        {percent < 100 ? `Загружено ${percent} %` : 'Файл отправлен, сервер проверяет его…'}
      </span>
    </div>
  );
}
