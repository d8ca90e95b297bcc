import type {
  Campaign,
  FormColumn,
  FormColumnType,
  FormDefinition,
  FormDefinitionInput,
  FormRowRule,
  FormSheet,
  OrganizationKind,
} from '@/types/api';

/** What each column type means to the one who designs a form. */
export const columnTypeLabels: Record<FormColumnType, string> = {
  TEXT: 'Текст',
  INTEGER: 'Целое число',
  DECIMAL: 'Число с дробью',
  ENUM: 'Выбор из списка',
  DATE: 'Дата (ДД.ММ.ГГГГ)',
  ORG_LOGIN: 'Логин организации',
  PARTICIPANT_CODE: 'Код участника',
  TASK_SCORES: 'Баллы по заданиям предмета',
  COMPUTED_SUM: 'Сумма (считается сама)',
};

/** The types a designer offers; TASK_SCORES needs the form's subject, so it is offered with one. */
export const designerTypes = Object.keys(columnTypeLabels) as FormColumnType[];

export const prefillLabels: Record<NonNullable<FormSheet['prefill']>, string> = {
  NONE: 'Нет: строки добавляет тот, кто заполняет',
  STORED: 'Строки задаёт организатор для каждой организации',
  MUNICIPALITY_SAMPLE: 'Организации муниципалитета из выборки',
  KITS: 'Номера комплектов пункта по предмету',
};

export const layoutLabels: Record<NonNullable<FormSheet['layout']>, string> = {
  TABLE: 'Таблица: строки одинаковых столбцов',
  RECORD: 'Одна запись: поле на строку',
};

/**
 * The kinds of organization a campaign is held in (the server's CampaignInfo.organizationKinds):
 * ВПР in schools and colleges, the СПО study in colleges, ОМК in assessment points.
 */
export function campaignKinds(kind: Campaign['kind']): OrganizationKind[] {
  if (kind === 'SPO') return ['COLLEGE'];
  if (kind === 'OMK') return ['ASSESSMENT_POINT'];
  return ['SCHOOL', 'COLLEGE'];
}

