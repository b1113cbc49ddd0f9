import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/confirm-modal';
import { useInvitationStatus, useInviteAudience } from './use-leadership';

/** Managers invite a published programme's audience to enrol, once per person, after confirming. */
export function InviteAudience({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const status = useInvitationStatus(programmeId, true);
  const invite = useInviteAudience(programmeId);
  const notYet = status.data?.notYetInvited ?? 0;
  return (
    <>
      <Group gap="sm" wrap="wrap">
        <Button
          variant="default"
          onClick={() => {
            invite.reset();
            setAsking(true);
            void status.refetch();
          }}
        >
          {t('leadership.invite')}
        </Button>
        {status.data && status.data.invited > 0 && (
          <Text size="sm" c="dimmed">
            {t('leadership.invited', { count: status.data.invited })}
          </Text>
        )}
      </Group>
      <ConfirmModal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('leadership.inviteTitle')}
        confirmLabel={t('leadership.inviteConfirm')}
        color="blue"
        loading={invite.isPending}
        error={invite.error}
        confirmDisabled={status.isFetching || notYet === 0}
        onConfirm={() =>
          invite.mutate(undefined, {
            onSuccess: (sent) => {
              setAsking(false);
              notifications.show({
                closeButtonProps: { 'aria-label': t('common.close') },
                color: 'green',
                message: t('leadership.invitedNow', { count: sent.invited }),
              });
            },
          })
        }
      >
        <Text>
          {status.isFetching
            ? t('common.loading')
            : notYet === 0
              ? t('leadership.inviteNobody')
              : t('leadership.inviteCount', { count: notYet })}
        </Text>
      </ConfirmModal>
    </>
  );
}
