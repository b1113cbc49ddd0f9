import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { ConfirmModal } from '../../components/confirm-modal';
import { EmptyMessage, ErrorMessage, ErrorState, LoadingState } from '../../components/states';
import { formatDateTime, goalStatuses, spaceKeys, type Goal, type GoalStatus } from './space-types';

const statusColor: Record<GoalStatus, string> = {
  open: 'gray.8',
  in_progress: 'blue.9',
  achieved: 'green.9',
  dropped: 'gray.7',
};

/** The relationship's goals with their status and progress notes: add, change, note, delete. */
export function GoalsSection({
  relationshipId,
  canChange,
}: {
  relationshipId: string;
  canChange: boolean;
}) {
  const { t } = useTranslation();
  const goals = useQuery({
    queryKey: spaceKeys.goals(relationshipId),
    queryFn: () =>
      unwrap(
        api.GET('/api/relationships/{id}/goals', { params: { path: { id: relationshipId } } }),
      ),
  });
  const isOpen = canChange && (goals.data?.canChange ?? true);

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="goals-title">
      <Stack>
        <Stack gap={4}>
          <Title order={2} size="h3" id="goals-title">
            {t('space.goals.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('space.goals.intro')}
          </Text>
        </Stack>
        {goals.isPending ? (
          <LoadingState />
        ) : goals.isError ? (
          <ErrorState error={goals.error} onRetry={() => void goals.refetch()} />
        ) : goals.data.items.length === 0 ? (
          <EmptyMessage>{t('space.goals.empty')}</EmptyMessage>
        ) : (
          <Stack gap="sm">
            {goals.data.items.map((goal) => (
              <GoalCard
                key={goal.id}
                relationshipId={relationshipId}
                goal={goal}
                canChange={isOpen}
              />
            ))}
          </Stack>
        )}
        {isOpen && <AddGoalForm relationshipId={relationshipId} />}
      </Stack>
    </Paper>
  );
}

function AddGoalForm({ relationshipId }: { relationshipId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { title: '' },
    validate: { title: (value) => (value.trim() ? null : t('validation.required')) },
  });
  const add = useMutation({
    mutationFn: (title: string) =>
      unwrap(
        api.POST('/api/relationships/{id}/goals', {
          params: { path: { id: relationshipId } },
          body: { title },
        }),
      ),
    onSuccess: async () => {
      form.reset();
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('space.goals.added'),
      });
      await queryClient.invalidateQueries({ queryKey: spaceKeys.goals(relationshipId) });
    },
  });
  const serverErrors = add.error instanceof ApiError ? add.error.fieldErrors() : {};

  return (
    <form noValidate onSubmit={form.onSubmit((values) => add.mutate(values.title.trim()))}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label={t('space.goals.newGoal')}
          style={{ flex: '1 1 14rem' }}
          maxLength={300}
          {...form.getInputProps('title')}
          error={form.errors.title ?? serverErrors.title}
        />
        <Button
          type="submit"
          mt={{ base: 0, xs: 25 }}
          leftSection={<IconPlus size={18} aria-hidden />}
          loading={add.isPending}
        >
          {t('space.goals.add')}
        </Button>
      </Group>
      {add.error && !serverErrors.title && <ErrorMessage error={add.error} />}
    </form>
  );
}