/** The next free key «c1», «c2»… (or «s1»… for sheets): keys are the system's, never typed. */
export function nextKey(prefix: string, taken: string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

export const blankColumn = (taken: string[]): FormColumn => ({
  key: nextKey('c', taken),
  title: '',
  type: 'TEXT',
  required: false,
  readOnly: false,
  unique: false,
});

export const blankSheet = (taken: string[]): FormSheet => ({
  key: nextKey('s', taken),
  title: `Лист ${taken.length + 1}`,
  layout: 'TABLE',
  prefill: 'NONE',
  maxRows: 5000,
  columns: [blankColumn([])],
  rules: [],
});

export const blankRule = (when: string): FormRowRule => ({
  when,
  equals: [],
  require: [],
  forbid: [],
});

export const blankForm = (): FormDefinitionInput => ({
  code: '',
  title: '',
  instruction: '',
  stage: 'CONTEXT_DATA',
  respondent: 'ORGANIZATION',
  sheets: [blankSheet([])],
});

/** A published definition as the designer edits it: the next version of it. */
export const draftOf = (form: FormDefinition): FormDefinitionInput => ({
  code: form.code,
  title: form.title,
  instruction: form.instruction ?? '',
  stage: form.stage,
  respondent: form.respondent,
  organizationKinds: form.organizationKinds,
  subjectKey: form.subjectKey,
  sheets: form.sheets,
  version: form.version,
});

/** «a, b ,c» → ['a', 'b', 'c']: a list typed on one line, separated by commas or new lines. */
export const splitList = (text: string) =>
  text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** The draft as the server wants it: blank optional fields left out, lists cleaned. */
export function cleanDraft(draft: FormDefinitionInput): FormDefinitionInput {
  return {
    ...draft,
    instruction: draft.instruction?.trim() || undefined,
    subjectKey: draft.subjectKey || undefined,
    sheets: draft.sheets.map((sheet) => ({
      ...sheet,
      keyColumn:
        sheet.prefill === 'KITS' || sheet.prefill === 'STORED' ? sheet.keyColumn : undefined,
      columns: sheet.columns.map((column) => ({
        ...column,
        pattern: column.pattern?.trim() || undefined,
        patternHint: column.patternHint?.trim() || undefined,
        hint: column.hint?.trim() || undefined,
        options: column.type === 'ENUM' ? (column.options ?? []) : undefined,
        min: isNumeric(column.type) ? column.min : undefined,
        max: isNumeric(column.type) ? column.max : undefined,
      })),
      rules: (sheet.rules ?? []).filter((rule) => rule.when !== '' && rule.equals.length > 0),
    })),
  };
}

export const isNumeric = (type: FormColumnType) => type === 'INTEGER' || type === 'DECIMAL';

const titleOf = (column: FormColumn) => column.title || column.key;

/**
 * What publishing `next` changes in `current`, in words, for the organizer to read before a new
 * version goes out (and for the respondents to be told): sheets and columns added, removed,
 * renamed, retyped, made required, their bounds and options changed.
 */
export function describeChanges(current: FormDefinition, next: FormDefinitionInput): string[] {
  const changes: string[] = [];
  if (current.title !== next.title) changes.push(`Название формы: «${next.title}»`);
  if ((current.instruction ?? '') !== (next.instruction ?? '')) changes.push('Инструкция изменена');
  if (
    (current.organizationKinds ?? []).join() !== (next.organizationKinds ?? []).join() ||
    current.respondent !== next.respondent
  ) {
    changes.push('Изменено, кто заполняет форму');
  }
  for (const sheet of next.sheets) {
    const was = current.sheets.find((candidate) => candidate.key === sheet.key);
    if (!was) {
      changes.push(`Добавлен лист «${sheet.title}»`);
      continue;
    }
    if (was.title !== sheet.title) changes.push(`Лист «${was.title}» назван «${sheet.title}»`);
    for (const column of sheet.columns) {
      const old = was.columns.find((candidate) => candidate.key === column.key);
      const where = `Лист «${sheet.title}», столбец «${titleOf(column)}»`;
      if (!old) {
        changes.push(`Лист «${sheet.title}»: добавлен столбец «${titleOf(column)}»`);
        continue;
      }
      if (old.title !== column.title) changes.push(`${where}: прежде «${titleOf(old)}»`);
      if (old.type !== column.type) {
        changes.push(
          `${where}: тип «${columnTypeLabels[column.type]}» вместо «${columnTypeLabels[old.type]}»`,
        );
      }
      if (Boolean(old.required) !== Boolean(column.required)) {
        changes.push(`${where}: ${column.required ? 'стал обязательным' : 'больше не обязателен'}`);
      }
      if (Boolean(old.unique) !== Boolean(column.unique)) {
        changes.push(
          `${where}: ${column.unique ? 'значения не повторяются' : 'значения могут повторяться'}`,
        );
      }
      if (old.min !== column.min || old.max !== column.max)
        changes.push(`${where}: диапазон изменён`);
      if ((old.pattern ?? '') !== (column.pattern ?? '')) changes.push(`${where}: образец изменён`);
      const added = (column.options ?? []).filter(
        (option) => !(old.options ?? []).includes(option),
      );
      const removed = (old.options ?? []).filter(
        (option) => !(column.options ?? []).includes(option),
      );
      if (added.length > 0) changes.push(`${where}: добавлены варианты «${added.join('», «')}»`);
      if (removed.length > 0) changes.push(`${where}: удалены варианты «${removed.join('», «')}»`);
    }
    for (const old of was.columns) {
      if (!sheet.columns.some((candidate) => candidate.key === old.key)) {
        changes.push(`Лист «${sheet.title}»: удалён столбец «${titleOf(old)}»`);
      }
    }
    if (JSON.stringify(was.rules ?? []) !== JSON.stringify(sheet.rules ?? [])) {
      changes.push(`Лист «${sheet.title}»: правила строк изменены`);
    }
  }
  for (const was of current.sheets) {
    if (!next.sheets.some((sheet) => sheet.key === was.key))
      changes.push(`Удалён лист «${was.title}»`);
  }
  return changes;
}
