// The participant's questionnaire on a phone-sized screen (run by QuestionnaireJourneyTests, which
// takes a kit's questionnaire login and password from the demo point's protocol 1 credentials):
// 1. at 360×740 the participant opens the strip's link `/q?login=…` and signs in with the password;
// 2. answers the first section, trying each choice until one reveals a skip-logic question
//    (some answer in the questionnaire must);
// 3. goes offline, answers on the next screen: «Нет связи — ответы сохранены на телефоне…»;
// 4. comes back online: «Сохранено»; reloads the page: the answers are still there;
// 5. answers the rest and submits: «Спасибо, анкета сдана»;
// 6. signs in again: only the thanks.
// The questionnaire's content is read from the page, so the demo definition may change.
// With a СПО study (no kits; issue 20 «Questionnaires outside ОМК») and its college's account:
// 7. at 360 px the college, in its cabinet, asks for 501 questionnaire logins (refused, nothing
//    issued), then for 2: two strips with login, password and link, and the workbook of them; the
//    panel fits the phone (nothing in it runs past its edge, even where a card would clip it) and
//    is shot at 360 px and at 1280 px;
// 8. a teacher opens the first strip's link, signs in and starts the teachers' questionnaire.
//
//   node e2e/questionnaire.mjs http://localhost:8080 <login> <password> \
//     [<spoCampaignId> <collegeLogin> <collegePassword>]
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { resultsDir, startJourney } from './support.mjs';

const [baseUrl, login, password, spoCampaignId, collegeLogin, collegePassword] =
  process.argv.slice(2);
const {
  page,
  step,
  screenshot,
  signIn: signInAccount,
  run,
} = await startJourney({
  baseUrl,
  script: 'questionnaire.mjs',
  totalTimeoutMs: 180_000,
});
if (!login || !password)
  throw new Error('usage: node e2e/questionnaire.mjs <baseUrl> <login> <password>');

await page.setViewportSize({ width: 360, height: 740 });
const context = page.context();

const status = () => page.getByTestId('save-status');
const saved = () =>
  status()
    .filter({ hasText: /^Сохранено$/ })
    .waitFor();
const questions = () => page.locator('[data-testid^="question-"][data-type]');
const summaryHeading = () => page.getByRole('heading', { name: 'Проверьте и сдайте анкету' });
const thanksHeading = () => page.getByRole('heading', { name: 'Спасибо, анкета сдана' });

async function signIn(as = login, secret = password) {
  const loginField = page.getByLabel('Логин');
  await loginField.waitFor();
  const shown = await loginField.inputValue();
  if (shown !== as) throw new Error(`the login field shows «${shown}», expected «${as}»`);
  await page.getByLabel('Пароль').fill(secret);
  await page.getByRole('button', { name: 'Войти' }).click();
}

/** @param {string} where */
async function noHorizontalOverflow(where) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (overflow > 0) throw new Error(`${where}: the page is ${overflow}px wider than the screen`);
}

/**
 * Neither the element nor anything inside it runs past the screen's or the element's right edge: a
 * page-level check misses what a card with hidden overflow clips.
 * @param {import('playwright-core').Locator} element
 * @param {string} where
 */
async function fitsInside(element, where) {
  const culprit = await element.evaluate((root) => {
    const screen = document.documentElement.clientWidth;
    if (root.getBoundingClientRect().right > screen + 1) return 'the element itself';
    const edge = root.getBoundingClientRect().right;
    for (const inner of root.querySelectorAll('*')) {
      if (inner.getBoundingClientRect().right > edge + 1) {
        const cls = inner.getAttribute('class');
        return `${inner.tagName.toLowerCase()}${cls ? `.${cls.split(/\s+/).join('.')}` : ''}`;
      }
    }
    return null;
  });
  if (culprit) throw new Error(`${where}: ${culprit} runs past the edge`);
}

/**
 * Whether a question has an answer, judged from its inputs.
 * @param {import('playwright-core').Locator} question
 */
async function answered(question) {
  const type = await question.getAttribute('data-type');
  if (type === 'MATRIX') {
    const rows = question.locator('[data-testid^="row-"]');
    const total = await rows.count();
    const done = await question.locator('[data-testid^="row-"]:has(input:checked)').count();
    return total > 0 && done === total;
  }
  if (type === 'SINGLE_CHOICE' || type === 'MULTIPLE_CHOICE' || type === 'SCALE') {
    return (await question.locator('input:checked').count()) > 0;
  }
  return (await question.locator('input, textarea').first().inputValue()) !== '';
}

/**
 * Answers one question plainly. For a single choice, tries each option until one reveals a new
 * question (skip logic); returns true when that happened.
 * @param {import('playwright-core').Locator} question
 */
