import { useState } from 'react';

import type { Role } from '@/types/api';

import { ActsPanel } from './acts-panel';
import { BoardPanel } from './board-panel';
import { CandidatesPanel } from './candidates-panel';
import { ProtocolsPanel } from './protocols-panel';

import '../observers.css';

type Tab = 'candidates' | 'board' | 'protocols' | 'acts';

/** One campaign's observers for a school or a coordinator, in tabs. */
export function ObserversWorkspace({
  campaignId,
  role,
  timeZone,
  regionCode,
}: {
  campaignId: number;
  role: Role;
  timeZone: string;
  /** The account's region ('' for the federal organizer, who names one). */
  regionCode: string;
}) {
  const school = role === 'ORGANIZATION';
  const [tab, setTab] = useState<Tab>('candidates');
  const tabs: [Tab, string][] = school
    ? [
        ['candidates', 'Кандидаты'],
        ['protocols', 'Протокол и наблюдатель'],
        ['acts', 'Акты'],
      ]
    : [
        ['candidates', 'Кандидаты'],
        ['board', 'Назначения и присутствие'],
        ['protocols', 'Протоколы'],
        ['acts', 'Акты'],
      ];
  return (
    <>
      <nav className="observer-tabs" aria-label="Разделы наблюдателей">
        {tabs.map(([key, label]) => (
          <button
            key={key}
            type="button"
            className={key === tab ? 'button' : 'button button--secondary'}
            aria-current={key === tab ? 'page' : undefined}
            onClick={() => setTab(key)}
          >
            {label}
          </button>
        ))}
      </nav>
      {tab === 'candidates' && (
        <CandidatesPanel campaignId={campaignId} role={role} regionCode={regionCode} />
      )}
      {tab === 'board' && <BoardPanel campaignId={campaignId} timeZone={timeZone} />}
      {tab === 'protocols' && (
        <ProtocolsPanel campaignId={campaignId} role={role} timeZone={timeZone} />
      )}
      {tab === 'acts' && <ActsPanel campaignId={campaignId} role={role} regionCode={regionCode} />}
    </>
  );
}
