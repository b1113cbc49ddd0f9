import { Badge, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconLock, IconUsers } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ConfirmModal } from '../../components/confirm-modal';
import { EmptyMessage, ErrorMessage, ErrorState, LoadingState } from '../../components/states';
import { formatDateTime, spaceKeys, type Note } from './space-types';

type Visibility = Note['visibility'];

/**
 * Shared notes everyone in the relationship reads, and private notes only their author can read —
 * marked as such on every note and in the form.
 */
export function NotesSection({
  relationshipId,
  canChange,
}: {
  relationshipId: string;
  canChange: boolean;
}) {
  const { t } = useTranslation();
  const notes = useQuery({
    queryKey: spaceKeys.notes(relationshipId),
    queryFn: () =>
      unwrap(
        api.GET('/api/relationships/{id}/notes', { params: { path: { id: relationshipId } } }),
      ),
  });
  const canWrite = canChange && (notes.data?.canWrite ?? true);

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="notes-title">
      <Stack>
        <Stack gap={4}>
          <Title order={2} size="h3" id="notes-title">
            {t('space.notes.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('space.notes.intro')}
          </Text>
        </Stack>
        {canWrite && <NoteForm relationshipId={relationshipId} />}
        {notes.data && !canWrite && <Text size="sm">{t('space.notes.readOnly')}</Text>}
        {notes.isPending ? (
          <LoadingState />
        ) : notes.isError ? (
          <ErrorState error={notes.error} onRetry={() => void notes.refetch()} />
        ) : notes.data.items.length === 0 ? (
          <EmptyMessage>{t('space.notes.empty')}</EmptyMessage>
        ) : (
          <Stack gap="sm">
            {[...notes.data.items].reverse().map((note) => (
              <NoteCard key={note.id} relationshipId={relationshipId} note={note} />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function VisibilityChoice({
  value,
  onChange,
}: {
  value: Visibility;
  onChange: (value: Visibility) => void;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('space.notes.visibility')}
      value={value}
      onChange={(next) => onChange(next as Visibility)}
    >
      <Group gap="md" mt={4} wrap="wrap">
        <Radio
          value="private"
          label={`${t('space.notes.private')} — ${t('space.notes.privateBadge').toLowerCase()}`}
        />
        <Radio value="shared" label={t('space.notes.shared')} />
      </Group>
    </Radio.Group>
  );
}

function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  const { t } = useTranslation();
  return visibility === 'private' ? (
    <Badge variant="outline" color="grape.9" leftSection={<IconLock size={14} aria-hidden />}>
      {t('space.notes.privateBadge')}
    </Badge>
  ) : (
    <Badge variant="outline" color="blue.9" leftSection={<IconUsers size={14} aria-hidden />}>
      {t('space.notes.sharedBadge')}
    </Badge>
  );
}

function NoteForm({ relationshipId }: { relationshipId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<{ body: string; visibility: Visibility }>({
    // Private first: a note written in a hurry is never shared by accident.
    initialValues: { body: '', visibility: 'private' },
    validate: { body: (value) => (value.trim() ? null : t('validation.required')) },
  });
  const add = useMutation({
    mutationFn: (values: { body: string; visibility: Visibility }) =>
      unwrap(
        api.POST('/api/relationships/{id}/notes', {
          params: { path: { id: relationshipId } },
          body: { body: values.body.trim(), visibility: values.visibility },
        }),
      ),
    onSuccess: async () => {
      form.setFieldValue('body', '');
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('space.notes.added'),
      });
      await queryClient.invalidateQueries({ queryKey: spaceKeys.notes(relationshipId) });
    },
  });

  return (
    <form noValidate onSubmit={form.onSubmit((values) => add.mutate(values))}>
      <Stack gap="xs">
        <Textarea
          label={t('space.notes.newNote')}
          autosize
          minRows={3}
          maxLength={10_000}
          {...form.getInputProps('body')}
        />
        <VisibilityChoice
          value={form.values.visibility}
          onChange={(value) => form.setFieldValue('visibility', value)}
        />
        <ErrorMessage error={add.error} />
        <Button type="submit" style={{ alignSelf: 'flex-end' }} loading={add.isPending}>
          {t('space.notes.add')}
        </Button>
      </Stack>
    </form>
  );
}

function NoteCard({ relationshipId, note }: { relationshipId: string; note: Note }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [isEditing, setEditing] = useState(false);
  const [isDeleting, setDeleting] = useState(false);
  const date = formatDateTime(note.createdAt, i18n.language);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: spaceKeys.notes(relationshipId) });
  const form = useForm<{ body: string; visibility: Visibility }>({
    initialValues: { body: note.body, visibility: note.visibility },
    validate: { body: (value) => (value.trim() ? null : t('validation.required')) },
  });
  const change = useMutation({
    mutationFn: (values: { body: string; visibility: Visibility }) =>
      unwrap(
        api.PATCH('/api/relationships/{id}/notes/{noteId}', {
          params: { path: { id: relationshipId, noteId: note.id } },
          body: { body: values.body.trim(), visibility: values.visibility },
        }),
      ),
    onSuccess: async () => {
      setEditing(false);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: async () => {
      const { response, error } = await api.DELETE('/api/relationships/{id}/notes/{noteId}', {
        params: { path: { id: relationshipId, noteId: note.id } },
      });
      if (!response.ok) throw error ?? new Error(String(response.status));
    },
    onSuccess: async () => {
      setDeleting(false);
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('space.notes.deleted'),
      });
      await refresh();
    },
  });

  return (
    <Paper
      withBorder
      p="md"
      radius="sm"
      bg={note.visibility === 'private' ? 'grape.0' : undefined}
      data-visibility={note.visibility}
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="xs" c="dimmed">
            {t('space.notes.by', { name: note.author.name, date })}
            {note.updatedAt !== note.createdAt &&
              ` · ${t('space.notes.edited', { date: formatDateTime(note.updatedAt, i18n.language) })}`}
          </Text>
          <VisibilityBadge visibility={note.visibility} />
        </Group>
        {isEditing ? (
          <form noValidate onSubmit={form.onSubmit((values) => change.mutate(values))}>
            <Stack gap="xs">
              <Textarea
                label={t('space.notes.body')}
                autosize
                minRows={3}
                maxLength={10_000}
                data-autofocus
                {...form.getInputProps('body')}
              />
              <VisibilityChoice
                value={form.values.visibility}
                onChange={(value) => form.setFieldValue('visibility', value)}
              />
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
        ) : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {note.body}
          </Text>
        )}
        {note.isMine && !isEditing && (
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              size="compact-sm"
              aria-label={t('space.notes.editLabel', { date })}
              onClick={() => {
                form.setValues({ body: note.body, visibility: note.visibility });
                setEditing(true);
              }}
            >
              {t('space.notes.edit')}
            </Button>
            <Button
              variant="default"
              size="compact-sm"
              color="red.8"
              aria-label={t('space.notes.deleteLabel', { date })}
              onClick={() => setDeleting(true)}
            >
              {t('space.notes.delete')}
            </Button>
          </Group>
        )}
      </Stack>
      <ConfirmModal
        opened={isDeleting}
        onClose={() => setDeleting(false)}
        title={t('space.notes.deleteTitle')}
        confirmLabel={t('space.notes.delete')}
        onConfirm={() => remove.mutate()}
        loading={remove.isPending}
        error={remove.error}
      >
        <Text size="sm">
          {note.visibility === 'private'
            ? t('space.notes.deletePrivate')
            : t('space.notes.deleteShared')}
        </Text>
      </ConfirmModal>
    </Paper>
  );
}
