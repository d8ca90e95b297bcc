import { useId, useState } from 'react';
import { Link } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import { paths } from '@/config/paths';
import type { Campaign, Role, KitRange } from '@/types/api';
import { byCity, formatNumber, formatZonedDateTime, plural } from '@/utils/format';

import { useDeleteKitRange } from '../api/delete-kit-range';
import { KITS_PAGE_SIZE, useKits } from '../api/get-kits';
import { categoryLabels } from '../utils/category';
import { formatRange } from '../utils/parse-ranges';
import { KitAssignForm } from './kit-assign-form';

type KitsPanelProps = {
  campaign: Campaign;
  role: Role;
  /** 2 on the campaign page, 4 inside a campaign card of the personal account. */
  headingLevel?: 2 | 4;
};

/**
 * «Комплекты»: the ranges of kit numbers of an ОМК campaign, by subject and point. The federal
 * organizer assigns and takes back ranges; an assessment point sees its own («Мои комплекты»).
 */
export function KitsPanel({ campaign, role, headingLevel = 2 }: KitsPanelProps) {
  const id = useId();
  const federal = role === 'FEDERAL';
  const own = role === 'ORGANIZATION';
  const [subjectKey, setSubjectKey] = useState('');
  const [page, setPage] = useState(1);
  const kits = useKits({ filter: { campaignId: campaign.id, subjectKey, page: page - 1 } });
  const Heading = headingLevel === 2 ? 'h2' : 'h4';
  const title = own ? 'Мои комплекты' : 'Комплекты';

  return (
    <section
      className={headingLevel === 2 ? 'panel' : undefined}
      aria-labelledby={`${id}-title`}
      data-testid="kits"
    >
      <Heading id={`${id}-title`} className={headingLevel === 2 ? 'panel__title' : 'subheading'}>
        {title}
      </Heading>
      <div className="form-stack">
        {federal && <KitAssignForm campaign={campaign} />}
        {campaign.subjects.length > 1 && (
          <div className="field">
            <label htmlFor={`${id}-subject`}>Предмет</label>
            <select
              id={`${id}-subject`}
              className="input"
              value={subjectKey}
              onChange={(event) => {
                setSubjectKey(event.target.value);
                setPage(1);
              }}
            >
              <option value="">Все предметы</option>
              {campaign.subjects.map((subject) => (
                <option key={subject.key} value={subject.key}>
                  {subject.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {kits.isPending ? (
          <Loading label="Загрузка комплектов…" />
        ) : kits.isError ? (
          <ErrorMessage
            error={kits.error}
            title="Не удалось загрузить комплекты"
            onRetry={() => void kits.refetch()}
          />
        ) : (
          <>
            <p data-testid="kits-total">
              {own ? 'У вас' : 'Всего'}: <strong>{formatNumber(kits.data.kits)}</strong>{' '}
              {plural(kits.data.kits, ['комплект', 'комплекта', 'комплектов'])} в{' '}
              {formatNumber(kits.data.total)}{' '}
              {plural(kits.data.total, ['диапазоне', 'диапазонах', 'диапазонах'])}
            </p>
            {own && <Protocol1Links campaign={campaign} ranges={kits.data.items} />}
            <p className="field__hint">Время — {byCity(campaign.timeZone)}.</p>
            <div className="table-wrap" aria-busy={kits.isPlaceholderData}>
              <table className="table table--stack">
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">Предмет</th>
                    <th scope="col">Категория</th>
                    <th scope="col">ППО</th>
                    <th scope="col">Номера</th>
                    <th scope="col">Комплектов</th>
                    <th scope="col">Назначено</th>
                    {federal && <th scope="col">Действия</th>}
                  </tr>
                </thead>
                <tbody>
                  {kits.data.items.length === 0 && (
                    <tr>
                      <td colSpan={federal ? 7 : 6} className="table__empty">
                        {own ? 'Вам ещё не назначили комплекты' : 'Комплекты ещё не назначены'}
                      </td>
                    </tr>
                  )}
                  {kits.data.items.map((range) => (
                    <KitRangeRow
                      key={range.id}
                      range={range}
                      campaign={campaign}
                      canDelete={federal}
                    />
                  ))}
                </tbody>
              </table>
            </div>
            {kits.data.total > KITS_PAGE_SIZE && (
              <Pagination
                label="Страницы списка комплектов"
                page={page}
                totalPages={Math.ceil(kits.data.total / KITS_PAGE_SIZE)}
                totalItems={kits.data.total}
                onPageChange={setPage}
              />
            )}
          </>
        )}
      </div>
    </section>
  );
}

/**
 * «Протокол 1 (для ППО)» of every subject the point has kits in: the page where the point sees its
 * kits' questionnaire logins and passwords and prints the strips for participants.
 */
function Protocol1Links({ campaign, ranges }: { campaign: Campaign; ranges: KitRange[] }) {
  const subjects = campaign.subjects.filter((subject) =>
    ranges.some((range) => range.subjectKey === subject.key),
  );
  if (subjects.length === 0) return null;
  return (
    <div className="form-stack" data-testid="protocol1-links">
      <p className="field__hint">
        Протокол 1 (для ППО) — логины и пароли для анкетирования участников, полоски для печати. Он
        только для вас: в систему не загружается, ФИО участников не передаются.
      </p>
      <div className="actions">
        {subjects.map((subject) => (
          <Link
            key={subject.key}
            className="button button--secondary"
            to={paths.campaigns.protocol1.getHref(campaign.id, subject.key)}
          >
            Протокол 1 (для ППО): {subject.name}
          </Link>
        ))}
      </div>
    </div>
  );
}

type KitRangeRowProps = { range: KitRange; campaign: Campaign; canDelete: boolean };

function KitRangeRow({ range, campaign, canDelete }: KitRangeRowProps) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteKitRange();
  const subject =
    campaign.subjects.find((candidate) => candidate.key === range.subjectKey)?.name ??
    range.subjectKey;
  const numbers = formatRange(range.first, range.last);
  return (
    <tr data-testid="kit-range-row">
      <td data-label="Предмет">{subject}</td>
      <td data-label="Категория">{categoryLabels[range.category] ?? range.category}</td>
      <td data-label="ППО">
        {/* One child: the narrow-screen layout puts each child of a cell on its own line. */}
        <span>
          <span className="table__code">{range.organization.login}</span> —{' '}
          {range.organization.name}
        </span>
      </td>
      <td data-label="Номера" className="table__code table__nowrap">
        {numbers}
      </td>
      <td data-label="Комплектов">{formatNumber(range.count)}</td>
      <td data-label="Назначено">
        <span>
          <span className="table__nowrap">
            {formatZonedDateTime(range.assignedAt, campaign.timeZone)}
          </span>
          , {range.assignedBy}
        </span>
      </td>
      {canDelete && (
        <td data-label="Действия">
          {!confirming ? (
            <button
              type="button"
              className="button button--secondary"
              aria-label={`Удалить диапазон ${numbers} (${range.organization.login})`}
              onClick={() => setConfirming(true)}
            >
              Удалить
            </button>
          ) : (
            <div className="alert alert--warning" role="alertdialog" aria-label="Подтверждение">
              <p className="alert__title">
                Удалить диапазон {numbers} у {range.organization.login}? Номера снова станут
                свободными.
              </p>
              <div className="actions">
                <button
                  type="button"
                  className="button"
                  disabled={remove.isPending}
                  onClick={() =>
                    remove.mutate(
                      { campaignId: campaign.id, rangeId: range.id },
                      { onSuccess: () => setConfirming(false) },
                    )
                  }
                >
                  Да, удалить
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setConfirming(false);
                    remove.reset();
                  }}
                >
                  Отмена
                </button>
              </div>
              {remove.isError && <ErrorMessage error={remove.error} title="Диапазон не удалён" />}
            </div>
          )}
        </td>
      )}
    </tr>
  );
}
