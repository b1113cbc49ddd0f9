import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header';
import { RoleBadge } from '../components/role-badge';
import { ErrorState, LoadingState } from '../components/states';
import { useAttention, type Attention } from './attention/use-attention';
import { canTakePart, formatDate, formatDateTime } from './programmes/programme-types';
import { abilitiesOf } from '../session/use-me';
import { useSignedIn } from '../session/use-signed-in';
import { SponsorHomeSection } from './outcomes/sponsor-home-section';
import { HomeStoriesSection } from './stories/home-stories-section';

export function HomePage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const can = abilitiesOf(me);
  const firstName =
    me.membership?.preferredName || me.membership?.givenName || me.user.name.split(' ')[0];

  const shortcuts: { to: string; title: string; text: string }[] = [];
  if (can.canViewPeople)
    shortcuts.push({ to: '/people', title: t('nav.people'), text: t('home.peopleText') });
  if (can.canManagePeople)
    shortcuts.push({ to: '/import', title: t('nav.import'), text: t('home.importText') });
  if (can.canManageOrganisation) {
    shortcuts.push({
      to: '/organisation',
      title: t('nav.organisation'),
      text: t('home.organisationText'),
    });
  }
  if (can.isPlatformAdmin) {
    shortcuts.push(
      {
        to: '/admin/organisations',
        title: t('nav.organisations'),
        text: t('home.organisationsText'),
      },
      { to: '/admin/outbox', title: t('nav.outbox'), text: t('home.outboxText') },
    );
  }

  return (
    <>
      <PageHeader title={t('home.greeting', { name: firstName })} description={t('home.intro')} />
      <Stack gap="lg">
        {canTakePart(me) && <WaitingForYou />}
        <SponsorHomeSection />
        <HomeStoriesSection />
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('home.yourAccount')}
          </Title>
          {me.membership ? (
            <Group gap="sm">
              <Text>{t('home.memberOf', { organisation: me.membership.organisation.name })}</Text>
              <RoleBadge role={me.membership.role} />
            </Group>
          ) : (
            !me.user.isPlatformAdmin && <Text>{t('home.noOrganisation')}</Text>
          )}
          {me.user.isPlatformAdmin && <Text mt="xs">{t('home.platformAdmin')}</Text>}
        </Card>
        {shortcuts.length > 0 && (
          <section aria-labelledby="home-shortcuts">
            <Title order={2} size="h4" mb="sm" id="home-shortcuts">
              {t('home.shortcuts')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {shortcuts.map((item) => (
                <Card withBorder key={item.to}>
                  <Anchor component={Link} to={item.to} fw={600}>
                    {item.title}
                  </Anchor>
                  <Text size="sm" mt={4}>
                    {item.text}
                  </Text>
                </Card>
              ))}
            </SimpleGrid>
          </section>
        )}
      </Stack>
    </>
  );
}

/** What waits for a member: each item links to where they act on it. */
function WaitingForYou() {
  const { t } = useTranslation();
  const attention = useAttention(true);
  return (
    <section aria-labelledby="home-waiting">
      <Title order={2} size="h4" mb="sm" id="home-waiting">
        {t('attention.home.title')}
      </Title>
      {attention.isPending ? (
        <LoadingState label={t('attention.home.loading')} />
      ) : attention.isError ? (
        <ErrorState error={attention.error} onRetry={() => void attention.refetch()} />
      ) : (
        <WaitingLists attention={attention.data} />
      )}
    </section>
  );
}

