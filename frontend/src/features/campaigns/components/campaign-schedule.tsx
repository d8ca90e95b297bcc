import { useState } from 'react';

import type { Campaign } from '@/types/api';

import { ScheduleEditor } from './schedule-editor';
import { ScheduleView } from './schedule-view';

type CampaignScheduleProps = {
  campaign: Campaign;
  canEdit: boolean;
  onReload: () => void;
};

/** The schedule; the federal organizer can open it for editing. */
export function CampaignSchedule({ campaign, canEdit, onReload }: CampaignScheduleProps) {
  // A new campaign's empty schedule opens in the editor, which offers its kind's stages.
  const [editing, setEditing] = useState(canEdit && campaign.stages.length === 0);
  const [saved, setSaved] = useState(false);
  return (
    <section className="panel" aria-labelledby="schedule-title" data-testid="schedule">
      <h2 id="schedule-title" className="panel__title">
        План-график
      </h2>
      {editing ? (
        <ScheduleEditor
          // A campaign read afresh (after a conflict) starts the editor over from what it says.
          key={campaign.version}
          campaign={campaign}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
          }}
          onCancel={() => setEditing(false)}
          onReload={onReload}
        />
      ) : (
        <>
          <ScheduleView campaign={campaign} />
          {saved && (
            <p className="alert alert--info" role="status">
              План-график сохранён.
            </p>
          )}
          {canEdit && (
            <div className="actions">
              <button
                type="button"
                className="button"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                Изменить план-график
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
