import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { ErrorMessage, ErrorState, LoadingState } from '../../components/states';
import { skillsQueryKey } from '../programmes/programme-types';
import { skillOptions } from '../programmes/skill-picker';
import {
  formatDate,
  meetingModes,
  spaceKeys,
  type AgreementBody,
  type AgreementState,
  type AgreementVersion,
  type MeetingMode,
  type RatingItem,
} from './space-types';

/**
 * The relationship's agreement: what holds and since when, who still has to confirm, a form to
 * propose it or a change, and — for the person learning each agreed skill — their self-ratings.
 */
export function AgreementSection({
  relationshipId,
  canChange,
}: {
  relationshipId: string;
  canChange: boolean;
}) {
  const { t } = useTranslation();
  const agreement = useQuery({
    queryKey: spaceKeys.agreement(relationshipId),
    queryFn: () =>
      unwrap(
        api.GET('/api/relationships/{id}/agreement', { params: { path: { id: relationshipId } } }),
      ),
  });
  const [isEditing, setEditing] = useState(false);

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="agreement-title">
      <Stack>
        <Stack gap={4}>
          <Title order={2} size="h3" id="agreement-title">
            {t('space.agreement.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('space.agreement.intro')}
          </Text>
        </Stack>
        {agreement.isPending ? (
          <LoadingState />
        ) : agreement.isError ? (
          <ErrorState error={agreement.error} onRetry={() => void agreement.refetch()} />
        ) : isEditing ? (
          <AgreementForm
            relationshipId={relationshipId}
            state={agreement.data}
            onDone={() => setEditing(false)}
          />
        ) : (
          <AgreementOverview
            relationshipId={relationshipId}
            state={agreement.data}
            canChange={canChange && agreement.data.canChange}
            onPropose={() => setEditing(true)}
          />
        )}
        {agreement.data && agreement.data.state !== 'draft' && (
          <SelfRatings relationshipId={relationshipId} />
        )}
      </Stack>
    </Paper>
  );
}

function AgreementOverview({
  relationshipId,
  state,
  canChange,
  onPropose,
}: {
  relationshipId: string;
  state: AgreementState;
  canChange: boolean;
  onPropose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [showLastHeld, setShowLastHeld] = useState(false);
  const confirm = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/relationships/{id}/agreement/confirm', {
          params: { path: { id: relationshipId } },
          body: { version: state.agreement.version },
        }),
      ),
    onSuccess: async (next) => {
      queryClient.setQueryData(spaceKeys.agreement(relationshipId), next);
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('space.agreement.confirmed'),
      });
      await queryClient.invalidateQueries({ queryKey: spaceKeys.all(relationshipId) });
    },
  });
  const { agreement } = state;
  const needsMe = state.state === 'pending' && !state.isConfirmedByMe && canChange;

  return (
    <Stack>
      {state.state === 'draft' ? (
        <Alert color="blue" variant="light">
          {t('space.agreement.draft')}
        </Alert>
      ) : (
        <Group gap="xs" wrap="wrap">
          <Badge variant="outline" color="gray.8">
            {t('space.agreement.version', { version: agreement.version })}
          </Badge>
          {state.state === 'holds' && state.holdsSince ? (
            <Badge
              variant="outline"
              color="green.9"
              leftSection={<IconCheck size={14} aria-hidden />}
            >
              {t('space.agreement.holdsSince', {
                date: formatDate(state.holdsSince, i18n.language),
              })}
            </Badge>
          ) : (
            <Text size="sm" fw={600} c="orange.9">
              {t('space.agreement.waitingFor', {
                names: state.waitingFor.map((p) => p.name).join(', '),
              })}
            </Text>
          )}
        </Group>
      )}
      {agreement.proposedBy && agreement.createdAt && (
        <Text size="sm" c="dimmed">
          {t('space.agreement.proposedBy', {
            name: agreement.proposedBy.name,
            date: formatDate(agreement.createdAt, i18n.language),
          })}
        </Text>
      )}
      {needsMe && (
        <Alert color="orange" variant="light" role="status">
          {t('space.agreement.inviteToConfirm', { who: agreement.proposedBy?.name ?? '' })}
        </Alert>
      )}
      {state.state === 'pending' && state.isConfirmedByMe && (
        <Text size="sm">{t('space.agreement.youConfirmed')}</Text>
      )}
      {!canChange && <Text size="sm">{t('space.agreement.readOnly')}</Text>}

      <AgreementView version={agreement} />

      {state.lastHeld && (
        <Stack gap="xs">
          <Text size="sm">
            {t('space.agreement.lastHeld', {
              version: state.lastHeld.version,
              date: formatDate(state.lastHeld.holdsSince, i18n.language),
            })}
          </Text>
          <Button
            variant="subtle"
            size="compact-sm"
            style={{ alignSelf: 'flex-start' }}
            aria-expanded={showLastHeld}
            onClick={() => setShowLastHeld((shown) => !shown)}
          >
            {showLastHeld ? t('space.agreement.hideLastHeld') : t('space.agreement.showLastHeld')}
          </Button>
          {showLastHeld && (
            <Paper withBorder p="sm" bg="gray.0">
              <AgreementView version={state.lastHeld} />
            </Paper>
          )}
        </Stack>
      )}

      <ErrorMessage error={confirm.error} />
      {canChange && (
        <Group gap="sm" justify="flex-end" wrap="wrap">
          <Button variant={needsMe ? 'default' : 'filled'} onClick={onPropose}>
            {state.state === 'draft'
              ? t('space.agreement.propose')
              : t('space.agreement.proposeChange')}
          </Button>
          {needsMe && (
            <Button loading={confirm.isPending} onClick={() => confirm.mutate()}>
              {t('space.agreement.confirm')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

function Prose({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {text || t('space.agreement.nothingYet')}
    </Text>
  );
}

/** One version of the agreement, read-only. */
function AgreementView({ version }: { version: AgreementVersion }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Field label={t('space.agreement.goals')}>
        <Prose text={version.goals} />
      </Field>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Field label={t('space.agreement.cadence')}>
          <Text size="sm">{t('space.agreement.everyDays', { count: version.cadenceDays })}</Text>
        </Field>
        <Field label={t('space.agreement.meetingMode')}>
          <Text size="sm">{t(`space.agreement.modes.${version.meetingMode}`)}</Text>
        </Field>
      </SimpleGrid>
      {version.meetingNotes && (
        <Field label={t('space.agreement.meetingNotes')}>
          <Prose text={version.meetingNotes} />
        </Field>
      )}
      <Field label={t('space.agreement.confidentiality')}>
        <Prose text={version.confidentiality} />
      </Field>
      <Field label={t('space.agreement.hopes')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {version.hopes.map((hope) => (
            <Paper key={hope.personId} withBorder p="sm" radius="sm">
              <Text size="sm" fw={600}>
                {t('space.agreement.hopesOf', { name: hope.name })}
              </Text>
              <Text size="xs" c="dimmed" mt={4}>
                {t('space.agreement.learn')}
              </Text>
              <Prose text={hope.learn} />
              <Text size="xs" c="dimmed" mt={4}>
                {t('space.agreement.give')}
              </Text>
              <Prose text={hope.give} />
            </Paper>
          ))}
        </SimpleGrid>
      </Field>
      <Field label={t('space.agreement.skills')}>
        {version.skills.length === 0 ? (
          <Text size="sm">{t('space.agreement.noSkills')}</Text>
        ) : (
          <Stack gap={4} component="ul" style={{ margin: 0, paddingInlineStart: '1.2rem' }}>
            {version.skills.map((s) => (
              <Text size="sm" component="li" key={`${s.skill}-${s.learnerId}`}>
                {t('space.agreement.skillLearner', { skill: s.label, name: s.learnerName })}
              </Text>
            ))}
          </Stack>
        )}
      </Field>
    </Stack>
  );
}

interface FormValues {
  goals: string;
  cadenceDays: number | string;
  meetingMode: MeetingMode;
  meetingNotes: string;
  confidentiality: string;
  learn: string;
  give: string;
  skills: { skill: string; learnerId: string }[];
}

/** Propose the agreement, or a change to it: starts from the newest version (or the draft). */
function AgreementForm({
  relationshipId,
  state,
  onDone,
}: {
  relationshipId: string;
  state: AgreementState;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const skills = useQuery({
    queryKey: skillsQueryKey,
    queryFn: () => unwrap(api.GET('/api/skills')),
  });
  const me = state.participants.find((p) => p.isMe);
  const myHopes = state.agreement.hopes.find((h) => h.personId === me?.id);
  const firstMentee = state.participants.find((p) => p.role === 'mentee');
  const form = useForm<FormValues>({
    initialValues: {
      goals: state.agreement.goals,
      cadenceDays: state.agreement.cadenceDays,
      meetingMode: state.agreement.meetingMode,
      meetingNotes: state.agreement.meetingNotes,
      confidentiality: state.agreement.confidentiality,
      learn: myHopes?.learn ?? '',
      give: myHopes?.give ?? '',
      skills: state.agreement.skills.map(({ skill, learnerId }) => ({ skill, learnerId })),
    },
    validate: {
      cadenceDays: (value) =>
        typeof value === 'number' && Number.isInteger(value) && value >= 7 && value <= 180
          ? null
          : t('space.agreement.form.cadenceRange'),
      skills: {
        skill: (value) => (value ? null : t('space.agreement.form.chooseSkill')),
      },
    },
  });
  const propose = useMutation({
    mutationFn: (values: FormValues) => {
      const hopes: AgreementBody['hopes'] = {};
      for (const hope of state.agreement.hopes) {
        hopes[hope.personId] = { learn: hope.learn, give: hope.give };
      }
      if (me) hopes[me.id] = { learn: values.learn.trim(), give: values.give.trim() };
      const body: AgreementBody = {
        goals: values.goals.trim(),
        cadenceDays: Number(values.cadenceDays),
        meetingMode: values.meetingMode,
        meetingNotes: values.meetingNotes.trim(),
        confidentiality: values.confidentiality.trim(),
        hopes,
        skills: values.skills,
      };
      return unwrap(
        api.PUT('/api/relationships/{id}/agreement', {
          params: { path: { id: relationshipId } },
          body,
        }),
      );
    },
    onSuccess: async (next) => {
      queryClient.setQueryData(spaceKeys.agreement(relationshipId), next);
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('space.agreement.proposed'),
      });
      onDone();
      await queryClient.invalidateQueries({ queryKey: spaceKeys.all(relationshipId) });
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setErrors(error.fieldErrors());
    },
  });
  const learnerOptions = state.participants.map((p) => ({ value: p.id, label: p.name }));
  const options = skills.data ? skillOptions(skills.data, i18n.language) : [];

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => propose.mutate(values))}
      aria-labelledby="agreement-form-title"
    >
      <Stack>
        <Title order={3} size="h4" id="agreement-form-title">
          {t('space.agreement.form.title')}
        </Title>
        <Textarea
          label={t('space.agreement.goals')}
          description={t('space.agreement.form.goalsHint')}
          autosize
          minRows={3}
          maxLength={4000}
          {...form.getInputProps('goals')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NumberInput
            label={t('space.agreement.form.cadenceDays')}
            description={t('space.agreement.form.cadenceHint')}
            min={7}
            max={180}
            allowDecimal={false}
            {...form.getInputProps('cadenceDays')}
          />
          <Select
            label={t('space.agreement.meetingMode')}
            data={meetingModes.map((mode) => ({
              value: mode,
              label: t(`space.agreement.modes.${mode}`),
            }))}
            allowDeselect={false}
            {...form.getInputProps('meetingMode')}
          />
        </SimpleGrid>
        <Textarea
          label={t('space.agreement.meetingNotes')}
          description={t('space.agreement.form.meetingNotesHint')}
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('meetingNotes')}
        />
        <Textarea
          label={t('space.agreement.confidentiality')}
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('confidentiality')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Textarea
            label={t('space.agreement.form.myLearn')}
            autosize
            minRows={2}
            maxLength={1000}
            {...form.getInputProps('learn')}
          />
          <Textarea
            label={t('space.agreement.form.myGive')}
            autosize
            minRows={2}
            maxLength={1000}
            {...form.getInputProps('give')}
          />
        </SimpleGrid>
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('space.agreement.skills')}
          </Text>
          {skills.isError && <ErrorMessage error={skills.error} />}
          {form.values.skills.map((entry, index) => (
            <Group key={index} gap="xs" align="flex-end" wrap="wrap">
              <Select
                label={t('space.agreement.form.skill')}
                data={options}
                searchable
                nothingFoundMessage={t('space.agreement.form.noSkillFound')}
                style={{ flex: '2 1 12rem' }}
                {...form.getInputProps(`skills.${index}.skill`)}
              />
              <Select
                label={t('space.agreement.form.learner')}
                data={learnerOptions}
                allowDeselect={false}
                style={{ flex: '1 1 10rem' }}
                {...form.getInputProps(`skills.${index}.learnerId`)}
              />
              <ActionIcon
                variant="subtle"
                color="red.8"
                size="lg"
                mb={4}
                aria-label={t('space.agreement.form.removeSkill', {
                  skill:
                    options.flatMap((g) => g.items).find((o) => o.value === entry.skill)?.label ??
                    String(index + 1),
                })}
                onClick={() => form.removeListItem('skills', index)}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="default"
            size="compact-sm"
            style={{ alignSelf: 'flex-start' }}
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() =>
              form.insertListItem('skills', {
                skill: '',
                learnerId: firstMentee?.id ?? me?.id ?? '',
              })
            }
          >
            {t('space.agreement.form.addSkill')}
          </Button>
        </Stack>
        <ErrorMessage error={propose.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={propose.isPending}>
            {t('space.agreement.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const ratingValues = ['1', '2', '3', '4', '5'] as const;

/** The learner rates themselves per agreed skill; the others see only whether they did. */
function SelfRatings({ relationshipId }: { relationshipId: string }) {
  const { t } = useTranslation();
  const ratings = useQuery({
    queryKey: spaceKeys.ratings(relationshipId),
    queryFn: () =>
      unwrap(
        api.GET('/api/relationships/{id}/ratings', { params: { path: { id: relationshipId } } }),
      ),
  });

  return (
    <Stack gap="sm" component="section" aria-labelledby="ratings-title">
      <Title order={3} size="h4" id="ratings-title">
        {t('space.ratings.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('space.ratings.intro')}
      </Text>
      {ratings.isPending ? (
        <LoadingState />
      ) : ratings.isError ? (
        <ErrorState error={ratings.error} onRetry={() => void ratings.refetch()} />
      ) : ratings.data.items.length === 0 ? (
        <Text size="sm">{t('space.ratings.none')}</Text>
      ) : (
        <Stack gap="sm">
          {ratings.data.items.map((item) =>
            item.isMine ? (
              <MyRating
                key={item.skill}
                relationshipId={relationshipId}
                item={item}
                canRateStart={ratings.data.canRateStart}
                canRateEnd={ratings.data.canRateEnd}
              />
            ) : (
              <Paper key={`${item.skill}-${item.learner.id}`} withBorder p="sm" radius="sm">
                <Text size="sm" fw={600}>
                  {item.label}
                </Text>
                <Text size="sm">{t('space.ratings.learner', { name: item.learner.name })}</Text>
                <Text size="sm" c="dimmed">
                  {t('space.ratings.startStatus', {
                    status: item.hasStart ? t('space.ratings.rated') : t('space.ratings.notRated'),
                  })}
                  {' · '}
                  {t('space.ratings.endStatus', {
                    status: item.hasEnd ? t('space.ratings.rated') : t('space.ratings.notRated'),
                  })}
                </Text>
              </Paper>
            ),
          )}
        </Stack>
      )}
    </Stack>
  );
}

function MyRating({
  relationshipId,
  item,
  canRateStart,
  canRateEnd,
}: {
  relationshipId: string;
  item: RatingItem;
  canRateStart: boolean;
  canRateEnd: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const rate = useMutation({
    mutationFn: (input: { phase: 'start' | 'end'; rating: number }) =>
      unwrap(
        api.PUT('/api/relationships/{id}/ratings', {
          params: { path: { id: relationshipId } },
          body: { skill: item.skill, ...input },
        }),
      ),
    onSuccess: (next) => queryClient.setQueryData(spaceKeys.ratings(relationshipId), next),
  });
  const phases = [
    { phase: 'start' as const, value: item.start, enabled: canRateStart },
    { phase: 'end' as const, value: item.end, enabled: canRateEnd },
  ];

  return (
    <Paper withBorder p="sm" radius="sm">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {item.label}
        </Text>
        <Stack gap="xs">
          {phases.map(({ phase, value, enabled }) => (
            <Radio.Group
              key={phase}
              label={t(`space.ratings.${phase}`)}
              description={
                phase === 'start' && !enabled && value === null
                  ? t('space.ratings.startClosed')
                  : undefined
              }
              value={value === null ? null : String(value)}
              onChange={(next) => rate.mutate({ phase, rating: Number(next) })}
            >
              <Group gap="sm" mt={4} wrap="wrap">
                {ratingValues.map((v) => (
                  <Radio
                    key={v}
                    value={v}
                    label={v}
                    disabled={!enabled || rate.isPending}
                    aria-label={t('space.ratings.ratingOf', { value: v })}
                  />
                ))}
              </Group>
            </Radio.Group>
          ))}
        </Stack>
        <ErrorMessage error={rate.error} />
      </Stack>
    </Paper>
  );
}
