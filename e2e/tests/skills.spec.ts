import {
  demo,
  expect,
  expectAccessibleInBothLanguages,
  mainNavigation,
  signIn,
  test,
} from './helpers';

// Unique per run, so a retry against the same database adds a new skill instead of a duplicate.
const run = Date.now().toString(36);
const skill = { nl: `Schadeclaims beoordelen ${run}`, en: `Assessing claims ${run}` };

test('an org admin adds a skill to the organisation’s list; a member can choose it in the enrolment wizard', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);

  // 1. The org admin opens the skills page from the navigation.
  await signIn(page, demo.orgAdmin);
  await mainNavigation(page).getByRole('link', { name: 'Vaardigheden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vaardigheden' })).toBeVisible();
  // The shipped list, by category, with both names.
  const leadership = page.getByRole('table', { name: 'Leiderschap' });
  await expect(leadership.getByRole('columnheader', { name: 'Nederlands' })).toBeVisible();
  await expect(leadership.getByRole('columnheader', { name: 'Engels' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(8);
  await expectAccessibleInBothLanguages(page, 'skills page');

  // 2. Without a Dutch name or a category the form says so next to each field.
  const dutchName = page.getByRole('textbox', { name: 'Nederlandse naam' });
  const englishName = page.getByRole('textbox', { name: 'Engelse naam' });
  const category = page.getByRole('combobox', { name: 'Categorie' });
  await englishName.fill(skill.en);
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(dutchName).toHaveAttribute('aria-invalid', 'true');
  await expect(dutchName).toHaveAccessibleDescription(/Gebruik 2 tot 80 tekens/);
  await expect(category).toHaveAccessibleDescription(/Kies een categorie uit de lijst/);
  await expect(englishName).not.toHaveAttribute('aria-invalid', 'true');
  await expectAccessibleInBothLanguages(page, 'skills page with field errors');

  // 3. Filled in, the skill is added, announced and listed as the organisation's own.
  await dutchName.fill(skill.nl);
  await category.selectOption({ label: 'Financiën' });
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.getByText(`“${skill.nl}” is toegevoegd aan de vaardigheden.`)).toBeVisible();
  await expect(dutchName).toHaveValue('');
  await expect(dutchName).toBeFocused();
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill(run);
  await expect(page.getByText('1 vaardigheid', { exact: true }).first()).toBeVisible();
  const row = page.getByRole('table', { name: 'Financiën' }).getByRole('row', { name: skill.nl });
  await expect(row).toContainText(skill.en);
  await expect(row).toContainText('Eigen toevoeging');
  // The switch shows only the organisation's own skills; ours is among them.
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill('');
  await page.getByRole('switch', { name: 'Alleen wat onze organisatie heeft toegevoegd' }).check();
  await expect(page.getByRole('row', { name: skill.nl })).toBeVisible();
  await expect(page.getByRole('row', { name: /Coachen/ })).toHaveCount(0);

  // 4. The same English name again: the server's 409 appears next to the English name.
  await dutchName.fill(`${skill.nl} bis`);
  await englishName.fill(skill.en.toUpperCase());
  await category.selectOption({ label: 'Communicatie' });
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(englishName).toHaveAccessibleDescription(/Deze vaardigheid staat al in de lijst/);
  await expect(page.getByRole('row', { name: `${skill.nl} bis` })).toHaveCount(0);

  // 5. A member of the organisation has no skills page, but finds the new skill in the
  //    enrolment wizard's skill picker.
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await signIn(memberPage, demo.member);
  const nav = mainNavigation(memberPage);
  await expect(nav.getByRole('link', { name: 'Programma’s' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Vaardigheden' })).toHaveCount(0);
  await nav.getByRole('link', { name: 'Programma’s' }).click();
  await memberPage
    .getByRole('article')
    .filter({ has: memberPage.getByRole('heading', { name: 'Intervisie: peer mentoring' }) })
    .getByRole('link', { name: 'Inschrijven' })
    .click();
  await memberPage.getByRole('button', { name: 'Volgende' }).click();
  await expect(memberPage.getByRole('heading', { level: 2, name: 'Je profiel' })).toBeVisible();
  const wants = memberPage.getByRole('combobox', { name: 'Wat je wilt leren' });
  await wants.click();
  await wants.fill(run);
  await expect(memberPage.getByRole('option', { name: skill.nl, exact: true })).toBeVisible();
  await memberPage.keyboard.press('Escape');
  await memberPage.goto('/skills');
  await expect(memberPage.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
  await memberContext.close();
});
