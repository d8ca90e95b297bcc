import { useEffect, useState } from 'react';

import { plural } from '@/utils/format';

import { useAnswerSync } from '../hooks/use-answer-sync';
import type { Answer, Answers } from '../types';
import { answerProblem, isBlank } from '../utils/answers';
import type { Screen } from '../utils/answer-sync';
import { formatRegionDateTime } from '../utils/time';
import { QuestionField } from './question-field';
import { ReauthDialog } from './reauth-dialog';
import { SaveStatus } from './save-status';
import { Thanks } from './thanks';
import type { Question, QuestionnaireSection, QuestionnaireSession } from '@/types/api';

type QuestionnaireRunnerProps = {
  login: string;
  session: QuestionnaireSession;
  onSignOut: () => void;
};

/**
 * The questionnaire, one screen at a time: the intro, each section shown by skip logic with a
 * progress bar, and a summary with «Сдать анкету». Answers are saved as they are given.
 */
export function QuestionnaireRunner({ login, session, onSignOut }: QuestionnaireRunnerProps) {
  const { sync, snapshot } = useAnswerSync(login, session);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  // «Сдать анкету» is for good: it asks once before sending (issue 21).
  const [confirming, setConfirming] = useState(false);
  const content = session.content ?? { sections: [] };
  const { answers, visibility } = snapshot;

  const sections = content.sections.filter((section) => visibility.sections.has(section.key));
  const screens: Screen[] = [
    'intro',
    ...sections.map((section): Screen => `section:${section.key}`),
    'summary',
  ];
  const screen = screens.includes(snapshot.screen) ? snapshot.screen : 'intro';
  const index = screens.indexOf(screen);
  const section = sections.find((s) => `section:${s.key}` === screen);

  // A new screen starts at its top; a question the server refused is brought into view.
  useEffect(() => {
    document.getElementById('qt-top')?.scrollIntoView?.({ block: 'start' });
  }, [screen]);
  const focus = snapshot.focus;
  useEffect(() => {
    if (!focus) return;
    const element = document.getElementById(`question-${focus.key}`);
    element?.scrollIntoView?.({ block: 'center' });
    element?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, [focus]);

  if (snapshot.finished)
    return <Thanks submittedAt={snapshot.submittedAt} timeZone={session.timeZone} />;

  const shownQuestions = (of: QuestionnaireSection) =>
    of.questions.filter((question) => visibility.questions.has(question.key));

  const answer = (key: string, value: Answer | null) => {
    if (key in clientErrors) {
      const { [key]: _cleared, ...rest } = clientErrors;
      void _cleared;
      setClientErrors(rest);
    }
    sync.setAnswer(key, value);
  };

  /** The problems of these questions' answers; shown at each, the first brought into view. */
  const check = (questions: Question[]): boolean => {
    const problems: Record<string, string> = {};
    for (const question of questions) {
      const problem = answerProblem(question, answers[question.key], true);
      if (problem) problems[question.key] = problem;
    }
    setClientErrors(problems);
    const first = questions.find((question) => problems[question.key]);
    if (first) {
      const element = document.getElementById(`question-${first.key}`);
      element?.scrollIntoView?.({ block: 'center' });
      element?.querySelector<HTMLElement>('input, textarea')?.focus();
      return false;
    }
    return true;
  };

  const next = () => {
    if (section && !check(shownQuestions(section))) return;
    sync.goTo(screens[Math.min(index + 1, screens.length - 1)] ?? 'summary');
  };
  const back = () => sync.goTo(screens[Math.max(index - 1, 0)] ?? 'intro');

  const submit = () => {
    const all = sections.flatMap(shownQuestions);
    const problems: Record<string, string> = {};
    for (const question of all) {
      const problem = answerProblem(question, answers[question.key], true);
      if (problem) problems[question.key] = problem;
    }
    setClientErrors(problems);
    const first = all.find((question) => problems[question.key]);
    if (first) {
      setConfirming(false);
      sync.show(first.key);
      return;
    }
    setConfirming(true);
  };
  const confirmSubmit = () => {
    setConfirming(false);
    void sync.submit();
  };

  const errorOf = (key: string) => snapshot.serverErrors[key] ?? clientErrors[key];

  return (
    <div className="qt-runner">
      <header className="qt-top" id="qt-top">
        <p className="qt-top__campaign">
          {session.campaignTitle} · {session.subjectName}
        </p>
        <p className="qt-top__title">{session.title}</p>
        {session.validUntil && (
          <p className="qt-top__until">
            Анкета доступна до {formatRegionDateTime(session.validUntil, session.timeZone)}
          </p>
        )}
        <div className="qt-top__bar">
          <SaveStatus status={snapshot.status} />
          <button type="button" className="qt-link" onClick={onSignOut}>
            Выйти
          </button>
        </div>
      </header>

      {screen === 'intro' && (
        <section className="qt-screen" aria-labelledby="qt-intro-title">
          <h1 id="qt-intro-title">{session.title}</h1>
          {content.intro && <p className="qt-intro">{content.intro}</p>}
          <p className="qt-hint">
            {sections.length} {plural(sections.length, ['раздел', 'раздела', 'разделов'])}. Ответы
            сохраняются сами — можно прерваться и продолжить позже, даже на другом устройстве.
            Вопросы со звёздочкой (*) обязательные.
          </p>
          <div className="qt-nav">
            <button type="button" className="qt-button" onClick={next}>
              {Object.keys(answers).length > 0 ? 'Продолжить' : 'Начать'}
            </button>
          </div>
        </section>
      )}

      {section && (
        <section className="qt-screen" aria-labelledby="qt-section-title">
          <Progress current={index} total={sections.length} />
          <h1 id="qt-section-title">{section.title}</h1>
          {section.description && <p className="qt-intro">{section.description}</p>}
          {shownQuestions(section).map((question) => (
            <QuestionField
              key={question.key}
              question={question}
              answer={answers[question.key]}
              error={errorOf(question.key)}
              onAnswer={(value) => answer(question.key, value)}
            />
          ))}
          <div className="qt-nav">
            <button type="button" className="qt-button qt-button--secondary" onClick={back}>
              Назад
            </button>
            <button type="button" className="qt-button" onClick={next}>
              Далее
            </button>
          </div>
        </section>
      )}

      {screen === 'summary' && (
        <section className="qt-screen" aria-labelledby="qt-summary-title">
          <h1 id="qt-summary-title">Проверьте и сдайте анкету</h1>
          <Summary
            sections={sections}
            shown={shownQuestions}
            answers={answers}
            errorOf={errorOf}
            onShow={(key) => sync.show(key)}
          />
          <p className="qt-hint">После сдачи ответы изменить нельзя.</p>
          {snapshot.submitError && (
            <div className="alert alert--error" role="alert">
              <p className="alert__title">Анкета не сдана</p>
              <p className="alert__text">{snapshot.submitError}</p>
            </div>
          )}
          {confirming ? (
            <div
              className="alert alert--info qt-confirm"
              role="alertdialog"
              aria-label="Сдать анкету?"
            >
              <p className="alert__title">Сдать анкету?</p>
              <p className="alert__text">После сдачи ответы изменить будет нельзя.</p>
              <div className="qt-nav">
                <button
                  type="button"
                  className="qt-button qt-button--secondary"
                  onClick={() => setConfirming(false)}
                >
                  Нет, проверить ещё
                </button>
                <button type="button" className="qt-button" onClick={confirmSubmit}>
                  Да, сдать
                </button>
              </div>
            </div>
          ) : (
            <div className="qt-nav">
              <button type="button" className="qt-button qt-button--secondary" onClick={back}>
                Назад
              </button>
              <button
                type="button"
                className="qt-button"
                onClick={submit}
                disabled={snapshot.submitting || snapshot.status === 'reauth'}
              >
                {snapshot.submitting ? 'Отправляем…' : 'Сдать анкету'}
              </button>
            </div>
          )}
        </section>
      )}

      {snapshot.status === 'reauth' && (
        <ReauthDialog login={login} onSignedIn={() => sync.resume()} />
      )}
    </div>
  );
}

function Progress({ current, total }: { current: number; total: number }) {
  return (
    <div className="qt-progress">
      <p className="qt-progress__text">
        Раздел {current} из {total}
      </p>
      <div
        className="qt-progress__bar"
        role="progressbar"
        aria-label="Пройдено разделов"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={current}
      >
        <span style={{ width: `${(100 * current) / Math.max(total, 1)}%` }} />
      </div>
    </div>
  );
}

type SummaryProps = {
  sections: QuestionnaireSection[];
  shown: (section: QuestionnaireSection) => Question[];
  answers: Answers;
  errorOf: (key: string) => string | undefined;
  onShow: (key: string) => void;
};

/** Each section's count of answers, and the questions that still need one. */
function Summary({ sections, shown, answers, errorOf, onShow }: SummaryProps) {
  return (
    <ul className="qt-summary">
      {sections.map((section) => {
        const questions = shown(section);
        const answered = questions.filter((q) => !isBlank(answers[q.key])).length;
        const missing = questions
          .map((q) => ({ q, problem: errorOf(q.key) ?? answerProblem(q, answers[q.key], true) }))
          .filter(({ problem }) => problem !== undefined);
        return (
          <li key={section.key} className="qt-summary__section">
            <p className="qt-summary__title">{section.title}</p>
            <p className="qt-hint">
              Отвечено: {answered} из {questions.length}
            </p>
            {missing.map(({ q: question, problem }) => (
              <p key={question.key} className="qt-summary__missing">
                <span>
                  «{question.text}» — {problem}
                </span>{' '}
                <button type="button" className="qt-link" onClick={() => onShow(question.key)}>
                  Ответить
                </button>
              </p>
            ))}
          </li>
        );
      })}
    </ul>
  );
}
