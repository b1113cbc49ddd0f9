import {
  Alert,
  Button,
  Card,
  Checkbox,
  Chip,
  Group,
  List,
  MultiSelect,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, unwrap } from '../../api/client';
import { ConfirmModal } from '../../components/confirm-modal';
import { PageHeader } from '../../components/page-header';
import { ErrorMessage, ErrorState, LoadingState } from '../../components/states';
import { attentionQueryKey } from '../attention/use-attention';
import { formatDate, skillsQueryKey } from '../programmes/programme-types';
import { skillOptions } from '../programmes/skill-picker';
import { useSurveyTitle } from './outcome-surveys-section';
import {
  careerSteps,
  surveyKeys,
  type CareerStep,
  type SurveyAnswers,
  type SurveyDetail,
} from './survey-types';

const ratingValues = ['1', '2', '3', '4', '5'];
const recommendValues = Array.from({ length: 11 }, (_, i) => String(i));

/** The outcome survey (/feedback/surveys/:surveyId): its owner fills it in once, then reads it. */
export function SurveyPage() {
  const { t } = useTranslation();
  const { surveyId = '' } = useParams();
  const survey = useQuery({
    queryKey: surveyKeys.detail(surveyId),
    queryFn: () =>
      unwrap(api.GET('/api/outcome-surveys/{id}', { params: { path: { id: surveyId } } })),
  });
  const back = (
    <Button variant="default" component={Link} to="/feedback">
      {t('outcomeSurveys.form.back')}
    </Button>
  );
  if (survey.isPending) return <LoadingState />;
  if (survey.isError) {
    return (
      <>
        <PageHeader title={t('outcomeSurveys.form.title')} actions={back} />
        <ErrorState error={survey.error} onRetry={() => void survey.refetch()} />
      </>
    );
  }
  return <SurveyView survey={survey.data} back={back} />;
}

function SurveyView({ survey, back }: { survey: SurveyDetail; back: ReactNode }) {
  const { t, i18n } = useTranslation();
  const titleOf = useSurveyTitle();
  return (
    <>
      <PageHeader
        title={t('outcomeSurveys.form.title')}
        description={`${titleOf(survey)} · ${survey.programme.name}`}
        actions={back}
      />
      <Stack gap="lg" maw={720}>
        <Alert color="blue">{t('outcomeSurveys.privacy')}</Alert>
        {survey.answers ? (
          <ReadBack survey={survey} answers={survey.answers} locale={i18n.language} />
        ) : (
          <SurveyForm survey={survey} />
        )}
      </Stack>
    </>
  );
}

interface FormState {
  learnedSkills: boolean | null;
  skillsLearned: string[];
  endRatings: Record<string, string | null>;
  careerSteps: CareerStep[];
  inspired: boolean | null;
  recommend: string | null;
  otherGave: string;
  comment: string;
}

const yesNo = (value: boolean | null) => (value === null ? null : value ? 'yes' : 'no');

