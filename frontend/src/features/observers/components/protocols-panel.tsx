import { useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import type { Role } from '@/types/api';

import {
  useAssignmentProtocols,
  useMonitoredProtocols,
  useRecordWitness,
  useSchoolAssignments,
  type ObserverProtocol,
} from '../api/protocols';
import { kindLabel, localTime, todayIn } from '../utils/labels';

type Props = { campaignId: number; role: Role; timeZone: string };

/**
 * Seed 004 9.1 — the results protocol is entered in the presence of a public observer. The school
 * records which of today's observers was there; coordinators see the protocols entered without one.
 */
export function ProtocolsPanel({ campaignId, role, timeZone }: Props) {
  return role === 'ORGANIZATION' ? (
    <SchoolProtocols campaignId={campaignId} timeZone={timeZone} />
  ) : (
    <MonitoredProtocols campaignId={campaignId} />
  );
}

function SchoolProtocols({ campaignId, timeZone }: { campaignId: number; timeZone: string }) {
  const today = todayIn(timeZone);
  const assignments = useSchoolAssignments(campaignId, today);
  const present = (assignments.data?.items ?? []).filter((a) => a.presentAt);
  const [picked, setPicked] = useState<number | null>(null);
  const assignmentId = picked ?? present[0]?.id ?? null;
  return (
    <section aria-labelledby="protocols-title">
      <h2 id="protocols-title">Протокол результатов и наблюдатель</h2>
      <p className="field__hint">
        Электронный протокол вносится в присутствии общественного наблюдателя. Выберите наблюдателя,
        который сегодня на месте, и отметьте протоколы, внесённые при нём.
      </p>
      {assignments.isPending ? (
        <Loading />
      ) : assignments.isError ? (
        <ErrorMessage error={assignments.error} onRetry={() => void assignments.refetch()} />
      ) : present.length === 0 ? (
        <p className="panel panel--hint">
          Сегодня ни один назначенный наблюдатель ещё не отметил «Я на месте».
        </p>
      ) : (
        <>
          <div className="field">
            <label htmlFor="protocol-observer">Наблюдатель на месте</label>
            <select
              id="protocol-observer"
              value={assignmentId ?? ''}
              onChange={(e) => setPicked(Number(e.target.value))}
            >
              {present.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.observerName} ({kindLabel(a.observerKind)}, на месте с{' '}
                  {localTime(a.presentAt!, a.timeZone)})
                </option>
              ))}
            </select>
          </div>
          {assignmentId !== null && <AssignmentProtocols assignmentId={assignmentId} />}
        </>
      )}
    </section>
  );
}

/** The point's protocols with a button to record the assignment's observer at each. */
export function AssignmentProtocols({ assignmentId }: { assignmentId: number }) {
  const protocols = useAssignmentProtocols(assignmentId);
  const record = useRecordWitness();
  if (protocols.isPending) return <Loading />;
  if (protocols.isError) return <ErrorMessage error={protocols.error} />;
  if (protocols.data.length === 0) {
    return <p className="field__hint">В кампании нет протоколов результатов.</p>;
  }
  return (
    <>
      {record.isError && <ErrorMessage error={record.error} />}
      <ul className="observer-protocols">
        {protocols.data.map((p) => (
          <li key={p.formId} className="observer-protocols__item">
            <span>
              <strong>{p.formTitle}</strong>
              <span className="table__muted"> · {protocolState(p)}</span>
            </span>
            {p.witness?.assignmentId === assignmentId ? (
              <span role="status">отмечено</span>
            ) : (
              <button
                type="button"
                className="button button--secondary"
                disabled={record.isPending}
                onClick={() => record.mutate({ assignmentId, formId: p.formId })}
              >
                Внесён при наблюдателе
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

const protocolState = (p: ObserverProtocol) => {
  const submitted = p.submittedAt ? `сдан ${localTime(p.submittedAt, p.timeZone)}` : 'ещё не сдан';
  const witness = p.witness
    ? `наблюдатель: ${p.witness.observerName}${p.witness.recordedBy === 'OBSERVER' ? ' (подтвердил сам)' : ''}`
    : 'наблюдатель не отмечен';
  return `${submitted}; ${witness}`;
};

function MonitoredProtocols({ campaignId }: { campaignId: number }) {
  const [withoutOnly, setWithoutOnly] = useState(false);
  const [page, setPage] = useState(1);
  const protocols = useMonitoredProtocols(campaignId, withoutOnly, page - 1);
  return (
    <section aria-labelledby="protocols-title">
      <h2 id="protocols-title">Протоколы результатов и наблюдатели</h2>
      <label className="observer-form__check">
        <input
          type="checkbox"
          checked={withoutOnly}
          onChange={(e) => {
            setWithoutOnly(e.target.checked);
            setPage(1);
          }}
        />{' '}
        Только внесённые без наблюдателя
      </label>
      {protocols.isPending ? (
        <Loading />
      ) : protocols.isError ? (
        <ErrorMessage error={protocols.error} onRetry={() => void protocols.refetch()} />
      ) : (
        <>
          <p role="status">
            Сдано протоколов: {protocols.data.total}; без наблюдателя:{' '}
            <strong>{protocols.data.withoutObserver}</strong>
          </p>
          {protocols.data.items.length > 0 && (
            <div className="table-wrap">
              <table className="table table--stack observer-table">
                <thead>
                  <tr>
                    <th>Организация</th>
                    <th>Протокол</th>
                    <th>Сдан</th>
                    <th>Наблюдатель</th>
                  </tr>
                </thead>
                <tbody>
                  {protocols.data.items.map((p) => (
                    <tr key={`${p.formId}-${p.point.id}`}>
                      <td data-label="Организация">
                        {p.point.name}
                        <div className="table__muted">
                          {p.point.municipalityName ?? 'без муниципалитета'}
                        </div>
                      </td>
                      <td data-label="Протокол">{p.formTitle}</td>
                      <td data-label="Сдан">
                        {p.submittedAt && localTime(p.submittedAt, p.timeZone)}
                      </td>
                      <td data-label="Наблюдатель">
                        {p.witness ? (
                          <>
                            {p.witness.observerName}
                            <div className="table__muted">
                              {kindLabel(p.witness.observerKind)} ·{' '}
                              {localTime(p.witness.witnessedAt, p.timeZone)}
                            </div>
                          </>
                        ) : (
                          <strong className="observer-protocols__missing">без наблюдателя</strong>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {protocols.data.total > protocols.data.size && (
            <Pagination
              page={page}
              totalPages={Math.ceil(protocols.data.total / protocols.data.size)}
              totalItems={protocols.data.total}
              onPageChange={setPage}
              label="Страницы протоколов"
            />
          )}
        </>
      )}
    </section>
  );
}
