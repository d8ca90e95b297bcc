import '../orgs.css';

import { Link } from 'react-router';

import { paths } from '@/config/paths';
import type { RegionTree as RegionTreeData, RegionTreeNode } from '@/types/api';
import { formatNumber } from '@/utils/format';

import { kindAbbreviations, kindLabels } from '../utils/labels';

/** `null` selects the organizations without a municipality; `undefined` selects nothing. */
export type SelectedNode = number | null | undefined;

export const MUNICIPALITY_PARAM = 'municipality';
export const WITHOUT_MUNICIPALITY_PARAM = 'none';

export function parseSelectedNode(value: string | null): SelectedNode {
  if (value === WITHOUT_MUNICIPALITY_PARAM) return null;
  if (value !== null && /^[1-9][0-9]{0,14}$/.test(value)) return Number(value);
  return undefined;
}

type RegionTreeProps = {
  tree: RegionTreeData;
  selected: SelectedNode;
};

export function RegionTree({ tree, selected }: RegionTreeProps) {
  const hrefFor = (node: string) =>
    paths.orgs.region.getHref(
      tree.region.code,
      new URLSearchParams({ [MUNICIPALITY_PARAM]: node }),
    );

  return (
    <nav className="tree" aria-label="Муниципалитеты" data-testid="region-tree">
      <h2 className="tree__title">Муниципалитеты</h2>
      {tree.municipalities.length === 0 ? (
        <p className="tree__empty">В регионе нет муниципалитетов</p>
      ) : (
        <ul className="tree__list">
          {tree.municipalities.map((node) => (
            <li key={node.municipalityId ?? node.name}>
              <TreeNodeLink
                node={node}
                to={hrefFor(String(node.municipalityId))}
                current={node.municipalityId !== undefined && node.municipalityId === selected}
              />
            </li>
          ))}
        </ul>
      )}
      <ul className="tree__list tree__list--extra">
        <li>
          <TreeNodeLink
            node={tree.withoutMunicipality}
            to={hrefFor(WITHOUT_MUNICIPALITY_PARAM)}
            current={selected === null}
            testId="tree-node-without-municipality"
          />
        </li>
      </ul>
    </nav>
  );
}

type TreeNodeLinkProps = {
  node: RegionTreeNode;
  to: string;
  current: boolean;
  testId?: string;
};

function TreeNodeLink({ node, to, current, testId = 'tree-node' }: TreeNodeLinkProps) {
  const kinds = node.byKind.filter((entry) => entry.count > 0);
  return (
    <Link
      to={to}
      className="tree__node"
      aria-current={current ? 'true' : undefined}
      data-testid={testId}
    >
      <span className="tree__name" data-testid="tree-node-name">
        {node.name}
      </span>
      <span className="tree__count" title="Организаций всего" data-testid="tree-node-count">
        {formatNumber(node.organizationCount)}
      </span>
      {kinds.length > 0 && (
        <span className="tree__kinds">
          {kinds.map((entry) => (
            <abbr key={entry.kind} className="badge" title={kindLabels[entry.kind]}>
              {kindAbbreviations[entry.kind]} {formatNumber(entry.count)}
            </abbr>
          ))}
        </span>
      )}
    </Link>
  );
}
