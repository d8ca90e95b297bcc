// The observers' journey through a running OKO with demo data:
// 1. on a 360 px phone, `observer64` signs in, sees today's assignment and presses «Я на месте»
//    (the time shows with its region's zone), opens the act form;
// 2. at 1280 px, `mun64-engels` opens «Наблюдатели» → the spring ВПР: the candidates of its
//    schools, the assignment and presence board (today's point shows the observer present), and
//    the acts, where yesterday's act with a violation is marked; it marks its archive of acts with
//    violations «Передано в РЦОКО» (the deadline shows with its city) — and the same at 360 px;
// 3. `region64` sees which municipalities passed their archives and passes the region's violations
//    to the federal organizer («Передать сведения о нарушениях», seed 000);
//    and, apart, records its hand-over to the education authority (ОИВ, «Передано в ОИВ»);
// 4. `federal` sees the region among those that passed, at 1280 and at 360 px.
// At 360 px the stacked tables (acts, board, violations) carry their column names and the page
// header names the zone by its city.
// Every page is checked not to run off its window.
//
//   node e2e/observers.mjs http://localhost:8080
import { clickOnSomePage, expectNoOverflow, openMenuItem, startJourney } from './support.mjs';

const baseUrl = process.argv[2];
const { page, step, screenshot, signIn, run } = await startJourney({
  baseUrl,
  script: 'observers.mjs',
  totalTimeoutMs: 300_000,
});

/** @param {number} width */
async function expectFits(width) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scrollWidth > width)
    throw new Error(`page is ${scrollWidth} px wide, wider than ${width} px`);
}

/**
 * On a phone a stacked table's cells carry their column's name: waits until the cell matching
 * `selector` shows `label` before its value (the CSS `::before` of `data-label`) and stands stacked
 * (as wide as its row), so a reader of one card knows which figure is which.
 */
async function expectStackedLabel(/** @type {string} */ selector, /** @type {string} */ label) {
  await page.locator(selector).first().waitFor();
  await page.waitForFunction(
    ([sel, want]) => {
      const cell = document.querySelector(sel);
      if (!cell) return false;
      const before = getComputedStyle(cell, '::before').content;
      const row = cell.parentElement?.getBoundingClientRect();
      const own = cell.getBoundingClientRect();
      return before === `"${want}"` && row != null && own.width >= row.width - 2;
    },
    [selector, label],
    { timeout: 15_000 },
  );
}

/** The page header says whose time it shows by its city («по Москве»), never an IANA id. */
async function expectZoneByCity() {
  await page
    .getByText(/Время — по [А-ЯЁ][а-яё]+/)
    .first()
    .waitFor();
  const ids = await page.getByText(/Время — .*[A-Z][a-z]+\/[A-Z]/).count();
  if (ids > 0) throw new Error('the page header names the time zone by its IANA id');
}

/** Follows an item of the main navigation (on a phone, the menu may have to be opened first). */
async function openMenu(/** @type {string} */ label) {
  await openMenuItem(page, label);
}

/** The day (ГГГГ-ММ-ДД) of the assignment the observer is seen present at. */
let presentDay = '';

