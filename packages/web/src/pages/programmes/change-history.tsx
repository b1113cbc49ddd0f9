import { Badge, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/states';
import { describeChange } from './change-values';
import { formatDateTime, programmesQueryKey } from './programme-types';

function Lines({ lines }: { lines: string[] }) {
  if (lines.length === 1) return <>{lines[0]}</>;
  return (
    <>
      {lines.map((line, i) => (
        <Text size="sm" key={i}>
          {line}
        </Text>
      ))}
    </>
  );
}

/** What changed in a published programme, by whom and when: rules change on the record. */
export function ChangeHistory({ programmeId }: { programmeId: string }) {
  const { t, i18n } = useTranslation();
  const changes = useQuery({
    queryKey: [...programmesQueryKey, 'changes', programmeId],
    queryFn: () =>
      unwrap(api.GET('/api/programmes/{id}/changes', { params: { path: { id: programmeId } } })),
  });
  return (
    <section aria-labelledby="change-history">
      <Title order={2} size="h4" id="change-history" mb="xs">
        {t('programmes.history.title')}
      </Title>
      {changes.isPending ? (
        <LoadingState />
      ) : changes.isError ? (
        <ErrorState error={changes.error} onRetry={() => void changes.refetch()} />
      ) : changes.data.items.length === 0 ? (
        <EmptyMessage>{t('programmes.history.empty')}</EmptyMessage>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <caption>
              <VisuallyHidden>{t('programmes.history.title')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('programmes.history.when')}</Table.Th>
                <Table.Th>{t('programmes.history.who')}</Table.Th>
                <Table.Th>{t('programmes.history.field')}</Table.Th>
                <Table.Th>{t('programmes.history.before')}</Table.Th>
                <Table.Th>{t('programmes.history.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.data.items.flatMap((change) =>
                Object.entries(change.changes).map(([field, { before, after }], index) => {
                  const described = describeChange(field, before, after, t, i18n.language);
                  return (
                    <Table.Tr key={`${change.id}-${field}`}>
                      <Table.Td>
                        {formatDateTime(change.createdAt, i18n.language)}
                        {index === 0 && change.feedbackActionId && (
                          <Badge
                            component={Link}
                            to={`/programmes/${programmeId}#you-said-we-did`}
                            aria-label={t('feedbackActions.becauseOfFeedbackLabel')}
                            variant="light"
                            color="teal.9"
                            ml={6}
                            style={{ textTransform: 'none', cursor: 'pointer' }}
                          >
                            {t('feedbackActions.becauseOfFeedback')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{change.actorName ?? '—'}</Table.Td>
                      <Table.Td>{described.label}</Table.Td>
                      <Table.Td style={{ wordBreak: 'break-word' }}>
                        <Lines lines={described.before} />
                      </Table.Td>
                      <Table.Td style={{ wordBreak: 'break-word' }}>
                        <Lines lines={described.after} />
                      </Table.Td>
                    </Table.Tr>
                  );
                }),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
