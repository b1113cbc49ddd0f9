import { Badge, Button, NavLink, Stack, VisuallyHidden } from '@mantine/core';
import {
  IconBuilding,
  IconBuildingCommunity,
  IconBook,
  IconChartBar,
  IconBell,
  IconCompass,
  IconFileImport,
  IconHeartHandshake,
  IconHome,
  IconInbox,
  IconLogout,
  IconClockExclamation,
  IconMail,
  IconMessageHeart,
  IconPencilPlus,
  IconSparkles,
  IconTags,
  IconUsers,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { signOut } from '../api/auth';
import { attentionQueryKey, useAttention } from '../pages/attention/use-attention';
import { canDesignProgrammes, canTakePart } from '../pages/programmes/programme-types';
import { abilitiesOf, type Me } from '../session/use-me';
import classes from './app-navigation.module.css';

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  /** What waits there: a number shown beside the label, and said in words to screen readers. */
  waiting?: { count: number; kind: 'unanswered' | 'unread' };
}

export function AppNavigation({ me, onNavigate }: { me: Me; onNavigate: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const can = abilitiesOf(me);
  const takesPart = canTakePart(me);
  const attention = useAttention(takesPart);
  const counts = attention.data?.counts;
  // Moving to another page is often the result of acting on something: count again.
  useEffect(() => {
    if (takesPart) void queryClient.invalidateQueries({ queryKey: attentionQueryKey });
  }, [location.pathname, takesPart, queryClient]);

  const signOutMutation = useMutation({
    mutationFn: signOut,
    onSettled: () => {
      // Whatever the answer, forget everything cached for this user.
      queryClient.clear();
      void navigate('/sign-in', { replace: true });
    },
  });

  const items: NavItem[] = [
    { to: '/', label: t('nav.home'), icon: <IconHome size={18} aria-hidden /> },
  ];
  // Issue 4: everyone in an organisation sees programmes and takes part; managers also design.
  if (takesPart) {
    items.push(
      {
        to: '/programmes',
        label: t('click.nav.programmes'),
        icon: <IconCompass size={18} aria-hidden />,
      },
      {
        to: '/requests',
        label: t('click.nav.requests'),
        icon: <IconInbox size={18} aria-hidden />,
        waiting: { count: counts?.requestsToAnswer ?? 0, kind: 'unanswered' },
      },
      {
        to: '/mentoring',
        label: t('click.nav.mentoring'),
        icon: <IconHeartHandshake size={18} aria-hidden />,
        waiting: { count: counts?.unreadMessages ?? 0, kind: 'unread' },
      },
      {
        to: '/introductions',
        label: t('click.nav.introductions'),
        icon: <IconSparkles size={18} aria-hidden />,
        waiting: { count: counts?.introductionsToAnswer ?? 0, kind: 'unanswered' },
      },
      {
        to: '/feedback',
        label: t('checkIns.nav'),
        icon: <IconMessageHeart size={18} aria-hidden />,
        waiting: {
          count: (counts?.checkInsToAnswer ?? 0) + (counts?.outcomeSurveysToAnswer ?? 0),
          kind: 'unanswered',
        },
      },
      {
        to: '/stories',
        label: t('stories.nav'),
        icon: <IconBook size={18} aria-hidden />,
      },
      {
        to: '/notifications',
        label: t('click.nav.notifications'),
        icon: <IconBell size={18} aria-hidden />,
        waiting: { count: counts?.unreadNotifications ?? 0, kind: 'unread' },
      },
    );
  }
  if (canDesignProgrammes(me)) {
    items.push({
      to: '/programmes/new',
      label: t('click.nav.design'),
      icon: <IconPencilPlus size={18} aria-hidden />,
    });
  }
  const role = me.membership?.role;
  if (role === 'org_admin' || role === 'programme_manager' || role === 'sponsor') {
    items.push({
      to: '/outcomes',
      label: t('outcomes.nav'),
      icon: <IconChartBar size={18} aria-hidden />,
    });
  }
  if (can.canViewPeople) {
    items.push({
      to: '/people',
      label: t('nav.people'),
      icon: <IconUsers size={18} aria-hidden />,
    });
  }
  if (can.canManagePeople) {
    items.push({
      to: '/import',
      label: t('nav.import'),
      icon: <IconFileImport size={18} aria-hidden />,
    });
  }
  if (can.canManageOrganisation) {
    items.push(
      {
        to: '/skills',
        label: t('skills.nav'),
        icon: <IconTags size={18} aria-hidden />,
      },
      {
        to: '/organisation',
        label: t('nav.organisation'),
        icon: <IconBuilding size={18} aria-hidden />,
      },
    );
  }
  if (can.isPlatformAdmin) {
    items.push(
      {
        to: '/admin/organisations',
        label: t('nav.organisations'),
        icon: <IconBuildingCommunity size={18} aria-hidden />,
      },
      { to: '/admin/outbox', label: t('nav.outbox'), icon: <IconMail size={18} aria-hidden /> },
      {
        to: '/admin/jobs',
        label: t('jobs.nav'),
        icon: <IconClockExclamation size={18} aria-hidden />,
      },
    );
  }

  const matches = (to: string): boolean =>
    to === '/'
      ? location.pathname === '/'
      : location.pathname === to || location.pathname.startsWith(`${to}/`);
  // Only the most specific item is current: /programmes/new is "design", not also "programmes".
  const activeTo = items
    .map((item) => item.to)
    .filter(matches)
    .sort((a, b) => b.length - a.length)[0];
  const isActive = (to: string): boolean => to === activeTo;

  return (
    <Stack justify="space-between" h="100%">
      <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink
              component={Link}
              to={item.to}
              label={
                item.waiting && item.waiting.count > 0 ? (
                  <>
                    {item.label}
                    <VisuallyHidden>
                      {`, ${t(`attention.nav.${item.waiting.kind}`, { count: item.waiting.count })}`}
                    </VisuallyHidden>
                  </>
                ) : (
                  item.label
                )
              }
              leftSection={item.icon}
              rightSection={
                item.waiting && item.waiting.count > 0 ? (
                  <Badge size="sm" variant="filled" color="red.8" aria-hidden>
                    {item.waiting.count > 99 ? '99+' : item.waiting.count}
                  </Badge>
                ) : undefined
              }
              active={isActive(item.to)}
              variant="subtle"
              className={classes.link}
              aria-current={isActive(item.to) ? 'page' : undefined}
              onClick={onNavigate}
            />
          </li>
        ))}
      </Stack>
      <Button
        variant="default"
        leftSection={<IconLogout size={18} aria-hidden />}
        loading={signOutMutation.isPending}
        onClick={() => signOutMutation.mutate()}
      >
        {t('nav.signOut')}
      </Button>
    </Stack>
  );
}
