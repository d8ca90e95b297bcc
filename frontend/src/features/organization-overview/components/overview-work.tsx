import type { OverviewKitRange, OverviewQuestionnaire, OverviewScanSubject } from '@/types/api';
import { formatNumber } from '@/utils/format';

import { categoryLabels } from '../utils/labels';

/** The point's kits per subject and category, with their numbers (ОМК). */
export function OverviewKitsTable({ kits }: { kits: OverviewKitRange[] }) {
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <thead>
          <tr>
            <th scope="col">Предмет</th>
            <th scope="col">Категория</th>
            <th scope="col" className="table__num">
              Комплектов
            </th>
            <th scope="col">Номера</th>
          </tr>
        </thead>
        <tbody>
          {kits.length === 0 && (
            <tr>
              <td className="table__empty" colSpan={4}>
                Комплекты пункту ещё не назначены.
              </td>
            </tr>
          )}
          {kits.map((k) => (
            <tr key={`${k.subjectKey}-${k.category}`}>
              <td data-label="Предмет">{k.subjectName}</td>
              <td data-label="Категория">{categoryLabels[k.category] ?? k.category}</td>
              <td data-label="Комплектов" className="table__num">
                {formatNumber(k.kits)}
              </td>
              <td data-label="Номера" className="table__code">
                {k.firstKit === k.lastKit ? k.firstKit : `${k.firstKit}–${k.lastKit}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Questionnaires per subject: begun and submitted against the kits issued. */
export function OverviewQuestionnairesTable({ items }: { items: OverviewQuestionnaire[] }) {
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <thead>
          <tr>
            <th scope="col">Предмет</th>
            <th scope="col" className="table__num">
              Комплектов
            </th>
            <th scope="col" className="table__num">
              Начали
            </th>
            <th scope="col" className="table__num">
              Завершили
            </th>
          </tr>
        </thead>
        <tbody>
          {items.length === 0 && (
            <tr>
              <td className="table__empty" colSpan={4}>
                Анкетирование участников этой организации ещё не начиналось.
              </td>
            </tr>
          )}
          {items.map((q) => (
            <tr key={q.subjectKey} data-testid={`overview-questionnaire-${q.subjectKey}`}>
              <td data-label="Предмет">{q.subjectName}</td>
              <td data-label="Комплектов" className="table__num">
                {formatNumber(q.kits)}
              </td>
              <td data-label="Начали" className="table__num">
                {formatNumber(q.started)}
              </td>
              <td data-label="Завершили" className="table__num">
                {formatNumber(q.submitted)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Scanned sheets per subject: uploaded, in processing, accepted, with errors. */
export function OverviewScansTable({ items }: { items: OverviewScanSubject[] }) {
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <thead>
          <tr>
            <th scope="col">Предмет</th>
            <th scope="col" className="table__num">
              Загружено
            </th>
            <th scope="col" className="table__num">
              Проверяется
            </th>
            <th scope="col" className="table__num">
              Принято
            </th>
            <th scope="col" className="table__num">
              С ошибками
            </th>
          </tr>
        </thead>
        <tbody>
          {items.length === 0 && (
            <tr>
              <td className="table__empty" colSpan={5}>
                Сканы работ этой организации ещё не загружались.
              </td>
            </tr>
          )}
          {items.map((s) => (
            <tr key={s.subjectKey} data-testid={`overview-scans-${s.subjectKey}`}>
              <td data-label="Предмет">{s.subjectName}</td>
              <td data-label="Загружено" className="table__num">
                {formatNumber(s.sheets.uploaded)}
              </td>
              <td data-label="Проверяется" className="table__num">
                {formatNumber(s.sheets.processing)}
              </td>
              <td data-label="Принято" className="table__num">
                {formatNumber(s.sheets.accepted)}
              </td>
              <td data-label="С ошибками" className="table__num">
                {formatNumber(s.sheets.errors)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
