import type { Locator } from '@playwright/test';
import { demo, expect, expectAccessible, mainNavigation, signIn, test } from './helpers';

// The demo's "manager proposes" programme: the programme manager runs the optimal matching, then
// pins a mentee it left without a pair to a mentor of her choosing, and runs it again. Nothing is
// sent, so the demo stays as it was.
test('a manager pins a mentee without a pair to a mentor she chooses, and reruns', async ({
  page,
}) => {
  test.setTimeout(180_000);
  try {
    await signIn(page, demo.programmeManager);
  } catch (error) {
    // A full run signs in many times within a minute; wait out the rate limit once.
    const limited = page.getByRole('alert').filter({ hasText: 'Te veel pogingen' });
    if ((await limited.count()) === 0) throw error;
    await page.waitForTimeout(61_000);
    await signIn(page, demo.programmeManager);
  }
  await mainNavigation(page).getByRole('link', { name: 'Programma’s' }).click();
  await page.getByRole('link', { name: 'Buddy’s voor nieuwe collega’s' }).click();
  await page.getByRole('link', { name: 'Voorstellen' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Voorstellen voor Buddy’s voor nieuwe collega’s' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Voorstel berekenen' }).click();
  await expect(page.getByRole('heading', { name: 'Totalen (Optimaal)' })).toBeVisible();

  // The first mentee without a pair, and the mentors the run offers for her or him.
  const choose = page.getByRole('combobox', { name: /^Mentor voor / }).first();
  const label = await labelOf(choose);
  const mentee = label.replace(/^Mentor voor /, '');
  expect(mentee.length).toBeGreaterThan(0);
  await choose.click();
  const option = page.getByRole('listbox').getByRole('option').first();
  const mentor = ((await option.textContent()) ?? '').split(' · ')[0]!.trim();
  await option.click();
  await expectAccessible(page, 'proposal board with a mentor chosen for an unmatched mentee');
  await page
    .getByRole('button', {
      name: `${mentee} vastzetten bij de gekozen mentor en opnieuw berekenen`,
    })
    .click();

  // The rerun pairs them, and the mentee is no longer among those without a pair.
  const pairs = page.getByRole('table', { name: /voorgestelde paren/ });
  await expect(pairs.getByRole('row').filter({ hasText: mentee })).toContainText(mentor);
  await expect(page.getByRole('combobox', { name: `Mentor voor ${mentee}` })).toHaveCount(0);
  await expect(page.getByText('Vastgezet', { exact: true }).first()).toBeVisible();
});

async function labelOf(input: Locator): Promise<string> {
  const id = await input.getAttribute('id');
  return input.page().locator(`label[for="${id}"]`).innerText();
}
