import { useId, useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type { Campaign, OrganizationBrief, StageCode, StageExtension } from '@/types/api';
import { formatZonedDateTimeNamed } from '@/utils/format';
import { zonedLocalToInstant } from '@/utils/zoned-time';
import { fieldMessages, problemErrors } from '@/utils/problem';

import { useExtendStage } from '../api/extend-stage';
import { useFindOrganization } from '@/api/find-organization';
import { FieldErrors } from './field-errors';
import { TimeZoneSelect } from './time-zone-select';

type Target = 'region' | 'organization';

/** The federal organizer keeps a stage open longer for one region or one organization. */
export function StageExtensionForm({ campaign }: { campaign: Campaign }) {
  const [picked, setPicked] = useState<StageCode>();
  // The stage the select shows is the one submitted: the picked one while the schedule has it,
  // else the stage under way, else the first (issue 21: a schedule saved after the form appeared
  // showed «Заявка на участие» but submitted nothing).
  const stageCode: StageCode | '' =
    campaign.stages.find((stage) => stage.code === picked)?.code ??
    campaign.stages.find((stage) => stage.code === campaign.currentStage)?.code ??
    campaign.stages[0]?.code ??
    '';
  const setStageCode = setPicked;
  const [target, setTarget] = useState<Target>('region');
  const [regionCode, setRegionCode] = useState('');
  const [login, setLogin] = useState('');
  const [organization, setOrganization] = useState<OrganizationBrief>();
  const [zone, setZone] = useState(campaign.timeZone);
  const [closes, setCloses] = useState('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string>();
  const [granted, setGranted] = useState<StageExtension>();
  const find = useFindOrganization();
  const extend = useExtendStage();
  const errors = problemErrors(extend.error);
  const id = useId();

  const lookUp = () => {
    setOrganization(undefined);
    if (!login.trim()) return;
    find.mutate(login, { onSuccess: setOrganization });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setGranted(undefined);
    const closesAt = zonedLocalToInstant(closes, zone);
    const problem = !stageCode
      ? 'Выберите этап.'
      : target === 'region' && !regionCode
        ? 'Выберите регион.'
        : target === 'organization' && !organization
          ? 'Найдите организацию по логину кнопкой «Найти».'
          : !closesAt
            ? 'Укажите новую дату и время окончания.'
            : undefined;
    setMissing(problem);
    if (problem || !stageCode || !closesAt) return;
    extend.mutate(
      {
        campaignId: campaign.id,
        stageCode,
        extension: {
          closesAt,
          reason: reason.trim() || undefined,
          ...(target === 'region' ? { regionCode } : { organizationId: organization?.id }),
        },
      },
      { onSuccess: setGranted },
    );
  };

  if (campaign.stages.length === 0) {
    return <p className="field__hint">Сначала задайте план-график.</p>;
  }

  return (
    <form className="form-stack" onSubmit={submit} data-testid="extension-form">
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-stage`}>Этап</label>
          <select
            id={`${id}-stage`}
            className="input"
            value={stageCode}
            onChange={(event) => setStageCode(event.target.value as StageCode)}
          >
            {campaign.stages.map((stage) => (
              <option key={stage.code} value={stage.code}>
                {stage.name} — до {formatZonedDateTimeNamed(stage.closesAt, zone)}
              </option>
            ))}
          </select>
        </div>
      </div>

      <fieldset className="checkboxes">
        <legend>Для кого продлить</legend>
        <label className="checkbox">
          <input
            type="radio"
            name={`${id}-target`}
            checked={target === 'region'}
            onChange={() => setTarget('region')}
          />
          Для региона
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name={`${id}-target`}
            checked={target === 'organization'}
            onChange={() => setTarget('organization')}
          />
          Для одной организации
        </label>
      </fieldset>

      {target === 'region' ? (
        <div className="field">
          <label htmlFor={`${id}-region`}>Регион</label>
          <select
            id={`${id}-region`}
            className="input"
            value={regionCode}
            onChange={(event) => setRegionCode(event.target.value)}
          >
            <option value="">Выберите регион</option>
            {campaign.regionCodes.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
          <FieldErrors messages={fieldMessages(errors, 'regionCode')} />
        </div>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-login`}>Логин организации</label>
          <div className="input-with-button">
            <input
              id={`${id}-login`}
              className="input"
              value={login}
              placeholder="edu640001"
              autoComplete="off"
              onChange={(event) => {
                setLogin(event.target.value);
                setOrganization(undefined);
              }}
            />
            <button
              type="button"
              className="button button--secondary"
              onClick={lookUp}
              disabled={find.isPending || !login.trim()}
            >
              Найти
            </button>
          </div>
          {find.isError && <ErrorMessage error={find.error} title="Организация не найдена" />}
          {organization && (
            <p className="field__hint" data-testid="extension-organization">
              {organization.login} — {organization.name}
            </p>
          )}
          <FieldErrors messages={fieldMessages(errors, 'organizationId')} />
        </div>
      )}

      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-closes`}>Новое окончание этапа</label>
          <input
            id={`${id}-closes`}
            type="datetime-local"
            className="input"
            value={closes}
            onChange={(event) => setCloses(event.target.value)}
          />
          <FieldErrors messages={fieldMessages(errors, 'closesAt')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-zone`}>Часовой пояс</label>
          <TimeZoneSelect id={`${id}-zone`} value={zone} onChange={setZone} />
        </div>
      </div>

      <div className="field">
        <label htmlFor={`${id}-reason`}>Причина</label>
        <textarea
          id={`${id}-reason`}
          className="input"
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>

      {missing && (
        <p className="alert alert--error" role="alert">
          {missing}
        </p>
      )}
      {extend.isError && <ErrorMessage error={extend.error} title="Этап не продлён" />}
      {granted && (
        <p className="alert alert--info" role="status" data-testid="extension-granted">
          Этап продлён
          {granted.regionCode ? ` для региона ${granted.regionCode}` : ''}
          {granted.organization ? ` для ${granted.organization.login}` : ''} до{' '}
          {formatZonedDateTimeNamed(granted.closesAt, zone)}.
        </p>
      )}
      <div>
        <button type="submit" className="button" disabled={extend.isPending}>
          Продлить этап
        </button>
      </div>
      {extend.isPending && <Loading label="Продлеваем этап…" />}
    </form>
  );
}
