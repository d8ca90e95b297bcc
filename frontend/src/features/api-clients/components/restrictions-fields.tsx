import type { ApiClientOperation, ChangeType } from '@/types/api';

import { allEvents, allOperations, eventLabels, operationLabels } from './labels';

type RestrictionsFieldsProps = {
  events: ChangeType[];
  operations: ApiClientOperation[];
  onEvents: (events: ChangeType[]) => void;
  onOperations: (operations: ApiClientOperation[]) => void;
};

const toggle = <T,>(values: T[], value: T, on: boolean) =>
  on ? [...values.filter((v) => v !== value), value] : values.filter((v) => v !== value);

/** What a client may read from the change feed and what it may call: checkboxes, all ticked = all. */
export function RestrictionsFields({
  events,
  operations,
  onEvents,
  onOperations,
}: RestrictionsFieldsProps) {
  return (
    <>
      <fieldset className="checkboxes" data-testid="client-operations">
        <legend>Что системе можно делать</legend>
        <div className="checkboxes__grid">
          {allOperations.map((operation) => (
            <label key={operation} className="checkbox">
              <input
                type="checkbox"
                checked={operations.includes(operation)}
                onChange={(event) =>
                  onOperations(
                    allOperations.filter((o) =>
                      toggle(operations, operation, event.target.checked).includes(o),
                    ),
                  )
                }
              />
              {operationLabels[operation]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="checkboxes" data-testid="client-events">
        <legend>Какие события ленты изменений ей видны</legend>
        <div className="checkboxes__grid">
          {allEvents.map((type) => (
            <label key={type} className="checkbox">
              <input
                type="checkbox"
                checked={events.includes(type)}
                onChange={(event) =>
                  onEvents(
                    allEvents.filter((t) => toggle(events, type, event.target.checked).includes(t)),
                  )
                }
              />
              {eventLabels[type]}
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}

/** The request's form of a choice: all ticked is no restriction (absent). */
export const restriction = <T extends string>(chosen: T[], all: readonly T[]) =>
  chosen.length === all.length ? undefined : chosen;

/** Why the choice cannot be saved: a system allowed nothing is revoked instead. */
export const restrictionProblem = (events: readonly string[], operations: readonly string[]) =>
  operations.length === 0
    ? 'Отметьте хотя бы одно действие — систему, которой ничего нельзя, лучше отозвать.'
    : events.length === 0
      ? 'Отметьте хотя бы одно событие ленты изменений.'
      : undefined;
