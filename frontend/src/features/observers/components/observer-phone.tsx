import { useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { saveBlob } from '@/utils/download';

import { downloadReferral } from '../api/acts';
import {
  useAct,
  useCreateNote,
  useMarkPresence,
  useMyAssignments,
  useSaveAct,
} from '../api/my-assignments';
import type { ObserverAssignment } from '../api/assignments';

import { AssignmentProtocols } from './protocols-panel';
import {
  activityLabel,
  dayLabel,
  fieldText,
  kindLabel,
  localTime,
  todayIn,
  deadlineTime,
} from '../utils/labels';

import '../observers.css';

/** The observer's phone page: assignments, «Я на месте», notes on violations with a photo, the act. */
export function ObserverPhone() {
  const mine = useMyAssignments();
  if (mine.isPending) return <Loading label="Загружаем назначения…" />;
  if (mine.isError) return <ErrorMessage error={mine.error} onRetry={() => void mine.refetch()} />;
  if (mine.data.length === 0) {
    return (
      <p className="panel panel--hint">Назначений пока нет: координатор ещё не направил вас.</p>
    );
  }
  return (
    <ul className="observer-cards">
      {byDay(mine.data).map((a) => (
        <AssignmentCard key={a.id} assignment={a} />
      ))}
    </ul>
  );
}

/**
 * Today's assignments first — the observer's task now, «Я на месте» at the top of the phone's
 * screen (issue 21) — then the days to come, soonest first, then the days past, latest first.
 */
function byDay(assignments: readonly ObserverAssignment[]): ObserverAssignment[] {
  const rank = (a: ObserverAssignment) => {
    const today = todayIn(a.timeZone);
    return a.day === today ? 0 : a.day > today ? 1 : 2;
  };
  return [...assignments].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    const later = a.day < b.day ? -1 : a.day > b.day ? 1 : 0;
    return rank(a) === 2 ? -later : later;
  });
}

function AssignmentCard({ assignment: a }: { assignment: ObserverAssignment }) {
  const presence = useMarkPresence();
  const [open, setOpen] = useState<'note' | 'act' | null>(null);
  const isToday = todayIn(a.timeZone) === a.day;
  const dayCame = todayIn(a.timeZone) >= a.day;
  return (
    <li className="panel observer-card" data-day={a.day}>
      <p className="observer-card__day">
        {dayLabel(a.day)} · {activityLabel(a.activity)}
      </p>
      <h2 className="observer-card__point">{a.point.name}</h2>
      <p className="table__muted">
        {a.address || a.point.login} · {a.campaignTitle} · {kindLabel(a.observerKind)} наблюдатель
      </p>
      {a.presentAt ? (
        <p className="observer-card__present" role="status">
          На месте с {localTime(a.presentAt, a.timeZone)}
        </p>
      ) : (
        <button
          type="button"
          className="button observer-card__here"
          disabled={!isToday || presence.isPending}
          onClick={() => presence.mutate(a.id)}
        >
          Я на месте
        </button>
      )}
      {!a.presentAt && !isToday && (
        <p className="field__hint">Присутствие отмечают в день наблюдения, {dayLabel(a.day)}.</p>
      )}
      {presence.isError && <ErrorMessage error={presence.error} />}
      <div className="observer-card__actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={!dayCame}
          onClick={() => setOpen(open === 'note' ? null : 'note')}
        >
          Замечание ({a.notes})
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={!dayCame}
          onClick={() => setOpen(open === 'act' ? null : 'act')}
        >
          {a.actSubmitted ? 'Акт подан' : 'Акт наблюдения'}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            void downloadReferral(a.id).then(({ blob, fileName }) => saveBlob(blob, fileName))
          }
        >
          Направление
        </button>
      </div>
      {open === 'note' && <NoteForm assignmentId={a.id} onDone={() => setOpen(null)} />}
      {open === 'act' && <ActForm assignment={a} />}
      {a.presentAt && isToday && (
        <details className="observer-card__protocols">
          <summary>Протокол результатов внесён при мне</summary>
          <AssignmentProtocols assignmentId={a.id} />
        </details>
      )}
    </li>
  );
}