function WaitingLists({ attention }: { attention: Attention }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { counts, requests, introductions, meetings, agreements, outcomeSurveys, checkIns } =
    attention;
  const names = (people: { name: string }[]) => people.map((p) => p.name).join(', ');
  const isEmpty =
    requests.length === 0 &&
    introductions.length === 0 &&
    meetings.length === 0 &&
    agreements.length === 0 &&
    outcomeSurveys.length === 0 &&
    checkIns.length === 0 &&
    counts.unreadMessages === 0 &&
    counts.unreadNotifications === 0;
  if (isEmpty) {
    return (
      <Card withBorder>
        <Text fw={600}>{t('attention.home.empty')}</Text>
        <Text size="sm" mt={4}>
          {t('attention.home.emptyHint')}
        </Text>
        <Group mt="sm" gap="sm">
          <Button component={Link} to="/programmes" variant="default">
            {t('attention.home.toProgrammes')}
          </Button>
          <Button component={Link} to="/mentoring" variant="default">
            {t('attention.home.toMentoring')}
          </Button>
        </Group>
      </Card>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {requests.length > 0 && (
        <WaitingCard
          title={t('attention.home.requests', { count: counts.requestsToAnswer })}
          more={
            counts.requestsToAnswer > requests.length
              ? { to: '/requests', label: t('attention.home.allRequests') }
              : undefined
          }
        >
          {requests.map((r) => (
            <WaitingItem
              key={r.id}
              to={`/requests/${r.id}`}
              label={t(
                r.myRole === 'mentor'
                  ? 'attention.home.requestAsMentor'
                  : 'attention.home.requestAsMentee',
                { name: r.from.name },
              )}
              detail={t('attention.home.answerBefore', {
                programme: r.programme.name,
                date: formatDate(r.expiresAt, locale),
              })}
            />
          ))}
        </WaitingCard>
      )}
      {introductions.length > 0 && (
        <WaitingCard
          title={t('attention.home.introductions', { count: counts.introductionsToAnswer })}
        >
          {introductions.map((i) => (
            <WaitingItem
              key={i.id}
              to="/introductions"
              label={t('attention.home.introduction', { name: i.other.name })}
              detail={t(`attention.home.introductionRole.${i.myRole}`, {
                programme: i.programme.name,
              })}
            />
          ))}
        </WaitingCard>
      )}
      {agreements.length > 0 && (
        <WaitingCard title={t('attention.home.agreements', { count: agreements.length })}>
          {agreements.map((a) => (
            <WaitingItem
              key={a.id}
              to={`/mentoring/${a.relationshipId}`}
              label={t('attention.home.agreementWith', { names: names(a.with) })}
              detail={t(
                a.version > 1
                  ? 'attention.home.agreementChanged'
                  : 'attention.home.agreementVersion',
                { programme: a.programme.name, version: a.version },
              )}
            />
          ))}
        </WaitingCard>
      )}
      {checkIns.length > 0 && (
        <WaitingCard
          title={t('checkIns.home.title', { count: counts.checkInsToAnswer })}
          more={
            counts.checkInsToAnswer > checkIns.length
              ? { to: '/feedback', label: t('checkIns.page.title') }
              : undefined
          }
        >
          {checkIns.map((c) => (
            <WaitingItem
              key={c.id}
              to={`/feedback/check-ins/${c.id}`}
              label={
                c.with.length > 0
                  ? t('checkIns.withNames', { names: names(c.with) })
                  : t('checkIns.withNobody')
              }
              detail={`${c.programme.name} · ${t('checkIns.sent', { date: formatDate(c.sentAt, locale) })}`}
            />
          ))}
        </WaitingCard>
      )}
      {outcomeSurveys.length > 0 && (
        <WaitingCard
          title={t('outcomeSurveys.home.title', { count: counts.outcomeSurveysToAnswer })}
          more={
            counts.outcomeSurveysToAnswer > outcomeSurveys.length
              ? { to: '/feedback', label: t('outcomeSurveys.section.title') }
              : undefined
          }
        >
          {outcomeSurveys.map((s) => (
            <WaitingItem
              key={s.id}
              to={`/feedback/surveys/${s.id}`}
              label={t('outcomeSurveys.home.item', { names: names(s.with) })}
              detail={t('outcomeSurveys.section.asked', {
                programme: s.programme.name,
                date: formatDate(s.sentAt, locale),
              })}
            />
          ))}
        </WaitingCard>
      )}
      {meetings.length > 0 && (
        <WaitingCard title={t('attention.home.meetings')}>
          {meetings.map((m) => (
            <WaitingItem
              key={m.id}
              to={`/mentoring/${m.relationshipId}`}
              label={t('attention.home.meetingWith', { names: names(m.with) })}
              detail={[
                t('attention.home.meetingWhen', {
                  when: formatDateTime(m.startsAt, locale),
                  minutes: m.durationMinutes,
                }),
                m.isOnline ? t('attention.home.online') : m.place,
              ]
                .filter(Boolean)
                .join(' · ')}
            />
          ))}
        </WaitingCard>
      )}
      {counts.unreadMessages > 0 && (
        <WaitingCard title={t('attention.home.messages', { count: counts.unreadMessages })}>
          <WaitingItem to="/mentoring" label={t('attention.home.toMentoring')} />
        </WaitingCard>
      )}
      {counts.unreadNotifications > 0 && (
        <WaitingCard
          title={t('attention.home.notifications', { count: counts.unreadNotifications })}
        >
          <WaitingItem to="/notifications" label={t('attention.home.open')} />
        </WaitingCard>
      )}
    </SimpleGrid>
  );
}

function WaitingCard({
  title,
  more,
  children,
}: {
  title: string;
  more?: { to: string; label: string };
  children: ReactNode;
}) {
  return (
    <Card withBorder component="section">
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {children}
      </Stack>
      {more && (
        <Anchor component={Link} to={more.to} size="sm" mt="xs">
          {more.label}
        </Anchor>
      )}
    </Card>
  );
}

function WaitingItem({ to, label, detail }: { to: string; label: string; detail?: string }) {
  return (
    <li>
      <Anchor component={Link} to={to} fw={600}>
        {label}
      </Anchor>
      {detail && (
        <Text size="sm" c="dimmed">
          {detail}
        </Text>
      )}
    </li>
  );
}
