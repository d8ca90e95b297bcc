import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { json, mockApi } from '@/testing/fetch-mock';
import {
  kitCredentials,
  omkCampaign,
  pointAccount,
  protocol2Lit,
  protocol2LitDraft,
  protocol2LitSummary,
} from '@/testing/protocol1-data';
import { campaignPage, publication } from '@/testing/publications-data';
import { renderApp } from '@/testing/test-utils';

// Issue 20; seed 001_49f1e71760eb3e12.txt: the point «открывает публикацию „Электронный протокол
// 1“ по конкретному предмету» and, after uploading, the block «Сбор данных» in the publication.
function mockPublication() {
  return mockApi({
    '/api/me': pointAccount,
    '/api/campaigns': campaignPage([omkCampaign]),
    [`/api/campaigns/${omkCampaign.id}`]: omkCampaign,
    '/api/publications/71': publication({
      campaignId: omkCampaign.id,
      campaignTitle: omkCampaign.title,
      title: 'Электронный протокол 1',
      read: true,
    }),
    [`/api/campaigns/${omkCampaign.id}/kits/credentials`]: (url) =>
      url.searchParams.get('subjectKey') === 'lit'
        ? json(kitCredentials())
        : json({ title: 'Not Found', status: 404, detail: 'Комплектов нет' }, 404),
    [`/api/campaigns/${omkCampaign.id}/forms`]: () => json([protocol2LitSummary]),
    '/api/forms/41': protocol2Lit,
    '/api/forms/41/response': protocol2LitDraft(),
  });
}

describe('an ОМК publication leads the point to its protocols', { timeout: 20_000 }, () => {
  it('lists protocols 1 and 2 of each subject with their status and links', async () => {
    mockPublication();
    renderApp('/publications/71');

    const block = await screen.findByTestId('publication-protocols', {}, { timeout: 5000 });
    expect(within(block).getByRole('heading', { name: 'Сбор данных' })).toBeInTheDocument();
    const lit = within(block).getByTestId('protocols-lit');
    expect(
      await within(lit).findByText('5 комплектов; ФИО — только на этом компьютере'),
    ).toBeInTheDocument();
    expect(within(lit).getByRole('link', { name: 'Электронный протокол 1' })).toHaveAttribute(
      'href',
      `/campaigns/${omkCampaign.id}/protocol1/lit`,
    );
    expect(await within(lit).findByText('черновик, не сдан')).toBeInTheDocument();
    expect(within(lit).getByRole('link', { name: 'Электронный протокол 2' })).toHaveAttribute(
      'href',
      '/forms/41',
    );
    const rus = within(block).getByTestId('protocols-rus');
    expect(await within(rus).findByText('комплектов по предмету нет')).toBeInTheDocument();
    expect(within(rus).getByText('ещё не опубликован')).toBeInTheDocument();
    expect(within(rus).queryByRole('link')).toBeNull();
  });
});
