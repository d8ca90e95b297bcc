import { formatTimeZone } from '@/utils/format';

import { russianTimeZones } from '../utils/labels';

type TimeZoneSelectProps = {
  id: string;
  value: string;
  onChange: (zone: string) => void;
};

/** Russia's zones by city; a zone not in the list (the campaign's own) is offered too. */
export function TimeZoneSelect({ id, value, onChange }: TimeZoneSelectProps) {
  const zones = russianTimeZones.some((z) => z.zone === value)
    ? russianTimeZones
    : [{ zone: value, label: value }, ...russianTimeZones];
  return (
    <select
      id={id}
      className="input"
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      {zones.map((z) => (
        <option key={z.zone} value={z.zone}>
          {z.label} — {formatTimeZone(z.zone)}
        </option>
      ))}
    </select>
  );
}
