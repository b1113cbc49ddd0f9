import { Anchor, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { StoryCard, storiesKey } from './story-parts';

/** The newest published stories of the signed-in person's audiences; nothing when there are none. */
export function HomeStoriesSection() {
  const { t } = useTranslation();
  const feed = useQuery({
    queryKey: [...storiesKey, 'feed', 'home'],
    queryFn: () => unwrap(api.GET('/api/stories/feed', { params: { query: { limit: 3 } } })),
  });
  if (!feed.data || feed.data.items.length === 0) return null;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="home-stories-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="home-stories-title">
          {t('stories.homeTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          {feed.data.items.map((story) => (
            <StoryCard key={story.id} story={story} compact />
          ))}
        </SimpleGrid>
        <Anchor component={Link} to="/stories" size="sm">
          {t('stories.writeOwn')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
