import { Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, ErrorState } from '../../components/states';
import { useSignedIn } from '../../session/use-signed-in';
import { canDesignProgrammes, type Programme } from '../programmes/programme-types';
import { InviteAudience } from './invite-audience';
import { SponsorPicker, type PersonOption } from './sponsor-picker';
import {
  useProgrammeLeaders,
  useSetSponsors,
  type ProgrammeLeaders,
  type ShownLeader,
} from './use-leadership';

function LeaderItem({ leader }: { leader: ShownLeader }) {
  const { t } = useTranslation();
  return (
    <List.Item>
      <Text fw={600} span>
        {leader.name}
      </Text>
      {leader.jobTitle && (
        <Text span c="dimmed">
          {`, ${leader.jobTitle}`}
        </Text>
      )}
      <Text span size="sm">
        {` (${t(`leadership.roles.${leader.role}`)})`}
      </Text>
      {leader.line && (
        <Text fs="italic" size="sm">
          “{leader.line}”
        </Text>
      )}
    </List.Item>
  );
}

function SponsorsEditor({
  programmeId,
  current,
  onDone,
}: {
  programmeId: string;
  current: ProgrammeLeaders['sponsors'];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<PersonOption[]>(
    current.map((s) => ({
      value: s.personId,
      label: s.jobTitle ? `${s.name}, ${s.jobTitle}` : s.name,
    })),
  );
  const save = useSetSponsors(programmeId);
  return (
    <Stack gap="xs">
      <SponsorPicker value={chosen} onChange={setChosen} />
      <ErrorMessage error={save.error} />
      <Group gap="sm">
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              chosen.map((c) => c.value),
              {
                onSuccess: () => {
                  notifications.show({
                    closeButtonProps: { 'aria-label': t('common.close') },
                    color: 'green',
                    message: t('leadership.sponsorsSaved'),
                  });
                  onDone();
                },
              },
            )
          }
        >
          {t('leadership.save')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('leadership.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The programme's sponsors and the leaders who take part (each only with their own consent and
 * line; reverse-programme mentees first, "our directors learn too"). Managers pick the sponsors
 * and invite the audience; members see nothing when there is nothing to show.
 */
export function ProgrammeLeadersSection({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const canManage = canDesignProgrammes(me);
  const leaders = useProgrammeLeaders(programme.id);
  const [editing, setEditing] = useState(false);

  if (leaders.isError) {
    return canManage ? (
      <ErrorState error={leaders.error} onRetry={() => void leaders.refetch()} />
    ) : null;
  }
  if (!leaders.data) return null;
  const { sponsors, leaders: shown } = leaders.data;
  const learning = shown.filter((l) => l.learnsToo);
  const others = shown.filter((l) => !l.learnsToo);
  const empty = sponsors.length === 0 && shown.length === 0;
  if (empty && !canManage) return null;

  return (
    <Card withBorder component="section" aria-labelledby="programme-leaders">
      <Title order={2} size="h4" id="programme-leaders" mb="xs">
        {t('leadership.sectionTitle')}
      </Title>
      <Stack gap="md">
        {learning.length > 0 && (
          <div>
            <Title order={3} size="h5" mb={4}>
              {t('leadership.learnsToo')}
            </Title>
            <List spacing="xs">
              {learning.map((l) => (
                <LeaderItem key={l.personId} leader={l} />
              ))}
            </List>
          </div>
        )}
        {others.length > 0 && (
          <div>
            <Title order={3} size="h5" mb={4}>
              {t('leadership.leadersTakingPart')}
            </Title>
            <List spacing="xs">
              {others.map((l) => (
                <LeaderItem key={l.personId} leader={l} />
              ))}
            </List>
          </div>
        )}
        {(sponsors.length > 0 || canManage) && (
          <div>
            <Title order={3} size="h5" mb={4}>
              {t('leadership.sponsors')}
            </Title>
            {sponsors.length > 0 ? (
              <List spacing={4}>
                {sponsors.map((s) => (
                  <List.Item key={s.personId}>
                    <Group gap={6} wrap="wrap">
                      <Text span fw={600}>
                        {s.name}
                      </Text>
                      {s.jobTitle && (
                        <Text span c="dimmed">
                          {s.jobTitle}
                        </Text>
                      )}
                      {s.takesPart && (
                        <Badge variant="outline" color="teal.9" size="sm">
                          {t('leadership.takesPart')}
                        </Badge>
                      )}
                    </Group>
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text c="dimmed">{t('leadership.noSponsors')}</Text>
            )}
          </div>
        )}
        {canManage && shown.length === 0 && <Text c="dimmed">{t('leadership.noLeaders')}</Text>}
        {canManage &&
          programme.status !== 'closed' &&
          (editing ? (
            <SponsorsEditor
              programmeId={programme.id}
              current={sponsors}
              onDone={() => setEditing(false)}
            />
          ) : (
            <Button
              variant="default"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => setEditing(true)}
            >
              {t('leadership.editSponsors')}
            </Button>
          ))}
        {canManage && programme.status === 'published' && (
          <InviteAudience programmeId={programme.id} />
        )}
      </Stack>
    </Card>
  );
}
