import type { StageAction } from '@/features/cabinet/components/stage-countdown';
import { paths } from '@/config/paths';
import type { Campaign, Me, Stage } from '@/types/api';

import { sampleTitle } from '../campaigns/sample';

/**
 * Where `account` does the work of a campaign's open stage (issue 21: a home page leads to the
 * task at hand): the list of organizations to verify, the scans being collected, the experts'
 * scoring, the questionnaires' progress, the reports. Undefined when the stage's work is on the
 * card itself (forms, kits) or is not this account's.
 */
export function stageActionFor(account: Me | undefined) {
  return (campaign: Campaign, stage: Stage): StageAction | undefined => {
    const role = account?.role;
    if (!role) return undefined;
    const coordinator =
      role === 'FEDERAL' || role === 'REGIONAL' || role === 'MUNICIPAL' || role === 'RESPONSIBLE';
    const staff = role === 'FEDERAL' || role === 'REGIONAL';
    switch (stage.code) {
      case 'PRELIMINARY_LIST':
        return staff
          ? { label: sampleTitle(role), to: paths.campaigns.sample.getHref(campaign.id) }
          : undefined;
      case 'VERIFICATION':
        return coordinator
          ? { label: sampleTitle(role), to: paths.campaigns.sample.getHref(campaign.id) }
          : undefined;
      case 'SCANNING':
        if (role === 'SCANNER') {
          return { label: 'Загрузка сканов', to: paths.scans.upload.getHref(campaign.id) };
        }
        return staff
          ? {
              label: 'Сканы работ',
              to: paths.scans.dashboard.getHref(campaign.id, account.regionCode),
            }
          : undefined;
      case 'SCORING':
        return staff
          ? { label: 'Эксперты и проверка работ', to: paths.scoring.campaign.getHref(campaign.id) }
          : undefined;
      case 'QUESTIONNAIRE':
        return coordinator
          ? {
              label: 'Мониторинг анкетирования',
              to: paths.questionnaires.monitoring.getHref(campaign.id),
            }
          : undefined;
      case 'REPORTS':
        return role === 'OBSERVER' || role === 'EXPERT' || role === 'SCANNER'
          ? undefined
          : { label: 'Статистические отчёты', to: paths.reports.campaign.getHref(campaign.id) };
      default:
        return undefined;
    }
  };
}
