import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { Programme } from '../programmes/programme-types';
import { StoryCard, storiesKey } from './story-parts';

/** Published stories of the programme, and the manager's way to the review queue. */
export function ProgrammeStoriesSection({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const stories = useQuery({
    queryKey: [...storiesKey, 'programme', programme.id],
    queryFn: () =>
      unwrap(
        api.GET('/api/programmes/{programmeId}/stories', {
          params: { path: { programmeId: programme.id } },
        }),
      ),
  });
  if (!stories.data) return null;
  const { items, canWrite, waitingForReview } = stories.data;
  if (items.length === 0 && !canWrite && waitingForReview === null) return null;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="programme-stories-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="programme-stories-title">
            {t('stories.programmeTitle')}
          </Title>
          <Group gap="xs" wrap="wrap">
            {waitingForReview !== null && (
              <Button
                size="xs"
                variant="default"
                component={Link}
                to={`/programmes/${programme.id}/stories`}
                rightSection={
                  waitingForReview > 0 ? (
                    <Badge size="sm" circle aria-hidden>
                      {waitingForReview}
                    </Badge>
                  ) : undefined
                }
              >
                {t('stories.reviewLink', { count: waitingForReview })}
              </Button>
            )}
            {canWrite && (
              <Button size="xs" component={Link} to={`/stories/new?programmeId=${programme.id}`}>
                {t('stories.writeYours')}
              </Button>
            )}
          </Group>
        </Group>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('stories.programmeNone')}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {items.map((story) => (
              <StoryCard key={story.id} story={story} compact />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}
