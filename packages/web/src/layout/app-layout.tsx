import { Suspense } from 'react';
import { AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState, LoadingState } from '../components/states';
import { useMe } from '../session/use-me';
import { AppNavigation } from './app-navigation';
import { Brand } from './brand';
import { LanguageSwitcher } from './language-switcher';
import { NameMenu } from './name-menu';
import { SkipLink } from './skip-link';
import { useUserLocale } from './use-user-locale';

/** The signed-in application: header, role-based navigation and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const [navOpened, nav] = useDisclosure(false);
  const meQuery = useMe();
  useUserLocale(meQuery.data);

  if (meQuery.isPending) return <LoadingState />;
  if (meQuery.isError) {
    return (
      <main id="main-content">
        <ErrorState error={meQuery.error} onRetry={() => void meQuery.refetch()} />
      </main>
    );
  }
  const me = meQuery.data;
  if (!me) {
    const next = location.pathname + location.search;
    const target = next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <AppShell.Header>
        <SkipLink />
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? t('layout.closeMenu') : t('layout.openMenu')}
            />
            <Brand />
            {me.membership && (
              <Text c="dimmed" visibleFrom="sm" size="sm">
                {me.membership.organisation.name}
              </Text>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <NameMenu me={me} />
            <LanguageSwitcher />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="md" aria-label={t('layout.mainNavigation')}>
        <AppNavigation me={me} onNavigate={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        <Suspense fallback={<LoadingState />}>
          <Outlet context={me} />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
