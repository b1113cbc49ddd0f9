import { NativeSelect } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLanguage } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { describeError } from '../api/errors';
import { currentLocale, i18n } from '../i18n';
import { isLocale, type Locale } from '../i18n/locale';
import { meQueryKey, useMe } from '../session/use-me';

const choices: { value: Locale; label: string }[] = [
  // Each language is named in itself, so it can be found whatever language is showing.
  { value: 'nl', label: 'Nederlands' },
  { value: 'en', label: 'English' },
];

/** Switches the interface language at once and, when signed in, remembers it for the user. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (locale: Locale) => unwrap(api.PATCH('/api/me', { body: { locale } })),
    onSuccess: (updated) => queryClient.setQueryData(meQueryKey, updated),
    // The switch itself already happened; only remembering it failed, so say so quietly.
    onError: (error) =>
      notifications.show({
        color: 'yellow',
        title: t('language.notSaved'),
        message: describeError(error, t),
      }),
  });

  function choose(value: string) {
    if (!isLocale(value)) return;
    void i18n.changeLanguage(value);
    if (me) save.mutate(value);
  }

  return (
    <NativeSelect
      aria-label={t('language.label')}
      leftSection={<IconLanguage size={16} aria-hidden />}
      value={currentLocale()}
      onChange={(event) => choose(event.currentTarget.value)}
      data={choices}
      w={150}
    />
  );
}
