// The morning of the test (run by PublicationJourneyTests, which owns the server's clock):
// 0. the federal organizer, author of the scheduled publication, puts the campaign's form
//    «Заявка на участие в ВПР» into it as its «Сбор данных» (issue 20), at 360 and 1280 px;
// 1. a school (edu640001) signs in: the archive of variants is not among its publications yet;
//    the script prints «WAITING for release» and waits for a line on stdin — the test moves the
//    server's clock to the release time and answers;
// 2. the school reloads, sees the publication, opens it, finds «Сбор данных» and reaches the
//    form from it (360 and 1280 px), then downloads its own archive;
// 3. the regional coordinator (region64) opens the publication's downloads and sees the school's
//    download with its time.
//
//   node e2e/publication.mjs http://localhost:8080 "<publication title>" <publicationId>
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { stat } from 'node:fs/promises';

import { expectNoOverflow, resultsDir, startJourney } from './support.mjs';

const [baseUrl, title, publicationId] = process.argv.slice(2);
/** The demo ВПР's form the author puts into the publication. */
const FORM_TITLE = 'Заявка на участие в ВПР';
const { page, step, screenshot, signIn, expectAccount, run } = await startJourney({
  baseUrl,
  script: 'publication.mjs',
  totalTimeoutMs: 150_000,
});
if (!title || !publicationId) {
  throw new Error('usage: node e2e/publication.mjs <baseUrl> <publication title> <publicationId>');
}

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
  await step('the author puts the application form into the publication', async () => {
    await page.goto(baseUrl);
    await signIn('federal', 'federal-demo');
    await expectAccount('Федеральный организатор');
    await page.goto(`${baseUrl}/publications/${publicationId}`);
    const editor = page.getByTestId('data-collection-editor');
    await editor.waitFor();
    await editor.getByLabel('Что вложить').selectOption('FORM');
    const form = editor.getByLabel('Форма', { exact: true });
    await form.waitFor();
    await form.selectOption({ label: FORM_TITLE });
    await editor.getByRole('button', { name: 'Сохранить «Сбор данных»' }).click();
    await editor.getByTestId('data-collection-saved').filter({ hasText: FORM_TITLE }).waitFor();
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
      await editor.getByTestId('data-collection-current').filter({ hasText: FORM_TITLE }).waitFor();
      await expectNoOverflow(page);
      await screenshot(`data-collection-author-${width}`);
    }
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.waitForURL(/\/login$/);
  });

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

  await step('the school finds «Сбор данных» in the publication and reaches the form', async () => {
    const block = page.getByTestId('publication-data-collection');
    await block.getByRole('heading', { name: 'Сбор данных' }).waitFor();
    await page.setViewportSize({ width: 360, height: 740 });
    await block.getByRole('link', { name: FORM_TITLE }).waitFor({ state: 'visible' });
    await expectNoOverflow(page);
    await screenshot('data-collection-school-360');
    await page.setViewportSize({ width: 1280, height: 900 });
    await block.getByRole('link', { name: FORM_TITLE }).click();
    await page.getByRole('heading', { level: 1, name: FORM_TITLE }).waitFor();
    await screenshot('data-collection-form-1280');
    await page.goto(publicationUrl);
    await page.getByTestId('publication').waitFor();
    await page.getByTestId('attachment').first().waitFor();
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
