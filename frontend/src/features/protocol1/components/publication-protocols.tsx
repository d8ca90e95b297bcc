import '../protocol1.css';

import { Link } from 'react-router';

import { useCampaign } from '@/api/get-campaign';
import { paths } from '@/config/paths';
import type { Campaign, CampaignSubject } from '@/types/api';
import { formatNumber, formatZonedDateTimeNamed, plural } from '@/utils/format';

import { useKitCredentials } from '../api/get-kit-credentials';
import { useProtocol2 } from '../hooks/use-protocol2';

const protocol2Labels = {
  NOT_STARTED: 'не начат',
  DRAFT: 'черновик, не сдан',
  SUBMITTED: 'сдан',
} as const;

/**
 * «Сбор данных» inside a publication of an ОМК (seed 001: the point «открывает публикацию
 * „Электронный протокол 1“ по конкретному предмету», then «„Электронный протокол 2“», and after
 * uploading «откройте блок „Сбор данных“ в публикации»): for each subject the point's protocol 1
 * (its kits; names stay on this computer) and protocol 2 with its status, each a link to where it
 * is filled.
 */
export function PublicationProtocols({
  campaignId,
  subjectKey,
}: {
  campaignId: number;
  /** The one subject the publication's author chose (issue 20); none — every subject. */
  subjectKey?: string;
}) {
  const campaign = useCampaign({ campaignId });
  // Only an ОМК's publications carry the protocols; anything else shows nothing extra.
  if (campaign.data?.kind !== 'OMK') return null;
  return <ProtocolsBlock campaign={campaign.data} subjectKey={subjectKey} />;
}

function ProtocolsBlock({ campaign, subjectKey }: { campaign: Campaign; subjectKey?: string }) {
  const subjects = subjectKey
    ? campaign.subjects.filter((subject) => subject.key === subjectKey)
    : campaign.subjects;
  return (
    <section
      className="panel"
      aria-labelledby="publication-protocols-title"
      data-testid="publication-protocols"
    >
      <h2 id="publication-protocols-title" className="panel__title">
        Сбор данных
      </h2>
      <p className="field__hint">
        Электронные протоколы вашего пункта по каждому предмету: протокол 1 — для пункта, ФИО в
        систему не передаются; протокол 2 — заполняется и сдаётся в систему.
      </p>
      <ul className="p1-publication-protocols">
        {subjects.map((subject) => (
          <SubjectProtocols key={subject.key} campaign={campaign} subject={subject} />
        ))}
      </ul>
    </section>
  );
}

function SubjectProtocols({ campaign, subject }: { campaign: Campaign; subject: CampaignSubject }) {
  const kits = useKitCredentials({ request: { campaignId: campaign.id, subjectKey: subject.key } });
  const protocol2 = useProtocol2({ campaignId: campaign.id, subjectKey: subject.key });
  const count = kits.data?.items.length ?? 0;
  const protocol1Status = kits.isPending
    ? 'загрузка…'
    : kits.isError
      ? 'комплектов по предмету нет'
      : `${formatNumber(count)} ${plural(count, ['комплект', 'комплекта', 'комплектов'])}; ФИО — только на этом компьютере`;
  let protocol2Status: string;
  switch (protocol2.state) {
    case 'loading':
      protocol2Status = 'загрузка…';
      break;
    case 'error':
      protocol2Status = 'не удалось прочитать';
      break;
    case 'none':
      protocol2Status = 'ещё не опубликован';
      break;
    default:
      protocol2Status =
        (protocol2Labels[protocol2.status] ?? protocol2.status) +
        (protocol2.status === 'SUBMITTED' && protocol2.submittedAt
          ? ` ${formatZonedDateTimeNamed(protocol2.submittedAt, campaign.timeZone)}`
          : '');
  }
  return (
    <li className="p1-publication-protocols__subject" data-testid={`protocols-${subject.key}`}>
      <h3 className="subheading">{subject.name}</h3>
      <p>
        {kits.isSuccess ? (
          <Link to={paths.campaigns.protocol1.getHref(campaign.id, subject.key)}>
            Электронный протокол 1
          </Link>
        ) : (
          <span>Электронный протокол 1</span>
        )}{' '}
        — <span data-testid="protocol1-status">{protocol1Status}</span>
      </p>
      <p>
        {protocol2.state === 'found' ? (
          <Link to={paths.forms.form.getHref(protocol2.form.id)}>Электронный протокол 2</Link>
        ) : (
          <span>Электронный протокол 2</span>
        )}{' '}
        — <span data-testid="protocol2-status">{protocol2Status}</span>
      </p>
    </li>
  );
}
