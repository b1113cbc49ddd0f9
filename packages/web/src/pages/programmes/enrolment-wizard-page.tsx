import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Radio,
  Stack,
  Stepper,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { ConfirmModal } from '../../components/confirm-modal';
import { PageHeader } from '../../components/page-header';
import { ErrorMessage, ErrorState, LoadingState } from '../../components/states';
import { expectNoContent } from './api-helpers';
import {
  ageBandLabel,
  ageBands,
  profileQueryKey,
  programmesQueryKey,
  questionLabel,
  skillsQueryKey,
  type EnrolmentRole,
  type Profile,
  type ProfileBody,
  type Programme,
  type Sensitive,
  type Skills,
} from './programme-types';
import { LeaderConsentCard, useLeaderConsentDraft } from '../leadership/leader-consent-draft';
import { ProfileStep } from './profile-step';
import { requestsQueryKey } from './request-modal';
import { skillLabel } from './skill-picker';
import { useProgramme } from './use-programme';

const sensitiveQueryKey = ['me', 'sensitive'] as const;

export function EnrolmentWizardPage() {
  const { t } = useTranslation();
  const { programmeId = '' } = useParams();
  const programme = useProgramme(programmeId);
  const profile = useQuery({
    queryKey: profileQueryKey,
    queryFn: () => unwrap(api.GET('/api/me/profile')),
  });
  const skills = useQuery({
    queryKey: skillsQueryKey,
    queryFn: () => unwrap(api.GET('/api/skills')),
    staleTime: 10 * 60_000,
  });
  const isTargetGroup = programme.data?.isTargetGroup ?? false;
  const sensitive = useQuery({
    queryKey: sensitiveQueryKey,
    queryFn: () => unwrap(api.GET('/api/me/sensitive')),
    // Asked only in target-group programmes; nobody else's page even loads it.
    enabled: isTargetGroup,
  });

  const queries = [programme, profile, skills, ...(isTargetGroup ? [sensitive] : [])];
  const failed = queries.find((q) => q.isError);
  if (failed) {
    return (
      <>
        <PageHeader title={t('enrolment.title')} />
        <ErrorState error={failed.error} onRetry={() => queries.forEach((q) => void q.refetch())} />
      </>
    );
  }
  if (
    !programme.data ||
    !profile.data ||
    !skills.data ||
    (isTargetGroup && sensitive.data === undefined)
  ) {
    return <LoadingState />;
  }
  return (
    <EnrolmentWizard
      programme={programme.data}
      profile={profile.data}
      skills={skills.data}
      sensitive={isTargetGroup ? (sensitive.data ?? null) : null}
    />
  );
}

type StepId = 'role' | 'profile' | 'questions' | 'sensitive' | 'review';

interface SensitiveValues {
  consent: boolean;
  gender: string;
  ageBand: string;
  background: string;
}

function profileBodyOf({ isComplete: _complete, ...body }: Profile): ProfileBody {
  return body;
}

