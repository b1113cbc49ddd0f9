import { Button, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { EmptyMessage, ErrorMessage, ErrorState, LoadingState } from '../../components/states';

const jobsQueryKey = ['admin', 'jobs'] as const;
const states = ['queued', 'running', 'done', 'failed'] as const;

/** Platform admins: how many jobs are in each state, and the failed ones with their last error. */
export function JobsPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const jobs = useQuery({
    queryKey: jobsQueryKey,
    queryFn: () => unwrap(api.GET('/api/admin/jobs', { params: { query: { status: 'failed' } } })),
    refetchInterval: 30_000,
  });
  const retry = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/admin/jobs/{id}/retry', { params: { path: { id } } })),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('jobs.retried') });
      await queryClient.invalidateQueries({ queryKey: jobsQueryKey });
    },
  });
  const formatDate = (value: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(value),
    );
  // Kinds are dotted ('mail.deliver'); i18next keys use dots for nesting.
  const kindName = (kind: string) =>
    t(`jobs.kinds.${kind.replaceAll('.', '_')}`, { defaultValue: kind });

  return (
    <>
      <PageHeader title={t('jobs.title')} description={t('jobs.intro')} />
      {jobs.isPending ? (
        <LoadingState />
      ) : jobs.isError ? (
        <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : (
        <Stack>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {states.map((state) => (
              <Card withBorder key={state}>
                <Text size="sm" c="dimmed">
                  {t(`jobs.${state}`)}
                </Text>
                <Text size="xl" fw={700}>
                  {jobs.data.counts[state]}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          {retry.error && <ErrorMessage error={retry.error} />}
          {jobs.data.items.length === 0 ? (
            <EmptyMessage>{t('jobs.emptyFailed')}</EmptyMessage>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('jobs.kind')}</Table.Th>
                    <Table.Th>{t('jobs.attempts')}</Table.Th>
                    <Table.Th>{t('jobs.lastError')}</Table.Th>
                    <Table.Th>{t('jobs.created')}</Table.Th>
                    <Table.Th>{t('jobs.lastTried')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {jobs.data.items.map((job) => (
                    <Table.Tr key={job.id}>
                      <Table.Td>{kindName(job.kind)}</Table.Td>
                      <Table.Td>{job.attempts}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{job.lastError}</Table.Td>
                      <Table.Td>{formatDate(job.createdAt)}</Table.Td>
                      <Table.Td>{formatDate(job.updatedAt)}</Table.Td>
                      <Table.Td>
                        <Group justify="flex-end">
                          <Button
                            size="xs"
                            variant="light"
                            aria-label={t('jobs.retryLabel', { kind: kindName(job.kind) })}
                            loading={retry.isPending && retry.variables === job.id}
                            onClick={() => retry.mutate(job.id)}
                          >
                            {t('jobs.retry')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </>
  );
}
