import { audienceRoleLabels, audienceRoles, type AudienceRole } from '../utils/labels';

/** `list` with `value` switched on or off, kept in the order of `order`. */
const toggle = <T,>(list: T[], value: T, on: boolean, order: readonly T[]) =>
  on
    ? order.filter((item) => item === value || list.includes(item))
    : list.filter((item) => item !== value);

type AudienceRolesFieldsetProps = {
  roles: AudienceRole[];
  onChange: (roles: AudienceRole[]) => void;
};

/** «Кому»: the roles a publication is addressed to. */
export function AudienceRolesFieldset({ roles, onChange }: AudienceRolesFieldsetProps) {
  return (
    <fieldset className="checkboxes">
      <legend>Кому</legend>
      {audienceRoles.map((role) => (
        <label key={role} className="checkbox">
          <input
            type="checkbox"
            checked={roles.includes(role)}
            onChange={(event) => onChange(toggle(roles, role, event.target.checked, audienceRoles))}
          />
          {audienceRoleLabels[role]}
        </label>
      ))}
    </fieldset>
  );
}

type RegionCheckboxesProps = {
  choices: readonly string[];
  selected: string[];
  onChange: (regionCodes: string[]) => void;
  names?: ReadonlyMap<string, string>;
};

/** The audience's regions among `choices` (the campaign's); none ticked means all of them. */
export function RegionCheckboxes({ choices, selected, onChange, names }: RegionCheckboxesProps) {
  return (
    <div className="checkboxes__grid">
      {choices.map((code) => (
        <label key={code} className="checkbox">
          <input
            type="checkbox"
            checked={selected.includes(code)}
            onChange={(event) => onChange(toggle(selected, code, event.target.checked, choices))}
          />
          {code}
          {names?.has(code) && ` — ${names.get(code)}`}
        </label>
      ))}
    </div>
  );
}
