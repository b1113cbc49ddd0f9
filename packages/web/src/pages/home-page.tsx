import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header';
import { RoleBadge } from '../components/role-badge';
import { abilitiesOf } from '../session/use-me';
import { useSignedIn } from '../session/use-signed-in';

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
