import '../orgs.css';

import { Link } from 'react-router';

import { paths } from '@/config/paths';
import type { Organization } from '@/types/api';

import { kindLabels, settlementLabels } from '../utils/labels';

type OrganizationsTableProps = {
  organizations: Organization[];
  busy: boolean;
};

export function OrganizationsTable({ organizations, busy }: OrganizationsTableProps) {
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="table table--stack table--organizations" data-testid="organizations-table">
        <caption className="visually-hidden">Организации</caption>
        <thead>
          <tr>
            <th scope="col">Логин</th>
            <th scope="col">Наименование</th>
            <th scope="col">Тип</th>
            <th scope="col">Местность</th>
          </tr>
        </thead>
        <tbody>
          {organizations.length === 0 && (
            <tr>
              <td colSpan={4} className="table__empty">
                Организации не найдены
              </td>
            </tr>
          )}
          {organizations.map((organization) => (
            <tr key={organization.id} data-testid="organization-row">
              <td className="table__code" data-label="Логин" data-testid="organization-login">
                {organization.login}
              </td>
              <td data-label="Наименование">
                <Link to={paths.orgs.organization.getHref(organization.id)}>
                  {organization.name}
                </Link>
              </td>
              <td data-label="Тип">{kindLabels[organization.kind]}</td>
              <td className="table__muted" data-label="Местность">
                {settlementLabels[organization.settlementType]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
