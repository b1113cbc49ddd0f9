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

// Issue 9's scenario, after the click: both sides open their mentoring space, agree on how they
// work together, plan a meeting, keep a private note, and the mentee ends the relationship
// without giving a reason and goes straight on to new suggestions. The click itself (designer,
// enrolment wizard, request, acceptance) is driven through the web app in click.spec.ts; here it
// is set up through the API.
const run = Date.now().toString(36);
const programmeName = `Mentorruimte ${run}`;
const mentee = { email: demo.seniorMember, name: 'Ingrid Visser' };
const mentor = { email: demo.member, name: 'Daan Jansen' };

async function signInPatiently(page: Page, email: string): Promise<void> {
  try {
    await signIn(page, email);
  } catch (error) {
    const limited = page.getByRole('alert').filter({ hasText: 'Te veel pogingen' });
    if ((await limited.count()) === 0) throw error;
    await page.waitForTimeout(61_000);
    await signIn(page, email);
  }
}

async function newSession(
  browser: Browser,
  email: string,
  viewport?: { width: number; height: number },
) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  await signInPatiently(page, email);
  return { page, close: () => context.close() };
}

/** A date a week from now as the date input wants it (yyyy-mm-dd). */
function nextWeek(): string {
  const date = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000);
  return date.toISOString().slice(0, 10);
}

