import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Tabs, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { signInWithPassword } from '../../api/auth';
import { PageHeader } from '../../components/page-header';
import { LoadingState } from '../../components/states';
import { reloadMe, useMe } from '../../session/use-me';
import { describeSignInError, safeNext } from './auth-errors';
import { MagicLinkRequestForm } from './magic-link-request-form';
import { isEmail } from './validation';

export function SignInPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const next = safeNext(params.get('next'));
  const initialEmail = params.get('email') ?? '';
  const tab = params.get('method') === 'link' ? 'link' : 'password';

  const form = useForm({
    initialValues: { email: initialEmail, password: '' },
    validate: {
      email: (value) => (isEmail(value) ? null : t('validation.email')),
      password: (value) => (value ? null : t('validation.required')),
    },
  });

  const signIn = useMutation({
    mutationFn: (values: { email: string; password: string }) =>
      signInWithPassword(values.email.trim(), values.password),
    onSuccess: async () => {
      await reloadMe(queryClient);
      void navigate(next, { replace: true });
    },
  });

  if (me.isPending) return <LoadingState />;
  if (me.data && !signIn.isPending) return <Navigate to={next} replace />;

  return (
    <>
      <PageHeader title={t('auth.signIn.title')} description={t('auth.signIn.intro')} />
      <Paper withBorder p="lg">
        <Tabs
          keepMounted={false}
          value={tab}
          onChange={(value) => {
            const updated = new URLSearchParams(params);
            if (value === 'link') updated.set('method', 'link');
            else updated.delete('method');
            setParams(updated, { replace: true });
          }}
        >
          <Tabs.List grow mb="md">
            <Tabs.Tab value="password">{t('auth.signIn.withPassword')}</Tabs.Tab>
            <Tabs.Tab value="link">{t('auth.signIn.withLink')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="password">
            <form onSubmit={form.onSubmit((values) => signIn.mutate(values))} noValidate>
              <Stack>
                <TextInput
                  label={t('auth.email')}
                  type="email"
                  autoComplete="username"
                  required
                  {...form.getInputProps('email')}
                />
                <PasswordInput
                  label={t('auth.password')}
                  visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
                  autoComplete="current-password"
                  required
                  {...form.getInputProps('password')}
                />
                {signIn.isError && (
                  <Alert color="red" role="alert">
                    {describeSignInError(signIn.error, t)}
                  </Alert>
                )}
                <Button type="submit" loading={signIn.isPending}>
                  {t('auth.signIn.submit')}
                </Button>
                <Anchor component={Link} to="/forgot-password" size="sm">
                  {t('auth.signIn.forgotPassword')}
                </Anchor>
              </Stack>
            </form>
          </Tabs.Panel>
          <Tabs.Panel value="link">
            <MagicLinkRequestForm initialEmail={initialEmail} />
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </>
  );
}
