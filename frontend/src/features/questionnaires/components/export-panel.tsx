import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { saveBlob } from '@/utils/download';

import {
  useExportQuestionnaireResponses,
  type ResponsesExport,
} from '../api/export-questionnaire-responses';
import { CATEGORIES, categoryLabels, isCategory } from '../utils/labels';
import type { ParticipantCategory } from '@/types/api';

/** «Выгрузить ответы»: every submitted questionnaire as Excel or CSV, all categories or one. */
export function ExportPanel({ campaignId }: { campaignId: number }) {
  const [category, setCategory] = useState<ParticipantCategory | ''>('');
  const exporter = useExportQuestionnaireResponses();
  const { hash } = useLocation();
  const panel = useRef<HTMLElement>(null);
  // «Выгрузить ответы» on the campaign page leads here: bring the panel into view.
  useEffect(() => {
    if (hash === '#export') panel.current?.scrollIntoView?.({ block: 'start' });
  }, [hash]);
  const pendingFormat = exporter.isPending ? exporter.variables.format : undefined;
  const run = (format: ResponsesExport['format']) =>
    exporter.mutate(
      { campaignId, format, category: category || undefined },
      { onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName) },
    );

  return (
    <section className="panel" aria-labelledby="q-export-title" id="export" ref={panel}>
      <h2 id="q-export-title" className="panel__title">
        Выгрузка ответов
      </h2>
      <p>
        Все сданные анкеты кампании: одна строка на анкету, один столбец на вопрос. Персональных
        данных в выгрузке нет.
      </p>
      <div className="q-export">
        <div className="field">
          <label htmlFor="q-export-category">Категория участников</label>
          <select
            id="q-export-category"
            className="input"
            value={category}
            onChange={(event) =>
              setCategory(isCategory(event.target.value) ? event.target.value : '')
            }
          >
            <option value="">Все категории</option>
            {CATEGORIES.map((item) => (
              <option key={item} value={item}>
                {categoryLabels[item]}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button"
          disabled={exporter.isPending}
          onClick={() => run('xlsx')}
        >
          {pendingFormat === 'xlsx' ? 'Готовим файл…' : 'Выгрузить ответы — Excel'}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={exporter.isPending}
          onClick={() => run('csv')}
        >
          {pendingFormat === 'csv' ? 'Готовим файл…' : 'Выгрузить ответы — CSV'}
        </button>
      </div>
      {exporter.isError && (
        <ErrorMessage error={exporter.error} title="Не удалось выгрузить ответы" />
      )}
    </section>
  );
}
