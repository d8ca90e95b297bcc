import type { CampaignKind, StageCode, StageState } from '@/types/api';

// `satisfies Record<...>` makes the compiler flag a value added to an enum in openapi.yaml.

export const campaignKindLabels = {
  VPR: 'ВПР',
  SPO: 'Исследование СПО',
  OMK: 'ОМК / ОПиМК',
} as const satisfies Record<CampaignKind, string>;

export const campaignKinds = Object.keys(campaignKindLabels) as CampaignKind[];

import { stageLabel, stageLabels } from '@/utils/labels';

export { stageLabel, stageLabels };

export const stageCodes = Object.keys(stageLabels) as StageCode[];

export const stageStateLabels = {
  UPCOMING: 'Предстоит',
  OPEN: 'Идёт',
  CLOSED: 'Завершён',
} as const satisfies Record<StageState, string>;

/** Russia's time zones, west to east, with a city the user knows. */
export const russianTimeZones: { zone: string; label: string }[] = [
  { zone: 'Europe/Kaliningrad', label: 'Калининград' },
  { zone: 'Europe/Moscow', label: 'Москва' },
  { zone: 'Europe/Samara', label: 'Самара' },
  { zone: 'Europe/Saratov', label: 'Саратов' },
  { zone: 'Asia/Yekaterinburg', label: 'Екатеринбург' },
  { zone: 'Asia/Omsk', label: 'Омск' },
  { zone: 'Asia/Novosibirsk', label: 'Новосибирск' },
  { zone: 'Asia/Krasnoyarsk', label: 'Красноярск' },
  { zone: 'Asia/Irkutsk', label: 'Иркутск' },
  { zone: 'Asia/Yakutsk', label: 'Якутск' },
  { zone: 'Asia/Vladivostok', label: 'Владивосток' },
  { zone: 'Asia/Magadan', label: 'Магадан' },
  { zone: 'Asia/Kamchatka', label: 'Петропавловск-Камчатский' },
];

export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

/** ВПР subjects to add in one click (key, name, class); the maximum score is the user's to set. */
export const vprSubjectPresets: { key: string; name: string; grade: number }[] = [
  { key: 'rus-4', name: 'Русский язык', grade: 4 },
  { key: 'math-4', name: 'Математика', grade: 4 },
  { key: 'okr-4', name: 'Окружающий мир', grade: 4 },
  { key: 'rus-5', name: 'Русский язык', grade: 5 },
  { key: 'math-5', name: 'Математика', grade: 5 },
  { key: 'hist-5', name: 'История', grade: 5 },
  { key: 'bio-5', name: 'Биология', grade: 5 },
  { key: 'rus-6', name: 'Русский язык', grade: 6 },
  { key: 'math-6', name: 'Математика', grade: 6 },
  { key: 'rus-7', name: 'Русский язык', grade: 7 },
  { key: 'math-7', name: 'Математика', grade: 7 },
  { key: 'rus-8', name: 'Русский язык', grade: 8 },
  { key: 'math-8', name: 'Математика', grade: 8 },
];
