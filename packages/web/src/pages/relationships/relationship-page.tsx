import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  List,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { ErrorState, LoadingState } from '../../components/states';
import { SurveyPrompt } from '../feedback/outcome-surveys-section';
import { ClickReasons, StrengthMeter } from '../programmes/click-reasons';
import { formatDate, formatDateTime } from '../programmes/programme-types';
import { AgreementSection } from './agreement-section';
import { ConversationCard } from './conversation-card';
import { GoalsSection } from './goals-section';
import { MeetingsSection } from './meetings-section';
import { NotesSection } from './notes-section';
import { RelationshipActions } from './relationship-actions';
import {
  relationshipKeys,
  type RelationshipSpace,
  type SpaceParticipant,
} from './relationship-types';

/** The relationship space (/mentoring/:relationshipId): only its participants can open it. */
export function RelationshipPage() {
  const { t } = useTranslation();
  const { relationshipId = '' } = useParams();
  const [ended, setEnded] = useState<RelationshipSpace | null>(null);
  const space = useQuery({
    queryKey: relationshipKeys.space(relationshipId),
    queryFn: () =>
      unwrap(api.GET('/api/relationships/{id}', { params: { path: { id: relationshipId } } })),
  });
  if (ended) return <EndingScreen space={ended} onBack={() => setEnded(null)} />;
  if (space.isPending) return <LoadingState />;
  if (space.isError) {
    return (
      <>
        <PageHeader title={t('mentoring.back')} />
        <ErrorState error={space.error} onRetry={() => void space.refetch()} />
      </>
    );
  }
  return <SpaceView space={space.data} onEnded={setEnded} />;
}

