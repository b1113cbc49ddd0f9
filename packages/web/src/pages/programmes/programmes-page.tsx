import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { usePagedList } from '../../api/use-paged-list';
import { LoadMore } from '../../components/load-more';
import { PageHeader } from '../../components/page-header';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/states';
import { useSignedIn } from '../../session/use-signed-in';
import { ProgrammeStatusBadge, ProgrammeTypeBadge } from './click-reasons';
import {
  canDesignProgrammes,
  formatDate,
  programmesQueryKey,
  seesSuggestions,
  type Programme,
} from './programme-types';

/** Every programme the user may see: managers all (drafts too), others the ones open to them. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const canDesign = canDesignProgrammes(me);
  const {
    query: programmes,
    items,
    total,
  } = usePagedList([...programmesQueryKey, 'list', 'paged'], (page) =>
    unwrap(api.GET('/api/programmes', { params: { query: page } })),
  );

  return (
    <>
      <PageHeader
        title={t('programmes.title')}
        description={t('programmes.intro')}
        actions={
          canDesign && (
            <Button
              component={Link}
              to="/programmes/new"
              leftSection={<IconPlus size={18} aria-hidden />}
            >
              {t('programmes.create')}
            </Button>
          )
        }
      />
      {programmes.isPending ? (
        <LoadingState />
      ) : programmes.isError ? (
        <ErrorState error={programmes.error} onRetry={() => void programmes.refetch()} />
      ) : items.length === 0 ? (
        <EmptyMessage>
          {canDesign ? t('programmes.emptyManager') : t('programmes.empty')}
        </EmptyMessage>
      ) : (
        <>
          <SimpleGrid
            cols={{ base: 1, md: 2 }}
            component="ul"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {items.map((programme) => (
              <li key={programme.id}>
                <ProgrammeCard programme={programme} />
              </li>
            ))}
          </SimpleGrid>
          <LoadMore shown={items.length} total={total} query={programmes} />
        </>
      )}
    </>
  );
}

function ProgrammeCard({ programme }: { programme: Programme }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const window =
    programme.enrolmentOpensOn || programme.enrolmentClosesOn
      ? t('programmes.card.enrolmentWindow', {
          from: formatDate(programme.enrolmentOpensOn, locale) || '…',
          to: formatDate(programme.enrolmentClosesOn, locale) || '…',
        })
      : null;
  const runs =
    programme.startsOn || programme.endsOn
      ? t('programmes.card.runs', {
          from: formatDate(programme.startsOn, locale) || '…',
          to: formatDate(programme.endsOn, locale) || '…',
        })
      : null;
  return (
    <Card withBorder h="100%" component="article" aria-labelledby={`programme-${programme.id}`}>
      <Stack gap="xs" h="100%">
        <Title order={2} size="h4" id={`programme-${programme.id}`}>
          <Anchor component={Link} to={`/programmes/${programme.id}`} inherit>
            {programme.name}
          </Anchor>
        </Title>
        <Group gap="xs">
          <ProgrammeTypeBadge type={programme.type} />
          <ProgrammeStatusBadge status={programme.status} />
          {programme.isTargetGroup && (
            <Badge variant="outline" color="grape.9">
              {t('programmes.targetGroup')}
            </Badge>
          )}
        </Group>
        {programme.goal && <Text size="sm">{programme.goal}</Text>}
        <Stack gap={2}>
          {window && <Text size="sm">{window}</Text>}
          {runs && <Text size="sm">{runs}</Text>}
          <Text size="sm">{t('programmes.card.enrolled', { count: programme.enrolledCount })}</Text>
        </Stack>
        <Group gap="xs" mt="auto">
          {programme.canEnrol && (
            <Button component={Link} to={`/programmes/${programme.id}/enrol`} size="sm">
              {t('programmes.enrol')}
            </Button>
          )}
          {programme.myEnrolment && (
            <Badge variant="outline" color="green.9">
              {t('programmes.enrolledAs', {
                role: t(`programmes.roles.${programme.myEnrolment.role}`),
              })}
            </Badge>
          )}
          {seesSuggestions(programme) && (
            <Button
              component={Link}
              to={`/programmes/${programme.id}/suggestions`}
              size="sm"
              variant="outline"
            >
              {t('programmes.toSuggestions')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
