import { describe, expect, it } from 'vitest';

import { questionnaireContent } from '@/testing/questionnaire-take-data';

import { answerProblem } from './answers';
import { mergeAnswers } from './draft-store';
import { computeVisibility } from './skip-logic';
import type { QuestionnaireContent } from '@/types/api';

describe('computeVisibility', () => {
  const content = questionnaireContent();

  it('hides a question whose referenced answer is not one of anyOf', () => {
    const { questions } = computeVisibility(content, { experience: 'gt15' });
    expect(questions.has('experience')).toBe(true);
    expect(questions.has('mentor')).toBe(false);
    expect(computeVisibility(content, { experience: 'lt5' }).questions.has('mentor')).toBe(true);
  });

  it('hides transitively: a question depending on a hidden one is hidden, whatever it holds', () => {
    // A stale answer «yes» to the hidden mentor question must not show mentor_help.
    const { questions } = computeVisibility(content, { experience: 'gt15', mentor: 'yes' });
    expect(questions.has('mentor_help')).toBe(false);
    const shown = computeVisibility(content, { experience: 'lt5', mentor: 'yes' });
    expect(shown.questions.has('mentor_help')).toBe(true);
  });

  it('shows a section when a multiple choice contains one of anyOf; its questions go with it', () => {
    const hidden = computeVisibility(content, { subjects: ['rus', 'lit'] });
    expect(hidden.sections.has('math')).toBe(false);
    expect(hidden.questions.has('math_hours')).toBe(false);
    const shown = computeVisibility(content, { subjects: ['lit', 'math'] });
    expect(shown.sections.has('math')).toBe(true);
    expect(shown.questions.has('math_hours')).toBe(true);
  });

  it('a loop or an unknown reference hides rather than hangs', () => {
    const looped: QuestionnaireContent = {
      sections: [
        {
          key: 's',
          title: 'S',
          questions: [
            {
              key: 'a',
              text: 'A',
              type: 'SCALE',
              required: false,
              showIf: { question: 'b', anyOf: ['1'] },
            },
            {
              key: 'b',
              text: 'B',
              type: 'SCALE',
              required: false,
              showIf: { question: 'a', anyOf: ['1'] },
            },
            {
              key: 'c',
              text: 'C',
              type: 'SCALE',
              required: false,
              showIf: { question: 'zzz', anyOf: ['1'] },
            },
            {
              key: 'd',
              text: 'D',
              type: 'SCALE',
              required: false,
              showIf: { question: 'e', anyOf: ['2'] },
            },
            { key: 'e', text: 'E', type: 'SCALE', required: false },
          ],
        },
      ],
    };
    const { questions } = computeVisibility(looped, { a: 1, b: 1, e: 2 });
    expect([...questions]).toEqual(['d', 'e']);
  });
});

describe('mergeAnswers', () => {
  it('overlays the server’s answers with the unconfirmed local keys, a missing one clearing', () => {
    const merged = mergeAnswers(
      { experience: 'from5', age: 30, load: 2 },
      { answers: { experience: 'lt5', age: 31 }, unconfirmed: ['age', 'load'] },
    );
    expect(merged).toEqual({ experience: 'from5', age: 31 });
  });
});

describe('answerProblem', () => {
  const [about, work] = questionnaireContent().sections;
  const age = about!.questions.find((q) => q.key === 'age')!;
  const tools = { ...work!.questions.find((q) => q.key === 'tools')!, required: true };

  it('checks a number’s range and wholeness', () => {
    expect(answerProblem(age, 17, false)).toBe('Число должно быть не меньше 18.');
    expect(answerProblem(age, 81, false)).toBe('Число должно быть не больше 80.');
    expect(answerProblem(age, 30.5, false)).toBe('Введите целое число.');
    expect(answerProblem(age, 30, false)).toBeUndefined();
  });

  it('a required matrix needs every row', () => {
    expect(answerProblem(tools, { board: 'often' }, true)).toBe('Ответьте в каждой строке.');
    expect(answerProblem(tools, { board: 'often', journal: 'never' }, true)).toBeUndefined();
  });
});
