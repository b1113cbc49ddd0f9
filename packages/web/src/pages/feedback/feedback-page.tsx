import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { usePagedList } from '../../api/use-paged-list';
import { LoadMore } from '../../components/load-more';
import { PageHeader } from '../../components/page-header';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/states';
import { formatDate } from '../programmes/programme-types';
import { checkInKeys, type CheckInSummary } from './check-in-types';
import { OutcomeSurveysSection } from './outcome-surveys-section';

/** "Your mentoring with A, B". */
export function useCheckInTitle() {
  const { t } = useTranslation();
  return (checkIn: Pick<CheckInSummary, 'with'>) =>
    checkIn.with.length > 0
      ? t('checkIns.withNames', { names: checkIn.with.map((w) => w.name).join(', ') })
      : t('checkIns.withNobody');
}

const statusColor = { open: 'blue.8', answered: 'green.9', missed: 'gray.8' } as const;

/**
 * My feedback: the check-ins waiting for me, then the earlier ones (answered ones to read back),
 * then the outcome surveys. Only the caller's own: nobody else can list them.
 */
export function FeedbackPage() {
  const { t } = useTranslation();
  const { query, items, total } = usePagedList(checkInKeys.list, (page) =>
    unwrap(api.GET('/api/check-ins', { params: { query: page } })),
  );
  const open = items.filter((c) => c.status === 'open');
  const past = items.filter((c) => c.status !== 'open');
  return (
    <>
      <PageHeader title={t('checkIns.page.title')} description={t('checkIns.page.intro')} />
      <Stack gap="lg">
        <Alert variant="light" color="blue" icon={<IconLock aria-hidden />}>
          {t('checkIns.privacy')}
        </Alert>
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <>
            <Card withBorder component="section" aria-labelledby="open-check-ins">
              <Stack gap="sm">
                <Title order={2} size="h4" id="open-check-ins">
                  {t('checkIns.open.title')}
                </Title>
                {open.length === 0 ? (
                  <EmptyMessage>{t('checkIns.open.empty')}</EmptyMessage>
                ) : (
                  <Stack
                    component="ul"
                    gap="sm"
                    style={{ listStyle: 'none', padding: 0, margin: 0 }}
                  >
                    {open.map((c) => (
                      <li key={c.id}>
                        <CheckInRow checkIn={c} />
                      </li>
                    ))}
                  </Stack>
                )}
              </Stack>
            </Card>
            <Card withBorder component="section" aria-labelledby="past-check-ins">
              <Stack gap="sm">
                <Title order={2} size="h4" id="past-check-ins">
                  {t('checkIns.past.title')}
                </Title>
                {past.length === 0 ? (
                  <EmptyMessage>{t('checkIns.past.empty')}</EmptyMessage>
                ) : (
                  <Stack
                    component="ul"
                    gap="sm"
                    style={{ listStyle: 'none', padding: 0, margin: 0 }}
                  >
                    {past.map((c) => (
                      <li key={c.id}>
                        <CheckInRow checkIn={c} />
                      </li>
                    ))}
                  </Stack>
                )}
                <LoadMore shown={items.length} total={total} query={query} />
              </Stack>
            </Card>
          </>
        )}
        <OutcomeSurveysSection />
      </Stack>
    </>
  );
}

function CheckInRow({ checkIn }: { checkIn: CheckInSummary }) {
  const { t, i18n } = useTranslation();
  const titleOf = useCheckInTitle();
  const title = titleOf(checkIn);
  const to = `/feedback/check-ins/${checkIn.id}`;
  return (
    <Group justify="space-between" wrap="wrap" gap="xs">
      <Stack gap={2}>
        <Anchor component={Link} to={to} fw={500}>
          {title}
        </Anchor>
        <Text size="sm" c="dimmed">
          {checkIn.programme.name} ·{' '}
          {checkIn.answeredAt
            ? t('checkIns.answeredOn', { date: formatDate(checkIn.answeredAt, i18n.language) })
            : t('checkIns.sent', { date: formatDate(checkIn.sentAt, i18n.language) })}
        </Text>
      </Stack>
      <Group gap="xs">
        <Badge variant="outline" color={statusColor[checkIn.status]}>
          {t(`checkIns.status.${checkIn.status}`)}
        </Badge>
        {checkIn.status === 'open' && (
          <Button
            component={Link}
            to={to}
            size="xs"
            aria-label={`${t('checkIns.open.answer')}: ${title}`}
          >
            {t('checkIns.open.answer')}
          </Button>
        )}
      </Group>
    </Group>
  );
}
