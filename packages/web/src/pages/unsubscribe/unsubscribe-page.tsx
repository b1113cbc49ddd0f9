import { Alert, Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { PageHeader } from '../../components/page-header';
import { ErrorMessage, ErrorState, LoadingState } from '../../components/states';

type Status = paths['/api/unsubscribe']['get']['responses'][200]['content']['application/json'];

/**
 * Where the unsubscribe link of a reminder mail lands, without signing in: it says which mail
 * the link is about and to which (masked) address, and stops or restarts it with one button.
 * Opening the page changes nothing (mail scanners open links too); the button does.
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const queryClient = useQueryClient();
  const queryKey = ['unsubscribe', token];

  const status = useQuery({
    queryKey,
    queryFn: () => unwrap(api.GET('/api/unsubscribe', { params: { query: { token } } })),
    enabled: token !== '',
    retry: false,
  });

  const change = useMutation({
    mutationFn: (stop: boolean) =>
      stop
        ? unwrap(api.POST('/api/unsubscribe', { body: { token } }))
        : unwrap(api.DELETE('/api/unsubscribe', { params: { query: { token } } })),
    onSuccess: (data) => queryClient.setQueryData(queryKey, data),
  });

  const isInvalid = status.error instanceof ApiError && [400, 404].includes(status.error.status);

  return (
    <>
      <PageHeader title={t('unsubscribe.title')} />
      {token === '' || isInvalid ? (
        <Alert color="yellow" role="alert" title={t('unsubscribe.invalidTitle')}>
          {token === '' ? t('unsubscribe.missingToken') : t('unsubscribe.invalid')}
        </Alert>
      ) : status.isPending ? (
        <LoadingState label={t('unsubscribe.checking')} />
      ) : status.isError ? (
        <ErrorState error={status.error} onRetry={() => void status.refetch()} />
      ) : (
        <StatusCard
          status={status.data}
          isSaving={change.isPending}
          justResubscribed={change.isSuccess && !status.data.isUnsubscribed}
          error={change.error}
          onChange={(stop) => change.mutate(stop)}
        />
      )}
      <Text mt="lg" size="sm">
        <Anchor component={Link} to="/">
          {t('unsubscribe.toSignIn')}
        </Anchor>
      </Text>
    </>
  );
}

function StatusCard({
  status,
  isSaving,
  justResubscribed,
  error,
  onChange,
}: {
  status: Status;
  isSaving: boolean;
  justResubscribed: boolean;
  error: unknown;
  onChange: (stop: boolean) => void;
}) {
  const { t } = useTranslation();
  const about = t('unsubscribe.about', {
    category: t(`unsubscribe.categories.${status.category}`),
    email: status.email,
  });
  return (
    <Paper withBorder p="lg">
      <Stack gap="md" align="flex-start">
        <Text>{about}</Text>
        {status.isUnsubscribed ? (
          <>
            <Alert color="green" role="status" title={t('unsubscribe.unsubscribedTitle')} w="100%">
              {t('unsubscribe.unsubscribedText')}
            </Alert>
            <Button variant="default" loading={isSaving} onClick={() => onChange(false)}>
              {t('unsubscribe.resubscribe')}
            </Button>
          </>
        ) : (
          <>
            {justResubscribed && (
              <Alert color="blue" role="status" w="100%">
                {t('unsubscribe.resubscribed')}
              </Alert>
            )}
            <Text>{t('unsubscribe.subscribedText')}</Text>
            <Button loading={isSaving} onClick={() => onChange(true)}>
              {t('unsubscribe.unsubscribe')}
            </Button>
          </>
        )}
        <ErrorMessage error={error} />
      </Stack>
    </Paper>
  );
}
