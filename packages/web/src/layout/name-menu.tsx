import { ActionIcon, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconUserCircle, IconUserEdit } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { ErrorMessage } from '../components/states';
import { meQueryKey, type Me } from '../session/use-me';

/** The server's limit (PATCH /api/me). */
const PREFERRED_NAME_MAX_LENGTH = 40;

/**
 * The signed-in person's name in the header, as others see it, with a menu to choose a preferred
 * first name. The name itself comes from the organisation's directory and is not editable.
 */
export function NameMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [opened, dialog] = useDisclosure(false);
  if (!me.membership) {
    return (
      <Text size="sm" visibleFrom="sm">
        {me.user.displayName}
      </Text>
    );
  }
  const items = (
    <Menu.Dropdown>
      <Menu.Label>{me.user.displayName}</Menu.Label>
      <Menu.Item leftSection={<IconUserEdit size={16} aria-hidden />} onClick={dialog.open}>
        {t('account.preferredName')}
      </Menu.Item>
    </Menu.Dropdown>
  );
  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button
            variant="default"
            size="sm"
            visibleFrom="sm"
            rightSection={<IconChevronDown size={14} aria-hidden />}
            aria-label={t('account.menu', { name: me.user.displayName })}
          >
            {me.user.displayName}
          </Button>
        </Menu.Target>
        {items}
      </Menu>
      {/* On a phone the name does not fit the header: the same menu behind an icon. */}
      <Menu position="bottom-end">
        <Menu.Target>
          <ActionIcon
            variant="default"
            size="lg"
            hiddenFrom="sm"
            aria-label={t('account.menu', { name: me.user.displayName })}
          >
            <IconUserCircle size={20} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        {items}
      </Menu>
      <Modal opened={opened} onClose={dialog.close} title={t('account.preferredNameTitle')}>
        {opened && <PreferredNameForm me={me} onDone={dialog.close} />}
      </Modal>
    </>
  );
}

function PreferredNameForm({ me, onDone }: { me: Me; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(me.membership?.preferredName ?? '');
  const save = useMutation({
    mutationFn: (preferredName: string) =>
      unwrap(api.PATCH('/api/me', { body: { preferredName } })),
    onSuccess: (updated) => {
      queryClient.setQueryData(meQueryKey, updated);
      notifications.show({
        color: 'green',
        message: updated.membership?.preferredName ? t('account.saved') : t('account.cleared'),
      });
      onDone();
    },
  });
  const name = me.user.name;
  const example = `${me.membership?.preferredName || me.membership?.givenName || ''} (${name})`;

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(value);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('account.preferredNameIntro', { name, example })}</Text>
        <TextInput
          label={t('account.preferredNameLabel')}
          description={t('account.preferredNameHint', { count: PREFERRED_NAME_MAX_LENGTH })}
          value={value}
          maxLength={PREFERRED_NAME_MAX_LENGTH}
          onChange={(event) => setValue(event.currentTarget.value)}
          data-autofocus
        />
        {save.isError && <ErrorMessage error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
