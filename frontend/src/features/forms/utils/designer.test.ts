import { describe, expect, it } from 'vitest';

import type { FormDefinition } from '@/types/api';

import { cleanDraft, describeChanges, draftOf } from './designer';
import { designerProblems } from './designer-problems';

const published: FormDefinition = {
  id: 7,
  campaignId: 3,
  code: 'kruzhki',
  title: 'Сведения о кружках',
  stage: 'RESULTS_PROTOCOL',
  respondent: 'ORGANIZATION',
  version: 1,
  updatedAt: '2026-12-01T10:00:00Z',
  sheets: [
    {
      key: 's1',
      title: 'Кружки',
      layout: 'TABLE',
      prefill: 'NONE',
      maxRows: 5000,
      columns: [
        {
          key: 'c1',
          title: 'Название',
          type: 'TEXT',
          required: true,
          readOnly: false,
          unique: false,
        },
        {
          key: 'c2',
          title: 'Направленность',
          type: 'ENUM',
          required: false,
          readOnly: false,
          unique: false,
          options: ['техническая', 'художественная'],
        },
      ],
    },
  ],
};

describe('form designer: what a new version changes (issue 19)', () => {
  it('says in words which sheets, columns and options change', () => {
    const draft = draftOf(published);
    const sheet = draft.sheets[0]!;
    const next = cleanDraft({
      ...draft,
      sheets: [
        {
          ...sheet,
          columns: [
            { ...sheet.columns[0]!, title: 'Название кружка' },
            { ...sheet.columns[1]!, options: ['техническая', 'спортивная'] },
            {
              key: 'c3',
              title: 'Участников',
              type: 'INTEGER',
              required: false,
              readOnly: false,
              unique: false,
            },
          ],
        },
        {
          key: 's2',
          title: 'Педагоги',
          layout: 'TABLE',
          prefill: 'NONE',
          maxRows: 10,
          columns: [],
        },
      ],
    });

    expect(describeChanges(published, next)).toEqual([
      'Лист «Кружки», столбец «Название кружка»: прежде «Название»',
      'Лист «Кружки», столбец «Направленность»: добавлены варианты «спортивная»',
      'Лист «Кружки», столбец «Направленность»: удалены варианты «художественная»',
      'Лист «Кружки»: добавлен столбец «Участников»',
      'Добавлен лист «Педагоги»',
    ]);
    expect(describeChanges(published, cleanDraft(draftOf(published)))).toEqual([]);
  });

  it('places the server’s problems by sheet and column title, never by path', () => {
    const problems = designerProblems(
      [
        { field: 'sheets[0].columns[1].options', message: 'Укажите варианты' },
        { field: 'sheets.s1.prefill', message: 'Нужен столбец-ключ' },
        { field: 'code', message: 'должно соответствовать "^[a-z][a-z0-9-]{1,40}$"' },
      ],
      draftOf(published),
    );

    expect(problems.general).toEqual([
      'Лист «Кружки», столбец «Направленность», варианты: Укажите варианты',
      'Лист «Кружки»: Нужен столбец-ключ',
      'Код формы: неверный формат',
    ]);
    expect(problems.columns('s1', 1)).toEqual(['Укажите варианты']);
    expect(problems.general.join(' ')).not.toMatch(/sheets|\^\[|columns\[/);
  });
});
