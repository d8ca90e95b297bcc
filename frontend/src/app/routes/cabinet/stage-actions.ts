import type { StageAction } from '@/features/cabinet/components/stage-countdown';
import { paths } from '@/config/paths';
import type { Campaign, FormSummary, Me, Stage } from '@/types/api';

import { sampleTitle } from '../campaigns/sample';

/** A campaign's forms as the account sees them (undefined while they load or when refused). */
export type FormsOf = (campaignId: number) => readonly FormSummary[] | undefined;

/**
 * The form the account fills in the stage now, if it has one still to hand in: «Заполнить
 * «Электронный протокол: математика, 4 класс»» leads to it (a school's results protocol, a
 * point's protocol 2). The page it opens is titled with the form's name.
 */
function formToFill(campaign: Campaign, stage: Stage, formsOf?: FormsOf): StageAction | undefined {
  const form = formsOf?.(campaign.id)?.find(
    (candidate) =>
      candidate.stage === stage.code &&
      candidate.myStatus !== undefined &&
      candidate.myStatus !== 'SUBMITTED' &&
      candidate.window?.open === true,
  );
  return form && { label: `Заполнить «${form.title}»`, to: paths.forms.form.getHref(form.id) };
}

/**
 * Where `account` does the work of a campaign's open stage (issue 21: a home page leads to the
 * task at hand): the list of organizations to verify, the scans being collected, the experts'
 * scoring, the questionnaires' progress, the reports; else a form of the stage it still has to
 * hand in (`formsOf`). Undefined when the stage's work is on the card itself (kits) or is not
 * this account's. Each link's words are the title of the page it opens.
 */
export function stageActionFor(account: Me | undefined, formsOf?: FormsOf) {
  return (campaign: Campaign, stage: Stage): StageAction | undefined =>
    pageOfStage(account, campaign, stage) ?? formToFill(campaign, stage, formsOf);
}

function pageOfStage(
  account: Me | undefined,
  campaign: Campaign,
  stage: Stage,
): StageAction | undefined {
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
}
