import { Badge, Group, Paper, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { pickLocale, type Locale } from '../../i18n/locale';
import { PageHeader } from '../../components/page-header';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/states';
import { skillsQueryKey, type Skills } from '../programmes/programme-types';
import { AddSkillForm } from './add-skill-form';
import { groupSkills, type SkillGroup } from './skill-catalogue';

/** The organisation's skills list for its admins: everything, by category, and a form to add. */
export function SkillsPage() {
  const { t, i18n } = useTranslation();
  const locale = pickLocale([i18n.language]);
  // The same query (and key) as the enrolment skill picker: an added skill shows up there too.
  const skills = useQuery({
    queryKey: skillsQueryKey,
    queryFn: () => unwrap(api.GET('/api/skills')),
  });

  return (
    <>
      <PageHeader title={t('skills.title')} description={t('skills.intro')} />
      {skills.isPending ? (
        <LoadingState />
      ) : skills.isError ? (
        <ErrorState error={skills.error} onRetry={() => void skills.refetch()} />
      ) : (
        <Stack gap="xl">
          <AddSkillForm categories={skills.data.categories} locale={locale} />
          <SkillList skills={skills.data} locale={locale} />
        </Stack>
      )}
    </>
  );
}

function SkillList({ skills, locale }: { skills: Skills; locale: Locale }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [search, setSearch] = useState('');
  const [onlyCustom, setOnlyCustom] = useState(false);
  const groups = groupSkills(skills, { search, onlyCustom, locale });
  const shown = groups.reduce((sum, group) => sum + group.items.length, 0);
  const hasCustom = skills.items.some((item) => item.isCustom);

  return (
    <Stack component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {t('skills.list.title')}
      </Title>
      <Group align="flex-end" role="search" aria-label={t('skills.list.title')}>
        <TextInput
          label={t('skills.list.search')}
          description={t('skills.list.searchHint')}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          style={{ flex: 1, minWidth: 220 }}
        />
        <Switch
          label={t('skills.list.onlyCustom')}
          checked={onlyCustom}
          onChange={(event) => setOnlyCustom(event.currentTarget.checked)}
          mb={6}
        />
      </Group>
      <Text size="sm" role="status">
        {t('skills.list.count', { count: shown })}
      </Text>
      {groups.length === 0 ? (
        <EmptyMessage>
          {onlyCustom && !hasCustom ? t('skills.list.emptyCustom') : t('skills.list.empty')}
        </EmptyMessage>
      ) : (
        groups.map((group) => (
          <CategoryTable key={group.category.id} group={group} locale={locale} />
        ))
      )}
    </Stack>
  );
}

function CategoryTable({ group, locale }: { group: SkillGroup; locale: Locale }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id={headingId}>
          {group.category[locale]}
        </Title>
        <Text size="sm" c="dimmed">
          {t('skills.list.count', { count: group.items.length })}
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={520}>
        <Table striped aria-labelledby={headingId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w="40%">
                {t('skills.list.nl')}
              </Table.Th>
              <Table.Th scope="col" w="40%">
                {t('skills.list.en')}
              </Table.Th>
              <Table.Th scope="col">{t('skills.list.origin')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {group.items.map((skill) => (
              <Table.Tr key={skill.id} data-custom={skill.isCustom || undefined}>
                <Table.Td lang="nl">{skill.nl}</Table.Td>
                <Table.Td lang="en">{skill.en}</Table.Td>
                <Table.Td>
                  {skill.isCustom ? (
                    <Badge variant="outline" color="blue.9">
                      {t('skills.list.custom')}
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('skills.list.shipped')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