function EnrolmentWizard({
  programme,
  profile,
  skills,
  sensitive,
}: {
  programme: Programme;
  profile: Profile;
  skills: Skills;
  sensitive: Sensitive | null;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const isEnrolled = programme.myEnrolment !== null;
  const steps: StepId[] = [
    'role',
    'profile',
    'questions',
    ...(programme.isTargetGroup ? (['sensitive'] as const) : []),
    'review',
  ];
  const [active, setActive] = useState(0);
  const step = steps[active] ?? 'review';
  const leaderConsent = useLeaderConsentDraft(programme.id);

  const [role, setRole] = useState<EnrolmentRole>(
    programme.myEnrolment?.role ?? (programme.type === 'peer' ? 'both' : 'mentee'),
  );
  const isGroup = programme.type === 'group';
  const [capacity, setCapacity] = useState<number>(
    programme.myEnrolment?.capacity ?? (isGroup ? programme.groupMax : programme.defaultCapacity),
  );
  const [answers, setAnswers] = useState<Record<string, string>>(
    programme.myEnrolment?.answers ?? {},
  );
  const [body, setBody] = useState<ProfileBody>(profileBodyOf(profile));
  const [profileProblem, setProfileProblem] = useState<string | null>(null);
  const [confirmingWithdrawal, setConfirmingWithdrawal] = useState(false);
  const [sensitiveValues, setSensitiveValues] = useState<SensitiveValues>({
    consent: false,
    gender: sensitive?.gender ?? '',
    ageBand: sensitive?.ageBand ?? '',
    background: sensitive?.background ?? '',
  });

  const saveProfile = useMutation({
    mutationFn: (next: ProfileBody) => unwrap(api.PUT('/api/me/profile', { body: next })),
    onSuccess: (saved) => {
      queryClient.setQueryData(profileQueryKey, saved);
      setActive((a) => a + 1);
    },
  });
  const saveSensitive = useMutation({
    mutationFn: (values: SensitiveValues) =>
      unwrap(
        api.PUT('/api/me/sensitive', {
          body: {
            consent: true,
            gender: values.gender.trim() || null,
            ageBand: (ageBands as readonly string[]).includes(values.ageBand)
              ? (values.ageBand as (typeof ageBands)[number])
              : null,
            background: values.background.trim() || null,
          },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: sensitiveQueryKey });
      setActive((a) => a + 1);
    },
  });
  const withdrawSensitive = useMutation({
    mutationFn: () => expectNoContent(api.DELETE('/api/me/sensitive')),
    onSuccess: async () => {
      setConfirmingWithdrawal(false);
      setSensitiveValues({ consent: false, gender: '', ageBand: '', background: '' });
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('enrolment.sensitive.withdrawn'),
      });
      await queryClient.invalidateQueries({ queryKey: sensitiveQueryKey });
    },
  });
  const enrolmentBody = () => ({
    role,
    ...(role !== 'mentee' ? { capacity, offersGroup: isGroup } : { offersGroup: false }),
    answers: Object.fromEntries(Object.entries(answers).filter(([, text]) => text.trim() !== '')),
  });
  /** After a refusal, go back to the step with the field the server named. */
  const showProblem = (error: Error) => {
    const fields = error instanceof ApiError ? Object.keys(error.fieldErrors()) : [];
    const stepOf = (field: string): StepId | null =>
      field.startsWith('answers.')
        ? 'questions'
        : ['role', 'capacity', 'offersGroup'].includes(field)
          ? 'role'
          : null;
    const target = fields.map(stepOf).find((id) => id !== null);
    if (target) setActive(steps.indexOf(target));
  };
  const enrol = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/programmes/{id}/enrolment', {
          params: { path: { id: programme.id } },
          body: enrolmentBody(),
        }),
      ),
    onError: showProblem,
    onSuccess: async () => {
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('enrolment.enrolled', { name: programme.name }),
      });
      // The leader's consent needs the enrolment; a failure here leaves the enrolment as it is.
      await leaderConsent.save().catch(() => undefined);
      await queryClient.invalidateQueries({ queryKey: programmesQueryKey });
      const suggests =
        programme.matchingMode !== 'manager_proposes' &&
        (role !== 'mentor' || programme.matchingMode === 'mentors_offer');
      void navigate(
        suggests ? `/programmes/${programme.id}/suggestions` : `/programmes/${programme.id}`,
      );
    },
  });

  const profileErrors =
    saveProfile.error instanceof ApiError ? saveProfile.error.fieldErrors() : {};
  const profileErrorOf = (field: string) =>
    Object.entries(profileErrors).find(
      ([key]) => key === field || key.startsWith(`${field}.`),
    )?.[1];
  const update = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/programmes/{id}/enrolment', {
          params: { path: { id: programme.id } },
          body: enrolmentBody(),
        }),
      ),
    onError: showProblem,
    onSuccess: async () => {
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('enrolment.updated', { name: programme.name }),
      });
      await leaderConsent.save().catch(() => undefined);
      // The programme (my enrolment), the managers' list and requests showing the answers.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: programmesQueryKey }),
        queryClient.invalidateQueries({ queryKey: requestsQueryKey }),
      ]);
      void navigate(`/programmes/${programme.id}`);
    },
  });
  const submitError = isEnrolled ? update.error : enrol.error;
  const enrolErrors = submitError instanceof ApiError ? submitError.fieldErrors() : {};
  const missingAnswer = programme.questions.find((q) => q.required && !answers[q.id]?.trim());

  function next() {
    if (step === 'profile') {
      if (body.languages.length === 0 || body.offers.length + body.wants.length === 0) {
        setProfileProblem(t('enrolment.profileIncomplete'));
        return;
      }
      setProfileProblem(null);
      saveProfile.mutate(body);
      return;
    }
    if (step === 'questions' && missingAnswer) return;
    if (step === 'sensitive' && sensitiveValues.consent) {
      saveSensitive.mutate(sensitiveValues);
      return;
    }
    setActive((a) => Math.min(a + 1, steps.length - 1));
  }

  const roleOptions: EnrolmentRole[] =
    programme.type === 'peer' ? ['both'] : ['mentee', 'mentor', 'both'];
  const stepContent: Record<StepId, ReactNode> = {
    role: (
      <Stack>
        <Radio.Group
          label={t('enrolment.roleQuestion')}
          value={role}
          onChange={(v) => setRole(v as EnrolmentRole)}
          error={enrolErrors.role}
        >
          <Stack gap="xs" mt={4}>
            {roleOptions.map((option) => (
              <Radio
                key={option}
                value={option}
                label={t(`programmes.roles.${option}`)}
                description={t(
                  `enrolment.roleHints.${programme.type === 'reverse' ? 'reverse' : 'default'}.${option}`,
                )}
              />
            ))}
          </Stack>
        </Radio.Group>
        {programme.type === 'peer' && <Text size="sm">{t('enrolment.peerNote')}</Text>}
        {role !== 'mentee' && (
          <NumberInput
            label={isGroup ? t('enrolment.groupSize') : t('enrolment.capacity')}
            description={
              isGroup
                ? t('enrolment.groupSizeHint', { min: programme.groupMin, max: programme.groupMax })
                : t('enrolment.capacityHint')
            }
            min={isGroup ? programme.groupMin : 1}
            max={isGroup ? programme.groupMax : 20}
            value={capacity}
            onChange={(v) => setCapacity(typeof v === 'number' ? v : Number(v) || 1)}
            error={enrolErrors.capacity ?? enrolErrors.offersGroup}
            w={{ base: '100%', sm: 320 }}
          />
        )}
      </Stack>
    ),
    profile: (
      <Stack>
        <ProfileStep skills={skills} value={body} onChange={setBody} errorOf={profileErrorOf} />
        {profileProblem && (
          <Alert color="red" role="alert">
            {profileProblem}
          </Alert>
        )}
        <ErrorMessage error={saveProfile.error} />
      </Stack>
    ),
    questions: (
      <Stack>
        {programme.questions.length === 0 ? (
          <Text>{t('enrolment.noQuestions')}</Text>
        ) : (
          programme.questions.map((question) => (
            <Textarea
              key={question.id}
              label={questionLabel(question, locale)}
              required={question.required}
              value={answers[question.id] ?? ''}
              onChange={(event) => {
                const text = event.currentTarget.value;
                setAnswers((a) => ({ ...a, [question.id]: text }));
              }}
              autosize
              minRows={2}
              maxLength={2000}
              error={enrolErrors[`answers.${question.id}`]}
            />
          ))
        )}
        {missingAnswer && (
          <Text size="sm" c="dimmed">
            {t('enrolment.answerRequired')}
          </Text>
        )}
      </Stack>
    ),
    sensitive: (
      <Stack>
        <Text>{t('enrolment.sensitive.intro')}</Text>
        {sensitive && (
          <Alert color="blue">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('enrolment.sensitive.given')}</Text>
              <Button size="xs" variant="default" onClick={() => setConfirmingWithdrawal(true)}>
                {t('enrolment.sensitive.withdraw')}
              </Button>
            </Stack>
          </Alert>
        )}
        <Checkbox
          label={t('enrolment.sensitive.consent')}
          checked={sensitiveValues.consent}
          onChange={(event) => {
            const consent = event.currentTarget.checked;
            setSensitiveValues((v) => ({ ...v, consent }));
          }}
        />
        <TextInput
          label={t('enrolment.sensitive.gender')}
          disabled={!sensitiveValues.consent}
          value={sensitiveValues.gender}
          onChange={(event) => {
            const gender = event.currentTarget.value;
            setSensitiveValues((v) => ({ ...v, gender }));
          }}
        />
        <NativeSelect
          label={t('enrolment.sensitive.ageBand')}
          disabled={!sensitiveValues.consent}
          value={sensitiveValues.ageBand}
          onChange={(event) => {
            const ageBand = event.currentTarget.value;
            setSensitiveValues((v) => ({ ...v, ageBand }));
          }}
          data={[
            { value: '', label: t('enrolment.sensitive.notSaying') },
            ...ageBands.map((band) => ({ value: band, label: ageBandLabel(band, t) })),
          ]}
        />
        <TextInput
          label={t('enrolment.sensitive.background')}
          disabled={!sensitiveValues.consent}
          value={sensitiveValues.background}
          onChange={(event) => {
            const background = event.currentTarget.value;
            setSensitiveValues((v) => ({ ...v, background }));
          }}
        />
        <Text size="sm" c="dimmed">
          {t('enrolment.sensitive.skip')}
        </Text>
        <ErrorMessage
          error={saveSensitive.error ?? (confirmingWithdrawal ? null : withdrawSensitive.error)}
        />
        <ConfirmModal
          opened={confirmingWithdrawal}
          onClose={() => setConfirmingWithdrawal(false)}
          title={t('enrolment.sensitive.withdrawTitle')}
          confirmLabel={t('enrolment.sensitive.withdraw')}
          onConfirm={() => withdrawSensitive.mutate()}
          loading={withdrawSensitive.isPending}
          error={withdrawSensitive.error}
        >
          <Text size="sm">{t('enrolment.sensitive.withdrawText')}</Text>
        </ConfirmModal>
      </Stack>
    ),
    review: (
      <Stack>
        <Table variant="vertical" withTableBorder>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={220}>{t('enrolment.review.role')}</Table.Th>
              <Table.Td>
                {t(`programmes.roles.${role}`)}
                {role !== 'mentee' && ` · ${t('enrolment.review.capacity', { count: capacity })}`}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('enrolment.offers')}</Table.Th>
              <Table.Td>
                {body.offers.map((s) => skillLabel(skills, s.skill, locale)).join(', ') || '—'}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('enrolment.wants')}</Table.Th>
              <Table.Td>
                {body.wants.map((s) => skillLabel(skills, s.skill, locale)).join(', ') || '—'}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('enrolment.interests')}</Table.Th>
              <Table.Td>
                {[...body.hobbies, ...body.experiences, ...body.values, ...body.tags].join(', ') ||
                  '—'}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('enrolment.meetingMode')}</Table.Th>
              <Table.Td>
                {t(`enrolment.meetingModes.${body.meetingMode}`)}
                {body.place ? ` · ${body.place}` : ''}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {programme.questions.length > 0 && (
          <List size="sm">
            {programme.questions.map((q) => (
              <List.Item key={q.id}>
                <Text span fw={600} size="sm">
                  {questionLabel(q, locale)}
                </Text>{' '}
                {answers[q.id]?.trim() || '—'}
              </List.Item>
            ))}
          </List>
        )}
        <Text size="sm">{t('enrolment.review.click')}</Text>
        <LeaderConsentCard draft={leaderConsent} />
        <ErrorMessage error={submitError} />
      </Stack>
    ),
  };

  const isLast = active === steps.length - 1;
  const pending = saveProfile.isPending || saveSensitive.isPending;

  return (
    <>
      <PageHeader
        title={t('enrolment.titleFor', { name: programme.name })}
        description={t('enrolment.intro')}
      />
      {isEnrolled && (
        <Alert color="blue" mb="md">
          {t('enrolment.alreadyEnrolled', {
            role: t(`programmes.roles.${programme.myEnrolment?.role ?? 'mentee'}`),
          })}
        </Alert>
      )}
      <Stepper
        active={active}
        onStepClick={(index) => index < active && setActive(index)}
        allowNextStepsSelect={false}
        size="sm"
        mb="lg"
      >
        {steps.map((id) => (
          <Stepper.Step key={id} label={t(`enrolment.steps.${id}`)} />
        ))}
      </Stepper>
      <section aria-labelledby="wizard-step">
        <Title order={2} size="h3" id="wizard-step" mb="md">
          {t(`enrolment.steps.${step}`)}
        </Title>
        {stepContent[step]}
      </section>
      <Group justify="space-between" mt="xl">
        <Button variant="default" onClick={() => setActive((a) => a - 1)} disabled={active === 0}>
          {t('enrolment.back')}
        </Button>
        {isLast ? (
          isEnrolled ? (
            <Button loading={update.isPending} onClick={() => update.mutate()}>
              {t('enrolment.saveChanges')}
            </Button>
          ) : (
            <Button loading={enrol.isPending} onClick={() => enrol.mutate()}>
              {t('enrolment.submit')}
            </Button>
          )
        ) : (
          <Button
            loading={pending}
            onClick={next}
            disabled={step === 'questions' && Boolean(missingAnswer)}
          >
            {t('enrolment.next')}
          </Button>
        )}
      </Group>
    </>
  );
}
