import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type { Me } from '@/types/api';
import type { components } from '@/types/api.gen';
import { saveBlob } from '@/utils/download';

import { useExportSubjectReport } from '../api/export-subject-report';
import { type ReportUnitQuery, useSubjectReport } from '../api/get-subject-report';
import { boundaryLines, ChartCanvas, LEVEL_COLOURS } from './chart-canvas';
import { OpeningsTable } from './openings-table';
import { ParticipantsTable } from './participants-table';
import { UnitsTable } from './units-table';

type SubjectReport = components['schemas']['SubjectReport'];
type LevelStatistics = components['schemas']['LevelStatistics'];

const GRADES = ['«2»', '«3»', '«4»', '«5»'];
const LEVEL_NAMES: Record<string, string> = {
  ORGANIZATION: 'Организация',
  MUNICIPALITY: 'Муниципалитет',
  REGION: 'Регион',
  COUNTRY: 'Россия',
};

const percent = (value: number) => `${value.toLocaleString('ru-RU')} %`;

type Props = {
  account: Me;
  campaignId: number;
  subjectKey: string;
  unit: ReportUnitQuery;
  onOpenUnit: (unit: ReportUnitQuery) => void;
};

/** Reports 1–6 of one unit and subject: charts, the tables beside them, print and .xlsx. */
export function SubjectReportView({ account, campaignId, subjectKey, unit, onOpenUnit }: Props) {
  const query = { campaignId, subjectKey, ...unit };
  const report = useSubjectReport(query);
  const exporting = useExportSubjectReport();

  if (report.isPending) return <Loading label="Загружаем отчёт…" />;
  if (report.isError) {
    return (
      <ErrorMessage
        error={report.error}
        title="Отчёт недоступен"
        onRetry={() => void report.refetch()}
      />
    );
  }
  const data = report.data;
  const coordinator = account.role !== 'ORGANIZATION';
  const aggregate = data.unit.level !== 'ORGANIZATION';
  return (
    <article className="report" data-testid="subject-report">
      <header className="report__header">
        <div>
          <h2 className="section-title">
            {data.subjectName}: {data.unit.name}
          </h2>
          <p className="table__muted">
            Участников: {data.levels[0]?.participants ?? 0}. Сравнение:{' '}
            {data.levels.map((level) => level.unit.name).join(' → ')}
          </p>
          {!data.released && coordinator && (
            <p className="panel panel--hint" data-testid="not-released">
              Отчёты региона ещё не опубликованы для организаций и муниципалитетов.
            </p>
          )}
        </div>
        <div className="report__actions no-print">
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            Печать
          </button>
          <button
            type="button"
            className="button"
            data-testid="export-report"
            disabled={exporting.isPending}
            onClick={() =>
              exporting.mutate(query, {
                onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName),
              })
            }
          >
            {exporting.isPending ? 'Готовим файл…' : 'Скачать .xlsx'}
          </button>
        </div>
      </header>
      {exporting.isError && <ErrorMessage error={exporting.error} title="Файл не скачан" />}
      {data.scale.boundaries === undefined && (
        <p className="panel panel--hint">
          Шкала перевода первичных баллов в отметки ещё не задана: отметки появятся, когда её задаст
          федеральный организатор.
        </p>
      )}
      <GradesSection data={data} />
      <HistogramSection data={data} />
      <TasksSection data={data} />
      <JournalSection data={data} />
      {!aggregate && (
        <ParticipantsTable
          campaignId={campaignId}
          subjectKey={subjectKey}
          organizationId={coordinator ? Number(data.unit.id) : undefined}
        />
      )}
      {aggregate && coordinator && (
        <UnitsTable
          account={account}
          campaignId={campaignId}
          subjectKey={subjectKey}
          parent={data.unit}
          onOpenUnit={onOpenUnit}
        />
      )}
      {aggregate && coordinator && <OpeningsTable campaignId={campaignId} />}
    </article>
  );
}

function levelLabel(level: LevelStatistics) {
  return `${LEVEL_NAMES[level.unit.level] ?? ''}: ${level.unit.name}`;
}

