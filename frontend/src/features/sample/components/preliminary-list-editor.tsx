import { useId, useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type {
  Campaign,
  EducationLevel,
  Organization,
  PreliminaryEntry,
  ProblemError,
  SampleEntry,
  SettlementType,
} from '@/types/api';
import { formatNumber, plural } from '@/utils/format';
import { fieldMessages, problemErrors, statusOf } from '@/utils/problem';

import { usePreliminaryListDraft } from '../api/get-preliminary-list-draft';
import { useSubmitPreliminaryList } from '../api/submit-preliminary-list';
import {
  campaignOrganizationKinds,
  defaultInstitutionTypes,
  educationLevels,
  educationLevelShortLabels,
  settlementChoiceLabels,
  settlementTypes,
} from '../utils/labels';

type Row = {
  participating: boolean;
  participants: string;
  institutionType: string;
  settlementType: SettlementType;
  educationLevels: EducationLevel[];
  subjects: string[];
};

type PreliminaryListEditorProps = {
  campaign: Campaign;
  regionCode: string;
  onClose: () => void;
};

/** The preliminary list filled in on the site rather than in the .xlsx template. */
export function PreliminaryListEditor({
  campaign,
  regionCode,
  onClose,
}: PreliminaryListEditorProps) {
  const draft = usePreliminaryListDraft({
    filter: {
      campaignId: campaign.id,
      regionCode,
      kinds: [...campaignOrganizationKinds[campaign.kind]],
    },
  });
  if (draft.isPending) return <Loading label="Загружаем организации региона…" />;
  if (draft.isError) {
    return (
      <ErrorMessage
        error={draft.error}
        title="Не удалось загрузить организации"
        onRetry={() => void draft.refetch()}
      />
    );
  }
  return (
    <EditorForm
      campaign={campaign}
      regionCode={regionCode}
      organizations={draft.data.organizations}
      entries={draft.data.entries}
      onClose={onClose}
    />
  );
}

function initialRows(
  campaign: Campaign,
  organizations: Organization[],
  entries: SampleEntry[],
): Record<string, Row> {
  const current = new Map(entries.map((entry) => [entry.organization.login, entry]));
  const allSubjects = campaign.subjects.map((subject) => subject.key);
  return Object.fromEntries(
    organizations.map((org) => {
      const entry = current.get(org.login);
      const row: Row = entry
        ? {
            participating: entry.status !== 'WITHDRAWN',
            participants: String(entry.attributes.participants),
            institutionType: entry.attributes.institutionType,
            settlementType: entry.attributes.settlementType,
            educationLevels: entry.attributes.educationLevels,
            subjects: entry.attributes.subjects,
          }
        : {
            participating: false,
            participants: '',
            institutionType: defaultInstitutionTypes[org.kind],
            settlementType: org.settlementType,
            educationLevels: org.educationLevels,
            subjects: allSubjects,
          };
      return [org.login, row];
    }),
  );
}

const inOrder = <T,>(list: readonly T[], value: T, on: boolean, order: readonly T[]) =>
  on
    ? order.filter((item) => item === value || list.includes(item))
    : list.filter((v) => v !== value);

type EditorFormProps = PreliminaryListEditorProps & {
  organizations: Organization[];
  entries: SampleEntry[];
};

function EditorForm({ campaign, regionCode, organizations, entries, onClose }: EditorFormProps) {
  const [rows, setRows] = useState(() => initialRows(campaign, organizations, entries));
  const [filter, setFilter] = useState('');
  // The logins in the order they were sent: a 422 names an entry by its index.
  const [sentLogins, setSentLogins] = useState<string[]>([]);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const submit = useSubmitPreliminaryList();
  const id = useId();

  const serverErrors = problemErrors(submit.error);
  const errorsByLogin = new Map<string, string[]>();
  sentLogins.forEach((login, index) => {
    const messages = fieldMessages(serverErrors, `entries[${index}]`);
    if (messages.length > 0) errorsByLogin.set(login, messages);
  });
  const conflict = statusOf(submit.error) === 409;
  const participating = organizations.filter((org) => rows[org.login]?.participating).length;

  const update = (login: string, change: Partial<Row>) =>
    setRows((all) => ({ ...all, [login]: { ...all[login]!, ...change } }));

  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? organizations.filter(
        (org) =>
          org.login.startsWith(needle) ||
          org.name.toLowerCase().includes(needle) ||
          (org.municipalityName ?? '').toLowerCase().includes(needle),
      )
    : organizations;

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (submit.isPending) return;
    const chosen = organizations.filter((org) => rows[org.login]?.participating);
    const problems: Record<string, string> = {};
    for (const org of chosen) {
      const value = rows[org.login]!.participants.trim();
      if (!/^[0-9]{1,6}$/.test(value) || Number(value) > 100000) {
        problems[org.login] = 'Укажите число участников: целое число от 0 до 100 000.';
      }
    }
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) {
      submit.reset();
      return;
    }
    const list: PreliminaryEntry[] = chosen.map((org) => {
      const row = rows[org.login]!;
      return {
        organizationLogin: org.login,
        attributes: {
          participants: Number(row.participants.trim()),
          institutionType: row.institutionType.trim(),
          settlementType: row.settlementType,
          educationLevels: row.educationLevels,
          subjects: row.subjects,
        },
      };
    });
    setSentLogins(list.map((entry) => entry.organizationLogin));
    submit.mutate({ campaignId: campaign.id, regionCode, input: { entries: list } });
  };

  const unplaced = serverErrors.filter(
    (error) => !error.field || !/^entries\[[0-9]+\]/.test(error.field),
  );
  const localCount = Object.keys(localErrors).length;

  return (
    <form className="form-stack" onSubmit={send} noValidate data-testid="preliminary-editor">
      <p className="field__hint">
        Отметьте «Участвует» у организаций, которые войдут в список, и заполните сведения о них.
        Отправленный список заменяет прежний целиком.
      </p>
      <div className="form-row">
        <div className="field field--grow">
          <label htmlFor={`${id}-filter`}>Найти организацию</label>
          <input
            id={`${id}-filter`}
            type="search"
            className="input"
            value={filter}
            placeholder="Логин, название или муниципалитет"
            onChange={(event) => setFilter(event.target.value)}
          />
        </div>
      </div>
      <p data-testid="preliminary-count">
        Участвуют: {formatNumber(participating)} из {formatNumber(organizations.length)}
      </p>
      {organizations.length === 0 && (
        <p className="alert alert--info">В регионе нет организаций, подходящих для кампании.</p>
      )}
      {shown.length === 0 && organizations.length > 0 && (
        <p className="field__hint">Ничего не найдено.</p>
      )}
      {shown.map((org) => (
        <OrganizationRow
          key={org.login}
          campaign={campaign}
          organization={org}
          row={rows[org.login]!}
          errors={[
            ...(localErrors[org.login] ? [localErrors[org.login]!] : []),
            ...(errorsByLogin.get(org.login) ?? []),
          ]}
          onChange={(change) => update(org.login, change)}
        />
      ))}

      {localCount > 0 && (
        <div className="alert alert--error" role="alert">
          <p className="alert__title">Список не отправлен</p>
          <p className="alert__text">
            Исправьте отмеченные организации ({formatNumber(localCount)}) и отправьте снова.
          </p>
        </div>
      )}
      {conflict && (
        <div
          className="alert alert--error alert--big"
          role="alert"
          data-testid="preliminary-conflict"
        >
          <p className="alert__title">Список сейчас нельзя изменить</p>
          <p className="alert__text">{submit.error?.message}</p>
          <p className="alert__text">
            Если срок нужно продлить, обратитесь к федеральному организатору.
          </p>
        </div>
      )}
      {submit.isError && !conflict && (
        <ErrorMessage
          error={submit.error}
          title={
            serverErrors.length > 0
              ? `Список не принят: ошибок — ${serverErrors.length}. Ничего не сохранено; исправьте отмеченные организации.`
              : 'Список не отправлен'
          }
        />
      )}
      {unplaced.length > 0 && <UnplacedErrors errors={unplaced} />}
      {submit.isSuccess && (
        <p className="alert alert--info" role="status" data-testid="preliminary-sent">
          Список отправлен: {formatNumber(submit.data.proposed)}{' '}
          {plural(submit.data.proposed, ['организация', 'организации', 'организаций'])}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={submit.isPending}>
          Отправить список
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Закрыть
        </button>
      </div>
      {submit.isPending && <Loading label="Отправляем список…" />}
    </form>
  );
}

function UnplacedErrors({ errors }: { errors: ProblemError[] }) {
  return (
    <ul className="field-errors">
      {errors.map((error, index) => (
        <li key={index}>{error.message}</li>
      ))}
    </ul>
  );
}

type OrganizationRowProps = {
  campaign: Campaign;
  organization: Organization;
  row: Row;
  errors: string[];
  onChange: (change: Partial<Row>) => void;
};

function OrganizationRow({ campaign, organization, row, errors, onChange }: OrganizationRowProps) {
  const id = useId();
  const subjectKeys = campaign.subjects.map((subject) => subject.key);
  return (
    <fieldset
      className="panel form-stack"
      data-testid="preliminary-row"
      data-login={organization.login}
      aria-invalid={errors.length > 0 || undefined}
    >
      <legend>
        <strong>{organization.name}</strong>{' '}
        <span className="table__muted">
          {organization.login}
          {organization.municipalityName && ` · ${organization.municipalityName}`}
        </span>
      </legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={row.participating}
          onChange={(event) => onChange({ participating: event.target.checked })}
        />
        Участвует
      </label>
      {errors.length > 0 && (
        <ul className="field-errors" role="alert" data-testid="row-errors">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {row.participating && (
        <>
          <div className="form-row">
            <div className="field">
              <label htmlFor={`${id}-participants`}>Число участников</label>
              <input
                id={`${id}-participants`}
                className="input input--code"
                type="number"
                inputMode="numeric"
                min={0}
                max={100000}
                value={row.participants}
                onChange={(event) => onChange({ participants: event.target.value })}
              />
            </div>
            <div className="field field--grow">
              <label htmlFor={`${id}-type`}>Тип организации</label>
              <input
                id={`${id}-type`}
                className="input"
                maxLength={100}
                value={row.institutionType}
                onChange={(event) => onChange({ institutionType: event.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-settlement`}>Тип населённого пункта</label>
              <select
                id={`${id}-settlement`}
                className="input"
                value={row.settlementType}
                onChange={(event) =>
                  onChange({ settlementType: event.target.value as SettlementType })
                }
              >
                {settlementTypes.map((value) => (
                  <option key={value} value={value}>
                    {settlementChoiceLabels[value]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <fieldset className="checkboxes">
            <legend>Уровни образования</legend>
            {educationLevels.map((level) => (
              <label key={level} className="checkbox">
                <input
                  type="checkbox"
                  checked={row.educationLevels.includes(level)}
                  onChange={(event) =>
                    onChange({
                      educationLevels: inOrder(
                        row.educationLevels,
                        level,
                        event.target.checked,
                        educationLevels,
                      ),
                    })
                  }
                />
                {educationLevelShortLabels[level]}
              </label>
            ))}
          </fieldset>
          {campaign.subjects.length > 0 && (
            <fieldset className="checkboxes">
              <legend>Предметы</legend>
              {campaign.subjects.map((subject) => (
                <label key={subject.key} className="checkbox">
                  <input
                    type="checkbox"
                    checked={row.subjects.includes(subject.key)}
                    onChange={(event) =>
                      onChange({
                        subjects: inOrder(
                          row.subjects,
                          subject.key,
                          event.target.checked,
                          subjectKeys,
                        ),
                      })
                    }
                  />
                  {subject.name}
                  {subject.grade !== undefined && `, ${subject.grade} класс`}
                </label>
              ))}
            </fieldset>
          )}
        </>
      )}
    </fieldset>
  );
}
