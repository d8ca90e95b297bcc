import { Link } from 'react-router';

import { paths } from '@/config/paths';
import type { OverviewForm } from '@/types/api';
import { formatZonedDateTimeNamed } from '@/utils/format';

import { formStatusChips, formStatusLabels } from '../utils/labels';
import { OverviewTable, type OverviewColumn } from './overview-table';

type OverviewFormsTableProps = { forms: OverviewForm[]; login: string; timeZone: string };

function formColumns(login: string, timeZone: string): OverviewColumn<OverviewForm>[] {
  return [
    {
      label: 'Форма',
      cell: (form) => (
        <Link to={paths.forms.form.getHref(form.formId, { organization: login })}>
          {form.title}
        </Link>
      ),
    },
    {
      label: 'Состояние',
      cell: (form) => (
        <>
          <span className={formStatusChips[form.status]}>{formStatusLabels[form.status]}</span>
          {form.submissions > 1 && (
            <div className="table__muted">Сдавался {form.submissions} раза</div>
          )}
        </>
      ),
    },
    {
      label: 'Сдан',
      cell: (form) =>
        form.submittedAt ? formatZonedDateTimeNamed(form.submittedAt, timeZone) : '—',
    },
  ];
}

/** Each form the organization fills: its report's state, when it was submitted, a link to it. */
export function OverviewFormsTable({ forms, login, timeZone }: OverviewFormsTableProps) {
  const submitted = forms.filter((f) => f.status === 'SUBMITTED').length;
  return (
    <>
      <p className="field__hint" data-testid="overview-forms-summary">
        Сдано отчётов: {submitted} из {forms.length}
      </p>
      <OverviewTable
        columns={formColumns(login, timeZone)}
        rows={forms}
        rowKey={(form) => form.formId}
        rowTestId={(form) => `overview-form-${form.code}`}
        empty="В кампании нет форм для этой организации."
      />
    </>
  );
}
