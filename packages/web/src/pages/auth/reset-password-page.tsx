import { Alert, Anchor, Button, Paper, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { resetPassword } from '../../api/auth';
import { ApiError } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { ErrorMessage } from '../../components/states';
import { describeAuthError } from './auth-errors';
import { MIN_PASSWORD_LENGTH } from './validation';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: {
      password: (value) =>
        value.length >= MIN_PASSWORD_LENGTH
          ? null
          : t('validation.passwordLength', { count: MIN_PASSWORD_LENGTH }),
      confirm: (value, values) =>
        value === values.password ? null : t('validation.passwordsDiffer'),
    },
  });
  const reset = useMutation({
    mutationFn: (password: string) => resetPassword(token ?? '', password),
  });

  const tokenRejected =
    reset.error instanceof ApiError &&
    reset.error.status === 400 &&
    reset.error.code === 'invalid_token';
  const invalid = !token || Boolean(params.get('error')) || tokenRejected;

  return (
    <>
      <PageHeader title={t('auth.reset.title')} />
      <Paper withBorder p="lg">
        {invalid ? (
          <Stack align="flex-start">
            <Alert color="yellow" role="alert" w="100%">
              {t('auth.reset.invalid')}
            </Alert>
            <Anchor component={Link} to="/forgot-password">
              {t('auth.reset.requestNew')}
            </Anchor>
          </Stack>
        ) : reset.isSuccess ? (
          <Stack align="flex-start">
            <Alert color="green" role="status" w="100%">
              {t('auth.reset.done')}
            </Alert>
            <Anchor component={Link} to="/sign-in">
              {t('auth.backToSignIn')}
            </Anchor>
          </Stack>
        ) : (
          <form onSubmit={form.onSubmit((values) => reset.mutate(values.password))} noValidate>
            <Stack>
              <PasswordInput
                label={t('auth.reset.newPassword')}
                description={t('validation.passwordLength', { count: MIN_PASSWORD_LENGTH })}
                autoComplete="new-password"
                visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
                required
                {...form.getInputProps('password')}
              />
              <PasswordInput
                label={t('auth.reset.confirmPassword')}
                autoComplete="new-password"
                visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
                required
                {...form.getInputProps('confirm')}
              />
              <ErrorMessage error={reset.error} describe={describeAuthError} />
              <Button type="submit" loading={reset.isPending}>
                {t('auth.reset.submit')}
              </Button>
            </Stack>
          </form>
        )}
      </Paper>
    </>
  );
}