await run(async () => {
  await step('the observer signs in on a phone and sees the assignments', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(baseUrl);
    await page.waitForURL(/\/login(\?|$)/);
    await signIn('observer64', 'observer64-demo');
    await openMenu('Мои назначения');
    await page.getByRole('heading', { level: 1, name: 'Мои назначения' }).waitFor();
    await page.getByRole('button', { name: 'Направление' }).first().waitFor();
    await expectFits(360);
    await screenshot('observers-phone-360');
  });

  await step('«Я на месте» records the time with the zone named', async () => {
    const cards = page.locator('li[data-day]');
    const present = /На месте с .*\(Саратов\)/;
    const here = page.getByRole('button', { name: 'Я на месте' }).first();
    if ((await here.count()) > 0 && (await here.isEnabled())) {
      const day = (await cards.filter({ has: here }).first().getAttribute('data-day')) ?? '';
      await here.click();
      // Marked — or refused, if midnight in Saratov came between the page and the press.
      const marked = page.locator(`li[data-day="${day}"]`).filter({ hasText: present });
      await marked.or(page.getByRole('alert')).first().waitFor();
      if ((await marked.count()) > 0) presentDay = day;
    }
    // The demo seeds «today» in Saratov's date when the server starts; a run that crossed
    // midnight there finds that day gone, with the demo's «yesterday» still marked present. The
    // board below opens on the day the observer is seen present, whichever it is.
    if (!presentDay) {
      const marked = cards.filter({ hasText: present }).first();
      await marked.waitFor();
      presentDay = (await marked.getAttribute('data-day')) ?? '';
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(presentDay)) {
      throw new Error(`the present card's day is «${presentDay}»`);
    }
    await page.getByRole('button', { name: /Акт/ }).first().click();
    await expectFits(360);
    await screenshot('observers-present-360');
  });

  await step('the municipal coordinator opens the campaign’s observers', async () => {
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.waitForURL('**/login**');
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn('mun64-engels', 'mun64-demo');
    await openMenu('Наблюдатели');
    // Other journeys create campaigns, so the spring ВПР may be on a later page of the list.
    await clickOnSomePage(page, 'a:has-text("ВПР-2026, весна")');
    await page.getByRole('heading', { level: 2, name: 'Кандидаты и наблюдатели' }).waitFor();
    await page.getByText('Егорова Светлана Юрьевна').waitFor();
    await screenshot('observers-candidates-1280');
  });

  await step('the board shows points without observers and the one present', async () => {
    await page.getByRole('button', { name: 'Назначения и присутствие' }).click();
    // The day the observer was seen present, not the browser's «today» (see above).
    await page.getByLabel('День').fill(presentDay);
    await page
      .getByText(/на месте с/)
      .first()
      .waitFor();
    await page.getByText('нет наблюдателей').first().waitFor();
    await screenshot('observers-board-1280');
  });

  await step('the acts show yesterday’s act with a violation', async () => {
    await page.getByRole('button', { name: 'Акты', exact: true }).click();
    await page.getByText('с нарушениями').first().waitFor();
    await screenshot('observers-acts-1280');
  });

  await step('the municipality passes its archive to РЦОКО, the deadline named', async () => {
    const panel = page.getByRole('region', { name: 'Передача архива актов с нарушениями в РЦОКО' });
    await panel.getByTestId('handover-deadline').waitFor();
    await panel.getByRole('button', { name: 'Передано в РЦОКО' }).click();
    await panel
      .getByText(/передано в РЦОКО .*\(Саратов\)/)
      .first()
      .waitFor();
    await expectNoOverflow(page);
    await screenshot('observers-handover-1280');
    await page.setViewportSize({ width: 360, height: 780 });
    await panel
      .getByText(/передано в РЦОКО/)
      .first()
      .waitFor();
    await expectZoneByCity();
    // The acts list stacks into cards, each value under its column's name.
    await expectStackedLabel('td[data-label="Нарушения"]', 'Нарушения');
    await expectStackedLabel('td[data-label="Рассмотрение"]', 'Рассмотрение');
    await expectNoOverflow(page);
    await screenshot('observers-handover-360');
    // So does the assignment and presence board.
    await page.getByRole('button', { name: 'Назначения и присутствие' }).click();
    await expectStackedLabel('td[data-label="Ожидается / на месте"]', 'Ожидается / на месте');
    await expectNoOverflow(page);
    await screenshot('observers-board-360');
  });

  await step('the region passes its violations to the federal organizer', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.waitForURL('**/login**');
    await signIn('region64', 'region64-demo');
    await openMenu('Наблюдатели');
    await clickOnSomePage(page, 'a:has-text("ВПР-2026, весна")');
    await page.getByRole('button', { name: 'Акты', exact: true }).click();
    // The municipality's archive arrived.
    await page
      .getByRole('region', { name: 'Передача архива актов с нарушениями в РЦОКО' })
      .getByText(/передано в РЦОКО/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Передать сведения о нарушениях' }).click();
    await page.getByText('Сведения переданы федеральному организатору.').waitFor();
    await page
      .getByTestId('violations-64')
      .getByText(/актов с нарушениями: \d+/)
      .waitFor();
    await expectNoOverflow(page);
    await screenshot('observers-violations-region-1280');
    // Seed 000: to the education authority (ОИВ) too — a hand-over of its own.
    const authority = page.getByRole('region', { name: /в ОИВ/ });
    await authority.getByTestId('authority-status').waitFor();
    await authority
      .getByLabel('Орган исполнительной власти')
      .fill('Министерство образования Саратовской области');
    await authority.getByLabel('Исх. номер и дата письма').fill('исх. № 01-12/345');
    await authority.getByRole('button', { name: 'Передано в ОИВ' }).click();
    await authority
      .getByTestId('authority-status')
      .getByText(/Передано в «Министерство образования Саратовской области».*\(Саратов\)/)
      .waitFor();
    await expectNoOverflow(page);
    await screenshot('observers-authority-region-1280');
  });

  await step('the federal organizer sees the region among those that passed', async () => {
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.waitForURL('**/login**');
    await signIn('federal', 'federal-demo');
    await openMenu('Наблюдатели');
    await clickOnSomePage(page, 'a:has-text("ВПР-2026, весна")');
    await page.getByRole('button', { name: 'Акты', exact: true }).click();
    const saratov = page.getByTestId('violations-64');
    await saratov
      .getByText(/\(Саратов\)/)
      .first()
      .waitFor();
    await page.getByText(/Передали: \d+/).waitFor();
    await expectNoOverflow(page);
    await screenshot('observers-violations-federal-1280');
    await page.setViewportSize({ width: 360, height: 780 });
    await saratov.getByText(/актов с нарушениями: \d+/).waitFor();
    await expectZoneByCity();
    // The violations board stacks into one card per region, each value under its column's name.
    await expectStackedLabel('[data-testid="violations-64"] td[data-label="Сводка"]', 'Сводка');
    await expectStackedLabel('[data-testid="violations-64"] td[data-label="Срок"]', 'Срок');
    await expectNoOverflow(page);
    await screenshot('observers-violations-federal-360');
  });
});