function SurveyForm({ survey }: { survey: SurveyDetail }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const queryClient = useQueryClient();
  const skills = useQuery({
    queryKey: skillsQueryKey,
    queryFn: () => unwrap(api.GET('/api/skills')),
  });
  const [form, setForm] = useState<FormState>({
    learnedSkills: null,
    skillsLearned: [],
    endRatings: Object.fromEntries(survey.mySkills.map((s) => [s.skill, null])),
    careerSteps: [],
    inspired: null,
    recommend: null,
    otherGave: '',
    comment: '',
  });
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setMissing((m) => {
      const next = new Set(m);
      next.delete(key);
      return next;
    });
  };

  const send = useMutation({
    mutationFn: (body: SurveyAnswers) =>
      unwrap(
        api.POST('/api/outcome-surveys/{id}/answers', {
          params: { path: { id: survey.id } },
          body,
        }),
      ),
    onSuccess: (next) => {
      setConfirming(false);
      notifications.show({
        color: 'green',
        message: t('outcomeSurveys.form.sent'),
        closeButtonProps: { 'aria-label': t('common.close') },
      });
      queryClient.setQueryData(surveyKeys.detail(survey.id), next);
      void queryClient.invalidateQueries({ queryKey: surveyKeys.list });
      void queryClient.invalidateQueries({ queryKey: attentionQueryKey });
    },
  });
  const serverErrors = send.error instanceof ApiError ? send.error.fieldErrors() : {};
  const fieldError = (field: string) =>
    missing.has(field) ? t('outcomeSurveys.form.required') : serverErrors[field];

  const agreementIds = new Set(survey.agreementSkills.map((s) => s.skill));
  const chosenFromAgreement = form.skillsLearned.filter((s) => agreementIds.has(s));
  const chosenOther = form.skillsLearned.filter((s) => !agreementIds.has(s));
  const otherOptions = skills.data
    ? skillOptions(
        {
          ...skills.data,
          items: skills.data.items.filter((item) => !agreementIds.has(item.id)),
        },
        locale,
      ).filter((group) => group.items.length > 0)
    : [];

  const body = (): SurveyAnswers => ({
    learnedSkills: form.learnedSkills === true,
    skillsLearned: form.learnedSkills ? form.skillsLearned : [],
    endRatings: Object.entries(form.endRatings)
      .filter((entry): entry is [string, string] => entry[1] !== null)
      .map(([skill, rating]) => ({ skill, rating: Number(rating) })),
    careerSteps: form.careerSteps,
    inspired: form.inspired === true,
    recommend: Number(form.recommend ?? 0),
    otherGave: form.otherGave,
    comment: form.comment,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const absent = new Set<string>();
    if (form.learnedSkills === null) absent.add('learnedSkills');
    if (form.inspired === null) absent.add('inspired');
    if (form.recommend === null) absent.add('recommend');
    setMissing(absent);
    if (absent.size > 0) {
      const first = ['learnedSkills', 'inspired', 'recommend'].find((f) => absent.has(f));
      document.querySelector<HTMLInputElement>(`[data-question="${first}"] input`)?.focus();
      return;
    }
    send.reset();
    setConfirming(true);
  };

  return (
    <Card withBorder component="form" onSubmit={submit} noValidate>
      <Stack gap="xl">
        <Stack gap="sm">
          <Radio.Group
            data-question="learnedSkills"
            label={t('outcomeSurveys.form.learnedSkills')}
            value={yesNo(form.learnedSkills)}
            onChange={(v) => set('learnedSkills', v === 'yes')}
            error={fieldError('learnedSkills')}
            withAsterisk
          >
            <Group gap="lg" mt={4}>
              <Radio value="yes" label={t('outcomeSurveys.form.yes')} />
              <Radio value="no" label={t('outcomeSurveys.form.no')} />
            </Group>
          </Radio.Group>
          {form.learnedSkills && (
            <Stack gap="xs" pl="md">
              <Text size="sm" fw={500} id="survey-which">
                {t('outcomeSurveys.form.whichSkills')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('outcomeSurveys.form.whichSkillsHint')}
              </Text>
              {survey.agreementSkills.length > 0 && (
                <Stack gap={4} role="group" aria-label={t('outcomeSurveys.form.agreementSkills')}>
                  <Text size="xs">{t('outcomeSurveys.form.agreementSkills')}</Text>
                  <Chip.Group
                    multiple
                    value={chosenFromAgreement}
                    onChange={(ids) => set('skillsLearned', [...ids, ...chosenOther])}
                  >
                    <Group gap="xs">
                      {survey.agreementSkills.map((s) => (
                        <Chip key={s.skill} value={s.skill}>
                          {s.label}
                        </Chip>
                      ))}
                    </Group>
                  </Chip.Group>
                </Stack>
              )}
              <MultiSelect
                label={t('outcomeSurveys.form.otherSkills')}
                data={otherOptions}
                value={chosenOther}
                onChange={(ids) => set('skillsLearned', [...chosenFromAgreement, ...ids])}
                searchable
                clearable
                maxValues={20}
                nothingFoundMessage={t('outcomeSurveys.form.noSkillFound')}
                disabled={!skills.data}
                error={
                  serverErrors.skillsLearned ??
                  Object.entries(serverErrors).find(([k]) => k.startsWith('skillsLearned.'))?.[1]
                }
              />
            </Stack>
          )}
        </Stack>

        {survey.mySkills.length > 0 && (
          <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
            <Title order={2} size="h5" component="legend">
              {t('outcomeSurveys.form.ratingsTitle')}
            </Title>
            <Text size="sm">{t('outcomeSurveys.form.ratingsIntro')}</Text>
            {survey.mySkills.map((s) => (
              <Paper withBorder p="sm" radius="sm" key={s.skill}>
                <Radio.Group
                  label={s.label}
                  description={
                    s.startRating === null
                      ? t('outcomeSurveys.form.noStartRating')
                      : t('outcomeSurveys.form.startRating', { rating: s.startRating })
                  }
                  value={form.endRatings[s.skill] ?? null}
                  onChange={(v) => set('endRatings', { ...form.endRatings, [s.skill]: v })}
                >
                  <Group gap="sm" mt={4} wrap="wrap">
                    {ratingValues.map((v) => (
                      <Radio
                        key={v}
                        value={v}
                        label={v}
                        aria-label={t('outcomeSurveys.form.ratingValue', { value: v })}
                      />
                    ))}
                  </Group>
                </Radio.Group>
              </Paper>
            ))}
          </Stack>
        )}

        <Checkbox.Group
          label={t('outcomeSurveys.form.careerSteps')}
          description={t('outcomeSurveys.form.careerStepsHint')}
          value={form.careerSteps}
          onChange={(v) => set('careerSteps', v as CareerStep[])}
          error={fieldError('careerSteps')}
        >
          <Stack gap="xs" mt={4}>
            {careerSteps.map((step) => (
              <Checkbox key={step} value={step} label={t(`outcomeSurveys.form.step.${step}`)} />
            ))}
          </Stack>
        </Checkbox.Group>

        <Radio.Group
          data-question="inspired"
          label={t('outcomeSurveys.form.inspired')}
          value={yesNo(form.inspired)}
          onChange={(v) => set('inspired', v === 'yes')}
          error={fieldError('inspired')}
          withAsterisk
        >
          <Group gap="lg" mt={4}>
            <Radio value="yes" label={t('outcomeSurveys.form.yes')} />
            <Radio value="no" label={t('outcomeSurveys.form.no')} />
          </Group>
        </Radio.Group>

        <Radio.Group
          data-question="recommend"
          label={t('outcomeSurveys.form.recommend')}
          description={t('outcomeSurveys.form.recommendHint')}
          value={form.recommend}
          onChange={(v) => set('recommend', v)}
          error={fieldError('recommend')}
          withAsterisk
        >
          <Group gap="xs" mt={4} wrap="wrap">
            {recommendValues.map((v) => (
              <Radio
                key={v}
                value={v}
                label={v}
                aria-label={t('outcomeSurveys.form.recommendValue', { value: v })}
              />
            ))}
          </Group>
        </Radio.Group>

        <Textarea
          label={t('outcomeSurveys.form.otherGave')}
          description={t('outcomeSurveys.form.otherGaveHint')}
          value={form.otherGave}
          onChange={(e) => set('otherGave', e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={3}
          error={fieldError('otherGave')}
        />
        <Textarea
          label={t('outcomeSurveys.form.comment')}
          value={form.comment}
          onChange={(e) => set('comment', e.currentTarget.value)}
          maxLength={4000}
          autosize
          minRows={3}
          error={fieldError('comment')}
        />
        {!confirming && <ErrorMessage error={send.error} />}
        <Group>
          <Button type="submit">{t('outcomeSurveys.form.send')}</Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('outcomeSurveys.form.confirmTitle')}
        confirmLabel={t('outcomeSurveys.form.confirm')}
        onConfirm={() => send.mutate(body())}
        loading={send.isPending}
        error={send.error}
        color="blue"
      >
        {t('outcomeSurveys.form.confirmText')}
      </ConfirmModal>
    </Card>
  );
}

function ReadBack({
  survey,
  answers,
  locale,
}: {
  survey: SurveyDetail;
  answers: NonNullable<SurveyDetail['answers']>;
  locale: string;
}) {
  const { t } = useTranslation();
  const yes = (value: boolean) =>
    value ? t('outcomeSurveys.form.yes') : t('outcomeSurveys.form.no');
  const rows: { question: string; answer: ReactNode }[] = [
    {
      question: t('outcomeSurveys.form.learnedSkills'),
      answer: answers.learnedSkills
        ? [yes(true), answers.skillsLearned.map((s) => s.label).join(', ')]
            .filter(Boolean)
            .join(': ')
        : yes(false),
    },
    ...(survey.mySkills.length > 0
      ? [
          {
            question: t('outcomeSurveys.form.ratingsTitle'),
            answer: (
              <List size="sm">
                {survey.mySkills.map((s) => (
                  <List.Item key={s.skill}>
                    {t('outcomeSurveys.form.ratingNow', {
                      skill: s.label,
                      start: s.startRating ?? t('outcomeSurveys.form.notRated'),
                      end: s.endRating ?? t('outcomeSurveys.form.notRated'),
                    })}
                  </List.Item>
                ))}
              </List>
            ),
          },
        ]
      : []),
    {
      question: t('outcomeSurveys.form.careerSteps'),
      answer:
        answers.careerSteps.length > 0
          ? answers.careerSteps.map((s) => t(`outcomeSurveys.form.step.${s}`)).join(', ')
          : t('outcomeSurveys.form.noSteps'),
    },
    { question: t('outcomeSurveys.form.inspired'), answer: yes(answers.inspired) },
    {
      question: t('outcomeSurveys.form.recommend'),
      answer: t('outcomeSurveys.form.recommendValue', { value: answers.recommend }),
    },
    {
      question: t('outcomeSurveys.form.otherGave'),
      answer: answers.otherGave || t('outcomeSurveys.form.none'),
    },
    {
      question: t('outcomeSurveys.form.comment'),
      answer: answers.comment || t('outcomeSurveys.form.none'),
    },
  ];
  return (
    <Card withBorder component="section" aria-labelledby="survey-answers-title">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id="survey-answers-title">
            {t('outcomeSurveys.form.yourAnswers')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('outcomeSurveys.form.answeredOn', { date: formatDate(survey.answeredAt, locale) })}
          </Text>
        </div>
        <Stack gap="sm" component="dl" m={0}>
          {rows.map((row) => (
            <div key={row.question}>
              <Text component="dt" size="sm" fw={600}>
                {row.question}
              </Text>
              <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-line' }}>
                {row.answer}
              </Text>
            </div>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
