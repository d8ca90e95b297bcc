import '../orgs.css';

import { useSearchParams } from 'react-router';

import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { formatNumber, formatTimeZone, plural } from '@/utils/format';

import { useRegionTree } from '../api/get-region-tree';
import { WITHOUT_MUNICIPALITY } from '../utils/labels';
import { OrganizationsBrowser } from './organizations-browser';
import { MUNICIPALITY_PARAM, parseSelectedNode, RegionTree } from './region-tree';

export function RegionView({ regionCode }: { regionCode: string }) {
  const tree = useRegionTree({ regionCode });
  const [searchParams] = useSearchParams();
  const selected = parseSelectedNode(searchParams.get(MUNICIPALITY_PARAM));

  if (tree.isPending) return <Loading />;
  if (tree.isError)
    return (
      <>
        <Breadcrumbs items={[{ label: 'Регионы', to: paths.orgs.regions.getHref() }]} />
        <ErrorMessage error={tree.error} onRetry={() => void tree.refetch()} />
      </>
    );

  const { region, municipalities } = tree.data;
  const selectedTitle =
    selected === null
      ? WITHOUT_MUNICIPALITY
      : (municipalities.find((node) => node.municipalityId === selected)?.name ??
        `Муниципалитет № ${selected}`);

  return (
    <>
      <PageHeader
        title={region.name}
        subtitle={
          <>
            Код региона {region.code} · {formatTimeZone(region.timeZone)} ·{' '}
            {formatNumber(region.municipalityCount)}{' '}
            {plural(region.municipalityCount, [
              'муниципалитет',
              'муниципалитета',
              'муниципалитетов',
            ])}{' '}
            · {formatNumber(region.organizationCount)}{' '}
            {plural(region.organizationCount, ['организация', 'организации', 'организаций'])}
          </>
        }
      >
        <Breadcrumbs
          items={[{ label: 'Регионы', to: paths.orgs.regions.getHref() }, { label: region.name }]}
        />
      </PageHeader>
      <div className="region-layout">
        <aside className="region-layout__tree">
          <RegionTree tree={tree.data} selected={selected} />
        </aside>
        <div className="region-layout__content">
          {selected === undefined ? (
            <div className="panel panel--hint" data-testid="organizations-hint">
              <h2 className="panel__title">Организации</h2>
              <p>
                Выберите муниципалитет или группу «{WITHOUT_MUNICIPALITY}», чтобы увидеть список
                организаций.
              </p>
            </div>
          ) : (
            <OrganizationsBrowser
              // A fresh browser per node: its search box must not carry over to another node.
              key={String(selected)}
              regionCode={region.code}
              municipalityId={selected}
              title={selectedTitle}
            />
          )}
        </div>
      </div>
    </>
  );
}
