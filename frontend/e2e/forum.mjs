// The support forum (issue 22), in Chromium against a running OKO with the demo data:
// 1. region64 asks a question in the spring ВПР's forum (similar answered questions are suggested
//    as it types);
// 2. federal sees it and answers;
// 3. region02 sees the question and the answer, and finds it by search — with a word typed
//    with a mistake; region64's bell counts the answer.
// Screenshots at 1280 px and at 360 px (a phone), where no forum page may scroll sideways.
//
//   node e2e/forum.mjs http://localhost:8080
import { openMenuItem, startJourney } from './support.mjs';

const [baseUrl] = process.argv.slice(2);
const { page, step, screenshot, signIn, expectAccount, run } = await startJourney({
  baseUrl,
  script: 'forum.mjs',
  totalTimeoutMs: 180_000,
});
const title = `Как загрузить протокол с ошибкой ${Date.now() % 100000}?`;

/** Fails when the page is wider than the window (a phone must not scroll sideways). */
async function expectFits(/** @type {number} */ width) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scrollWidth > width)
    throw new Error(`${page.url()} is ${scrollWidth} px wide, wider than ${width} px`);
}

async function signOut() {
  await page.getByRole('button', { name: 'Выйти' }).click();
  await page.getByLabel('Логин').waitFor();
}

async function openForum() {
  await openMenuItem(page, 'Форум поддержки');
  await page.getByTestId('forum').waitFor();
  await page.getByTestId('forum-campaign').selectOption({ label: 'ВПР-2026, весна' });
  await page.getByTestId('forum-questions').or(page.getByTestId('forum-empty')).waitFor();
}

await run(async () => {
  await step('region64 signs in and opens the forum', async () => {
    await page.goto(baseUrl);
    await signIn('region64', 'region64-demo');
    await expectAccount('Региональный координатор');
    await openForum();
    await page.getByTestId('notification-bell').waitFor();
    await screenshot('forum-1280');
  });

  await step('region64 asks, with answered questions suggested as it types', async () => {
    await page.getByTestId('forum-ask-link').click();
    await page.getByTestId('forum-ask-title').fill(title);
    await page
      .getByTestId('forum-ask-body')
      .fill('После «Сдать отчёт» школа нашла ошибку. <b>Можно</b> ли исправить протокол?');
    await page.getByTestId('forum-similar').getByRole('link').first().waitFor();
    await screenshot('forum-ask-1280');
    await page.getByTestId('forum-ask-submit').click();
    await page.getByTestId('forum-question').waitFor();
    // HTML typed in the text is shown as text.
    await page
      .getByTestId('forum-question-body')
      .getByText('<b>Можно</b>', { exact: false })
      .waitFor();
  });

  await step('federal answers', async () => {
    const url = page.url();
    await signOut();
    await signIn('federal', 'federal-demo');
    await expectAccount('Федеральный организатор');
    await page.goto(url);
    await page
      .getByTestId('forum-answer-body')
      .fill('Да: «Редактировать», исправить, снова «Сдать отчёт».');
    await page.getByTestId('forum-answer-submit').click();
    await page.getByTestId('forum-answers').getByText('снова «Сдать отчёт»').waitFor();
    await screenshot('forum-question-federal-1280');
  });

  await step('region02 sees both and finds the question by search, typo and all', async () => {
    await signOut();
    await signIn('region02', 'region02-demo');
    await expectAccount('Региональный координатор');
    await openForum();
    await page.getByTestId('forum-search').fill('загрузит протакол');
    const hit = page.getByTestId('forum-search-results').getByRole('link', { name: title });
    await hit.waitFor();
    await screenshot('forum-search-1280');
    await hit.click();
    await page.getByTestId('forum-answers').getByText('снова «Сдать отчёт»').waitFor();
    await page.setViewportSize({ width: 360, height: 780 });
    await screenshot('forum-question-360');
    await expectFits(360);
    await openForum();
    await screenshot('forum-360');
    await expectFits(360);
    await page.getByTestId('forum-search').fill('загрузит протакол');
    await page.getByTestId('forum-search-results').getByRole('link', { name: title }).waitFor();
    await expectFits(360);
    await page.getByTestId('forum-ask-link').click();
    await page.getByTestId('forum-ask-title').fill(title);
    await page.getByTestId('forum-similar').getByRole('link').first().waitFor();
    await screenshot('forum-ask-360');
    await expectFits(360);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await step("region64's bell counts the answer", async () => {
    await signOut();
    await signIn('region64', 'region64-demo');
    await page.getByTestId('notification-count').waitFor();
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notifications').getByText(title).first().waitFor();
    await screenshot('notifications-1280');
    await page.setViewportSize({ width: 360, height: 780 });
    await screenshot('notifications-360');
    await expectFits(360);
  });
});
