import { useCallback, useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';

import { useScoringTaskPage } from '../api/get-scoring-task-page';

type Zoom = 'fit' | 'actual';

type ScanViewerProps = {
  taskId: number;
  /** The pages that have a scan, in order. */
  pages: number[];
  page: number;
  onPageChange: (page: number) => void;
};

/** The scan of one page of the work, large, with a page switcher and a zoom toggle. */
export function ScanViewer({ taskId, pages, page, onPageChange }: ScanViewerProps) {
  const [zoom, setZoom] = useState<Zoom>('fit');
  const index = pages.indexOf(page);

  return (
    <section className="scan-viewer" aria-label="Скан работы" data-testid="scan-viewer">
      <div className="scan-viewer__toolbar">
        <div className="scan-viewer__pages" role="group" aria-label="Страницы работы">
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={index <= 0}
            onClick={() => onPageChange(pages[index - 1] ?? page)}
            aria-label="Предыдущая страница"
          >
            ←
          </button>
          {pages.map((number) => (
            <button
              key={number}
              type="button"
              className={`button button--small${number === page ? '' : ' button--secondary'}`}
              aria-pressed={number === page}
              onClick={() => onPageChange(number)}
            >
              Стр. {number}
            </button>
          ))}
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={index < 0 || index >= pages.length - 1}
            onClick={() => onPageChange(pages[index + 1] ?? page)}
            aria-label="Следующая страница"
          >
            →
          </button>
        </div>
        <div className="segmented scan-viewer__zoom" role="group" aria-label="Масштаб">
          <button
            type="button"
            className="button button--secondary button--small segmented__item"
            aria-pressed={zoom === 'fit'}
            onClick={() => setZoom('fit')}
          >
            По ширине
          </button>
          <button
            type="button"
            className="button button--secondary button--small segmented__item"
            aria-pressed={zoom === 'actual'}
            onClick={() => setZoom('actual')}
          >
            100 %
          </button>
        </div>
      </div>
      {pages.includes(page) ? (
        <ScanPage key={page} taskId={taskId} page={page} zoom={zoom} />
      ) : (
        <div className="alert alert--warning" role="alert">
          <p className="alert__title">Страницы {page} нет среди сканов</p>
          <p className="alert__text">
            Скан этой страницы не загружен. Выберите другую страницу или сообщите региональному
            координатору.
          </p>
        </div>
      )}
    </section>
  );
}

/** Puts an object URL of `blob` into an element's attribute while the element exists. */
function useObjectUrl<T extends HTMLElement>(
  blob: Blob | undefined,
  attribute: 'src' | 'data' | 'href',
) {
  return useCallback(
    (node: T | null) => {
      if (!node || !blob) return undefined;
      const url = URL.createObjectURL(blob);
      node.setAttribute(attribute, url);
      return () => URL.revokeObjectURL(url);
    },
    [blob, attribute],
  );
}

function ScanPage({ taskId, page, zoom }: { taskId: number; page: number; zoom: Zoom }) {
  const scan = useScoringTaskPage({ taskId, page });
  const image = useObjectUrl<HTMLImageElement>(scan.data, 'src');
  const pdf = useObjectUrl<HTMLObjectElement>(scan.data, 'data');
  const link = useObjectUrl<HTMLAnchorElement>(scan.data, 'href');

  if (scan.isPending) return <Loading label={`Загружаем скан страницы ${page}…`} />;
  if (scan.isError) {
    return (
      <ErrorMessage
        error={scan.error}
        title={`Не удалось загрузить скан страницы ${page}`}
        onRetry={() => void scan.refetch()}
      />
    );
  }
  const type = scan.data.type;
  if (type === 'application/pdf') {
    return (
      <div className="scan-viewer__frame scan-viewer__frame--pdf">
        <object ref={pdf} type="application/pdf" aria-label={`Скан страницы ${page} (PDF)`}>
          <p>
            Браузер не показывает PDF на странице.{' '}
            <a ref={link} target="_blank" rel="noreferrer">
              Открыть скан страницы {page} в новой вкладке
            </a>
          </p>
        </object>
      </div>
    );
  }
  if (type === 'image/tiff') {
    return (
      <div className="alert alert--warning">
        <p className="alert__title">Скан в формате TIFF</p>
        <p className="alert__text">
          Этот браузер может не показать TIFF на странице.{' '}
          <a ref={link} download={`page-${page}.tiff`}>
            Скачать скан страницы {page}
          </a>{' '}
          и открыть его программой просмотра изображений.
        </p>
      </div>
    );
  }
  return (
    <div className={`scan-viewer__frame scan-viewer__frame--${zoom}`} tabIndex={0}>
      <img ref={image} alt={`Скан страницы ${page}`} className="scan-viewer__image" />
    </div>
  );
}
