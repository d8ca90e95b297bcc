import type { Answer, Answers } from '../types';
import type { QuestionnaireContent, ShowIf } from '@/types/api';

/**
 * Which questions and sections are shown for these answers. A question (or section) with `showIf`
 * is shown only when the referenced answer is one of `anyOf` — for a multiple choice, contains one
 * of them — and the referenced question is itself shown; a question of a hidden section is hidden.
 */
export type Visibility = {
  questions: Set<string>;
  sections: Set<string>;
};

export function computeVisibility(content: QuestionnaireContent, answers: Answers): Visibility {
  const sectionOf = new Map<string, { showIf?: ShowIf; sectionKey: string }>();
  const sectionShowIf = new Map<string, ShowIf | undefined>();
  for (const section of content.sections) {
    sectionShowIf.set(section.key, section.showIf);
    for (const question of section.questions) {
      sectionOf.set(question.key, { showIf: question.showIf, sectionKey: section.key });
    }
  }

  const questionMemo = new Map<string, boolean>();
  const sectionMemo = new Map<string, boolean>();
  const visiting = new Set<string>();

  const conditionHolds = (showIf: ShowIf | undefined): boolean => {
    if (!showIf) return true;
    // A reference to an unknown question, or a loop, hides rather than shows.
    if (!sectionOf.has(showIf.question) || !questionShown(showIf.question)) return false;
    return matches(answers[showIf.question], showIf.anyOf);
  };

  function sectionShown(key: string): boolean {
    const known = sectionMemo.get(key);
    if (known !== undefined) return known;
    const marker = `s:${key}`;
    if (visiting.has(marker)) return false;
    visiting.add(marker);
    const shown = conditionHolds(sectionShowIf.get(key));
    visiting.delete(marker);
    sectionMemo.set(key, shown);
    return shown;
  }

  function questionShown(key: string): boolean {
    const known = questionMemo.get(key);
    if (known !== undefined) return known;
    const place = sectionOf.get(key);
    if (!place) return false;
    const marker = `q:${key}`;
    if (visiting.has(marker)) return false;
    visiting.add(marker);
    const shown = sectionShown(place.sectionKey) && conditionHolds(place.showIf);
    visiting.delete(marker);
    questionMemo.set(key, shown);
    return shown;
  }

  const visibility: Visibility = { questions: new Set(), sections: new Set() };
  for (const section of content.sections) {
    if (sectionShown(section.key)) visibility.sections.add(section.key);
    for (const question of section.questions) {
      if (questionShown(question.key)) visibility.questions.add(question.key);
    }
  }
  return visibility;
}

function matches(answer: Answer | undefined, anyOf: string[]): boolean {
  if (answer === undefined || answer === null) return false;
  if (Array.isArray(answer)) return answer.some((value) => anyOf.includes(String(value)));
  if (typeof answer === 'object') return false;
  return anyOf.includes(String(answer));
}
