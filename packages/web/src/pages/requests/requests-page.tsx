import { Anchor, Table, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { usePagedList } from '../../api/use-paged-list';
import { LoadMore } from '../../components/load-more';
import { PageHeader } from '../../components/page-header';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/states';
import { requestsQueryKey } from '../programmes/request-modal';
import { formatDate } from '../programmes/programme-types';
import { RequestStatusBadge } from './request-status-badge';
import type { Box } from './request-types';

/** Requests received (inbox) and sent (outbox); the box lives in the URL. */
export function RequestsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const box: Box = params.get('box') === 'outbox' ? 'outbox' : 'inbox';
  return (
    <>
      <PageHeader title={t('requests.title')} description={t('requests.intro')} />
      <Tabs
        value={box}
        onChange={(value) =>
          setParams(value === 'outbox' ? { box: 'outbox' } : {}, { replace: true })
        }
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="inbox">{t('requests.inbox')}</Tabs.Tab>
          <Tabs.Tab value="outbox">{t('requests.outbox')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="inbox">{box === 'inbox' && <RequestList box="inbox" />}</Tabs.Panel>
        <Tabs.Panel value="outbox">{box === 'outbox' && <RequestList box="outbox" />}</Tabs.Panel>
      </Tabs>
    </>
  );
}

function RequestList({ box }: { box: Box }) {
  const { t, i18n } = useTranslation();
  const {
    query: requests,
    items,
    total,
  } = usePagedList([...requestsQueryKey, 'list', box, 'paged'], (page) =>
    unwrap(api.GET('/api/requests', { params: { query: { box, ...page } } })),
  );
  if (requests.isPending) return <LoadingState />;
  if (requests.isError)
    return <ErrorState error={requests.error} onRetry={() => void requests.refetch()} />;
  if (items.length === 0) return <EmptyMessage>{t(`requests.empty.${box}`)}</EmptyMessage>;
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover>
          <caption>
            <VisuallyHidden>{t(`requests.${box}`)}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{box === 'inbox' ? t('requests.from') : t('requests.to')}</Table.Th>
              <Table.Th>{t('requests.programme')}</Table.Th>
              <Table.Th>{t('requests.message')}</Table.Th>
              <Table.Th>{t('requests.statusLabel')}</Table.Th>
              <Table.Th>{t('requests.sentOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((request) => (
              <Table.Tr key={request.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/requests/${request.id}`}>
                    {request.other.name}
                  </Anchor>
                  {request.other.jobTitle && (
                    <Text size="xs" c="dimmed">
                      {request.other.jobTitle}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{request.programme.name}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {request.message}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <RequestStatusBadge status={request.status} closedReason={request.closedReason} />
                </Table.Td>
                <Table.Td>{formatDate(request.createdAt, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore shown={items.length} total={total} query={requests} />
    </>
  );
}
