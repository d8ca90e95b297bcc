import type { ApiClientOperation, ChangeType } from '@/types/api';

/** The change-feed events a regional system may be allowed to read, as officials name them. */
export const eventLabels: Record<ChangeType, string> = {
  'forms.FormSubmitted': 'Форма сдана',
  'forms.FormReopened': 'Форма открыта для исправления',
  'questionnaires.QuestionnaireSubmitted': 'Анкета заполнена',
  'scans.SheetStatusChanged': 'Статус скана изменился',
  'observers.ObserverAssigned': 'Наблюдатель назначен',
  'observers.ObserverPresenceMarked': 'Наблюдатель отметил присутствие',
  'observers.ObserverActSubmitted': 'Акт наблюдателя сдан',
  'sample.SamplePublished': 'Выборка опубликована',
  'campaigns.StageExtended': 'Срок этапа продлён',
  'campaigns.RegionalWindowsChanged': 'Сроки этапа в регионе изменены',
  'results.ReportReleased': 'Отчёты о результатах выпущены',
  'publications.PublicationReleased': 'Публикация вышла',
};

export const allEvents = Object.keys(eventLabels) as ChangeType[];

/** What a regional system may be allowed to call. */
export const operationLabels: Record<ApiClientOperation, string> = {
  changes: 'Лента изменений',
  exports: 'Выгрузки (в том числе фоновые)',
  'submit-forms': 'Сдача форм от имени организаций',
  read: 'Чтение данных (организации, кампании, формы, мониторинг)',
};

export const allOperations = Object.keys(operationLabels) as ApiClientOperation[];

/** `everything` when nothing is restricted (absent or empty, as the API says), else the labels. */
export function describeAllowed<T extends string>(
  chosen: readonly T[] | undefined,
  labels: Record<T, string>,
  everything: string,
): string {
  if (chosen === undefined || chosen.length === 0) return everything;
  return chosen.map((value) => labels[value]).join('; ');
}
