import { useId, useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { OrganizationPicker, type PickedOrganization } from '@/components/ui/organization-picker';
import { ShownOnce } from '@/components/ui/shown-once';
import type { Campaign, Me, ExpertCreated } from '@/types/api';
import { fieldMessages, problemErrors } from '@/utils/problem';

import { useCreateExpert } from '../api/create-expert';
import { RegionSelect, regionsFor, subjectTitle } from './region-subject-filters';
import { Messages } from './field-messages';

const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** Registers an expert; the one-time password is shown once, with a copy button. */
export function ExpertCreateForm({ account, campaign }: { account: Me; campaign: Campaign }) {
  const id = useId();
  const regionCodes = regionsFor(account, campaign);
  const federal = account.role === 'FEDERAL';
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [regionCode, setRegionCode] = useState(federal ? '' : (regionCodes[0] ?? ''));
  const [organization, setOrganization] = useState<PickedOrganization>();
  const [subjects, setSubjects] = useState<string[]>([]);
  const [checked, setChecked] = useState(false);
  const [created, setCreated] = useState<ExpertCreated>();
  const create = useCreateExpert();

  const local: Record<string, string> = {};
  if (!LOGIN_PATTERN.test(login.trim())) {
    local.login =
      'Логин — от 3 до 64 строчных латинских букв, цифр, «.», «_», «-», например expert64-01.';
  }
  if (displayName.trim() === '') local.displayName = 'Укажите фамилию, имя и отчество эксперта.';
  if (regionCode === '') local.regionCode = 'Выберите регион эксперта.';
  if (!organization) local.organizationId = 'Найдите и выберите организацию, где работает эксперт.';
  if (subjects.length === 0) local.subjects = 'Отметьте хотя бы один предмет.';

  const remote = problemErrors(create.error);
  const messagesFor = (field: string) => [
    ...(checked && local[field] ? [local[field]] : []),
    ...(create.isError ? fieldMessages(remote, field) : []),
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(local).length > 0 || !organization || create.isPending) return;
    create.mutate(
      {
        campaignId: campaign.id,
        expert: {
          login: login.trim(),
          displayName: displayName.trim(),
          regionCode,
          organizationId: organization.id,
          subjects,
        },
      },
      {
        onSuccess: (result) => {
          setCreated(result);
          setChecked(false);
          setLogin('');
          setDisplayName('');
          setOrganization(undefined);
          setSubjects([]);
        },
      },
    );
  };

  if (created) {
    return <OneTimePassword created={created} onDone={() => setCreated(undefined)} />;
  }

  return (
    <form
      className="panel form-stack expert-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`} className="panel__title">
        Новый эксперт
      </h3>
      <p className="field__hint">
        Эксперт получит логин и пароль для входа. Работы организации, где он работает, ему не
        достанутся. Тот же логин ещё раз — обновит данные и выдаст новый пароль.
      </p>
      <div className="form-row">
        <TextField
          id={`${id}-login`}
          label="Логин"
          value={login}
          onChange={setLogin}
          messages={messagesFor('login')}
          hint="Например, expert64-01"
        />
        <TextField
          id={`${id}-name`}
          label="ФИО эксперта"
          value={displayName}
          onChange={setDisplayName}
          messages={messagesFor('displayName')}
        />
      </div>
      {federal ? (
        <>
          <RegionSelect
            regionCodes={regionCodes}
            value={regionCode}
            onChange={(value) => {
              setRegionCode(value);
              setOrganization(undefined);
            }}
          />
          <Messages messages={messagesFor('regionCode')} />
        </>
      ) : (
        <p>
          Регион: <strong>{regionCode}</strong>
        </p>
      )}
      <OrganizationPicker
        regionCode={regionCode}
        value={organization}
        onChange={setOrganization}
        look="buttons"
        label="Место работы: поиск организации"
        pickedLabel="Место работы"
        placeholder="Название или логин, например edu640001"
        noRegionPlaceholder="Сначала выберите регион"
        hint="Введите не меньше двух букв названия или логин организации."
        size={10}
        minLength={2}
        errorTitle="Поиск не удался"
        nothingFound={(region) => `Ничего не найдено в регионе ${region}.`}
      >
        <Messages messages={messagesFor('organizationId')} />
      </OrganizationPicker>
      <fieldset className="checkboxes">
        <legend>Предметы, которые проверяет эксперт</legend>
        <div className="checkboxes__grid">
          {campaign.subjects.map((subject) => (
            <label key={subject.key} className="checkbox">
              <input
                type="checkbox"
                checked={subjects.includes(subject.key)}
                onChange={(event) =>
                  setSubjects((current) =>
                    event.target.checked
                      ? campaign.subjects
                          .map((item) => item.key)
                          .filter((key) => key === subject.key || current.includes(key))
                      : current.filter((key) => key !== subject.key),
                  )
                }
              />
              {subjectTitle(subject)}
            </label>
          ))}
        </div>
        <Messages messages={messagesFor('subjects')} />
      </fieldset>
      {checked && Object.keys(local).length > 0 && (
        <p className="alert alert--error" role="alert">
          Заполните поля, отмеченные красным.
        </p>
      )}
      {create.isError && <ErrorMessage error={create.error} title="Эксперт не зарегистрирован" />}
      <div>
        <button type="submit" className="button" disabled={create.isPending}>
          Зарегистрировать эксперта
        </button>
      </div>
      {create.isPending && <Loading label="Регистрируем эксперта…" />}
    </form>
  );
}

function OneTimePassword({ created, onDone }: { created: ExpertCreated; onDone: () => void }) {
  return (
    <ShownOnce
      testId="expert-password"
      title={`Эксперт ${created.expert.displayName} зарегистрирован`}
      owner={[{ label: 'Логин', value: created.expert.login, testId: 'expert-login' }]}
      secret={{ label: 'Пароль', value: created.password, testId: 'expert-password-value' }}
      noun="пароль"
      note="Пароль показан один раз — сохраните его, больше не покажем. Передайте логин и пароль эксперту. Если пароль потерян, зарегистрируйте эксперта с тем же логином ещё раз — будет выдан новый."
      doneLabel="Пароль сохранён — готово"
      onDone={onDone}
    />
  );
}

type TextFieldProps = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  messages: string[];
  hint?: string;
};

function TextField({ id, label, value, onChange, messages, hint }: TextFieldProps) {
  return (
    <div className="field field--grow">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        value={value}
        autoComplete="off"
        aria-invalid={messages.length > 0}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && <p className="field__hint">{hint}</p>}
      <Messages messages={messages} />
    </div>
  );
}