function SpaceView({
  space,
  onEnded,
}: {
  space: RelationshipSpace;
  onEnded: (space: RelationshipSpace) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const canChange = space.canChange;
  const mentor = space.participants.find((p) => p.role === 'mentor');
  const title = space.isGroup
    ? space.myRole === 'mentor'
      ? t('mentoring.yourGroup')
      : t('mentoring.titleGroup', { name: mentor?.name ?? '' })
    : t('mentoring.titleWith', {
        names: space.participants
          .filter((p) => !p.isMe)
          .map((p) => p.name)
          .join(', '),
      });
  return (
    <>
      <PageHeader
        title={title}
        description={
          <>
            <Anchor component={Link} to={`/programmes/${space.programme.id}`}>
              {t('mentoring.inProgramme', { name: space.programme.name })}
            </Anchor>
            {space.programme.endsOn && (
              <> · {t('mentoring.endsOn', { date: formatDate(space.programme.endsOn, locale) })}</>
            )}
          </>
        }
        actions={
          <Button variant="default" component={Link} to="/mentoring">
            {t('mentoring.back')}
          </Button>
        }
      />
      <Stack gap="lg">
        <Group justify="space-between" gap="sm">
          <Group gap="xs">
            <Badge variant="outline" color="blue.9">
              {t(`mentoring.roles.${space.myRole}`)}
            </Badge>
            <Badge
              variant="outline"
              color={
                space.status === 'active'
                  ? 'green.9'
                  : space.status === 'paused'
                    ? 'orange.9'
                    : 'gray.8'
              }
            >
              {t(`mentoring.status.${space.status}`)}
            </Badge>
          </Group>
          <RelationshipActions space={space} onEnded={onEnded} />
        </Group>
        <StatusBanner space={space} />
        <SurveyPrompt relationshipId={space.id} />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="lg">
              <ConversationCard relationshipId={space.id} />
              <MeetingsSection relationshipId={space.id} canChange={canChange} />
              <GoalsSection relationshipId={space.id} canChange={canChange} />
              <NotesSection relationshipId={space.id} canChange={canChange} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="lg">
              <NextMeetingCard space={space} />
              <WhoCard space={space} />
              <WhyCard space={space} />
              <HopesCard space={space} />
              <AgreementSection relationshipId={space.id} canChange={canChange} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}

function StatusBanner({ space }: { space: RelationshipSpace }) {
  const { t, i18n } = useTranslation();
  if (space.haveLeft) return <Alert color="gray">{t('mentoring.banner.left')}</Alert>;
  if (space.status === 'completed')
    return <Alert color="gray">{t('mentoring.banner.completed')}</Alert>;
  if (space.status === 'ended_early')
    return <Alert color="gray">{t('mentoring.banner.endedEarly')}</Alert>;
  if (space.status === 'paused') {
    return (
      <Alert color="orange">
        {space.pauseUntil
          ? t('mentoring.banner.pausedUntil', {
              date: formatDate(space.pauseUntil, i18n.language),
            })
          : t('mentoring.banner.paused')}
      </Alert>
    );
  }
  return null;
}

function NextMeetingCard({ space }: { space: RelationshipSpace }) {
  const { t, i18n } = useTranslation();
  const next = space.nextMeeting;
  return (
    <Card withBorder component="section" aria-labelledby="next-meeting-title">
      <Title order={2} size="h4" id="next-meeting-title" mb="xs">
        {t('mentoring.next.title')}
      </Title>
      {next ? (
        <Stack gap={4}>
          <Text fw={600}>{formatDateTime(next.startsAt, i18n.language)}</Text>
          <Text size="sm">{t('mentoring.next.minutes', { count: next.durationMinutes })}</Text>
          {next.place && (
            <Text size="sm">
              {t('mentoring.next.place')}: {next.place}
            </Text>
          )}
          {next.videoUrl && (
            <Anchor href={next.videoUrl} target="_blank" rel="noreferrer" size="sm">
              {t('mentoring.next.video')}
            </Anchor>
          )}
          {next.agenda && (
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {next.agenda}
            </Text>
          )}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('mentoring.next.none')}
        </Text>
      )}
    </Card>
  );
}

function WhoCard({ space }: { space: RelationshipSpace }) {
  const { t } = useTranslation();
  const others = space.participants.filter((p) => !p.isMe);
  return (
    <Card withBorder component="section" aria-labelledby="who-title">
      <Title order={2} size="h4" id="who-title" mb="xs">
        {t('mentoring.who.title')}
      </Title>
      <Stack gap="md">
        {others.map((p) => (
          <ParticipantProfile key={p.id} participant={p} />
        ))}
        {others.some((p) => p.contact) && (
          <Text size="xs" c="dimmed">
            {t('mentoring.who.contactHint')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function ParticipantProfile({ participant: p }: { participant: SpaceParticipant }) {
  const { t } = useTranslation();
  const modes = ['online', 'in_person', 'either'] as const;
  const mode = modes.find((m) => m === p.meetingMode);
  return (
    <Stack gap={4} component="article" aria-label={p.name}>
      <Group gap="xs">
        <Text fw={600}>{p.name}</Text>
        <Badge size="sm" variant="outline" color="blue.9">
          {t(`mentoring.roles.${p.role}`)}
        </Badge>
        {p.hasLeft && (
          <Badge size="sm" variant="outline" color="gray.8">
            {t('mentoring.who.left')}
          </Badge>
        )}
      </Group>
      {p.jobTitle && <Text size="sm">{p.jobTitle}</Text>}
      {p.offers.length > 0 && (
        <Text size="sm">
          <strong>{t('mentoring.who.offers')}:</strong> {p.offers.map((s) => s.label).join(', ')}
        </Text>
      )}
      {p.wants.length > 0 && (
        <Text size="sm">
          <strong>{t('mentoring.who.wants')}:</strong> {p.wants.map((s) => s.label).join(', ')}
        </Text>
      )}
      {p.languages.length > 0 && (
        <Text size="sm">
          <strong>{t('mentoring.who.languages')}:</strong> {p.languages.join(', ')}
        </Text>
      )}
      <Text size="sm">
        <strong>{t('mentoring.who.meetingMode')}:</strong>{' '}
        {mode ? t(`mentoring.who.meetingModes.${mode}`) : p.meetingMode}
        {p.place ? ` · ${p.place}` : ''}
      </Text>
      {p.about && (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {p.about}
        </Text>
      )}
      {p.contact && (
        <Text size="sm">
          <strong>{t('mentoring.who.contact')}:</strong>{' '}
          <Anchor href={`mailto:${p.contact.email}`} size="sm">
            {p.contact.email}
          </Anchor>
          {p.contact.phone && (
            <>
              {' · '}
              <Anchor href={`tel:${p.contact.phone.replace(/\s+/g, '')}`} size="sm">
                {p.contact.phone}
              </Anchor>
            </>
          )}
        </Text>
      )}
    </Stack>
  );
}

function WhyCard({ space }: { space: RelationshipSpace }) {
  const { t } = useTranslation();
  const showNames = space.myRole === 'mentor' && space.clicks.length > 1;
  const hasAny = space.clicks.some((c) => c.reasons.length > 0 || c.strength !== null);
  return (
    <Card withBorder component="section" aria-labelledby="why-title">
      <Title order={2} size="h4" id="why-title" mb="xs">
        {t('mentoring.why.title')}
      </Title>
      {!hasAny ? (
        <Text size="sm" c="dimmed">
          {t('mentoring.why.none')}
        </Text>
      ) : (
        <Stack gap="md">
          {space.clicks.map((click) => (
            <Stack gap="xs" key={click.menteeId}>
              {showNames && (
                <Text size="sm" fw={600}>
                  {t('mentoring.why.with', { name: click.menteeName })}
                </Text>
              )}
              {click.strength !== null && <StrengthMeter strength={click.strength} />}
              <ClickReasons reasons={click.reasons} viewerRole={space.myRole} />
            </Stack>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function HopesCard({ space }: { space: RelationshipSpace }) {
  const { t } = useTranslation();
  return (
    <Card withBorder component="section" aria-labelledby="hopes-title">
      <Title order={2} size="h4" id="hopes-title" mb="xs">
        {t('mentoring.hopes.title')}
      </Title>
      {space.hopes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('mentoring.hopes.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          {space.hopes.map((h) => (
            <div key={h.personId}>
              <Text size="sm" fw={600}>
                {h.name}
              </Text>
              <List size="sm" withPadding>
                {h.learn && (
                  <List.Item>
                    {t('mentoring.hopes.learn')}: {h.learn}
                  </List.Item>
                )}
                {h.give && (
                  <List.Item>
                    {t('mentoring.hopes.give')}: {h.give}
                  </List.Item>
                )}
              </List>
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}

/** Right after ending: thanks, and straight on — new suggestions for a mentee. */
function EndingScreen({ space, onBack }: { space: RelationshipSpace; onBack: () => void }) {
  const { t } = useTranslation();
  const isMentee = space.myRole === 'mentee';
  return (
    <>
      <PageHeader
        title={space.haveLeft ? t('mentoring.ended.leftTitle') : t('mentoring.ended.title')}
      />
      <Card withBorder>
        <Stack gap="md">
          <Text>{t('mentoring.ended.thanks')}</Text>
          <SurveyPrompt relationshipId={space.id} />
          <Text>
            {isMentee ? t('mentoring.ended.menteeNext') : t('mentoring.ended.mentorNext')}
          </Text>
          <Group gap="sm">
            {isMentee ? (
              <Button component={Link} to={`/programmes/${space.programme.id}/suggestions`}>
                {t('mentoring.ended.toSuggestions')}
              </Button>
            ) : (
              <Button component={Link} to="/mentoring">
                {t('mentoring.ended.toMentoring')}
              </Button>
            )}
            <Button variant="default" onClick={onBack}>
              {t('mentoring.ended.readBack')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </>
  );
}
