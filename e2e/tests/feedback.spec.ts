import type { Browser, Page } from '@playwright/test';
import {
  demo,
  expect,
  expectAccessible,
  expectAccessibleInBothLanguages,
  mainNavigation,
  signIn,
  test,
} from './helpers';

// Issue 10's scenario: both sides of a peer pair answer their check-in in the web app; the
// programme manager's dashboard says "not enough answers yet" until the fifth person answers,
// then shows the figures; the manager records a "you said, we did" and a participant sees it on
// the programme page. The demo data has five peer pairs in "Intervisie: peer mentoring" whose
// first check-ins go out when the server starts (modules/checkins, demo/programmes.ts); these
// people are used by no other spec.
const programmeName = 'Intervisie: peer mentoring';
const pair = ['ana.bakker@noordzee.demo', 'rajesh.bakker@noordzee.demo'] as const;
const others = [
  'iris.bakker@noordzee.demo',
  'eva.bos@noordzee.demo',
  'wouter.bakker@noordzee.demo',
] as const;

async function newSession(browser: Browser, email: string, width?: number) {
  const context = await browser.newContext(width ? { viewport: { width, height: 844 } } : {});
  const page = await context.newPage();
  await signIn(page, email);
  return { page, close: () => context.close() };
}

/** Answers the person's open check-in in the web app, as they would. */
async function answerInTheApp(page: Page, usefulness: string, via: 'home' | 'menu') {
  if (via === 'home') {
    // On a phone: the home page's "what waits for you" has it.
    await page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: 'Een check-in om te beantwoorden' }) })
      .getByRole('link')
      .first()
      .click();
  } else {
    await mainNavigation(page)
      .getByRole('link', { name: /^Feedback/ })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn feedback' })).toBeVisible();
    await page.getByRole('link', { name: 'Beantwoorden' }).first().click();
  }
  await expect(page.getByText('de ander ziet ze nooit', { exact: false })).toBeVisible();
  await page
    .getByRole('radiogroup', { name: 'Hebben jullie elkaar gesproken sinds de vorige keer?' })
    .getByRole('radio', { name: 'Ja' })
    .check();
  await page
    .getByRole('radiogroup', { name: /Hoe nuttig was het voor je\?/ })
    .getByRole('radio', { name: usefulness })
    .check();
  await page.getByRole('checkbox', { name: 'Een groter netwerk' }).check();
  await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
  await expect(page.getByText('Dank je! Je antwoorden zijn bewaard.')).toBeVisible();
}

/** Answers the person's open check-in through the API (the rest of the five). */
async function answerThroughTheApi(browser: Browser, email: string, usefulness: number) {
  const { page, close } = await newSession(browser, email);
  const list = await page.request.get('/api/check-ins');
  expect(list.status()).toBe(200);
  const open = ((await list.json()) as { items: { id: string; status: string }[] }).items.find(
    (c) => c.status === 'open',
  );
  expect(open, `an open check-in for ${email}`).toBeTruthy();
  const answered = await page.request.post(`/api/check-ins/${open!.id}/answers`, {
    data: { answers: { met: true, usefulness, gains: ['insight'] } },
  });
  expect(answered.status(), await answered.text()).toBe(200);
  await close();
}

test('feedback: both sides answer a check-in, the figures wait for five, the manager records what changed and a participant sees it', async ({
  page,
  browser,
}) => {
  test.setTimeout(360_000);

  // Both sides of one pair answer in the app; the mentee on a phone.
  const mentee = await newSession(browser, pair[0], 390);
  await answerInTheApp(mentee.page, '4', 'home');
  await expectAccessible(mentee.page, 'an answered check-in at 390 px');
  const mentor = await newSession(browser, pair[1]);
  await answerInTheApp(mentor.page, '5', 'menu');
  await expectAccessibleInBothLanguages(mentor.page, 'an answered check-in');
  await mentor.close();
  for (const email of others.slice(0, 2)) await answerThroughTheApi(browser, email, 3);

  // The programme manager: four have answered, so no figures yet.
  await signIn(page, demo.programmeManager);
  await mainNavigation(page).getByRole('link', { name: 'Programma’s' }).click();
  await page.getByRole('link', { name: programmeName }).click();
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Dashboard/ })).toBeVisible();
  const results = page.getByRole('region', { name: 'Wat deelnemers zeggen' });
  await expect(
    results.getByText(/Nog niet genoeg antwoorden.*\(4 tot nu toe\)/).first(),
  ).toBeVisible();
  await expectAccessibleInBothLanguages(page, 'the dashboard below the threshold');

  // The fifth answer arrives; the figures appear.
  await answerThroughTheApi(browser, others[2], 2);
  await page.reload();
  await expect(results.getByText('5 mensen hebben een check-in beantwoord.')).toBeVisible();
  // (The end-of-relationship survey still waits for its answers: none has ended.)
  await expect(results.getByText(/Nog niet genoeg antwoorden.*\([1-4] tot nu toe\)/)).toHaveCount(
    0,
  );
  await expect(results.getByText(/Gemiddeld 3,4 van 5/)).toBeVisible();

  // "You said, we did".
  const actions = page.getByRole('region', { name: 'Jullie zeiden, wij deden' });
  await actions.getByLabel('Jullie zeiden (Nederlands)').fill('Meer tijd om af te spreken');
  await actions.getByLabel('Jullie zeiden (Engels)').fill('More time to meet');
  await actions.getByLabel('Wij deden (Nederlands)').fill('Elke maand een uur vrij geroosterd');
  await actions.getByLabel('Wij deden (Engels)').fill('An hour a month set aside for it');
  await actions.getByRole('button', { name: 'Vastleggen en deelnemers laten weten' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Vastleggen en versturen' }).click();
  await expect(page.getByText(/^Vastgelegd; \d+ deelnemers kregen een melding\.$/)).toBeVisible();
  await expect(actions.getByText('Elke maand een uur vrij geroosterd')).toBeVisible();

  // A participant sees it on the programme page (and was told).
  await mentee.page.goto('/notifications');
  await mentee.page
    .getByRole('link', { name: /Jullie zeiden, wij deden|wij deden/i })
    .first()
    .click();
  const section = mentee.page.locator('#you-said-we-did');
  await expect(section.getByText('Meer tijd om af te spreken')).toBeVisible();
  await expect(section.getByText('Elke maand een uur vrij geroosterd')).toBeVisible();
  await expectAccessible(mentee.page, 'the programme page with "you said, we did" at 390 px');
  await mentee.close();
});
