import type { OverviewKitRange, OverviewQuestionnaire, OverviewScanSubject } from '@/types/api';
import { formatNumber } from '@/utils/format';

import { categoryLabels } from '../utils/labels';
import { OverviewTable, type OverviewColumn } from './overview-table';

const subject = { label: 'Предмет', cell: (r: { subjectName: string }) => r.subjectName };

const figure = <T,>(label: string, value: (row: T) => number): OverviewColumn<T> => ({
  label,
  numeric: true,
  cell: (row) => formatNumber(value(row)),
});

const kitColumns: OverviewColumn<OverviewKitRange>[] = [
  subject,
  { label: 'Категория', cell: (k) => categoryLabels[k.category] ?? k.category },
  figure('Комплектов', (k) => k.kits),
  {
    label: 'Номера',
    className: 'table__code',
    cell: (k) => (k.firstKit === k.lastKit ? k.firstKit : `${k.firstKit}–${k.lastKit}`),
  },
];

/** The point's kits per subject and category, with their numbers (ОМК). */
export function OverviewKitsTable({ kits }: { kits: OverviewKitRange[] }) {
  return (
    <OverviewTable
      columns={kitColumns}
      rows={kits}
      rowKey={(k) => `${k.subjectKey}-${k.category}`}
      empty="Комплекты пункту ещё не назначены."
    />
  );
}

const questionnaireColumns: OverviewColumn<OverviewQuestionnaire>[] = [
  subject,
  figure('Комплектов', (q) => q.kits),
  figure('Начали', (q) => q.started),
  figure('Завершили', (q) => q.submitted),
];

/** Questionnaires per subject: begun and submitted against the kits issued. */
export function OverviewQuestionnairesTable({ items }: { items: OverviewQuestionnaire[] }) {
  return (
    <OverviewTable
      columns={questionnaireColumns}
      rows={items}
      rowKey={(q) => q.subjectKey}
      rowTestId={(q) => `overview-questionnaire-${q.subjectKey}`}
      empty="Анкетирование участников этой организации ещё не начиналось."
    />
  );
}

const scanColumns: OverviewColumn<OverviewScanSubject>[] = [
  subject,
  figure('Загружено', (s) => s.sheets.uploaded),
  figure('Проверяется', (s) => s.sheets.processing),
  figure('Принято', (s) => s.sheets.accepted),
  figure('С ошибками', (s) => s.sheets.errors),
];

/** Scanned sheets per subject: uploaded, in processing, accepted, with errors. */
export function OverviewScansTable({ items }: { items: OverviewScanSubject[] }) {
  return (
    <OverviewTable
      columns={scanColumns}
      rows={items}
      rowKey={(s) => s.subjectKey}
      rowTestId={(s) => `overview-scans-${s.subjectKey}`}
      empty="Сканы работ этой организации ещё не загружались."
    />
  );
}
