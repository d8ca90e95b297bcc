import { useId, useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import { useSearchParamUpdates } from '@/hooks/use-search-param-updates';
import type { Campaign, Me, Packet } from '@/types/api';
import { saveBlob } from '@/utils/download';
import { byCity, formatZonedDateTime, formatZonedDateTimeNamed } from '@/utils/format';
import { parsePage } from '@/utils/paging';
import { statusOf } from '@/utils/problem';

import { useAcceptPacket } from '../api/accept-packet';
import { useDownloadTransferStatement } from '../api/download-transfer-statement';
import { usePackets } from '../api/get-packets';

type LogisticsPanelProps = { campaign: Campaign; account: Me };

/** Materials logistics for coordinators: the transfer statement, accepting return packets. */
export function LogisticsPanel({ campaign, account }: LogisticsPanelProps) {
  return (
    <section className="panel" aria-labelledby="logistics-title" data-testid="logistics">
      <h2 id="logistics-title" className="panel__title">
        Логистика материалов
      </h2>
      <div className="form-stack">
        <TransferStatement campaign={campaign} account={account} />
        <PacketAcceptForm campaign={campaign} />
        <PacketsList campaign={campaign} />
      </div>
    </section>
  );
}

function TransferStatement({ campaign, account }: LogisticsPanelProps) {
  const federal = account.role === 'FEDERAL';
  const [chosenRegion, setChosenRegion] = useState(campaign.regionCodes[0] ?? '');
  const download = useDownloadTransferStatement();
  const id = useId();
  const regionCode = federal ? chosenRegion : account.regionCode;
  const municipalityId = account.role === 'MUNICIPAL' ? account.municipalityId : undefined;
  return (
    <div className="form-stack" data-testid="transfer-statement">
      <h3 className="subheading">Ведомость передачи материалов</h3>
      <p className="field__hint">
        Строка на каждую организацию выборки{' '}
        {account.role === 'MUNICIPAL'
          ? 'вашего муниципалитета'
          : federal
            ? 'региона'
            : 'вашего региона'}{' '}
        — что она получает, с графами для подписей при передаче и возврате.
      </p>
      <div className="form-row">
        {federal && (
          <div className="field">
            <label htmlFor={`${id}-region`}>Регион</label>
            <select
              id={`${id}-region`}
              className="input"
              value={chosenRegion}
              onChange={(event) => setChosenRegion(event.target.value)}
            >
              {campaign.regionCodes.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="actions actions--end">
          <button
            type="button"
            className="button"
            disabled={download.isPending || (federal && !chosenRegion)}
            onClick={() =>
              download.mutate(
                { campaignId: campaign.id, regionCode, municipalityId },
                { onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName) },
              )
            }
          >
            Скачать ведомость (.xlsx)
          </button>
        </div>
      </div>
      {download.isPending && <Loading label="Готовим ведомость…" />}
      {download.isError && (
        <ErrorMessage error={download.error} title="Не удалось скачать ведомость" />
      )}
    </div>
  );
}

function PacketAcceptForm({ campaign }: { campaign: Campaign }) {
  const [packetNumber, setPacketNumber] = useState('');
  const [login, setLogin] = useState('');
  const [note, setNote] = useState('');
  const [accepted, setAccepted] = useState<Packet>();
  const accept = useAcceptPacket();
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAccepted(undefined);
    accept.mutate(
      { campaignId: campaign.id, packetNumber, organizationLogin: login, note },
      {
        onSuccess: (packet) => {
          setAccepted(packet);
          setPacketNumber('');
          setLogin('');
          setNote('');
        },
      },
    );
  };

  return (
    <form className="form-stack" onSubmit={submit} data-testid="packet-form">
      <h3 className="subheading">Приём возвратных пакетов</h3>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-number`}>Номер пакета</label>
          <input
            id={`${id}-number`}
            className="input"
            value={packetNumber}
            required
            pattern="[0-9A-Za-z\-]{1,32}"
            maxLength={32}
            autoComplete="off"
            placeholder="Например, 640001-01"
            onChange={(event) => setPacketNumber(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-login`}>Логин организации</label>
          <input
            id={`${id}-login`}
            className="input"
            value={login}
            required
            autoComplete="off"
            placeholder="edu640001"
            onChange={(event) => setLogin(event.target.value)}
          />
        </div>
        <div className="field field--grow">
          <label htmlFor={`${id}-note`}>Примечание</label>
          <input
            id={`${id}-note`}
            className="input"
            value={note}
            maxLength={500}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
      </div>
      <div>
        <button type="submit" className="button" disabled={accept.isPending}>
          Принять пакет
        </button>
      </div>
      {accept.isPending && <Loading label="Записываем приём…" />}
      {accept.isError && (
        <div data-testid="packet-error">
          <ErrorMessage
            error={accept.error}
            title={statusOf(accept.error) === 409 ? 'Этот пакет уже принят' : 'Пакет не принят'}
          />
        </div>
      )}
      {accepted && (
        <p className="alert alert--info" role="status" data-testid="packet-accepted">
          Пакет {accepted.packetNumber} от {accepted.organization.login} принят{' '}
          {formatZonedDateTimeNamed(accepted.acceptedAt, campaign.timeZone)}.
        </p>
      )}
    </form>
  );
}

function PacketsList({ campaign }: { campaign: Campaign }) {
  const [searchParams, update] = useSearchParamUpdates();
  const page = parsePage(searchParams.get('packetsPage'));
  const packets = usePackets({ filter: { campaignId: campaign.id, page: page - 1 } });
  const zone = campaign.timeZone;
  return (
    <div data-testid="packets">
      <h3 className="subheading">Принятые пакеты</h3>
      <p className="field__hint">Время — {byCity(zone)}.</p>
      {packets.isPending ? (
        <Loading />
      ) : packets.isError ? (
        <ErrorMessage error={packets.error} onRetry={() => void packets.refetch()} />
      ) : (
        <>
          <div className="table-wrap" aria-busy={packets.isPlaceholderData}>
            <table className="table table--stack">
              <caption className="visually-hidden">Принятые пакеты</caption>
              <thead>
                <tr>
                  <th scope="col">Номер пакета</th>
                  <th scope="col">Организация</th>
                  <th scope="col">Принят</th>
                  <th scope="col">Кто принял</th>
                  <th scope="col">Примечание</th>
                </tr>
              </thead>
              <tbody>
                {packets.data.items.length === 0 && (
                  <tr>
                    <td colSpan={5} className="table__empty">
                      Пакеты ещё не принимали
                    </td>
                  </tr>
                )}
                {packets.data.items.map((packet) => (
                  <tr key={packet.id} data-testid="packet-row">
                    <td data-label="Номер пакета" className="table__code">
                      {packet.packetNumber}
                    </td>
                    <td data-label="Организация">
                      {packet.organization.login} — {packet.organization.name}
                    </td>
                    <td data-label="Принят" className="table__nowrap">
                      {formatZonedDateTime(packet.acceptedAt, zone)}
                    </td>
                    <td data-label="Кто принял">{packet.acceptedBy}</td>
                    <td data-label="Примечание" className="table__muted">
                      {packet.note || '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {packets.data.totalItems > 0 && (
            <Pagination
              label="Страницы списка пакетов"
              page={page}
              totalPages={packets.data.totalPages}
              totalItems={packets.data.totalItems}
              onPageChange={(next) => update({ packetsPage: next > 1 ? String(next) : null })}
            />
          )}
        </>
      )}
    </div>
  );
}
