import { Alert, Paper, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { verifyMagicLink } from '../../api/auth';
import { PageHeader } from '../../components/page-header';
import { ErrorState, LoadingState } from '../../components/states';
import { reloadMe } from '../../session/use-me';
import { describeAuthError } from './auth-errors';
import { MagicLinkRequestForm } from './magic-link-request-form';

/** Where the mailed link lands: exchange the one-time token for a session, then go home. */
export function MagicLinkPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const token = params.get('token');
  const serverError = params.get('error');

  // A query (not an effect) so that StrictMode's double mount shares one request: the token
  // works only once, and a second exchange would report it as used.
  const exchange = useQuery({
    queryKey: ['magic-link', token],
    queryFn: () => verifyMagicLink(token ?? ''),
    enabled: Boolean(token) && !serverError,
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
  });

  const signedIn = exchange.data === 'signed-in';
  useEffect(() => {
    if (!signedIn) return;
    void reloadMe(queryClient).then(() => navigate('/', { replace: true }));
  }, [signedIn, queryClient, navigate]);

  const invalid = !token || Boolean(serverError) || exchange.data === 'invalid';

  return (
    <>
      <PageHeader title={t('auth.magicLink.title')} />
      {invalid ? (
        <Stack>
          <Alert color="yellow" role="alert" title={t('auth.magicLink.invalidTitle')}>
            {t('auth.magicLink.invalid')}
          </Alert>
          <Paper withBorder p="lg">
            <Text mb="md">{t('auth.magicLink.requestNew')}</Text>
            <MagicLinkRequestForm />
          </Paper>
        </Stack>
      ) : exchange.isError ? (
        <ErrorState
          error={exchange.error}
          describe={describeAuthError}
          onRetry={() => void exchange.refetch()}
        />
      ) : (
        <LoadingState label={t('auth.magicLink.signingIn')} />
      )}
    </>
  );
}
