import { useId } from 'react';

import type { Campaign, FormDefinitionInput, OrganizationKind } from '@/types/api';
import { kindLabels, stageLabels } from '@/utils/labels';

import { campaignKinds } from '../../utils/designer';

type DesignerAboutProps = {
  draft: FormDefinitionInput;
  onChange: (patch: Partial<FormDefinitionInput>) => void;
  subjects: { key: string; name: string }[];
  campaignKind: Campaign['kind'];
  /** A region's own form: only its region fills it. */
  regional: boolean;
};

/**
 * «О форме»: the title and code, the stage it is filled in, who fills it — every organization of
 * the sample (of the kinds chosen), or the municipal coordinators together with the responsible
 * coordinator's part (seed 003 11.4) — its subject and instruction.
 */
export function DesignerAbout({
  draft,
  onChange,
  subjects,
  campaignKind,
  regional,
}: DesignerAboutProps) {
  const id = useId();
  const kinds = campaignKinds(campaignKind);
  const chosen =
    draft.organizationKinds && draft.organizationKinds.length > 0 ? draft.organizationKinds : kinds;
  const toggled = (kind: OrganizationKind, on: boolean): OrganizationKind[] | undefined => {
    const next = on ? [...chosen, kind] : chosen.filter((k) => k !== kind);
    const ordered = kinds.filter((k) => next.includes(k));
    return ordered.length === 0 || ordered.length === kinds.length ? undefined : ordered;
  };
  return (
    <section className="panel designer-about" aria-labelledby={`${id}-about`}>
      <h2 id={`${id}-about`}>О форме</h2>
      {regional && (
        <p className="alert alert--info" data-testid="designer-regional">
          Форма вашего региона: её видят и заполняют только организации, муниципальные и
          ответственный координаторы региона; изменить её можете только вы.
        </p>
      )}
      <div className="designer-grid">
        <div className="field">
          <label htmlFor={`${id}-title`}>Название формы</label>
          <input
            id={`${id}-title`}
            className="input"
            value={draft.title}
            maxLength={200}
            onChange={(e) => onChange({ title: e.target.value })}
            data-testid="designer-title"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-code`}>Код формы (латиницей, для имён файлов)</label>
          <input
            id={`${id}-code`}
            className="input"
            value={draft.code}
            maxLength={41}
            onChange={(e) => onChange({ code: e.target.value.toLowerCase() })}
            data-testid="designer-code"
          />
          <p className="field__hint">
            Строчные латинские буквы, цифры и дефис, например kontingent-2026.
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-stage`}>Этап, на котором форму заполняют</label>
          <select
            id={`${id}-stage`}
            className="input"
            value={draft.stage}
            onChange={(e) => onChange({ stage: e.target.value as FormDefinitionInput['stage'] })}
            data-testid="designer-stage"
          >
            {Object.entries(stageLabels).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-respondent`}>Кто заполняет</label>
          <select
            id={`${id}-respondent`}
            className="input"
            value={draft.respondent}
            onChange={(e) =>
              onChange({ respondent: e.target.value as FormDefinitionInput['respondent'] })
            }
            data-testid="designer-respondent"
          >
            <option value="ORGANIZATION">
              Каждая организация из выборки{regional ? ' в регионе' : ''}
            </option>
            <option value="MUNICIPALITY">
              Муниципальные координаторы и ответственный координатор (организации без
              муниципалитета)
            </option>
          </select>
        </div>
        {draft.respondent === 'ORGANIZATION' && kinds.length > 1 && (
          <fieldset className="field designer-kinds" data-testid="designer-kinds">
            <legend>Какие организации заполняют</legend>
            {kinds.map((kind) => (
              <label key={kind} className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.includes(kind)}
                  onChange={(e) => onChange({ organizationKinds: toggled(kind, e.target.checked) })}
                  data-testid={`designer-kind-${kind}`}
                />{' '}
                {kindLabels[kind]}
              </label>
            ))}
            <p className="field__hint">
              {chosen.length === kinds.length
                ? 'Все виды организаций кампании.'
                : `Только: ${chosen.map((kind) => kindLabels[kind].toLowerCase()).join(', ')}.`}
            </p>
          </fieldset>
        )}
        <div className="field">
          <label htmlFor={`${id}-subject`}>Предмет (для баллов по заданиям)</label>
          <select
            id={`${id}-subject`}
            className="input"
            value={draft.subjectKey ?? ''}
            onChange={(e) => onChange({ subjectKey: e.target.value || undefined })}
          >
            <option value="">— без предмета —</option>
            {subjects.map((subject) => (
              <option key={subject.key} value={subject.key}>
                {subject.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-instruction`}>Как заполнять (первый лист шаблона)</label>
        <textarea
          id={`${id}-instruction`}
          className="input"
          rows={3}
          maxLength={5000}
          value={draft.instruction ?? ''}
          onChange={(e) => onChange({ instruction: e.target.value })}
        />
      </div>
    </section>
  );
}
