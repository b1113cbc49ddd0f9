import {
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import type { paths } from '../../../api/schema';
import { usePagedList } from '../../../api/use-paged-list';
import { ConfirmModal } from '../../../components/confirm-modal';
import { LoadMore } from '../../../components/load-more';
import { EmptyMessage, ErrorMessage, ErrorState, LoadingState } from '../../../components/states';
import { expectNoContent } from '../api-helpers';
import { describeChange } from '../change-values';
import { formatDate, formatDateTime, programmesQueryKey } from '../programme-types';

type FeedbackAction =
  paths['/api/programmes/{id}/feedback-actions']['get']['responses'][200]['content']['application/json']['items'][number];

interface ActionValues {
  saidNl: string;
  saidEn: string;
  didNl: string;
  didEn: string;
  resultKeys: string[];
  programmeChangeId: string | null;
}

const emptyValues: ActionValues = {
  saidNl: '',
  saidEn: '',
  didNl: '',
  didEn: '',
  resultKeys: [],
  programmeChangeId: null,
};

const MAX_TEXT = 2000;
const MAX_RESULTS = 10;
const standardQuestionIds = ['met', 'usefulness', 'gains', 'programme'] as const;
const outcomeKeys = [
  'learned_skills',
  'career_step',
  'inspired',
  'recommend',
  'self_rating',
] as const;

export const feedbackActionsKey = (programmeId: string) =>
  [...programmesQueryKey, 'feedback-actions', programmeId] as const;

/** The labels of the results an action can answer: the check-in questions and outcome figures. */
function useResultOptions(programmeId: string) {
  const { t, i18n } = useTranslation();
  const questions = useQuery({
    queryKey: [...programmesQueryKey, 'check-in-questions', programmeId],
    queryFn: () =>
      unwrap(
        api.GET('/api/programmes/{programmeId}/check-in-questions', {
          params: { path: { programmeId } },
        }),
      ),
    retry: false,
  });
  const en = i18n.language === 'en';
  const current = questions.data
    ? questions.data.questions.map((q) => ({
        value: `checkin:${q.id}`,
        label: en ? q.labelEn : q.labelNl,
      }))
    : null;
  const outcomes = outcomeKeys.map((key) => ({
    value: `outcome:${key}`,
    label: t(`feedbackActions.outcomes.${key}`),
  }));
  // Earlier check-ins may have asked standard questions a programme has since left out: they
  // stay choosable (the server accepts them) after the ones its check-ins ask now.
  const standard = standardQuestionIds.map((id) => ({
    value: `checkin:${id}`,
    label: t(`feedbackActions.standardQuestions.${id}`),
  }));
  const asked = new Set((current ?? []).map((o) => o.value));
  const checkIns = [...(current ?? []), ...standard.filter((o) => !asked.has(o.value))];
  const labels = new Map([...checkIns, ...outcomes].map((o) => [o.value, o.label] as const));
  return {
    data: [
      { group: t('feedbackActions.checkInGroup'), items: checkIns },
      { group: t('feedbackActions.outcomeGroup'), items: outcomes },
    ],
    labelOf: (key: string) => labels.get(key) ?? key,
  };
}

function fieldsText(fields: string[], t: TFunction, locale: string) {
  return fields.map((field) => describeChange(field, null, null, t, locale).label).join(', ');
}

/**
 * "You said, we did" on the programme dashboard: what the programme changed because of feedback,
 * in Dutch and English, linked to the results it answers and optionally to a rule change. Saving
 * a new one tells every current participant once; corrections tell nobody again.
 */
export function ActionsSection({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const {
    query: actions,
    items,
    total,
  } = usePagedList([...feedbackActionsKey(programmeId), 'paged'], (page) =>
    unwrap(
      api.GET('/api/programmes/{id}/feedback-actions', {
        params: { path: { id: programmeId }, query: page },
      }),
    ),
  );
  const participants = actions.data?.pages[0]?.participants ?? null;
  const results = useResultOptions(programmeId);

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="feedback-actions-title">
      <Stack>
        <Stack gap={4}>
          <Title order={2} size="h3" id="feedback-actions-title">
            {t('feedbackActions.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('feedbackActions.intro')}
          </Text>
        </Stack>
        <NewAction programmeId={programmeId} participants={participants} results={results} />
        <Title order={3} size="h4">
          {t('feedbackActions.list')}
        </Title>
        {actions.isPending ? (
          <LoadingState />
        ) : actions.isError ? (
          <ErrorState error={actions.error} onRetry={() => void actions.refetch()} />
        ) : items.length === 0 ? (
          <EmptyMessage>{t('feedbackActions.empty')}</EmptyMessage>
        ) : (
          <Stack gap="sm">
            {items.map((action) => (
              <ActionCard
                key={action.id}
                programmeId={programmeId}
                action={action}
                labelOf={results.labelOf}
                results={results}
              />
            ))}
            <LoadMore shown={items.length} total={total} query={actions} />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

type ResultOptions = ReturnType<typeof useResultOptions>;

function useActionForm(initialValues: ActionValues) {
  const { t } = useTranslation();
  // Longer texts and more results cannot be entered (maxLength, maxValues).
  const text = (value: string) => (value.trim() ? null : t('validation.required'));
  return useForm<ActionValues>({
    initialValues,
    validate: {
      saidNl: text,
      saidEn: text,
      didNl: text,
      didEn: text,
    },
  });
}

const trimmed = (values: ActionValues) => ({
  saidNl: values.saidNl.trim(),
  saidEn: values.saidEn.trim(),
  didNl: values.didNl.trim(),
  didEn: values.didEn.trim(),
  resultKeys: values.resultKeys,
  programmeChangeId: values.programmeChangeId,
});

function ActionFields({
  form,
  programmeId,
  results,
}: {
  form: ReturnType<typeof useActionForm>;
  programmeId: string;
  results: ResultOptions;
}) {
  const { t, i18n } = useTranslation();
  const changes = useQuery({
    queryKey: [...programmesQueryKey, 'changes', programmeId],
    queryFn: () =>
      unwrap(api.GET('/api/programmes/{id}/changes', { params: { path: { id: programmeId } } })),
  });
  const changeOptions = (changes.data?.items ?? []).slice(0, 25).map((change) => ({
    value: change.id,
    label: t('feedbackActions.changeOption', {
      date: formatDateTime(change.createdAt, i18n.language),
      fields: fieldsText(Object.keys(change.changes), t, i18n.language),
    }),
  }));
  const area = (field: keyof ActionValues, label: string, hint: string) => (
    <Textarea
      label={label}
      description={hint}
      autosize
      minRows={2}
      maxLength={MAX_TEXT}
      required
      {...form.getInputProps(field)}
    />
  );
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Stack gap="xs" role="group" aria-label={t('feedbackActions.nlColumn')} lang="nl">
          {area('saidNl', t('feedbackActions.saidNl'), t('feedbackActions.saidHint'))}
          {area('didNl', t('feedbackActions.didNl'), t('feedbackActions.didHint'))}
        </Stack>
        <Stack gap="xs" role="group" aria-label={t('feedbackActions.enColumn')} lang="en">
          {area('saidEn', t('feedbackActions.saidEn'), t('feedbackActions.saidHint'))}
          {area('didEn', t('feedbackActions.didEn'), t('feedbackActions.didHint'))}
        </Stack>
      </SimpleGrid>
      <MultiSelect
        label={t('feedbackActions.results')}
        description={t('feedbackActions.resultsHint')}
        data={results.data}
        maxValues={MAX_RESULTS}
        searchable
        clearable
        {...form.getInputProps('resultKeys')}
      />
      <Select
        label={t('feedbackActions.change')}
        description={
          changes.data && changeOptions.length === 0
            ? t('feedbackActions.noChanges')
            : t('feedbackActions.changeHint')
        }
        data={changeOptions}
        clearable
        disabled={changeOptions.length === 0}
        {...form.getInputProps('programmeChangeId')}
      />
    </Stack>
  );
}

function NewAction({
  programmeId,
  participants,
  results,
}: {
  programmeId: string;
  participants: number | null;
  results: ResultOptions;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useActionForm(emptyValues);
  const [isConfirming, setConfirming] = useState(false);
  const create = useMutation({
    mutationFn: (values: ActionValues) =>
      unwrap(
        api.POST('/api/programmes/{id}/feedback-actions', {
          params: { path: { id: programmeId } },
          body: trimmed(values),
        }),
      ),
    onSuccess: async (created) => {
      setConfirming(false);
      form.reset();
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('feedbackActions.recorded', { count: created.notified }),
      });
      await queryClient.invalidateQueries({ queryKey: feedbackActionsKey(programmeId) });
      await queryClient.invalidateQueries({
        queryKey: [...programmesQueryKey, 'changes', programmeId],
      });
    },
  });

  return (
    <Paper withBorder p="md" radius="sm">
      <form noValidate onSubmit={form.onSubmit(() => setConfirming(true))}>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('feedbackActions.record')}
          </Title>
          <ActionFields form={form} programmeId={programmeId} results={results} />
          <Button type="submit" style={{ alignSelf: 'flex-end' }}>
            {t('feedbackActions.submit')}
          </Button>
        </Stack>
      </form>
      <ConfirmModal
        opened={isConfirming}
        onClose={() => setConfirming(false)}
        title={t('feedbackActions.confirmTitle')}
        confirmLabel={t('feedbackActions.confirm')}
        onConfirm={() => create.mutate(form.values)}
        loading={create.isPending}
        error={create.error}
        confirmDisabled={participants === null}
        color="blue"
      >
        <Text size="sm">
          {participants === 0
            ? t('feedbackActions.confirmNone')
            : t('feedbackActions.confirmText', { count: participants ?? 0 })}
        </Text>
      </ConfirmModal>
    </Paper>
  );
}

function ActionCard({
  programmeId,
  action,
  labelOf,
  results,
}: {
  programmeId: string;
  action: FeedbackAction;
  labelOf: (key: string) => string;
  results: ResultOptions;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [isEditing, setEditing] = useState(false);
  const [isDeleting, setDeleting] = useState(false);
  const date = formatDate(action.createdAt, i18n.language);
  const form = useActionForm(emptyValues);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: feedbackActionsKey(programmeId) });
  const change = useMutation({
    mutationFn: (values: ActionValues) =>
      unwrap(
        api.PATCH('/api/programmes/{id}/feedback-actions/{actionId}', {
          params: { path: { id: programmeId, actionId: action.id } },
          body: trimmed(values),
        }),
      ),
    onSuccess: async () => {
      setEditing(false);
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('feedbackActions.saved'),
      });
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () =>
      expectNoContent(
        api.DELETE('/api/programmes/{id}/feedback-actions/{actionId}', {
          params: { path: { id: programmeId, actionId: action.id } },
        }),
      ),
    onSuccess: async () => {
      setDeleting(false);
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('feedbackActions.deleted'),
      });
      await refresh();
    },
  });

  const pair = (lang: 'nl' | 'en', said: string, did: string) => (
    <Stack gap={4} lang={lang}>
      <Text size="xs" c="dimmed" fw={600}>
        {lang === 'nl' ? t('feedbackActions.nlColumn') : t('feedbackActions.enColumn')}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        <strong>{t('feedbackActions.youSaid')}:</strong> {said}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        <strong>{t('feedbackActions.weDid')}:</strong> {did}
      </Text>
    </Stack>
  );

  return (
    <Paper withBorder p="md" radius="sm" component="article">
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          {t('feedbackActions.recordedOn', { date })}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {pair('nl', action.saidNl, action.didNl)}
          {pair('en', action.saidEn, action.didEn)}
        </SimpleGrid>
        {action.resultKeys.length > 0 && (
          <Group gap={6} wrap="wrap">
            <Text size="xs" c="dimmed">
              {t('feedbackActions.answers')}:
            </Text>
            {action.resultKeys.map((key) => (
              <Badge key={key} variant="light" color="blue.9" style={{ textTransform: 'none' }}>
                {labelOf(key)}
              </Badge>
            ))}
          </Group>
        )}
        {action.change && (
          <Text size="xs">
            {t('feedbackActions.linkedChange', {
              date: formatDateTime(action.change.createdAt, i18n.language),
              fields: fieldsText(action.change.fields, t, i18n.language),
            })}
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            size="compact-sm"
            aria-label={t('feedbackActions.editLabel', { date })}
            onClick={() => {
              form.setValues({
                saidNl: action.saidNl,
                saidEn: action.saidEn,
                didNl: action.didNl,
                didEn: action.didEn,
                resultKeys: action.resultKeys,
                programmeChangeId: action.change?.id ?? null,
              });
              setEditing(true);
            }}
          >
            {t('feedbackActions.edit')}
          </Button>
          <Button
            variant="default"
            size="compact-sm"
            color="red.8"
            aria-label={t('feedbackActions.deleteLabel', { date })}
            onClick={() => setDeleting(true)}
          >
            {t('feedbackActions.delete')}
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={isEditing}
        onClose={() => setEditing(false)}
        title={t('feedbackActions.editTitle')}
        size="xl"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form noValidate onSubmit={form.onSubmit((values) => change.mutate(values))}>
          <Stack gap="sm">
            <Text size="sm">{t('feedbackActions.editNote')}</Text>
            <ActionFields form={form} programmeId={programmeId} results={results} />
            <ErrorMessage error={change.error} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={change.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <ConfirmModal
        opened={isDeleting}
        onClose={() => setDeleting(false)}
        title={t('feedbackActions.deleteTitle')}
        confirmLabel={t('feedbackActions.delete')}
        onConfirm={() => remove.mutate()}
        loading={remove.isPending}
        error={remove.error}
      >
        <Text size="sm">{t('feedbackActions.deleteText')}</Text>
      </ConfirmModal>
    </Paper>
  );
}
