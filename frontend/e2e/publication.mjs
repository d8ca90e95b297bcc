// The morning of the test (run by PublicationJourneyTests, which owns the server's clock):
// 1. a school (edu640001) signs in: the archive of variants is not among its publications yet;
//    the script prints «WAITING for release» and waits for a line on stdin — the test moves the
//    server's clock to the release time and answers;
// 2. the school reloads, sees the publication, opens it and downloads its own archive;
// 3. the regional coordinator (region64) opens the publication's downloads and sees the school's
//    download with its time.
//
//   node e2e/publication.mjs http://localhost:8080 "<publication title>"
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { stat } from 'node:fs/promises';

import { resultsDir, startJourney } from './support.mjs';

const [baseUrl, title] = process.argv.slice(2);
const { page, step, screenshot, signIn, expectAccount, run } = await startJourney({
  baseUrl,
  script: 'publication.mjs',
  totalTimeoutMs: 150_000,
});
if (!title) throw new Error('usage: node e2e/publication.mjs <baseUrl> <publication title>');

const stdin = createInterface({ input: process.stdin });
const nextLine = () => new Promise((resolve) => stdin.once('line', resolve));

/** Opens the list of publications and waits until it has loaded (items or the empty note). */
async function openPublications() {
  await page.goto(`${baseUrl}/publications`);
  await page.getByTestId('publications').waitFor();
  await page.getByTestId('publication-list').or(page.getByTestId('no-publications')).waitFor();
}

const archiveLink = () =>
  page.getByTestId('publication-item').getByRole('link', { name: title, exact: true });

let publicationUrl = '';

await run(async () => {
  await step('a school signs in and lands on its personal account', async () => {
    await page.goto(baseUrl);
    await signIn('edu640001', 'edu640001-demo');
    await expectAccount('Образовательная организация');
    await page.getByRole('heading', { name: 'Мои кампании' }).waitFor();
    await page.getByText('ВПР-2026, весна').first().waitFor();
    await screenshot('cabinet-school');
  });

  await step('before the release time the archive is not among its publications', async () => {
    await openPublications();
    if ((await archiveLink().count()) > 0) throw new Error(`«${title}» is listed before release`);
    await screenshot('publications-before-release');
  });

  await step('the release time comes (the test moves the server clock)', async () => {
    console.log('WAITING for release');
    const answer = await nextLine();
    if (answer.trim() !== 'released') throw new Error(`unexpected answer «${answer}»`);
  });

  await step('after the release the school sees the new publication and opens it', async () => {
    await openPublications();
    await archiveLink().waitFor();
    await archiveLink().click();
    await page.getByTestId('publication').waitFor();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    publicationUrl = page.url();
    await screenshot('publication-released');
  });

  await step('the school downloads its own archive', async () => {
    const attachment = page.getByTestId('attachment').first();
    const downloading = page.waitForEvent('download');
    await attachment.getByRole('button', { name: /^Скачать/ }).click();
    const download = await downloading;
    const saved = join(resultsDir, `downloaded-${download.suggestedFilename()}`);
    await download.saveAs(saved);
    const { size } = await stat(saved);
    if (size === 0) throw new Error('the downloaded archive is empty');
    console.log(`  saved ${download.suggestedFilename()} (${size} bytes)`);
    await attachment.getByTestId('downloaded-mark').waitFor();
  });

  await step('the regional coordinator sees the school among those who downloaded', async () => {
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.waitForURL(/\/login$/);
    await signIn('region64', 'region64-demo');
    await expectAccount('Региональный координатор');
    await page.goto(`${publicationUrl}/downloads`);
    await page.getByTestId('downloads-total').waitFor();
    const row = page.getByTestId('download-row').filter({ hasText: 'edu640001' });
    await row.waitFor();
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    if (!/\d{2}\.\d{2}\.\d{4}/.test(text)) throw new Error(`no download time in «${text}»`);
    console.log(`  ${(await page.getByTestId('downloads-total').innerText()).trim()}`);
    await screenshot('publication-downloads-region');
  });
});
stdin.close();
