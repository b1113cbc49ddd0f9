import { Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { EmptyMessage, ErrorMessage, ErrorState, LoadingState } from '../../components/states';

type PendingDomain =
  paths['/api/admin/domains']['get']['responses'][200]['content']['application/json']['items'][number];

const pendingQueryKey = ['admin', 'domains'] as const;

/** Email domains that organisations claimed and did not verify by DNS: approve or turn down. */
export function PendingDomainsSection() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState<PendingDomain | null>(null);
  const pending = useQuery({
    queryKey: pendingQueryKey,
    queryFn: () => unwrap(api.GET('/api/admin/domains')),
  });
  const approve = useMutation({
    mutationFn: (domain: PendingDomain) =>
      unwrap(api.POST('/api/admin/domains/{id}/approve', { params: { path: { id: domain.id } } })),
    onSuccess: async (_, domain) => {
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('domains.approved', {
          domain: domain.domain,
          organisation: domain.organisation.name,
        }),
      });
      await queryClient.invalidateQueries({ queryKey: pendingQueryKey });
    },
  });
  const reject = useMutation({
    mutationFn: async (domain: PendingDomain) => {
      const { response, error } = await api.DELETE('/api/admin/domains/{id}', {
        params: { path: { id: domain.id } },
      });
      if (!response.ok) throw error ?? new Error(String(response.status));
    },
    onSuccess: async (_, domain) => {
      setRejecting(null);
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('domains.rejected', { domain: domain.domain }),
      });
      await queryClient.invalidateQueries({ queryKey: pendingQueryKey });
    },
  });
  const requested = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });

  return (
    <Stack component="section" aria-labelledby="pending-domains-title" mt="xl" gap="sm">
      <Title order={2} size="h3" id="pending-domains-title">
        {t('domains.pendingTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('domains.pendingIntro')}
      </Text>
      {pending.isPending ? (
        <LoadingState />
      ) : pending.isError ? (
        <ErrorState error={pending.error} onRetry={() => void pending.refetch()} />
      ) : pending.data.items.length === 0 ? (
        <EmptyMessage>{t('domains.pendingEmpty')}</EmptyMessage>
      ) : (
        <Stack gap="sm">
          <ErrorMessage error={approve.error} />
          {pending.data.items.map((domain) => {
            const names = { domain: domain.domain, organisation: domain.organisation.name };
            return (
              <Paper key={domain.id} withBorder p="md" radius="sm" data-domain={domain.domain}>
                <Group justify="space-between" align="flex-start" gap="sm">
                  <Stack gap={4} style={{ minWidth: 0, flex: '1 1 14rem' }}>
                    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {domain.domain}
                    </Text>
                    <Text size="sm">
                      {t('domains.organisation')}: {domain.organisation.name}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t('domains.requested')}: {requested.format(new Date(domain.createdAt))}
                    </Text>
                    {domain.verifiedElsewhereBy && (
                      <Badge variant="outline" color="red.9">
                        {t('domains.verifiedElsewhere', {
                          organisation: domain.verifiedElsewhereBy,
                        })}
                      </Badge>
                    )}
                  </Stack>
                  <Group gap="xs">
                    <Button
                      variant="default"
                      onClick={() => setRejecting(domain)}
                      aria-label={t('domains.rejectLabel', names)}
                    >
                      {t('domains.reject')}
                    </Button>
                    <Button
                      disabled={domain.verifiedElsewhereBy !== null}
                      loading={approve.isPending && approve.variables?.id === domain.id}
                      onClick={() => approve.mutate(domain)}
                      aria-label={t('domains.approveLabel', names)}
                    >
                      {t('domains.approve')}
                    </Button>
                  </Group>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
      <Modal
        opened={rejecting !== null}
        onClose={() => setRejecting(null)}
        title={rejecting ? t('domains.rejectTitle', { domain: rejecting.domain }) : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {rejecting && (
          <Stack>
            <Text size="sm">
              {t('domains.rejectText', { organisation: rejecting.organisation.name })}
            </Text>
            <ErrorMessage error={reject.error} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setRejecting(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red.8"
                loading={reject.isPending}
                onClick={() => reject.mutate(rejecting)}
              >
                {t('domains.reject')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
