import { Alert, Anchor, Button, Paper, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { requestPasswordReset } from '../../api/auth';
import { PageHeader } from '../../components/page-header';
import { ErrorMessage } from '../../components/states';
import { describeAuthError } from './auth-errors';
import { isEmail } from './validation';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (value) => (isEmail(value) ? null : t('validation.email')) },
  });
  const request = useMutation({ mutationFn: (email: string) => requestPasswordReset(email) });

  return (
    <>
      <PageHeader title={t('auth.forgot.title')} description={t('auth.forgot.intro')} />
      <Paper withBorder p="lg">
        {request.isSuccess ? (
          <Alert color="green" role="status" title={t('auth.forgot.sentTitle')}>
            {t('auth.forgot.sent')}
          </Alert>
        ) : (
          <form
            onSubmit={form.onSubmit((values) => request.mutate(values.email.trim()))}
            noValidate
          >
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
                {t('auth.forgot.submit')}
              </Button>
            </Stack>
          </form>
        )}
      </Paper>
      <Anchor component={Link} to="/sign-in" mt="md" display="inline-block">
        {t('auth.backToSignIn')}
      </Anchor>
    </>
  );
}
