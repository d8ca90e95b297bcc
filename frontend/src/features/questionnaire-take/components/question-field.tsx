import { useId, useState } from 'react';

import type { Answer } from '../types';
import { sameAnswer, textLimit } from '../utils/answers';
import type { Question } from '@/types/api';

type QuestionFieldProps = {
  question: Question;
  answer: Answer | undefined;
  error?: string;
  onAnswer: (value: Answer | null) => void;
};

/**
 * One question with its input, as big as a thumb needs: cards for choices, a row of buttons for a
 * scale, one block per row for a matrix (never a wide table), the phone's number pad for numbers.
 */
export function QuestionField({ question, answer, error, onAnswer }: QuestionFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [question.hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  const grouped = ['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'SCALE', 'MATRIX'].includes(question.type);
  const heading = (
    <>
      {question.text}
      {question.required && (
        <span className="qt-required" aria-label="обязательный вопрос" title="Обязательный вопрос">
          {' *'}
        </span>
      )}
    </>
  );
  const hint = question.hint && (
    <p id={hintId} className="qt-hint">
      {question.hint}
    </p>
  );
  const errorLine = error && (
    <p id={errorId} className="qt-error" role="alert">
      {error}
    </p>
  );

  const className = `qt-question${error ? ' qt-question--error' : ''}`;
  const container = {
    id: `question-${question.key}`,
    className,
    'data-testid': `question-${question.key}`,
    'data-type': question.type,
  };

  if (grouped) {
    return (
      <fieldset
        {...container}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? true : undefined}
      >
        <legend className="qt-question__text">{heading}</legend>
        {hint}
        <GroupInput question={question} answer={answer} onAnswer={onAnswer} name={id} />
        {errorLine}
      </fieldset>
    );
  }
  return (
    <div {...container}>
      <label htmlFor={`${id}-input`} className="qt-question__text">
        {heading}
      </label>
      {hint}
      <FieldInput
        question={question}
        answer={answer}
        onAnswer={onAnswer}
        inputId={`${id}-input`}
        describedBy={describedBy || undefined}
        invalid={Boolean(error)}
      />
      {errorLine}
    </div>
  );
}

type InputProps = {
  question: Question;
  answer: Answer | undefined;
  onAnswer: (value: Answer | null) => void;
};

function GroupInput({ question, answer, onAnswer, name }: InputProps & { name: string }) {
  const options = question.options ?? [];
  switch (question.type) {
    case 'SINGLE_CHOICE':
      return (
        <div className="qt-choices">
          {options.map((option) => (
            <label key={option.value} className="qt-choice">
              <input
                type="radio"
                name={name}
                value={option.value}
                checked={answer === option.value}
                onChange={() => onAnswer(option.value)}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
      );
    case 'MULTIPLE_CHOICE': {
      const chosen = Array.isArray(answer) ? answer : [];
      const full = question.maxChoices !== undefined && chosen.length >= question.maxChoices;
      return (
        <>
          {question.maxChoices !== undefined && (
            <p className="qt-hint">Можно выбрать не больше {question.maxChoices}.</p>
          )}
          <div className="qt-choices">
            {options.map((option) => {
              const checked = chosen.includes(option.value);
              return (
                <label
                  key={option.value}
                  className={`qt-choice${!checked && full ? ' qt-choice--disabled' : ''}`}
                >
                  <input
                    type="checkbox"
                    value={option.value}
                    checked={checked}
                    disabled={!checked && full}
                    onChange={() => {
                      // Kept in the order of the options, whatever order they were ticked in.
                      const next = checked
                        ? chosen.filter((value) => value !== option.value)
                        : options
                            .map((o) => o.value)
                            .filter((value) => value === option.value || chosen.includes(value));
                      onAnswer(next.length > 0 ? next : null);
                    }}
                  />
                  <span>{option.label}</span>
                </label>
              );
            })}
          </div>
        </>
      );
    }
    case 'SCALE': {
      const min = Math.ceil(question.min ?? 1);
      const max = Math.floor(question.max ?? 5);
      const points = max >= min && max - min <= 20 ? range(min, max) : [];
      return (
        <div className="qt-scale">
          <div className="qt-scale__points">
            {points.map((point) => (
              <label key={point} className="qt-scale__point">
                <input
                  type="radio"
                  name={name}
                  value={point}
                  checked={answer === point}
                  onChange={() => onAnswer(point)}
                />
                <span>{point}</span>
              </label>
            ))}
          </div>
          {(question.minLabel || question.maxLabel) && (
            <div className="qt-scale__labels" aria-hidden="true">
              <span>
                {min} — {question.minLabel}
              </span>
              <span>
                {max} — {question.maxLabel}
              </span>
            </div>
          )}
        </div>
      );
    }
    case 'MATRIX': {
      const value =
        typeof answer === 'object' && answer !== null && !Array.isArray(answer) ? answer : {};
      return (
        <div className="qt-matrix">
          {(question.rows ?? []).map((row) => (
            <fieldset key={row.value} className="qt-matrix__row" data-testid={`row-${row.value}`}>
              <legend className="qt-matrix__label">{row.label}</legend>
              <div className="qt-choices qt-choices--inline">
                {options.map((option) => (
                  <label key={option.value} className="qt-choice">
                    <input
                      type="radio"
                      name={`${name}-${row.value}`}
                      value={option.value}
                      checked={value[row.value] === option.value}
                      onChange={() => onAnswer({ ...value, [row.value]: option.value })}
                    />
                    <span>{option.label}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </div>
      );
    }
    default:
      return null;
  }
}

type FieldInputProps = InputProps & {
  inputId: string;
  describedBy: string | undefined;
  invalid: boolean;
};

function FieldInput(props: FieldInputProps) {
  const { question, answer, onAnswer, inputId, describedBy, invalid } = props;
  const common = {
    id: inputId,
    'aria-describedby': describedBy,
    'aria-invalid': invalid || undefined,
  };
  switch (question.type) {
    case 'NUMBER':
      return <NumberInput {...props} />;
    case 'SHORT_TEXT':
      return (
        <input
          {...common}
          className="qt-input"
          value={typeof answer === 'string' ? answer : ''}
          maxLength={textLimit(question)}
          autoComplete="off"
          onChange={(event) => onAnswer(event.target.value)}
        />
      );
    case 'LONG_TEXT': {
      const text = typeof answer === 'string' ? answer : '';
      const limit = textLimit(question);
      return (
        <>
          <textarea
            {...common}
            className="qt-input qt-textarea"
            value={text}
            maxLength={limit}
            rows={5}
            onChange={(event) => onAnswer(event.target.value)}
          />
          <p className="qt-counter" data-testid={`counter-${question.key}`}>
            {text.length} из {limit} знаков
          </p>
        </>
      );
    }
    default:
      return null;
  }
}

/** A number typed as text: the phone shows its number pad, and «2,5» is read as 2.5. */
function NumberInput({
  question,
  answer,
  onAnswer,
  inputId,
  describedBy,
  invalid,
}: FieldInputProps) {
  const fromAnswer = typeof answer === 'number' ? String(answer).replace('.', ',') : '';
  const [local, setLocal] = useState({ text: fromAnswer, value: answer });
  // The answer changed elsewhere (cleared by skip logic, resumed): show it.
  const text = sameAnswer(local.value, answer) ? local.text : fromAnswer;
  const [junk, setJunk] = useState(false);
  const bounds =
    question.min !== undefined && question.max !== undefined
      ? `от ${question.min} до ${question.max}`
      : question.min !== undefined
        ? `не меньше ${question.min}`
        : question.max !== undefined
          ? `не больше ${question.max}`
          : '';
  return (
    <>
      <input
        id={inputId}
        className="qt-input qt-input--number"
        inputMode={question.integer ? 'numeric' : 'decimal'}
        data-min={question.min}
        value={text}
        autoComplete="off"
        aria-describedby={describedBy}
        aria-invalid={invalid || junk || undefined}
        onChange={(event) => {
          const typed = event.target.value;
          const parsed = parseNumber(typed);
          setLocal({ text: typed, value: parsed ?? undefined });
          setJunk(typed.trim() !== '' && parsed === undefined);
          onAnswer(parsed ?? null);
        }}
      />
      {bounds && <p className="qt-hint">Число {bounds}.</p>}
      {junk && !invalid && (
        <p className="qt-error" role="alert">
          Введите число цифрами, например 12 или 2,5.
        </p>
      )}
    </>
  );
}

function parseNumber(text: string): number | undefined {
  const normalized = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalized)) return undefined;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : undefined;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