async function answer(question) {
  const type = await question.getAttribute('data-type');
  const key = ((await question.getAttribute('data-testid')) ?? '').replace(/^question-/, '');
  switch (type) {
    case 'SINGLE_CHOICE': {
      const options = question.locator('label.qt-choice');
      const count = await options.count();
      const before = await questions().count();
      for (let i = 0; i < count; i += 1) {
        await options.nth(i).click();
        if ((await questions().count()) > before) {
          console.log(`  «${key}»: option ${i + 1} reveals a skip-logic question`);
          return true;
        }
      }
      await options.first().click();
      return false;
    }
    case 'MULTIPLE_CHOICE':
      await question.locator('label.qt-choice:not(.qt-choice--disabled)').first().click();
      return false;
    case 'SCALE': {
      const points = question.locator('label.qt-scale__point');
      await points.nth(Math.floor((await points.count()) / 2)).click();
      return false;
    }
    case 'MATRIX': {
      const rows = question.locator('[data-testid^="row-"]');
      for (let i = 0; i < (await rows.count()); i += 1) {
        await rows.nth(i).locator('label.qt-choice').first().click();
      }
      return false;
    }
    case 'NUMBER': {
      const input = question.locator('input');
      await input.fill((await input.getAttribute('data-min')) ?? '1');
      return false;
    }
    default:
      await question.locator('input, textarea').first().fill('Ответ из проверки в браузере');
      return false;
  }
}

/** Answers every question on the screen that has no answer yet; true when skip logic showed one. */
async function answerScreen() {
  let shown = false;
  for (let guard = 0; guard < 300; guard += 1) {
    const all = questions();
    const count = await all.count();
    let next;
    for (let i = 0; i < count; i += 1) {
      if (!(await answered(all.nth(i)))) {
        next = all.nth(i);
        break;
      }
    }
    if (!next) return shown;
    shown = (await answer(next)) || shown;
  }
  throw new Error('the screen keeps asking for answers');
}

async function nextScreen() {
  await page.getByRole('button', { name: 'Далее' }).click();
  const problem = page.locator('.qt-question .qt-error');
  if ((await problem.count()) > 0) {
    throw new Error(`«Далее» refused: ${await problem.first().innerText()}`);
  }
}

/** Whether some answer revealed a skip-logic question (asserted before submitting). */
let revealed = false;
/** The question answered offline, to find it again after the reload. */
let offlineAnswer = { testId: '', type: '' };

