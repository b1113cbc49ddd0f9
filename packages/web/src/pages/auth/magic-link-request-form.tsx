import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { requestMagicLink } from '../../api/auth';
import { ErrorMessage } from '../../components/states';
import { describeAuthError } from './auth-errors';
import { isEmail } from './validation';

/** Asks for a sign-in link by email; the answer never reveals whether the address is known. */
export function MagicLinkRequestForm({ initialEmail = '' }: { initialEmail?: string }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { email: initialEmail },
    validate: { email: (value) => (isEmail(value) ? null : t('validation.email')) },
  });
  const request = useMutation({ mutationFn: (email: string) => requestMagicLink(email) });

  if (request.isSuccess) {
    return (
      <Alert
        color="green"
        icon={<IconMailCheck aria-hidden />}
        title={t('auth.magicLink.sentTitle')}
        role="status"
      >
        {t('auth.magicLink.sent', { email: form.values.email })}
      </Alert>
    );
  }

  return (
    <form onSubmit={form.onSubmit((values) => request.mutate(values.email.trim()))} noValidate>
      <Stack>
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="email"
          required
          {...form.getInputProps('email')}
        />
        <ErrorMessage error={request.error} describe={describeAuthError} />
        <Button type="submit" loading={request.isPending}>
          {t('auth.magicLink.send')}
        </Button>
      </Stack>
    </form>
  );
}
