import '../orgs.css';

import type { ReactNode } from 'react';

import { Breadcrumbs, type Crumb } from '@/components/ui/breadcrumbs';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';

import { useOrganization } from '../api/get-organization';
import {
  educationLevelLabels,
  kindLabels,
  settlementLabels,
  WITHOUT_MUNICIPALITY,
} from '../utils/labels';
import { MUNICIPALITY_PARAM, WITHOUT_MUNICIPALITY_PARAM } from './region-tree';

export function OrganizationCard({ organizationId }: { organizationId: number }) {
  const organization = useOrganization({ organizationId });

  if (organization.isPending) return <Loading />;
  if (organization.isError)
    return (
      <>
        <Breadcrumbs items={[{ label: 'Регионы', to: paths.orgs.regions.getHref() }]} />
        <ErrorMessage
          error={organization.error}
          title="Не удалось открыть карточку организации"
          onRetry={() => void organization.refetch()}
        />
      </>
    );

  const org = organization.data;
  const regionLabel = `${org.regionCode} — ${org.regionName}`;
  const municipalityLabel = org.municipalityName ?? WITHOUT_MUNICIPALITY;
  const nodeParam =
    org.municipalityId == null ? WITHOUT_MUNICIPALITY_PARAM : String(org.municipalityId);

  const crumbs: Crumb[] = [
    { label: 'Регионы', to: paths.orgs.regions.getHref() },
    {
      label: org.regionName,
      to: paths.orgs.region.getHref(org.regionCode),
    },
    {
      label: municipalityLabel,
      to: paths.orgs.region.getHref(
        org.regionCode,
        new URLSearchParams({ [MUNICIPALITY_PARAM]: nodeParam }),
      ),
    },
    { label: org.login },
  ];

  const levels = org.educationLevels.map((level) => educationLevelLabels[level]);

  return (
    <article data-testid="organization-card">
      <PageHeader title={org.name} subtitle={kindLabels[org.kind]}>
        <Breadcrumbs items={crumbs} />
      </PageHeader>
      <dl className="card">
        <Row term="Логин">
          <span className="card__login" data-testid="organization-card-login">
            {org.login}
          </span>
        </Row>
        <Row term="Полное наименование">{org.name}</Row>
        <Row term="Тип организации">{kindLabels[org.kind]}</Row>
        <Row term="Регион">{regionLabel}</Row>
        <Row term="Муниципалитет">{municipalityLabel}</Row>
        <Row term="Тип населённого пункта">{settlementLabels[org.settlementType]}</Row>
        <Row term="Уровни образования">
          {levels.length > 0 ? (
            <ul className="card__list">
              {levels.map((label) => (
                <li key={label}>{label}</li>
              ))}
            </ul>
          ) : (
            'Не указаны'
          )}
        </Row>
        <Row term="Адрес">{org.address}</Row>
      </dl>
    </article>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="card__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
