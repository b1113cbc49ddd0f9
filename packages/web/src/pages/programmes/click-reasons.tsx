import { Badge, Group, List, Progress, Stack, Text } from '@mantine/core';
import {
  IconArrowsExchange,
  IconHeartHandshake,
  IconSchool,
  IconSettings,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeStatus, ProgrammeType } from './programme-types';

export interface Reason {
  code: string;
  text: string;
}

type Group = 'iLearn' | 'theyLearn' | 'commonGround' | 'practical';

/**
 * The engine's `learning` part is what the mentee learns and `reverse_learning` what the mentor
 * learns; which of those is "you" depends on the reader's side of the pair.
 */
function groupOf(code: string, viewerRole: 'mentee' | 'mentor'): Group {
  if (code === 'learning') return viewerRole === 'mentee' ? 'iLearn' : 'theyLearn';
  if (code === 'reverse_learning') return viewerRole === 'mentee' ? 'theyLearn' : 'iLearn';
  if (code === 'common_ground') return 'commonGround';
  return 'practical';
}

const icons: Record<Group, ReactNode> = {
  iLearn: <IconSchool size={16} aria-hidden />,
  theyLearn: <IconArrowsExchange size={16} aria-hidden />,
  commonGround: <IconHeartHandshake size={16} aria-hidden />,
  practical: <IconSettings size={16} aria-hidden />,
};

/** The reasons for a match, both learning directions first: reverse mentoring is first-class. */
export function ClickReasons({
  reasons,
  viewerRole,
}: {
  reasons: readonly Reason[];
  viewerRole: 'mentee' | 'mentor';
}) {
  const { t } = useTranslation();
  const order: Group[] = ['iLearn', 'theyLearn', 'commonGround', 'practical'];
  const grouped = order
    .map((group) => ({
      group,
      items: reasons.filter((r) => groupOf(r.code, viewerRole) === group),
    }))
    .filter((entry) => entry.items.length > 0);
  if (grouped.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('click.noReasons')}
      </Text>
    );
  return (
    <Stack gap="xs">
      {grouped.map(({ group, items }) => (
        <div key={group}>
          <Group gap={6} mb={2}>
            {icons[group]}
            <Text size="sm" fw={600} component="span">
              {t(`click.reasonGroups.${group}`)}
            </Text>
          </Group>
          <List size="sm" spacing={2} withPadding>
            {items.map((reason, i) => (
              <List.Item key={`${reason.code}-${i}`}>{reason.text}</List.Item>
            ))}
          </List>
        </div>
      ))}
    </Stack>
  );
}

/** Match strength 0–100 as a labelled bar (the number is also in the text, not only in colour). */
export function StrengthMeter({ strength }: { strength: number }) {
  const { t } = useTranslation();
  const label = t('click.strength', { strength });
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Progress
        value={strength}
        aria-label={label}
        color={strength >= 70 ? 'green.8' : strength >= 40 ? 'blue.8' : 'gray.7'}
      />
    </Stack>
  );
}

export function ProgrammeTypeBadge({ type }: { type: ProgrammeType }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="blue.9">
      {t(`programmes.types.${type}`)}
    </Badge>
  );
}

export function ProgrammeStatusBadge({ status }: { status: ProgrammeStatus }) {
  const { t } = useTranslation();
  const color = status === 'published' ? 'green.9' : status === 'draft' ? 'yellow.9' : 'gray.8';
  return (
    <Badge variant="outline" color={color}>
      {t(`programmes.status.${status}`)}
    </Badge>
  );
}
