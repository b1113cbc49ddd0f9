import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { ErrorMessage } from '../../components/states';
import { programmesQueryKey } from './programme-types';

export const requestsQueryKey = ['requests'] as const;

interface RequestValues {
  message: string;
  hopes: string;
}

/** A personal request: never a form letter, so the message is the first field and required. */
export function RequestModal({
  programmeId,
  person,
  asMentor,
  onClose,
}: {
  programmeId: string;
  person: { id: string; name: string } | null;
  asMentor: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<RequestValues>({
    initialValues: { message: '', hopes: '' },
    validate: {
      message: (value) =>
        value.trim().length >= 10 ? null : t('validation.minLength', { count: 10 }),
    },
  });
  const send = useMutation({
    mutationFn: (values: RequestValues) =>
      unwrap(
        api.POST('/api/programmes/{id}/requests', {
          params: { path: { id: programmeId } },
          body: {
            toPersonId: person?.id ?? '',
            message: values.message.trim(),
            hopes: values.hopes.trim(),
          },
        }),
      ),
    onSuccess: async () => {
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('suggestions.requestSent', { name: person?.name ?? '' }),
      });
      form.reset();
      await Promise.all([
        queryClient.invalidateQueries({
          queryKey: [...programmesQueryKey, 'suggestions', programmeId],
        }),
        queryClient.invalidateQueries({ queryKey: requestsQueryKey }),
      ]);
      onClose();
    },
  });
  const serverErrors = send.error instanceof ApiError ? send.error.fieldErrors() : {};

  return (
    <Modal
      opened={person !== null}
      onClose={() => {
        send.reset();
        onClose();
      }}
      title={t(asMentor ? 'suggestions.offerTitle' : 'suggestions.requestTitle', {
        name: person?.name ?? '',
      })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      <form onSubmit={form.onSubmit((values) => send.mutate(values))} noValidate>
        <Stack>
          <Text size="sm">{t('suggestions.requestIntro')}</Text>
          <Textarea
            label={t('suggestions.message')}
            description={t('suggestions.messageHint')}
            required
            autosize
            minRows={4}
            maxLength={2000}
            data-autofocus
            {...form.getInputProps('message')}
            error={form.errors.message ?? serverErrors.message}
          />
          <Textarea
            label={asMentor ? t('suggestions.hopesMentor') : t('suggestions.hopes')}
            description={t('suggestions.hopesHint')}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('hopes')}
            error={serverErrors.hopes}
          />
          <ErrorMessage error={send.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending}>
              {t('suggestions.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