function NoteForm({ assignmentId, onDone }: { assignmentId: number; onDone: () => void }) {
  const create = useCreateNote();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const photo = form.get('photo');
    create.mutate(
      {
        assignmentId,
        note: {
          what: fieldText(form, 'what'),
          room: fieldText(form, 'room') || undefined,
          text: fieldText(form, 'text'),
          occurredAt: new Date().toISOString(),
        },
        photo: photo instanceof File && photo.size > 0 ? photo : undefined,
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="form-stack observer-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`what-${assignmentId}`}>Что нарушено</label>
        <input id={`what-${assignmentId}`} name="what" required maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor={`room-${assignmentId}`}>Аудитория</label>
        <input id={`room-${assignmentId}`} name="room" maxLength={50} />
      </div>
      <div className="field">
        <label htmlFor={`text-${assignmentId}`}>Подробности</label>
        <textarea id={`text-${assignmentId}`} name="text" rows={3} maxLength={4000} />
      </div>
      <div className="field">
        <label htmlFor={`photo-${assignmentId}`}>Фото или скан (PNG, JPEG, PDF)</label>
        <input
          id={`photo-${assignmentId}`}
          name="photo"
          type="file"
          accept="image/png,image/jpeg,application/pdf"
          capture="environment"
        />
      </div>
      {create.isError && <ErrorMessage error={create.error} />}
      <button type="submit" className="button" disabled={create.isPending}>
        Подать замечание
      </button>
    </form>
  );
}

function ActForm({ assignment: a }: { assignment: ObserverAssignment }) {
  const act = useAct(a.id, a.actSubmitted);
  const save = useSaveAct();
  const [violations, setViolations] = useState<boolean | null>(null);
  if (a.actSubmitted && act.isPending) return <Loading />;
  const current = act.data;
  const found = violations ?? current?.violationsFound ?? false;
  if (current?.reviewed) {
    return (
      <p className="panel panel--hint">
        Акт рассмотрен координатором
        {current.withViolations ? ': нарушения подтверждены.' : ': нарушений не выявлено.'}
      </p>
    );
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const scan = form.get('scan');
    save.mutate({
      assignmentId: a.id,
      act: {
        violationsFound: found,
        violations: fieldText(form, 'violations') || undefined,
        remarks: fieldText(form, 'remarks') || undefined,
      },
      scan: scan instanceof File && scan.size > 0 ? scan : undefined,
    });
  };
  return (
    <form className="form-stack observer-form" onSubmit={submit}>
      <label className="observer-form__check">
        <input type="checkbox" checked={found} onChange={(e) => setViolations(e.target.checked)} />{' '}
        Выявлены нарушения
      </label>
      {found && (
        <div className="field">
          <label htmlFor={`violations-${a.id}`}>Нарушения</label>
          <textarea
            id={`violations-${a.id}`}
            name="violations"
            rows={3}
            required
            defaultValue={current?.violations}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={`remarks-${a.id}`}>Замечания и рекомендации</label>
        <textarea id={`remarks-${a.id}`} name="remarks" rows={2} defaultValue={current?.remarks} />
      </div>
      <div className="field">
        <label htmlFor={`scan-${a.id}`}>Скан подписанного акта (PDF, PNG, JPEG, до 20 МБ)</label>
        <input
          id={`scan-${a.id}`}
          name="scan"
          type="file"
          accept="image/png,image/jpeg,application/pdf"
          capture="environment"
        />
        {current?.scan && <p className="field__hint">Загружен: {current.scan.fileName}</p>}
      </div>
      {save.isError && <ErrorMessage error={save.error} />}
      {save.isSuccess && (
        <p role="status">
          {save.data.late
            ? `Акт сохранён с отметкой «с опозданием»${save.data.deadline ? `: срок был ${deadlineTime(save.data.deadline, save.data.timeZone)}` : ''}.`
            : 'Акт сохранён.'}
        </p>
      )}
      {!save.isSuccess && current?.late && (
        <p className="field__hint">
          Акт подан с опозданием
          {current.deadline && ` (срок — ${deadlineTime(current.deadline, current.timeZone)})`}.
        </p>
      )}
      <button type="submit" className="button" disabled={save.isPending}>
        Сохранить акт
      </button>
    </form>
  );
}
