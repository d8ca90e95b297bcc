import { useId, useState } from 'react';

import { formatNumber, plural } from '@/utils/format';

import type { useLocalRecord } from '../hooks/use-local-record';
import { KIT_COMMENTS, USED } from '../types';
import { parseNameColumn } from '../utils/strips';

/** One kit of the protocol as the page shows it. */
export type ProtocolRow = {
  kit: string;
  login: string;
  password: string;
  /** Typed on this page; kept in this browser only. */
  name: string;
  comment: string;
  /** The comment is protocol 2's (read-only here) rather than chosen on this page. */
  commentFromProtocol2: boolean;
  school: string;
};

type ProtocolTableProps = {
  rows: ProtocolRow[];
  names: ReturnType<typeof useLocalRecord>;
  onComment: (kit: string, comment: string) => void;
  subjectName: string;
  category: string;
};

/** The protocol on screen (figures 4–5): Номер комплекта | ФИО | Комментарий | Логин ОО. */
export function ProtocolTable({
  rows,
  names,
  onComment,
  subjectName,
  category,
}: ProtocolTableProps) {
  const id = useId();
  const [pasted, setPasted] = useState('');
  const [notice, setNotice] = useState<string>();
  const missing = rows.filter((row) => row.comment === USED && !row.name.trim()).length;
  const named = rows.filter((row) => row.name.trim()).length;

  const fillFromPaste = () => {
    const column = parseNameColumn(pasted);
    if (column.length === 0) return;
    const next = { ...names.value };
    rows.forEach((row, index) => {
      if (index >= column.length) return;
      const name = column[index];
      if (name) next[row.kit] = name;
      else delete next[row.kit];
    });
    names.replace(next);
    setPasted('');
    const extra = column.length - rows.length;
    setNotice(
      `ФИО вставлены в ${formatNumber(Math.min(column.length, rows.length))} ${plural(
        Math.min(column.length, rows.length),
        ['строку', 'строки', 'строк'],
      )} по порядку комплектов.` +
        (extra > 0
          ? ` Лишние строки (${formatNumber(extra)}) не использованы: комплектов меньше.`
          : ''),
    );
  };

  const clear = () => {
    names.replace({});
    setNotice('ФИО стёрты с этого компьютера.');
  };

  return (
    <section className="panel p1-no-print" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        Протокол 1: {category}, {subjectName}
      </h2>
      <div className="form-stack">
        <p className="field__hint">
          Впишите ФИО участника у каждого использованного комплекта. ФИО сохраняются только в этом
          браузере (на этом компьютере) и на сервер не отправляются.
        </p>
        {names.unsaved && (
          <p className="alert alert--warning" role="alert">
            Браузер не даёт сохранить ФИО (приватный режим или нет места): после закрытия вкладки их
            придётся ввести заново.
          </p>
        )}
        <details className="p1-paste">
          <summary>Вставить ФИО столбцом из Excel</summary>
          <div className="field">
            <label htmlFor={`${id}-paste`}>ФИО по одному в строке, в порядке комплектов</label>
            <textarea
              id={`${id}-paste`}
              className="input"
              rows={5}
              value={pasted}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => setPasted(event.target.value)}
            />
            <p className="field__hint">
              Скопируйте в Excel столбец ФИО (с пустыми ячейками у неиспользованных комплектов) и
              вставьте сюда. Первая строка — первому комплекту в таблице.
            </p>
            <div>
              <button
                type="button"
                className="button button--secondary"
                disabled={!pasted.trim()}
                onClick={fillFromPaste}
              >
                Заполнить ФИО
              </button>
            </div>
          </div>
        </details>
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={named === 0 && Object.keys(names.value).length === 0}
            onClick={clear}
          >
            Стереть ФИО с этого компьютера
          </button>
        </div>
        {notice && (
          <p className="alert alert--info" role="status" data-testid="names-notice">
            {notice}
          </p>
        )}
        {missing > 0 && (
          <p className="field__hint" data-testid="names-missing">
            Не введены ФИО у {formatNumber(missing)}{' '}
            {plural(missing, [
              'использованного комплекта',
              'использованных комплектов',
              'использованных комплектов',
            ])}
            .
          </p>
        )}
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="visually-hidden">Протокол 1</caption>
            <thead>
              <tr>
                <th scope="col">Номер комплекта</th>
                <th scope="col">ФИО (не передаются в систему)</th>
                <th scope="col">Комментарий</th>
                <th scope="col">Логин ОО, в которой работает учитель</th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 && (
                <tr>
                  <td colSpan={4} className="table__empty">
                    За вашим пунктом нет комплектов по этому предмету.
                  </td>
                </tr>
              )}
              {rows.map((row) => (
                <tr key={row.kit} data-testid="protocol1-row">
                  <td data-label="Номер комплекта" className="table__code">
                    {row.kit}
                  </td>
                  <td data-label="ФИО">
                    <input
                      className="input"
                      aria-label={`ФИО, комплект ${row.kit}`}
                      value={names.value[row.kit] ?? ''}
                      autoComplete="off"
                      spellCheck={false}
                      aria-invalid={row.comment === USED && !row.name.trim() ? true : undefined}
                      onChange={(event) => names.setOne(row.kit, event.target.value)}
                    />
                  </td>
                  <td data-label="Комментарий">
                    {row.commentFromProtocol2 ? (
                      <span data-testid="comment">{row.comment}</span>
                    ) : (
                      <select
                        className="input"
                        aria-label={`Комментарий, комплект ${row.kit}`}
                        value={row.comment}
                        onChange={(event) => onComment(row.kit, event.target.value)}
                      >
                        <option value="">— не отмечен —</option>
                        {KIT_COMMENTS.map((comment) => (
                          <option key={comment} value={comment}>
                            {comment}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td data-label="Логин ОО" className="table__code">
                    {row.school || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
