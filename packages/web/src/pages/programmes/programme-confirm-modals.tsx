import { List, Text } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ConfirmModal } from '../../components/confirm-modal';
import { LoadingState } from '../../components/states';
import { formatDate, type Programme } from './programme-types';
import { requestsQueryKey } from './request-modal';
import { useClosePreview, type ProgrammeTransition } from './use-programme';

type Transition = UseMutationResult<Programme, Error, ProgrammeTransition>;

const today = () => new Date().toISOString().slice(0, 10);

/** A closed programme opens again while its end date has not passed (the server decides too). */
export function canReopen(programme: Programme, on = today()): boolean {
  return programme.status === 'closed' && (!programme.endsOn || programme.endsOn >= on);
}

/** Asks before closing, with what closing does counted now. */
export function CloseProgrammeModal({
  programme,
  opened,
  onClose,
  transition,
}: {
  programme: Programme;
  opened: boolean;
  onClose: () => void;
  transition: Transition;
}) {
  const { t, i18n } = useTranslation();
  const preview = useClosePreview(programme.id, opened);
  const counts = preview.data;
  const line = (
    key: 'enrolled' | 'requests' | 'introductions' | 'relationships',
    count: number,
  ): string =>
    count === 0
      ? t(`programmes.closeConfirm.${key}None`)
      : t(`programmes.closeConfirm.${key}`, { count });
  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={t('programmes.closeConfirm.title', { name: programme.name })}
      confirmLabel={t('programmes.close')}
      onConfirm={() => transition.mutate('close', { onSuccess: onClose })}
      loading={transition.isPending}
      error={transition.error ?? preview.error}
      confirmDisabled={!counts}
    >
      {!counts ? (
        preview.isPending && <LoadingState />
      ) : (
        <>
          <Text size="sm">{t('programmes.closeConfirm.intro')}</Text>
          <List size="sm" spacing={6} data-testid="close-consequences">
            <List.Item>{line('enrolled', counts.enrolled)}</List.Item>
            <List.Item>{line('requests', counts.pendingRequests)}</List.Item>
            <List.Item>{line('introductions', counts.openIntroductions)}</List.Item>
            <List.Item>{line('relationships', counts.activeRelationships)}</List.Item>
            {counts.peopleToNotify > 0 && (
              <List.Item>
                {t('programmes.closeConfirm.notified', { count: counts.peopleToNotify })}
              </List.Item>
            )}
          </List>
          <Text size="sm">
            {programme.endsOn
              ? t('programmes.closeConfirm.reopenUntil', {
                  date: formatDate(programme.endsOn, i18n.language),
                })
              : t('programmes.closeConfirm.reopenLater')}
          </Text>
        </>
      )}
    </ConfirmModal>
  );
}

/** Asks before publishing: it cannot go back to draft. */
export function PublishProgrammeModal({
  programme,
  opened,
  onClose,
  transition,
}: {
  programme: Programme;
  opened: boolean;
  onClose: () => void;
  transition: Transition;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={t('programmes.publishConfirm.title', { name: programme.name })}
      confirmLabel={t('programmes.publish')}
      onConfirm={() => transition.mutate('publish', { onSuccess: onClose })}
      loading={transition.isPending}
      error={transition.error}
      color="blue"
    >
      <Text size="sm">{t('programmes.publishConfirm.text')}</Text>
    </ConfirmModal>
  );
}

/** What leaving closes, counted from the caller's own lists while the question is open. */
export function useLeaveConsequences(programmeId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...requestsQueryKey, 'leave', programmeId],
    enabled,
    staleTime: 0,
    gcTime: 0,
    queryFn: async () => {
      const [inbox, outbox, introductions] = await Promise.all([
        unwrap(api.GET('/api/requests', { params: { query: { box: 'inbox' } } })),
        unwrap(api.GET('/api/requests', { params: { query: { box: 'outbox' } } })),
        unwrap(api.GET('/api/introductions')),
      ]);
      const requests = [...inbox.items, ...outbox.items].filter(
        (r) => r.programme.id === programmeId && r.status === 'pending',
      ).length;
      const open = introductions.items.filter(
        (i) => i.programme.id === programmeId && i.status === 'pending',
      ).length;
      return { requests, introductions: open };
    },
  });
}
