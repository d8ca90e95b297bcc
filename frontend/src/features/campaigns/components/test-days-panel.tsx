import { useId, useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type { Campaign, TestDays } from '@/types/api';
import { formatZonedDateTimeNamed, timeZoneName } from '@/utils/format';
import { fieldMessages, problemErrors } from '@/utils/problem';

import { useTestDays } from '../api/get-test-days';
import { useReplaceTestDays } from '../api/replace-test-days';
import { FieldErrors } from './field-errors';

type TestDaysPanelProps = {
  campaign: Campaign;
  organizationId: number;
  headingLevel?: 2 | 3 | 4;
};

const formatDate = (iso: string) => iso.split('-').reverse().join('.');

/**
 * «Дни проведения»: the organization picks, per subject, its test day within the federal period
 * (seed 004: part of the application). Its conduct window and the opening of its results protocol
 * follow from them.
 */
export function TestDaysPanel({ campaign, organizationId, headingLevel = 3 }: TestDaysPanelProps) {
  const days = useTestDays({ campaignId: campaign.id, organizationId });
  const Heading = `h${headingLevel}` as const;
  const titleId = useId();
  return (
    <section className="panel" aria-labelledby={titleId} data-testid="test-days">
      <Heading id={titleId} className="panel__title">
        Дни проведения
      </Heading>
      {days.isPending ? (
        <Loading label="Загрузка дней проведения…" />
      ) : days.isError ? (
        <ErrorMessage error={days.error} onRetry={() => void days.refetch()} />
      ) : (
        <TestDaysForm
          key={days.data.chosenAt ?? 'none'}
          campaign={campaign}
          organizationId={organizationId}
          stored={days.data}
        />
      )}
    </section>
  );
}

type TestDaysFormProps = { campaign: Campaign; organizationId: number; stored: TestDays };

function TestDaysForm({ campaign, organizationId, stored }: TestDaysFormProps) {
  const initial = Object.fromEntries(stored.days.map((d) => [d.subjectKey, d.date]));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [saved, setSaved] = useState(false);
  const replace = useReplaceTestDays();
  const errors = problemErrors(replace.error);
  const id = useId();
  const city = timeZoneName(stored.zone);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const chosen = campaign.subjects
      .filter((s) => values[s.key])
      .map((s) => ({ subjectKey: s.key, date: values[s.key] as string }));
    replace.mutate(
      { campaignId: campaign.id, organizationId, input: { days: chosen } },
      { onSuccess: () => setSaved(true) },
    );
  };

  return (
    <form className="form-stack" onSubmit={submit}>
      <p className="field__hint">
        Выберите день проведения по каждому предмету в пределах периода с{' '}
        {formatDate(stored.periodFrom)} по {formatDate(stored.periodTo)} (даты по местному времени:{' '}
        {city}). Электронный протокол с результатами откроется для вашей организации после окончания
        первого дня проведения.
      </p>
      {campaign.subjects.map((subject, index) => {
        const position = campaign.subjects
          .filter((s) => values[s.key])
          .findIndex((s) => s.key === subject.key);
        return (
          <div className="field" key={subject.key}>
            <label htmlFor={`${id}-${index}`}>
              {subject.grade ? `${subject.name}, ${subject.grade} класс` : subject.name}
            </label>
            <input
              id={`${id}-${index}`}
              className="input"
              type="date"
              min={stored.periodFrom}
              max={stored.periodTo}
              value={values[subject.key] ?? ''}
              onChange={(event) => setValues({ ...values, [subject.key]: event.target.value })}
            />
            <FieldErrors
              messages={position < 0 ? [] : fieldMessages(errors, `days[${position}]`)}
            />
          </div>
        );
      })}
      {replace.isError && errors.length === 0 && <ErrorMessage error={replace.error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={replace.isPending}>
          Сохранить дни проведения
        </button>
      </div>
      {saved && (
        <p role="status" className="field__hint">
          Дни проведения сохранены.
        </p>
      )}
      {stored.chosenAt && (
        <p className="field__hint" data-testid="test-days-chosen">
          Последнее изменение: {formatZonedDateTimeNamed(stored.chosenAt, stored.zone)} (
          {stored.chosenBy})
        </p>
      )}
    </form>
  );
}
