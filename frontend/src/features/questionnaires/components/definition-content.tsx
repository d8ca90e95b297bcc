import { describeAnswer, describeShowIf, questionsByKey } from '../utils/describe';
import { questionTypeLabels } from '../utils/labels';
import type { Question, QuestionOption, QuestionnaireContent } from '@/types/api';

/**
 * A definition in words, read-only, as the methodologist checks it: sections, questions with
 * their type, options, bounds and skip logic, and which questions must be answered.
 */
export function DefinitionContent({ content }: { content: QuestionnaireContent }) {
  const byKey = questionsByKey(content);
  // Questions are numbered through the whole questionnaire, as the participant counts them.
  const starts: number[] = [];
  let count = 0;
  for (const section of content.sections ?? []) {
    starts.push(count + 1);
    count += (section.questions ?? []).length;
  }
  return (
    <div className="form-stack" data-testid="definition-content">
      {content.intro && <p className="q-preview__intro">{content.intro}</p>}
      {(content.sections ?? []).length === 0 && <p>В анкете пока нет разделов.</p>}
      {(content.sections ?? []).map((section, sectionIndex) => (
        <section
          key={`${sectionIndex}-${section.key}`}
          className="q-section"
          aria-labelledby={`q-section-${sectionIndex}`}
          data-testid="definition-section"
        >
          <h3 id={`q-section-${sectionIndex}`} className="q-section__title">
            Раздел {sectionIndex + 1}. {section.title}{' '}
            <span className="q-key">({section.key})</span>
          </h3>
          {section.description && <p className="q-preview__intro">{section.description}</p>}
          {section.showIf && (
            <p className="q-showif">
              Раздел{' '}
              {describeShowIf(section.showIf, byKey).replace(/^Показывается/, 'показывается')}
            </p>
          )}
          {(section.questions ?? []).length === 0 ? (
            <p>В разделе нет вопросов.</p>
          ) : (
            <ol className="q-questions" start={starts[sectionIndex]}>
              {(section.questions ?? []).map((question) => (
                <QuestionView
                  key={question.key}
                  question={question}
                  showIf={question.showIf && describeShowIf(question.showIf, byKey)}
                />
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  );
}

function OptionList({ options, label }: { options?: QuestionOption[]; label: string }) {
  if (!options || options.length === 0)
    return <p className="q-question__meta">{label}: не заданы</p>;
  return (
    <>
      <p className="q-question__meta">{label}:</p>
      <ul>
        {options.map((option) => (
          <li key={option.value}>
            {option.label} <span className="q-key">({option.value})</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function QuestionView({ question, showIf }: { question: Question; showIf?: string }) {
  return (
    <li className="q-question" data-testid="definition-question">
      <p className="q-question__text">
        {question.text}{' '}
        {question.required ? (
          <span className="q-question__required">* обязательный</span>
        ) : (
          <span className="q-question__meta">(необязательный)</span>
        )}
      </p>
      <p className="q-question__meta">
        {questionTypeLabels[question.type] ?? question.type}{' '}
        <span className="q-key">({question.key})</span>
      </p>
      {question.hint && <p className="q-question__meta">Подсказка: {question.hint}</p>}
      {(question.type === 'SINGLE_CHOICE' || question.type === 'MULTIPLE_CHOICE') && (
        <OptionList options={question.options} label="Варианты" />
      )}
      {question.type === 'MATRIX' && (
        <>
          <OptionList options={question.rows} label="Строки" />
          <OptionList options={question.options} label="Варианты в каждой строке" />
        </>
      )}
      {describeAnswer(question).map((line) => (
        <p key={line} className="q-question__meta">
          {line}
        </p>
      ))}
      {showIf && <p className="q-showif">{showIf}</p>}
    </li>
  );
}
