import { useId, useState } from 'react';

import type { useLocalRecord } from '@/hooks/use-local-record';
import { formatNumber } from '@/utils/format';

type CodesTableProps = {
  codes: string[];
  names: ReturnType<typeof useLocalRecord>;
  subject: string;
};

/**
 * The protocol of conduct on screen: № | Код участника | ФИО (typed here, kept in this browser only).
 * Printed with the strips; the names never leave the computer.
 */
export function CodesTable({ codes, names, subject }: CodesTableProps) {
  const id = useId();
  const [notice, setNotice] = useState<string>();
  const named = codes.filter((code) => names.value[code]?.trim()).length;
  return (
    <section className="panel cp-protocol" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        Протокол проведения: {subject}
      </h2>
      <div className="form-stack">
        <p className="field__hint cp-no-print">
          Впишите ФИО участника у его кода — или распечатайте пустой протокол и впишите от руки. ФИО
          сохраняются только в этом браузере и на сервер не отправляются.
        </p>
        {names.unsaved && (
          <p className="alert alert--warning cp-no-print" role="alert">
            Браузер не даёт сохранить ФИО (приватный режим или нет места): после закрытия вкладки их
            придётся ввести заново.
          </p>
        )}
        <div className="actions cp-no-print">
          <button type="button" className="button" onClick={() => window.print()}>
            Распечатать протокол и коды
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={Object.keys(names.value).length === 0}
            onClick={() => {
              names.replace({});
              setNotice('ФИО стёрты с этого компьютера.');
            }}
          >
            Стереть ФИО с этого компьютера
          </button>
          <span data-testid="codes-named">
            ФИО введены: {formatNumber(named)} из {formatNumber(codes.length)}
          </span>
        </div>
        {notice && (
          <p className="alert alert--info cp-no-print" role="status">
            {notice}
          </p>
        )}
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="visually-hidden">Протокол проведения с кодами</caption>
            <thead>
              <tr>
                <th scope="col">№</th>
                <th scope="col">Код участника</th>
                <th scope="col">ФИО участника (не передаётся в систему)</th>
              </tr>
            </thead>
            <tbody>
              {codes.map((code, index) => (
                <tr key={code} data-testid="codes-row">
                  <td data-label="№">{index + 1}</td>
                  <td data-label="Код участника" className="table__code">
                    {code}
                  </td>
                  <td data-label="ФИО">
                    <input
                      className="input"
                      aria-label={`ФИО, код ${code}`}
                      value={names.value[code] ?? ''}
                      autoComplete="off"
                      spellCheck={false}
                      onChange={(event) => names.setOne(code, event.target.value)}
                    />
                    <span className="cp-print-only">{names.value[code] ?? ''}</span>
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
