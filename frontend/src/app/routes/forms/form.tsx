import { useParams, useSearchParams } from 'react-router';

import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { FormPage } from '@/features/forms/components/form-page';
import { isOwnResponse, type Respondent } from '@/features/forms/types';

import { cabinetHref } from '../cabinet/landing';
import { NotFoundRoute } from '../not-found';

const LOGIN = /^[a-z]{2,4}[0-9]{4,8}$/;

/**
 * A form to fill (the caller's own response), or — with `?organization=login` or
 * `?municipalityId=` — a respondent's response a coordinator reads.
 */
export function FormRoute() {
  const formId = Number(useParams().formId);
  const [search] = useSearchParams();
  const me = useMe();
  if (!Number.isSafeInteger(formId) || formId <= 0) return <NotFoundRoute />;
  const organization = search.get('organization') ?? undefined;
  const municipality = Number(search.get('municipalityId'));
  const regionPart = search.get('regionPart') ?? undefined;
  const respondent: Respondent = {
    organization: organization && LOGIN.test(organization) ? organization : undefined,
    municipalityId:
      Number.isSafeInteger(municipality) && municipality > 0 ? municipality : undefined,
    regionPart: regionPart && /^[0-9]{2}$/.test(regionPart) ? regionPart : undefined,
  };
  if (me.isPending) return <Loading />;
  const own = isOwnResponse(respondent);
  const crumbs = own
    ? [{ label: 'Личный кабинет', to: cabinetHref(me.data?.role) }]
    : [{ label: 'Мониторинг сдачи', to: paths.forms.monitoring.getHref(formId) }];
  return <FormPage formId={formId} respondent={respondent} crumbs={crumbs} />;
}