test('after the click: both open the space, agree, plan a meeting, keep a private note; the mentee ends without a reason and sees new suggestions', async ({
  page,
  browser,
}) => {
  test.setTimeout(360_000);

  // The programme, both enrolments, the request and the acceptance, through the API.
  await signInPatiently(page, demo.programmeManager);
  const created = await page.request.post('/api/programmes', {
    data: {
      name: programmeName,
      type: 'classic',
      matchingMode: 'participants_choose',
      conflictRules: {
        reportingLineLevels: 2,
        excludeSameTeam: false,
        excludeSameDepartment: false,
        excludeEarlierPairs: false,
      },
    },
  });
  expect(created.status()).toBe(201);
  const programmeId = ((await created.json()) as { id: string }).id;
  expect((await page.request.post(`/api/programmes/${programmeId}/publish`)).status()).toBe(200);

  const mentorSide = await newSession(browser, mentor.email);
  const menteeSide = await newSession(browser, mentee.email);
  expect(
    (
      await mentorSide.page.request.post(`/api/programmes/${programmeId}/enrolment`, {
        data: { role: 'mentor', capacity: 2 },
      })
    ).status(),
  ).toBe(201);
  const profile = await menteeSide.page.request.put('/api/me/profile', {
    data: {
      offers: [{ skill: 'public-speaking', level: 5 }],
      wants: [{ skill: 'social-media', level: 2 }],
      hobbies: ['Zeilen'],
      experiences: [],
      values: [],
      tags: [],
      languages: ['nl', 'en'],
      availability: [],
      timeZone: 'Europe/Amsterdam',
      meetingMode: 'either',
      place: null,
      about: '',
    },
  });
  expect(profile.status()).toBe(200);
  expect(
    (
      await menteeSide.page.request.post(`/api/programmes/${programmeId}/enrolment`, {
        data: { role: 'mentee' },
      })
    ).status(),
  ).toBe(201);
  const me = (await (await mentorSide.page.request.get('/api/me')).json()) as {
    membership: { personId: string };
  };
  const request = await menteeSide.page.request.post(`/api/programmes/${programmeId}/requests`, {
    data: {
      toPersonId: me.membership.personId,
      message: 'Daan, zullen we eens koffie drinken over social media?',
      hopes: 'Zelf aan de slag met social media.',
    },
  });
  expect(request.status()).toBe(201);
  const requestId = ((await request.json()) as { id: string }).id;
  expect((await mentorSide.page.request.post(`/api/requests/${requestId}/accept`)).status()).toBe(
    200,
  );

  // 1. The mentor opens the space from My mentoring: who she is, why they clicked, and the
  //    request's message at the start of their one conversation.
  const mentorPage = mentorSide.page;
  await mentorPage.goto('/');
  await mainNavigation(mentorPage).getByRole('link', { name: 'Mijn mentoring' }).click();
  await mentorPage
    .getByRole('article')
    .filter({ hasText: programmeName })
    .getByRole('link', { name: `Jij bent mentor van ${mentee.name}` })
    .click();
  await expect(
    mentorPage.getByRole('heading', { level: 1, name: `Mentoring met ${mentee.name}` }),
  ).toBeVisible();
  await expect(mentorPage.getByRole('heading', { name: 'Waarom jullie klikten' })).toBeVisible();
  await expect(
    mentorPage.getByText('zullen we eens koffie drinken over social media?'),
  ).toBeVisible();
  await expect(mentorPage.getByRole('link', { name: 'manager@noordzee.demo' })).toBeVisible();
  await expectAccessibleInBothLanguages(mentorPage, 'relationship space (mentor)');
  const spaceUrl = mentorPage.url();

  // 2. The mentor proposes the agreement; it holds only once the mentee confirms it too.
  await mentorPage.getByRole('button', { name: 'Voorstel doen' }).click();
  await mentorPage
    .getByRole('textbox', { name: 'Waar het om gaat' })
    .fill('Ingrid leert social media gebruiken; Daan leert presenteren.');
  await mentorPage.getByRole('textbox', { name: 'Wat ik hoop te geven' }).fill('Praktische tips');
  await mentorPage.getByRole('button', { name: 'Voorstel versturen' }).click();
  await expect(mentorPage.getByText(`Wacht op bevestiging van ${mentee.name}`)).toBeVisible();

  const menteePage = menteeSide.page;
  await menteePage.goto(spaceUrl);
  await expect(
    menteePage.getByRole('heading', { level: 1, name: `Mentoring met ${mentor.name}` }),
  ).toBeVisible();
  await expect(menteePage.getByText('Ingrid leert social media gebruiken')).toBeVisible();
  await menteePage.getByRole('button', { name: 'Bevestigen', exact: true }).click();
  await expect(menteePage.getByText(/^Staat sinds /)).toBeVisible();

  // 3. The mentor plans a meeting; the mentee sees it in her space.
  await mentorPage.reload();
  await expect(mentorPage.getByText(/^Staat sinds /)).toBeVisible();
  await mentorPage.getByRole('button', { name: 'Afspraak plannen' }).click();
  const plan = mentorPage.getByRole('dialog', { name: 'Een afspraak plannen' });
  await plan.getByLabel('Datum').fill(nextWeek());
  await plan.getByLabel('Begintijd').fill('10:30');
  await plan.getByRole('textbox', { name: 'Plaats (optioneel)' }).fill('Koffiebar De Haven');
  await plan.getByRole('textbox', { name: 'Agenda (optioneel)' }).fill('Eerste kennismaking');
  await expectAccessible(mentorPage, 'plan a meeting');
  await plan.getByRole('button', { name: 'Plannen en uitnodigen' }).click();
  await expect(plan).toBeHidden();
  await expect(mentorPage.getByText('Koffiebar De Haven').first()).toBeVisible();

  await menteePage.reload();
  await expect(menteePage.getByText('Koffiebar De Haven').first()).toBeVisible();
  await expect(menteePage.getByText('Eerste kennismaking').first()).toBeVisible();

  // 4. The mentee keeps a private note; the mentor cannot see it.
  const privateText = `Alleen voor mij ${run}: vragen over LinkedIn voorbereiden`;
  await menteePage.getByRole('textbox', { name: 'Nieuwe notitie' }).fill(privateText);
  await menteePage.getByRole('button', { name: 'Notitie opslaan' }).click();
  await expect(menteePage.getByText(privateText)).toBeVisible();
  await expect(menteePage.getByText('Alleen jij kunt dit lezen').first()).toBeVisible();

  await mentorPage.reload();
  await expect(mentorPage.getByText('Koffiebar De Haven').first()).toBeVisible();
  await expect(mentorPage.getByText(privateText)).toHaveCount(0);

  // 5. On a phone the space stays usable.
  const phone = await newSession(browser, mentee.email, { width: 390, height: 844 });
  await phone.page.goto(spaceUrl);
  // A fresh session loads the whole space at once: on a busy test machine that can take a while.
  await expect(
    phone.page.getByRole('heading', { level: 1, name: `Mentoring met ${mentor.name}` }),
  ).toBeVisible({ timeout: 45_000 });
  await expect(phone.page.getByText(privateText)).toBeVisible();
  await expectAccessible(phone.page, 'relationship space at 390 px');
  await phone.close();

  // 6. The mentee ends the relationship without a reason, and goes on to new suggestions.
  await menteePage.getByRole('button', { name: 'Beëindigen' }).click();
  const end = menteePage.getByRole('dialog', { name: 'Mentorrelatie beëindigen?' });
  await expect(end).toContainText('Je hoeft geen reden te geven');
  await end.getByRole('button', { name: 'Beëindigen' }).click();
  await expect(
    menteePage.getByRole('heading', { name: 'Jullie mentorrelatie is beëindigd' }),
  ).toBeVisible();
  await menteePage.getByRole('link', { name: 'Bekijk nieuwe suggesties' }).click();
  await expect(
    menteePage.getByRole('heading', { level: 1, name: `Suggesties in ${programmeName}` }),
  ).toBeVisible();

  // The mentor reads it back, read-only; the planned meeting was called off.
  await mentorPage.reload();
  await expect(
    mentorPage.getByText('Deze mentorrelatie is beëindigd. Je kunt alles nog teruglezen.'),
  ).toBeVisible();
  await expect(mentorPage.getByRole('button', { name: 'Afspraak plannen' })).toHaveCount(0);

  await mentorSide.close();
  await menteeSide.close();
});
