import {
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ConfirmModal } from '../../components/confirm-modal';
import { EmptyMessage, ErrorMessage, ErrorState, LoadingState } from '../../components/states';
import { expectNoContent } from '../programmes/api-helpers';
import { formatDate } from '../programmes/programme-types';
import { cohortsQueryKey, outcomesQueryKey, type CohortRef } from './outcome-types';

interface CohortValues {
  name: string;
  startsOn: string;
}

const MAX_NAME = 80;

function useCohortForm(initialValues: CohortValues) {
  const { t } = useTranslation();
  return useForm<CohortValues>({
    initialValues,
    validate: {
      name: (value) => (value.trim() ? null : t('validation.required')),
      startsOn: (value) =>
        /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : t('outcomes.cohorts.dateRequired'),
    },
  });
}

function CohortFields({ form }: { form: ReturnType<typeof useCohortForm> }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <TextInput
        label={t('outcomes.cohorts.name')}
        placeholder={t('outcomes.cohorts.namePlaceholder')}
        maxLength={MAX_NAME}
        required
        {...form.getInputProps('name')}
      />
      <TextInput
        type="date"
        label={t('outcomes.cohorts.startsOn')}
        required
        {...form.getInputProps('startsOn')}
      />
    </SimpleGrid>
  );
}

/**
 * The runs of a programme, for its managers: a cohort starts on a date and lasts until the next
 * one starts. Adding, renaming, moving and removing one changes how the report groups people.
 */
export function CohortsEditor({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const queryClient = useQueryClient();
  const cohorts = useQuery({
    queryKey: cohortsQueryKey(programmeId),
    queryFn: () =>
      unwrap(
        api.GET('/api/programmes/{programmeId}/cohorts', { params: { path: { programmeId } } }),
      ),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: outcomesQueryKey });
  const form = useCohortForm({ name: '', startsOn: '' });
  const create = useMutation({
    mutationFn: (values: CohortValues) =>
      unwrap(
        api.POST('/api/programmes/{programmeId}/cohorts', {
          params: { path: { programmeId } },
          body: { name: values.name.trim(), startsOn: values.startsOn },
        }),
      ),
    onSuccess: async (created) => {
      form.reset();
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('outcomes.cohorts.added', { name: created.name }),
      });
      await refresh();
    },
  });

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {t('outcomes.cohorts.title')}
        </Title>
        <Text size="sm">{t('outcomes.cohorts.intro')}</Text>
        {cohorts.isPending ? (
          <LoadingState />
        ) : cohorts.isError ? (
          <ErrorState error={cohorts.error} onRetry={() => void cohorts.refetch()} />
        ) : cohorts.data.items.length === 0 ? (
          <EmptyMessage>{t('outcomes.cohorts.empty')}</EmptyMessage>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {cohorts.data.items.map((cohort, index) => (
              <CohortItem
                key={cohort.id}
                programmeId={programmeId}
                cohort={cohort}
                previous={cohorts.data.items[index - 1] ?? null}
                onChanged={refresh}
              />
            ))}
          </Stack>
        )}
        <form noValidate onSubmit={form.onSubmit((values) => create.mutate(values))}>
          <Stack gap="sm">
            <Title order={3} size="h5">
              {t('outcomes.cohorts.new')}
            </Title>
            <CohortFields form={form} />
            <ErrorMessage error={create.error} />
            <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('outcomes.cohorts.add')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

function CohortItem({
  programmeId,
  cohort,
  previous,
  onChanged,
}: {
  programmeId: string;
  cohort: CohortRef;
  previous: CohortRef | null;
  onChanged: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [isEditing, setEditing] = useState(false);
  const [isDeleting, setDeleting] = useState(false);
  const form = useCohortForm({ name: cohort.name, startsOn: cohort.startsOn });
  const path = { programmeId, cohortId: cohort.id };
  const change = useMutation({
    mutationFn: (values: CohortValues) =>
      unwrap(
        api.PATCH('/api/programmes/{programmeId}/cohorts/{cohortId}', {
          params: { path },
          body: { name: values.name.trim(), startsOn: values.startsOn },
        }),
      ),
    onSuccess: async () => {
      setEditing(false);
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('outcomes.cohorts.saved'),
      });
      await onChanged();
    },
  });
  const remove = useMutation({
    mutationFn: () =>
      expectNoContent(
        api.DELETE('/api/programmes/{programmeId}/cohorts/{cohortId}', { params: { path } }),
      ),
    onSuccess: async () => {
      setDeleting(false);
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('outcomes.cohorts.deleted', { name: cohort.name }),
      });
      await onChanged();
    },
  });

  return (
    <Paper component="li" withBorder p="sm" radius="sm">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {cohort.name}
          </Text>
          <Text size="sm" c="dimmed">
            {t('outcomes.cohorts.startsOnValue', {
              date: formatDate(cohort.startsOn, i18n.language),
            })}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button
            variant="default"
            size="compact-sm"
            aria-label={t('outcomes.cohorts.editLabel', { name: cohort.name })}
            onClick={() => {
              form.setValues({ name: cohort.name, startsOn: cohort.startsOn });
              change.reset();
              setEditing(true);
            }}
          >
            {t('outcomes.cohorts.edit')}
          </Button>
          <Button
            variant="default"
            size="compact-sm"
            c="red.8"
            aria-label={t('outcomes.cohorts.deleteLabel', { name: cohort.name })}
            onClick={() => {
              remove.reset();
              setDeleting(true);
            }}
          >
            {t('outcomes.cohorts.delete')}
          </Button>
        </Group>
      </Group>
      <Modal
        opened={isEditing}
        onClose={() => setEditing(false)}
        title={t('outcomes.cohorts.editTitle', { name: cohort.name })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form noValidate onSubmit={form.onSubmit((values) => change.mutate(values))}>
          <Stack gap="sm">
            <Text size="sm">{t('outcomes.cohorts.editNote')}</Text>
            <CohortFields form={form} />
            <ErrorMessage error={change.error} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={change.isPending}>
                {t('outcomes.cohorts.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <ConfirmModal
        opened={isDeleting}
        onClose={() => setDeleting(false)}
        title={t('outcomes.cohorts.deleteTitle', { name: cohort.name })}
        confirmLabel={t('outcomes.cohorts.deleteConfirm')}
        onConfirm={() => remove.mutate()}
        loading={remove.isPending}
        error={remove.error}
      >
        <Text size="sm">
          {previous
            ? t('outcomes.cohorts.deleteText', { previous: previous.name })
            : t('outcomes.cohorts.deleteTextFirst')}
        </Text>
        <Text size="sm">{t('outcomes.cohorts.deleteKeeps')}</Text>
      </ConfirmModal>
    </Paper>
  );
}
