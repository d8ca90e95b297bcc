import { ProblemErrorsTable } from '@/components/ui/problem-errors-table';

import type { UploadItem } from '../hooks/use-upload-queue';
import { formatBytes } from '../utils/labels';

import { BatchOutcome } from './batch-outcome';

type UploadListProps = {
  items: UploadItem[];
  onCancel: (key: number) => void;
  onResume: (key: number) => void;
  onClear: () => void;
};

/** The files of this visit, each with its progress bar and what became of it. */
export function UploadList({ items, onCancel, onResume, onClear }: UploadListProps) {
  if (items.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="upload-list-title">
      <div className="scans-heading-row">
        <h2 id="upload-list-title" className="scans-section-title">
          Отправляемые файлы
        </h2>
        <button type="button" className="button button--secondary button--small" onClick={onClear}>
          Убрать завершённые
        </button>
      </div>
      <ul className="scans-uploads">
        {items.map((item) => (
          <UploadRow key={item.key} item={item} onCancel={onCancel} onResume={onResume} />
        ))}
      </ul>
    </section>
  );
}

type UploadRowProps = {
  item: UploadItem;
  onCancel: (key: number) => void;
  onResume: (key: number) => void;
};

function UploadRow({ item, onCancel, onResume }: UploadRowProps) {
  const { file, phase } = item;
  const percent = file.size > 0 ? Math.min(100, Math.round((item.sentBytes / file.size) * 100)) : 0;
  const active = phase === 'waiting' || phase === 'sending' || phase === 'retrying';
  return (
    <li className="scans-upload-item" data-testid="upload-item" data-phase={phase}>
      <div className="scans-upload-item__head">
        <strong className="scans-upload-item__name">{file.name}</strong>
        <span className="table__muted">
          {formatBytes(file.size)} · {item.target.organizationName}
        </span>
      </div>
      {(active || phase === 'failed') && (
        <div className="upload-progress">
          <progress max={100} value={percent} aria-label={`Загрузка файла ${file.name}`} />
          <span role="status">
            {phase === 'waiting' && 'В очереди'}
            {phase === 'sending' && `Отправлено ${percent} %`}
            {phase === 'retrying' &&
              `Связь прервалась на ${percent} %. Продолжим сами через ${Math.round((item.retryDelayMs ?? 0) / 1000)} с…`}
            {phase === 'failed' && `Остановлено на ${percent} %`}
          </span>
        </div>
      )}
      {phase === 'unpacking' && (
        <p className="scans-upload-item__unpacking" role="status" data-testid="upload-unpacking">
          Файл получен целиком, сервер проверяет и распаковывает его… Страницу можно не держать
          открытой: итог появится в списке загруженных файлов.
        </p>
      )}
      {phase === 'failed' && (
        <div className="alert alert--error" role="alert">
          <p className="alert__title">Файл не отправлен</p>
          <p className="alert__text">{item.error}</p>
          {item.errors && <ProblemErrorsTable errors={item.errors} variant="archive" />}
        </div>
      )}
      {phase === 'cancelled' && (
        <p className="table__muted" role="status">
          Загрузка отменена.{item.error ? ` ${item.error}` : ''}
        </p>
      )}
      {(phase === 'done' || phase === 'rejected') && item.batch && (
        <BatchOutcome batch={item.batch} />
      )}
      <div className="actions">
        {active && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onCancel(item.key)}
          >
            Отменить
          </button>
        )}
        {phase === 'failed' && (
          <button type="button" className="button" onClick={() => onResume(item.key)}>
            Продолжить загрузку
          </button>
        )}
      </div>
    </li>
  );
}
