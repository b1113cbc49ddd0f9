import { Container, Group } from '@mantine/core';
import { Outlet } from 'react-router';
import { Brand } from './brand';
import { LanguageSwitcher } from './language-switcher';
import { SkipLink } from './skip-link';

/** Pages for people who are not signed in: sign-in, magic link, password reset. */
export function PublicLayout() {
  return (
    <>
      <SkipLink />
      <header>
        <Container size="sm" py="md">
          <Group justify="space-between">
            <Brand />
            <LanguageSwitcher />
          </Group>
        </Container>
      </header>
      <main id="main-content" tabIndex={-1}>
        <Container size="xs" py="xl">
          <Outlet />
        </Container>
      </main>
    </>
  );
}
