import fs from 'node:fs';
import type { Browser } from '@playwright/test';
import {
  demo,
  expect,
  expectAccessible,
  expectAccessibleInBothLanguages,
  mainNavigation,
  signIn,
  test,
} from './helpers';

// Issue 11's scenario: the CEO (a mentee in the reverse programme) writes a story, the programme
// manager approves it, a participant sees it on the programme page; the CEO, who sponsors the
// programme, opens its outcome report from the home page, filters one cohort (a run of the
// programme, from the demo's two years of history) and downloads the board report (PDF) and the
// XLSX. The story's title is new in every run, so a repeated run against the same server finds
// its own story.
const programmeName = 'Reverse mentoring: jong leert oud, oud leert jong';
const storyTitle = `Wat ik leerde over AI ${Date.now().toString(36)}`;

async function newSession(browser: Browser, email: string, width?: number) {
  const context = await browser.newContext(
    width ? { viewport: { width, height: 844 }, acceptDownloads: true } : { acceptDownloads: true },
  );
  const page = await context.newPage();
  await signIn(page, email);
  return { page, close: () => context.close() };
}

test('a director writes a story, the manager approves it, a participant reads it', async ({
  browser,
}) => {
  // The CEO writes it.
  const ceo = await newSession(browser, demo.sponsor);
  await mainNavigation(ceo.page).getByRole('link', { name: 'Verhalen' }).click();
  await expect(ceo.page.getByRole('heading', { level: 1, name: 'Verhalen' })).toBeVisible();
  await ceo.page.getByRole('link', { name: 'Schrijf een verhaal' }).first().click();
  await expect(ceo.page.getByRole('heading', { level: 1, name: 'Nieuw verhaal' })).toBeVisible();
  await ceo.page.getByRole('combobox', { name: 'Programma' }).click();
  await ceo.page.getByRole('option', { name: programmeName }).click();
  await ceo.page.getByRole('textbox', { name: 'Titel' }).first().fill(storyTitle);
  await ceo.page
    .getByRole('textbox', { name: 'Je verhaal' })
    .first()
    .fill(
      'Een jonge engineer liet me zien hoe ons team AI echt gebruikt. Ik stel nu betere vragen in het directieoverleg.',
    );
  await ceo.page
    .getByRole('radio', { name: 'Het programma: deelnemers, managers en sponsors' })
    .check();
  await expectAccessible(ceo.page, 'story editor');
  await ceo.page.getByRole('button', { name: 'Ter goedkeuring versturen' }).click();
  await expect(ceo.page.getByText('Je verhaal is ter goedkeuring verstuurd.')).toBeVisible();
  const mine = ceo.page.getByRole('article').filter({ hasText: storyTitle });
  await expect(mine.getByText('Wacht op goedkeuring')).toBeVisible();

  // Before approval a participant does not see it.
  const member = await newSession(browser, demo.member, 390);
  await member.page.goto('/programmes');
  await member.page.getByRole('link', { name: programmeName }).first().click();
  await expect(member.page.getByRole('heading', { level: 1, name: programmeName })).toBeVisible();
  await expect(member.page.getByRole('heading', { name: 'Verhalen van deelnemers' })).toBeVisible();
  await expect(member.page.getByText(storyTitle)).toHaveCount(0);

  // The programme manager approves it from the programme page's review link.
  const manager = await newSession(browser, demo.programmeManager);
  await manager.page.goto('/programmes');
  await manager.page.getByRole('link', { name: programmeName }).first().click();
  await manager.page.getByRole('link', { name: /wacht(en)? op goedkeuring/ }).click();
  await expect(
    manager.page.getByRole('heading', { level: 1, name: 'Verhalen beoordelen' }),
  ).toBeVisible();
  const card = manager.page.getByRole('article').filter({ hasText: storyTitle });
  await card.getByRole('button', { name: 'Goedkeuren en publiceren' }).click();
  await expect(manager.page.getByText('Het verhaal is gepubliceerd.')).toBeVisible();
  await expect(manager.page.getByRole('article').filter({ hasText: storyTitle })).toHaveCount(0);

  // The participant now reads it on the programme page (on a phone).
  await member.page.reload();
  await expect(member.page.getByText(storyTitle)).toBeVisible();
  await expectAccessibleInBothLanguages(member.page, 'programme page with stories');

  // The author sees it published.
  await ceo.page.reload();
  await expect(
    ceo.page.getByRole('article').filter({ hasText: storyTitle }).getByText('Gepubliceerd'),
  ).toBeVisible();

  await Promise.all([ceo.close(), member.close(), manager.close()]);
});

test('the sponsor opens the outcome report, filters a cohort and downloads it', async ({
  browser,
}) => {
  const ceo = await newSession(browser, demo.sponsor);
  const sponsored = ceo.page
    .locator('section')
    .filter({ has: ceo.page.getByRole('heading', { name: 'Programma’s die je sponsort' }) });
  await sponsored.getByRole('link', { name: `Bekijk het rapport van ${programmeName}` }).click();
  await expect(
    ceo.page.getByRole('heading', { level: 1, name: `Resultaten: ${programmeName}` }),
  ).toBeVisible();
  await expect(ceo.page.getByRole('heading', { name: 'Kerncijfers' })).toBeVisible();

  // One run of the programme.
  await ceo.page.getByRole('combobox', { name: 'Ronde' }).click();
  const firstCohort = ceo.page.getByRole('listbox').getByRole('option').nth(1);
  const cohortLabel = (await firstCohort.textContent())!;
  await firstCohort.click();
  await expect(ceo.page).toHaveURL(/[?&]cohort=/);
  const cohortName = cohortLabel.replace(/ \(start .*\)$/, '');
  await expect(ceo.page.getByText(`Alleen de ronde “${cohortName}”`)).toBeVisible();
  await expectAccessibleInBothLanguages(ceo.page, 'outcome report of one cohort');

  // The board report and the spreadsheet of that cohort.
  for (const [name, magic] of [
    ['Bestuursrapport (PDF)', '%PDF'],
    ['Excel (XLSX)', 'PK'],
  ] as const) {
    const [download] = await Promise.all([
      ceo.page.waitForEvent('download'),
      ceo.page.getByRole('link', { name }).click(),
    ]);
    const file = await download.path();
    const head = fs.readFileSync(file).subarray(0, magic.length).toString('latin1');
    expect(head, name).toBe(magic);
    expect(download.suggestedFilename()).toMatch(/^klik-outcomes-.+\.(pdf|xlsx)$/);
  }
  await ceo.close();
});
