import { Link } from 'react-router';

import { paths } from '@/config/paths';
import type { OverviewForm } from '@/types/api';
import { formatZonedDateTimeNamed } from '@/utils/format';

import { formStatusChips, formStatusLabels } from '../utils/labels';

type OverviewFormsTableProps = { forms: OverviewForm[]; login: string; timeZone: string };

/** Each form the organization fills: its report's state, when it was submitted, a link to it. */
export function OverviewFormsTable({ forms, login, timeZone }: OverviewFormsTableProps) {
  const submitted = forms.filter((f) => f.status === 'SUBMITTED').length;
  return (
    <>
      <p className="field__hint" data-testid="overview-forms-summary">
        Сдано отчётов: {submitted} из {forms.length}
      </p>
      <div className="table-wrap">
        <table className="table table--stack">
          <thead>
            <tr>
              <th scope="col">Форма</th>
              <th scope="col">Состояние</th>
              <th scope="col">Сдан</th>
            </tr>
          </thead>
          <tbody>
            {forms.length === 0 && (
              <tr>
                <td className="table__empty" colSpan={3}>
                  В кампании нет форм для этой организации.
                </td>
              </tr>
            )}
            {forms.map((form) => (
              <tr key={form.formId} data-testid={`overview-form-${form.code}`}>
                <td data-label="Форма">
                  <Link to={paths.forms.form.getHref(form.formId, { organization: login })}>
                    {form.title}
                  </Link>
                </td>
                <td data-label="Состояние">
                  <span className={formStatusChips[form.status]}>
                    {formStatusLabels[form.status]}
                  </span>
                  {form.submissions > 1 && (
                    <div className="table__muted">Сдавался {form.submissions} раза</div>
                  )}
                </td>
                <td data-label="Сдан">
                  {form.submittedAt ? formatZonedDateTimeNamed(form.submittedAt, timeZone) : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
