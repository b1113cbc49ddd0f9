import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { peopleQueryKey } from './people-types';
import { PersonForm, toPersonBody, type PersonFormValues } from './person-form';

export function InvitePersonModal({
  opened,
  onClose,
  onInvited,
}: {
  opened: boolean;
  onClose: () => void;
  onInvited: (personId: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const invite = useMutation({
    mutationFn: (values: PersonFormValues) =>
      unwrap(
        api.POST('/api/people', {
          body: { ...toPersonBody(values), sendInvitation: values.sendInvitation },
        }),
      ),
    onSuccess: async (person) => {
      notifications.show({ color: 'green', message: t('people.invited', { name: person.name }) });
      await queryClient.invalidateQueries({ queryKey: peopleQueryKey });
      invite.reset();
      onInvited(person.id);
    },
  });

  return (
    <Modal
      opened={opened}
      onClose={() => {
        invite.reset();
        onClose();
      }}
      title={t('people.inviteTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      {opened && (
        <PersonForm
          submitLabel={t('people.invite')}
          pending={invite.isPending}
          error={invite.error}
          onSubmit={(values) => invite.mutate(values)}
          onCancel={onClose}
        />
      )}
    </Modal>
  );
}
