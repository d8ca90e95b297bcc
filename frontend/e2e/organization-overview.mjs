// One organization's page in a campaign (issue 20), in a real browser (run by
// OrganizationOverviewJourneyTests, which creates the campaign, the school's submitted results
// protocol and a publication it has not downloaded):
// 1. the regional coordinator (region64) opens the campaign and, under «Организация в кампании»,
//    types the school's login: its page opens;
// 2. the page shows its stages in Saratov time, its report as submitted (with the time and the
//    city) and the publication as not downloaded;
// 3. the form's link opens that school's response;
// 4. at 360 px (a phone) nothing runs off the screen.
//
//   node e2e/organization-overview.mjs http://localhost:8080 <campaignId> <formId> <publicationId>
import { expectNoOverflow, startJourney } from './support.mjs';

const [baseUrl, campaignId, formId, publicationId] = process.argv.slice(2);
const { page, step, screenshot, signIn, expectAccount, run } = await startJourney({
  baseUrl,
  script: 'organization-overview.mjs',
  totalTimeoutMs: 120_000,
});
if (!publicationId) {
  throw new Error(
    'usage: node e2e/organization-overview.mjs <baseUrl> <campaignId> <formId> <publicationId>',
  );
}

/**
 * Waits until `locator`'s text matches `pattern` (the page refreshes its sections by itself).
 * @param {import('playwright-core').Locator} locator
 * @param {RegExp} pattern
 */
async function expectText(locator, pattern) {
  await locator.waitFor();
  let text = '';
  for (let waited = 0; waited <= 10_000; waited += 250) {
    text = (await locator.innerText()).replace(/\s+/g, ' ').trim();
    if (pattern.test(text)) return text;
    await page.waitForTimeout(250);
  }
  throw new Error(`«${text}» does not match ${pattern}`);
}

await run(async () => {
  await step(
    'the regional coordinator finds the school by login on the campaign page',
    async () => {
      await page.goto(baseUrl);
      await signIn('region64', 'region64-demo');
      await expectAccount('Региональный координатор');
      await page.goto(`${baseUrl}/campaigns/${campaignId}`);
      const lookup = page.getByTestId('organization-lookup');
      await lookup.getByLabel('Логин организации').fill('edu640021');
      await lookup.getByRole('button', { name: 'Открыть' }).click();
      await page.getByTestId('organization-overview').waitFor();
      await page.waitForURL(/\/campaigns\/\d+\/organizations\/\d+$/);
    },
  );

  await step('its stages, its submitted report and the undownloaded publication', async () => {
    await expectText(page.getByTestId('overview-place'), /Саратовская область.*\(Саратов\)/);
    await expectText(
      page.getByTestId('overview-stage-RESULTS_PROTOCOL'),
      /Загрузка протоколов с результатами.*\d{2}\.\d{2}\.\d{4} \d{2}:\d{2} \(Саратов\).*Идёт/,
    );
    await expectText(
      page.getByTestId('overview-form-results-m4'),
      /Отчёт сдан.*\d{2}\.\d{2}\.\d{4} \d{2}:\d{2} \(Саратов\)/,
    );
    await expectText(page.getByTestId('overview-forms-summary'), /Сдано отчётов: 1 из 1/);
    await expectText(page.getByTestId(`overview-publication-${publicationId}`), /Не скачано/);
    // Observers and reports, read live from their features (none yet for this school).
    await expectText(
      page.getByTestId('overview-observers-totals'),
      /Назначено: 0, присутствовали: 0, актов: 0/,
    );
    await expectText(
      page.getByTestId('overview-reports-state'),
      /Организация ещё не открывала отчёты/,
    );
    await screenshot('organization-overview-1280');
  });

  await step('the form link opens the school’s own response', async () => {
    await page
      .getByTestId('overview-form-results-m4')
      .getByRole('link', { name: 'Протокол результатов' })
      .click();
    await page.waitForURL(new RegExp(`/forms/${formId}\\?organization=edu640021$`));
    await page.getByTestId('form-status').waitFor();
    await expectText(page.getByTestId('form-status'), /Отчёт сдан/);
    await page.goBack();
    await page.getByTestId('organization-overview').waitFor();
  });

  await step('at 360 px nothing runs off the screen', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    await expectText(page.getByTestId('overview-form-results-m4'), /Отчёт сдан/);
    await expectNoOverflow(page);
    await screenshot('organization-overview-360');
  });
});
