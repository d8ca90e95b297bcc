import { Link } from 'react-router';

import { paths } from '@/config/paths';
import type { DataCollection } from '@/types/api';

/**
 * A form a publication carries as its «Сбор данных» block (issue 20; seed 001 «откройте
 * публикацию … блок „Сбор данных“»; seed 004 6.13.5): the way from the publication to the form.
 */
export function CarriedForm({ block }: { block: DataCollection }) {
  if (block.formId === undefined) return null;
  return (
    <section
      className="panel"
      aria-labelledby="publication-data-collection-title"
      data-testid="publication-data-collection"
    >
      <h2 id="publication-data-collection-title" className="panel__title">
        Сбор данных
      </h2>
      <p className="field__hint">
        Заполните форму на странице формы или скачайте шаблон Excel, заполните и загрузите его;
        затем нажмите «Сдать отчёт».
      </p>
      <p>
        <Link className="button" to={paths.forms.form.getHref(block.formId)}>
          {block.formTitle ?? 'Открыть форму'}
        </Link>
      </p>
    </section>
  );
}