await run(async () => {
  await step('at 360 px the participant opens the link from the strip and signs in', async () => {
    await page.goto(`${baseUrl}/q?login=${encodeURIComponent(login)}`);
    await noHorizontalOverflow('the sign-in');
    await signIn();
    await page.getByRole('button', { name: /^(Начать|Продолжить)$/ }).waitFor();
    const until = page.getByText(/^Анкета доступна до \d{2}\.\d{2}\.\d{4}$/);
    if ((await until.count()) > 0) console.log(`  ${(await until.innerText()).trim()}`);
    else console.log('  (the session carries no validUntil: no «Анкета доступна до»)');
    await noHorizontalOverflow('the intro');
    await screenshot('questionnaire-intro');
  });

  await step(
    'answers the first section, trying answers that reveal skip-logic questions',
    async () => {
      await page.getByRole('button', { name: /^(Начать|Продолжить)$/ }).click();
      await page.getByText(/^Раздел 1 из \d+$/).waitFor();
      revealed = (await answerScreen()) || revealed;
      await noHorizontalOverflow('the first section');
      await saved();
      await screenshot('questionnaire-section-1');
    },
  );

  await step('offline, the next answer is kept on the phone and the page says so', async () => {
    await nextScreen();
    await page.getByText(/^Раздел 2 из \d+$/).waitFor();
    await context.setOffline(true);
    const first = questions().first();
    offlineAnswer = {
      testId: (await first.getAttribute('data-testid')) ?? '',
      type: (await first.getAttribute('data-type')) ?? '',
    };
    revealed = (await answer(first)) || revealed;
    await status()
      .filter({ hasText: 'Нет связи — ответы сохранены на телефоне и отправятся сами' })
      .waitFor();
    await noHorizontalOverflow('the second section');
    await screenshot('questionnaire-offline');
  });

  await step(
    'back online the answers reach the server; after a reload they are all there',
    async () => {
      await context.setOffline(false);
      await saved();
      await page.reload();
      await page.getByText(/^Раздел 2 из \d+$/).waitFor();
      const question = page.getByTestId(offlineAnswer.testId);
      if (!(await answered(question))) {
        throw new Error(`after the reload «${offlineAnswer.testId}» has lost its answer`);
      }
      await page.getByRole('button', { name: 'Назад' }).click();
      await page.getByText(/^Раздел 1 из \d+$/).waitFor();
      const all = questions();
      for (let i = 0; i < (await all.count()); i += 1) {
        if (!(await answered(all.nth(i)))) {
          throw new Error(
            `after the reload «${await all.nth(i).getAttribute('data-testid')}» is empty`,
          );
        }
      }
      await nextScreen();
    },
  );

  await step('answers the rest and submits: «Спасибо, анкета сдана»', async () => {
    for (let guard = 0; guard < 60; guard += 1) {
      if (await summaryHeading().isVisible()) break;
      revealed = (await answerScreen()) || revealed;
      await nextScreen();
    }
    await summaryHeading().waitFor();
    if (!revealed) throw new Error('no answer revealed a skip-logic question');
    await noHorizontalOverflow('the summary');
    await page.getByRole('button', { name: 'Сдать анкету' }).click();
    await page.getByRole('button', { name: 'Да, сдать' }).click();
    await thanksHeading().waitFor();
    console.log(`  ${(await page.getByTestId('submitted-at').innerText()).trim()}`);
    await screenshot('questionnaire-thanks');
  });

  await step('signing in again shows only the thanks', async () => {
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(`${baseUrl}/q?login=${encodeURIComponent(login)}`);
    await signIn();
    await thanksHeading().waitFor();
    if ((await page.locator('main button, main input, main textarea').count()) > 0) {
      throw new Error('a submitted questionnaire still offers something to fill in');
    }
  });

  if (!spoCampaignId || !collegeLogin || !collegePassword) return;

  /** The strip the college hands to a teacher. */
  let strip = { login: '', password: '' };

  await step(
    'at 360 px a college of a СПО study takes questionnaire logins for its teachers',
    async () => {
      await page.evaluate(() => {
        sessionStorage.clear();
        localStorage.clear();
      });
      await page.goto(baseUrl);
      await signInAccount(collegeLogin, collegePassword);
      const card = page.locator(`article[aria-labelledby="campaign-${spoCampaignId}-title"]`);
      const panel = card.getByTestId('questionnaire-logins');
      await panel.getByRole('heading', { name: 'Анкетирование преподавателей' }).waitFor();
      await panel.getByTestId('questionnaire-logins-count').filter({ hasText: '0' }).waitFor();
      const count = panel.getByLabel('Сколько логинов нужно всего');
      await count.fill('501');
      await panel.getByRole('button', { name: 'Выдать логины' }).click();
      await panel.getByText('Логины не выданы').waitFor();
      if ((await panel.getByTestId('questionnaire-login-strip').count()) !== 0) {
        throw new Error('logins were issued beyond the limit of 500');
      }
      await count.fill('2');
      await panel.getByRole('button', { name: 'Выдать логины' }).click();
      const strips = panel.getByTestId('questionnaire-login-strip');
      await strips.nth(1).waitFor();
      if ((await strips.count()) !== 2) throw new Error(`${await strips.count()} strips, not 2`);
      const values = await strips.first().locator('.ql-strip__value').allInnerTexts();
      strip = { login: values[0].trim(), password: values[1].trim() };
      if (!/^uspo64\d+$/.test(strip.login) || !/^\d{5}$/.test(strip.password)) {
        throw new Error(`the strip shows «${values.join(' ')}»`);
      }
      const link = (await strips.first().locator('.ql-strip__link').innerText()).trim();
      if (!link.endsWith(`/q?login=${strip.login}`)) throw new Error(`the strip's link is ${link}`);
      console.log(`  strip: ${strip.login} / ${strip.password}`);
      // the same logins as a workbook (issue 20): a real .xlsx (zip) file
      const downloading = page.waitForEvent('download');
      await panel.getByRole('button', { name: 'Скачать логины (Excel)' }).click();
      const download = await downloading;
      const file = join(resultsDir, `logins-${download.suggestedFilename()}`);
      await download.saveAs(file);
      if ((await readFile(file)).subarray(0, 2).toString('latin1') !== 'PK') {
        throw new Error('the logins workbook is not an .xlsx (zip) file');
      }
      await panel.scrollIntoViewIfNeeded();
      await noHorizontalOverflow('the college cabinet');
      await fitsInside(panel, 'the questionnaire logins panel at 360 px');
      await screenshot('questionnaire-college-logins-360');
      await page.setViewportSize({ width: 1280, height: 900 });
      await panel.scrollIntoViewIfNeeded();
      await noHorizontalOverflow('the college cabinet at 1280 px');
      await screenshot('questionnaire-college-logins-1280');
      await page.setViewportSize({ width: 360, height: 740 });
    },
  );

  await step(
    'a teacher signs in with the strip and starts the teachers’ questionnaire',
    async () => {
      await page.evaluate(() => {
        sessionStorage.clear();
        localStorage.clear();
      });
      await page.goto(`${baseUrl}/q?login=${encodeURIComponent(strip.login)}`);
      await signIn(strip.login, strip.password);
      await page
        .getByText(/Преподаватели/)
        .first()
        .waitFor();
      await page.getByRole('button', { name: /^(Начать|Продолжить)$/ }).click();
      await page.getByText(/^Раздел 1 из \d+$/).waitFor();
      await noHorizontalOverflow('the teachers’ questionnaire');
      await screenshot('questionnaire-college-teacher');
    },
  );
});
