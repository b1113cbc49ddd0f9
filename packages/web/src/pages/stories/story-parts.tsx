import { Badge, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { paths } from '../../api/schema';

export type Story =
  paths['/api/stories/{storyId}']['get']['responses'][200]['content']['application/json'];
export type StoryStatus = Story['status'];
export type MentionState = Story['mentions'][number]['state'];

export const storiesKey = ['stories'] as const;

export const statusColors: Record<StoryStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  changes_requested: 'orange',
  published: 'green',
  declined: 'red',
  withdrawn: 'gray',
};

export function StatusBadge({ status }: { status: StoryStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="light" style={{ flexShrink: 0 }}>
      {t(`stories.status.${status}`)}
    </Badge>
  );
}

export function MentionBadge({ state }: { state: MentionState }) {
  const { t } = useTranslation();
  const color = state === 'approved' ? 'green' : state === 'declined' ? 'red' : 'gray';
  return (
    <Badge color={color} variant="outline" size="sm">
      {t(`stories.mentionState.${state}`)}
    </Badge>
  );
}

/** The title and text in the language shown, or in the other one when only that was written. */
export function storyText(story: Story, language: string) {
  const first = language === 'en' ? 'En' : 'Nl';
  const second = first === 'En' ? 'Nl' : 'En';
  const lang = story[`body${first}`] ? first : second;
  return {
    lang: lang.toLowerCase() as 'nl' | 'en',
    title: story[`title${lang}`],
    body: story[`body${lang}`],
  };
}

export const photoUrl = (story: Story) =>
  `/api/stories/${story.id}/photo?v=${encodeURIComponent(story.updatedAt)}`;

/**
 * A story as its readers see it: the photo with its alt text, the title and text, the author with
 * their job title, and "with <name>" for the people named who agreed.
 */
export function StoryCard({
  story,
  compact = false,
  children,
}: {
  story: Story;
  compact?: boolean;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const text = storyText(story, i18n.language);
  const named = story.mentions.filter((m) => m.state === 'approved').map((m) => m.name);
  return (
    <Paper withBorder p="md" radius="sm" component="article">
      <Stack gap="xs">
        {story.hasPhoto && (
          <Image
            src={photoUrl(story)}
            alt={story.photoAlt ?? ''}
            radius="sm"
            mah={compact ? 180 : 360}
            fit="cover"
          />
        )}
        <Title order={3} size="h4" lang={text.lang} style={{ overflowWrap: 'anywhere' }}>
          {text.title}
        </Title>
        <Text
          size="sm"
          lang={text.lang}
          lineClamp={compact ? 4 : undefined}
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        >
          {text.body}
        </Text>
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600}>
            {story.author.name}
          </Text>
          {story.author.jobTitle && (
            <Text size="sm" c="dimmed">
              {story.author.jobTitle}
            </Text>
          )}
        </Group>
        {named.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('stories.with', { names: named.join(', ') })}
          </Text>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
