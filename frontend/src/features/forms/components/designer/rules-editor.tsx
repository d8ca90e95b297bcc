import { useId } from 'react';

import type { FormColumn, FormRowRule } from '@/types/api';

import { blankRule, splitList } from '../../utils/designer';

type RulesEditorProps = {
  columns: FormColumn[];
  rules: FormRowRule[];
  onChange: (rules: FormRowRule[]) => void;
};

/**
 * A sheet's row rules, as sentences: «Когда в столбце … одно из …, столбцы … обязательны, а … —
 * пусты» (the school's login is required when the comment says «использован»).
 */
export function RulesEditor({ columns, rules, onChange }: RulesEditorProps) {
  const named = columns.filter((column) => column.title !== '');
  return (
    <section className="designer-rules" aria-label="Правила строк">
      <h4 className="designer-rules__title">Правила строк</h4>
      {rules.length === 0 && (
        <p className="field__hint">
          Правил нет. Правило требует заполнить (или оставить пустыми) одни столбцы строки, когда в
          другом столбце выбрано определённое значение.
        </p>
      )}
      {rules.map((rule, index) => (
        <RuleEditor
          key={index}
          rule={rule}
          index={index}
          columns={named}
          onChange={(next) => onChange(rules.map((r, i) => (i === index ? next : r)))}
          onRemove={() => onChange(rules.filter((_, i) => i !== index))}
        />
      ))}
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={named.length < 2}
        onClick={() => onChange([...rules, blankRule(named[0]?.key ?? '')])}
        data-testid="designer-add-rule"
      >
        + Правило строк
      </button>
    </section>
  );
}

type RuleEditorProps = {
  rule: FormRowRule;
  index: number;
  columns: FormColumn[];
  onChange: (rule: FormRowRule) => void;
  onRemove: () => void;
};

function RuleEditor({ rule, index, columns, onChange, onRemove }: RuleEditorProps) {
  const id = useId();
  const set = (patch: Partial<FormRowRule>) => onChange({ ...rule, ...patch });
  const others = columns.filter((column) => column.key !== rule.when);
  const toggle = (list: 'require' | 'forbid', key: string, on: boolean) =>
    set({
      [list]: on ? [...(rule[list] ?? []), key] : (rule[list] ?? []).filter((k) => k !== key),
    });
  return (
    <fieldset className="designer-rule" data-testid="designer-rule">
      <legend>Правило {index + 1}</legend>
      <div className="designer-grid">
        <div className="field">
          <label htmlFor={`${id}-when`}>Когда в столбце</label>
          <select
            id={`${id}-when`}
            className="input"
            value={rule.when}
            onChange={(e) => set({ when: e.target.value })}
            data-testid="designer-rule-when"
          >
            {columns.map((column) => (
              <option key={column.key} value={column.key}>
                {column.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-equals`}>одно из значений (через запятую)</label>
          <input
            id={`${id}-equals`}
            className="input"
            defaultValue={rule.equals.join(', ')}
            onChange={(e) => set({ equals: splitList(e.target.value) })}
            data-testid="designer-rule-equals"
          />
        </div>
      </div>
      <div className="designer-checks" role="group" aria-label="Обязательны">
        <span className="designer-checks__label">должны быть заполнены:</span>
        {others.map((column) => (
          <label key={column.key} className="checkbox">
            <input
              type="checkbox"
              checked={(rule.require ?? []).includes(column.key)}
              onChange={(e) => toggle('require', column.key, e.target.checked)}
              data-testid="designer-rule-require"
            />
            {column.title}
          </label>
        ))}
      </div>
      <div className="designer-checks" role="group" aria-label="Пусты">
        <span className="designer-checks__label">должны быть пусты:</span>
        {others.map((column) => (
          <label key={column.key} className="checkbox">
            <input
              type="checkbox"
              checked={(rule.forbid ?? []).includes(column.key)}
              onChange={(e) => toggle('forbid', column.key, e.target.checked)}
            />
            {column.title}
          </label>
        ))}
      </div>
      <div className="field">
        <label htmlFor={`${id}-message`}>Сообщение, если правило нарушено</label>
        <input
          id={`${id}-message`}
          className="input"
          value={rule.message ?? ''}
          maxLength={300}
          onChange={(e) => set({ message: e.target.value || undefined })}
        />
      </div>
      <button type="button" className="button button--danger button--small" onClick={onRemove}>
        Удалить правило
      </button>
    </fieldset>
  );
}