function GradesSection({ data }: { data: SubjectReport }) {
  const config = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels: GRADES,
        datasets: data.levels.map((level, index) => ({
          label: level.unit.name,
          data: level.gradeShares,
          backgroundColor: LEVEL_COLOURS[index % LEVEL_COLOURS.length],
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, title: { display: true, text: '% участников' } } },
      },
    }),
    [data],
  );
  return (
    <section className="report__section" aria-labelledby="grades-title">
      <h3 id="grades-title">1. Статистика по отметкам</h3>
      <div className="report__pair">
        {data.scale.boundaries && (
          <ChartCanvas config={config} label="Доли отметок у единицы и уровней выше" />
        )}
        <div className="table-wrap">
          <table className="table" data-testid="grades-table">
            <thead>
              <tr>
                <th scope="col">Единица</th>
                <th scope="col" className="table__num">
                  Участников
                </th>
                {GRADES.map((grade) => (
                  <th key={grade} scope="col" className="table__num">
                    {grade}
                  </th>
                ))}
                <th scope="col" className="table__num">
                  Средний балл
                </th>
              </tr>
            </thead>
            <tbody>
              {data.levels.map((level) => (
                <tr key={`${level.unit.level}-${level.unit.id}`}>
                  <th scope="row">{levelLabel(level)}</th>
                  <td className="table__num">{level.participants}</td>
                  {GRADES.map((grade, index) => (
                    <td key={grade} className="table__num">
                      {level.gradeShares[index] === undefined
                        ? '—'
                        : percent(level.gradeShares[index])}
                    </td>
                  ))}
                  <td className="table__num">{level.meanScore.toLocaleString('ru-RU')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

function HistogramSection({ data }: { data: SubjectReport }) {
  const shown = data.levels.filter(
    (level) => level === data.levels[0] || level.unit.level !== 'MUNICIPALITY',
  );
  const config = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels: (data.levels[0]?.histogram ?? []).map((_, score) => String(score)),
        datasets: shown.map((level, index) => ({
          label: level.unit.name,
          data: level.histogram,
          backgroundColor: LEVEL_COLOURS[index % LEVEL_COLOURS.length],
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { title: { display: true, text: 'Первичный балл' } },
          y: { beginAtZero: true, title: { display: true, text: '% участников' } },
        },
      },
      plugins: [boundaryLines(data.scale.boundaries ?? [])],
    }),
    [data, shown],
  );
  return (
    <section className="report__section" aria-labelledby="histogram-title">
      <h3 id="histogram-title">2. Распределение первичных баллов</h3>
      <ChartCanvas
        config={config}
        label="Распределение первичных баллов единицы, региона и страны, с границами отметок"
      />
      {data.scale.boundaries && (
        <p className="table__muted">
          Границы отметок: «3» от {data.scale.boundaries[0]}, «4» от {data.scale.boundaries[1]}, «5»
          от {data.scale.boundaries[2]} (максимум {data.scale.maxScore}).
        </p>
      )}
    </section>
  );
}

function TasksSection({ data }: { data: SubjectReport }) {
  const labels = data.scale.tasks.map((task) => task.label);
  const config = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels,
        datasets: data.levels.map((level, index) => ({
          label: level.unit.name,
          data: level.taskSuccess,
          backgroundColor: LEVEL_COLOURS[index % LEVEL_COLOURS.length],
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, max: 100, title: { display: true, text: '%' } } },
      },
    }),
    [data, labels],
  );
  const own = data.levels[0];
  return (
    <section className="report__section" aria-labelledby="tasks-title">
      <h3 id="tasks-title">3. Выполнение заданий</h3>
      <ChartCanvas config={config} label="Выполнение заданий, % от максимума" />
      <div className="table-wrap">
        <table className="table" data-testid="tasks-table">
          <thead>
            <tr>
              <th scope="col">Задание (макс.)</th>
              {data.levels.map((level) => (
                <th key={`${level.unit.level}-${level.unit.id}`} scope="col" className="table__num">
                  {level.unit.name}
                </th>
              ))}
              {own &&
                GRADES.map((grade) => (
                  <th key={grade} scope="col" className="table__num">
                    группа {grade}
                  </th>
                ))}
            </tr>
          </thead>
          <tbody>
            {data.scale.tasks.map((task, index) => (
              <tr key={task.label}>
                <th scope="row">
                  {task.label} ({task.maxScore})
                </th>
                {data.levels.map((level) => (
                  <td key={`${level.unit.level}-${level.unit.id}`} className="table__num">
                    {percent(level.taskSuccess[index] ?? 0)}
                  </td>
                ))}
                {own?.taskSuccessByGrade.map((row, grade) => (
                  <td key={GRADES[grade]} className="table__num table__muted">
                    {percent(row[index] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function JournalSection({ data }: { data: SubjectReport }) {
  return (
    <section className="report__section" aria-labelledby="journal-title">
      <h3 id="journal-title">4. Сравнение отметок с отметками по журналу</h3>
      <div className="table-wrap">
        <table className="table" data-testid="journal-table">
          <thead>
            <tr>
              <th scope="col">Единица</th>
              <th scope="col" className="table__num">
                Понизили
              </th>
              <th scope="col" className="table__num">
                Подтвердили
              </th>
              <th scope="col" className="table__num">
                Повысили
              </th>
            </tr>
          </thead>
          <tbody>
            {data.levels.map((level) => {
              const j = level.journal;
              const share = (n: number) =>
                j.compared === 0 ? '—' : percent(Math.round((1000 * n) / j.compared) / 10);
              return (
                <tr key={`${level.unit.level}-${level.unit.id}`}>
                  <th scope="row">{levelLabel(level)}</th>
                  <td className="table__num">{share(j.lowered)}</td>
                  <td className="table__num">{share(j.confirmed)}</td>
                  <td className="table__num">{share(j.raised)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
