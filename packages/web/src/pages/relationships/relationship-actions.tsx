import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ConfirmModal } from '../../components/confirm-modal';
import { ErrorMessage } from '../../components/states';
import { relationshipsQueryKey } from './relationships-page';
import { relationshipKeys, type RelationshipSpace } from './relationship-types';

/** Tomorrow as YYYY-MM-DD in the browser's time: the earliest return date. */
function tomorrow(): string {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Pause (with an optional return date), resume and end — either side, without blame. The reason
 * asked for is the programme's alone; both dialogs say the other side never sees it.
 */
export function RelationshipActions({
  space,
  onEnded,
}: {
  space: RelationshipSpace;
  onEnded: (space: RelationshipSpace) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [pausing, setPausing] = useState(false);
  const [ending, setEnding] = useState(false);
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const path = { params: { path: { id: space.id } } };
  const leaves = space.isGroup && space.myRole === 'mentee';

  const refresh = async (updated: RelationshipSpace) => {
    queryClient.setQueryData(relationshipKeys.space(space.id), updated);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: relationshipKeys.all(space.id) }),
      queryClient.invalidateQueries({ queryKey: relationshipsQueryKey }),
    ]);
  };
  const close = () => {
    setPausing(false);
    setEnding(false);
    setReason('');
    setUntil('');
  };
  const pause = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/relationships/{id}/pause', {
          ...path,
          body: { until: until || null, reason: reason.trim() || null },
        }),
      ),
    onSuccess: async (updated) => {
      close();
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('mentoring.actions.paused'),
      });
      await refresh(updated);
    },
  });
  const resume = useMutation({
    mutationFn: () => unwrap(api.POST('/api/relationships/{id}/resume', path)),
    onSuccess: async (updated) => {
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('mentoring.actions.resumed'),
      });
      await refresh(updated);
    },
  });
  const end = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/relationships/{id}/end', {
          ...path,
          body: { reason: reason.trim() || null },
        }),
      ),
    onSuccess: async (updated) => {
      close();
      await refresh(updated);
      onEnded(updated);
    },
  });

  if (!space.canChange) return null;
  return (
    <>
      <Group gap="sm">
        {space.status === 'paused' ? (
          <Button variant="default" loading={resume.isPending} onClick={() => resume.mutate()}>
            {t('mentoring.actions.resume')}
          </Button>
        ) : (
          <Button variant="default" onClick={() => setPausing(true)}>
            {t('mentoring.actions.pause')}
          </Button>
        )}
        <Button variant="default" color="red.8" onClick={() => setEnding(true)}>
          {leaves ? t('mentoring.actions.leave') : t('mentoring.actions.end')}
        </Button>
      </Group>
      <ErrorMessage error={resume.error} />

      <Modal
        opened={pausing}
        onClose={close}
        title={t('mentoring.pause.title')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            pause.mutate();
          }}
        >
          <Stack>
            <Text size="sm">{t('mentoring.pause.text')}</Text>
            <TextInput
              type="date"
              label={t('mentoring.pause.until')}
              description={t('mentoring.pause.untilHint')}
              min={tomorrow()}
              value={until}
              onChange={(event) => setUntil(event.currentTarget.value)}
            />
            <Textarea
              label={t('mentoring.pause.reason')}
              description={t('mentoring.pause.reasonHint')}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={2000}
            />
            <ErrorMessage error={pause.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={pause.isPending}>
                {t('mentoring.actions.pause')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>

      <ConfirmModal
        opened={ending}
        onClose={close}
        title={leaves ? t('mentoring.end.leaveTitle') : t('mentoring.end.title')}
        confirmLabel={leaves ? t('mentoring.actions.leave') : t('mentoring.actions.end')}
        onConfirm={() => end.mutate()}
        loading={end.isPending}
        error={end.error}
      >
        <Text size="sm">
          {leaves
            ? t('mentoring.end.leaveText')
            : space.isGroup
              ? t('mentoring.end.groupText')
              : t('mentoring.end.text')}
        </Text>
        <Textarea
          label={t('mentoring.end.reason')}
          description={t('mentoring.end.reasonHint')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
        />
      </ConfirmModal>
    </>
  );
}
