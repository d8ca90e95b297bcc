import { useId } from 'react';

import { useRegionChoices } from '@/lib/region-choices';
import type { Campaign, Me } from '@/types/api';

/** The regions an organizer works with in a campaign: its own, or every region of the campaign. */
export const regionsFor = (account: Me, campaign: Campaign): string[] =>
  account.role === 'FEDERAL'
    ? campaign.regionCodes
    : account.regionCode
      ? [account.regionCode]
      : [];

type RegionSelectProps = {
  regionCodes: string[];
  value: string;
  onChange: (regionCode: string) => void;
  /** The empty choice's words, e.g. «Все регионы»; without it a region must be chosen. */
  anyLabel?: string;
  label?: string;
};

/** A region picker over the campaign's regions, with their names. */
export function RegionSelect({
  regionCodes,
  value,
  onChange,
  anyLabel,
  label = 'Регион',
}: RegionSelectProps) {
  const id = useId();
  const regions = useRegionChoices();
  const nameOf = (code: string) =>
    regions.data?.items.find((region) => region.code === code)?.name ?? '';
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {anyLabel !== undefined ? (
          <option value="">{anyLabel}</option>
        ) : (
          value === '' && <option value="">Выберите регион</option>
        )}
        {regionCodes.map((code) => (
          <option key={code} value={code}>
            {code}
            {nameOf(code) ? ` — ${nameOf(code)}` : ''}
          </option>
        ))}
      </select>
    </div>
  );
}

type SubjectSelectProps = {
  campaign: Campaign;
  value: string;
  onChange: (subjectKey: string) => void;
  anyLabel?: string;
};

export function SubjectSelect({ campaign, value, onChange, anyLabel }: SubjectSelectProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Предмет</label>
      <select
        id={id}
        className="input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {anyLabel !== undefined ? (
          <option value="">{anyLabel}</option>
        ) : (
          value === '' && <option value="">Выберите предмет</option>
        )}
        {campaign.subjects.map((subject) => (
          <option key={subject.key} value={subject.key}>
            {subjectTitle(subject)}
          </option>
        ))}
      </select>
    </div>
  );
}

export const subjectTitle = (subject: { name: string; grade?: number }) =>
  subject.grade ? `${subject.name}, ${subject.grade} класс` : subject.name;

export const subjectName = (campaign: Campaign, key: string) => {
  const subject = campaign.subjects.find((item) => item.key === key);
  return subject ? subjectTitle(subject) : key;
};