function GoalCard({
  relationshipId,
  goal,
  canChange,
}: {
  relationshipId: string;
  goal: Goal;
  canChange: boolean;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [isEditing, setEditing] = useState(false);
  const [isDeleting, setDeleting] = useState(false);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: spaceKeys.goals(relationshipId) });
  const change = useMutation({
    mutationFn: (body: { title?: string; status?: GoalStatus }) =>
      unwrap(
        api.PATCH('/api/relationships/{id}/goals/{goalId}', {
          params: { path: { id: relationshipId, goalId: goal.id } },
          body,
        }),
      ),
    onSuccess: async () => {
      setEditing(false);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: async () => {
      const { response, error } = await api.DELETE('/api/relationships/{id}/goals/{goalId}', {
        params: { path: { id: relationshipId, goalId: goal.id } },
      });
      if (!response.ok) throw error ?? new Error(String(response.status));
    },
    onSuccess: async () => {
      setDeleting(false);
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('space.goals.deleted'),
      });
      await refresh();
    },
  });
  const titleForm = useForm({
    initialValues: { title: goal.title },
    validate: { title: (value) => (value.trim() ? null : t('validation.required')) },
  });

  return (
    <Paper withBorder p="md" radius="sm">
      <Stack gap="sm">
        {isEditing ? (
          <form
            noValidate
            onSubmit={titleForm.onSubmit((values) => change.mutate({ title: values.title.trim() }))}
          >
            <Stack gap="xs">
              <TextInput
                label={t('space.goals.titleLabel')}
                maxLength={300}
                data-autofocus
                {...titleForm.getInputProps('title')}
              />
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
        ) : (
          <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
            <Stack gap={2} style={{ flex: '1 1 12rem', minWidth: 0 }}>
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {goal.title}
              </Text>
              <Text size="xs" c="dimmed">
                {t('space.goals.addedBy', { name: goal.createdBy.name })}
              </Text>
            </Stack>
            {canChange ? (
              <Select
                aria-label={t('space.goals.statusOf', { goal: goal.title })}
                data={goalStatuses.map((status) => ({
                  value: status,
                  label: t(`space.goals.statuses.${status}`),
                }))}
                value={goal.status}
                allowDeselect={false}
                onChange={(value) => value && change.mutate({ status: value as GoalStatus })}
                w={180}
                size="xs"
              />
            ) : (
              <Badge variant="outline" color={statusColor[goal.status]}>
                {t(`space.goals.statuses.${goal.status}`)}
              </Badge>
            )}
          </Group>
        )}
        <ErrorMessage error={change.error} />
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('space.goals.progress')}
          </Text>
          {goal.notes.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('space.goals.noProgress')}
            </Text>
          ) : (
            <Stack gap={6} component="ul" style={{ margin: 0, paddingInlineStart: '1.2rem' }}>
              {goal.notes.map((note) => (
                <li key={note.id}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {note.body}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {note.author.name} · {formatDateTime(note.createdAt, i18n.language)}
                  </Text>
                </li>
              ))}
            </Stack>
          )}
        </Stack>
        {canChange && <GoalNoteForm relationshipId={relationshipId} goal={goal} />}
        {canChange && !isEditing && (
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              size="compact-sm"
              aria-label={t('space.goals.edit', { goal: goal.title })}
              onClick={() => {
                titleForm.setValues({ title: goal.title });
                setEditing(true);
              }}
            >
              {t('common.edit')}
            </Button>
            {goal.isMine && (
              <Button
                variant="default"
                size="compact-sm"
                color="red.8"
                aria-label={t('space.goals.deleteLabel', { goal: goal.title })}
                onClick={() => setDeleting(true)}
              >
                {t('space.goals.delete')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <ConfirmModal
        opened={isDeleting}
        onClose={() => setDeleting(false)}
        title={t('space.goals.deleteTitle', { goal: goal.title })}
        confirmLabel={t('space.goals.delete')}
        onConfirm={() => remove.mutate()}
        loading={remove.isPending}
        error={remove.error}
      >
        <Text size="sm">{t('space.goals.deleteText', { count: goal.notes.length })}</Text>
      </ConfirmModal>
    </Paper>
  );
}

function GoalNoteForm({ relationshipId, goal }: { relationshipId: string; goal: Goal }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { body: '' },
    validate: { body: (value) => (value.trim() ? null : t('validation.required')) },
  });
  const add = useMutation({
    mutationFn: (body: string) =>
      unwrap(
        api.POST('/api/relationships/{id}/goals/{goalId}/notes', {
          params: { path: { id: relationshipId, goalId: goal.id } },
          body: { body },
        }),
      ),
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: spaceKeys.goals(relationshipId) });
    },
  });

  return (
    <form noValidate onSubmit={form.onSubmit((values) => add.mutate(values.body.trim()))}>
      <Stack gap="xs">
        <Textarea
          label={t('space.goals.noteLabel', { goal: goal.title })}
          placeholder={t('space.goals.noteHint')}
          autosize
          minRows={2}
          maxLength={4000}
          {...form.getInputProps('body')}
        />
        <ErrorMessage error={add.error} />
        <Button
          type="submit"
          variant="light"
          size="compact-sm"
          style={{ alignSelf: 'flex-end' }}
          loading={add.isPending}
        >
          {t('space.goals.addNote')}
        </Button>
      </Stack>
    </form>
  );
}
