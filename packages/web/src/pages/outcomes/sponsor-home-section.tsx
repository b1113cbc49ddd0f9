import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../components/states';
import { useSignedIn } from '../../session/use-signed-in';
import type { SponsoredProgramme } from './outcome-types';
import { useSponsored } from './use-outcome-access';
import { HeadlineCards } from './report-parts';

const programmeStatuses = ['draft', 'published', 'closed'] as const;

/**
 * A sponsor's home (issue 11, rule 3): each programme they sponsor with its headline figures and
 * a link to its report, then their own mentoring and the stories. Renders nothing for people who
 * sponsor nothing, also while that is not known yet.
 */
export function SponsorHomeSection() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const sponsored = useSponsored(me);
  if (sponsored.isPending) return null;
  if (sponsored.isError) {
    // Only someone with the sponsor role surely expects this section; others see no noise.
    if (me.membership?.role !== 'sponsor') return null;
    return (
      <section aria-labelledby="home-sponsor">
        <Title order={2} size="h4" mb="sm" id="home-sponsor">
          {t('outcomes.sponsor.title')}
        </Title>
        <ErrorState error={sponsored.error} onRetry={() => void sponsored.refetch()} />
      </section>
    );
  }
  const programmes = sponsored.data.programmes;
  if (programmes.length === 0) return null;
  return (
    <section aria-labelledby="home-sponsor">
      <Title order={2} size="h4" mb={4} id="home-sponsor">
        {t('outcomes.sponsor.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('outcomes.sponsor.intro')}
      </Text>
      <Stack gap="md">
        {programmes.map((programme) => (
          <SponsoredCard key={programme.programmeId} programme={programme} />
        ))}
        <Group gap="sm">
          <Button component={Link} to="/mentoring" variant="default">
            {t('outcomes.sponsor.ownMentoring')}
          </Button>
          <Button component={Link} to="/stories" variant="default">
            {t('outcomes.sponsor.stories')}
          </Button>
        </Group>
      </Stack>
    </section>
  );
}

function SponsoredCard({ programme }: { programme: SponsoredProgramme }) {
  const { t } = useTranslation();
  const status = (programmeStatuses as readonly string[]).includes(programme.status)
    ? t(`programmes.status.${programme.status as (typeof programmeStatuses)[number]}`)
    : programme.status;
  return (
    <Card withBorder component="article" aria-label={programme.name}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs" style={{ minWidth: 0 }}>
            <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
              <Anchor component={Link} to={`/programmes/${programme.programmeId}`} inherit>
                {programme.name}
              </Anchor>
            </Title>
            <Badge variant="outline" color="gray.8" style={{ textTransform: 'none' }}>
              {status}
            </Badge>
          </Group>
          <Button
            component={Link}
            to={`/programmes/${programme.programmeId}/outcomes`}
            variant="light"
            size="xs"
            aria-label={t('outcomes.sponsor.reportLabel', { name: programme.name })}
          >
            {t('outcomes.sponsor.report')}
          </Button>
        </Group>
        <HeadlineCards headline={programme.headline} minGroup={null} cols={{ base: 2, md: 3 }} />
      </Stack>
    </Card>
  );
}
