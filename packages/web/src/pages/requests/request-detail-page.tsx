import {
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ConfirmModal } from '../../components/confirm-modal';
import { PageHeader } from '../../components/page-header';
import { ErrorMessage, ErrorState, LoadingState } from '../../components/states';
import { attentionQueryKey } from '../attention/use-attention';
import { ClickReasons, StrengthMeter } from '../programmes/click-reasons';
import { formatDate, formatDateTime } from '../programmes/programme-types';
import { QuestionAnswers } from '../programmes/question-answers';
import { requestsQueryKey } from '../programmes/request-modal';
import { relationshipsQueryKey } from '../relationships/relationships-page';
import { RequestStatusBadge } from './request-status-badge';
import type { RequestDetail } from './request-types';

export function RequestDetailPage() {
  const { t } = useTranslation();
  const { requestId = '' } = useParams();
  const request = useQuery({
    queryKey: [...requestsQueryKey, 'detail', requestId],
    queryFn: () => unwrap(api.GET('/api/requests/{id}', { params: { path: { id: requestId } } })),
  });
  if (request.isPending) return <LoadingState />;
  if (request.isError) {
    return (
      <>
        <PageHeader title={t('requests.title')} />
        <ErrorState error={request.error} onRetry={() => void request.refetch()} />
      </>
    );
  }
  return <RequestView request={request.data} />;
}

type Action = 'accept' | 'decline' | 'withdraw';

function RequestView({ request }: { request: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const queryClient = useQueryClient();
  const [declining, setDeclining] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [declineReason, setDeclineReason] = useState('');
  const [question, setQuestion] = useState('');
  const detailKey = [...requestsQueryKey, 'detail', request.id];
  const isReceived = request.direction === 'received';
  const isPending = request.status === 'pending';
  // After a no (declined, expired, or closed because the mentor is full), the one who was looking
  // goes straight back to the suggestions. A mentor whose own place ran out is not sent there.
  const canLookAgain =
    (request.status === 'closed' && request.myRole === 'mentee') ||
    ((request.status === 'declined' || request.status === 'expired') && !isReceived);

  const onUpdated = async (updated: RequestDetail) => {
    queryClient.setQueryData(detailKey, updated);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: [...requestsQueryKey, 'list'] }),
      queryClient.invalidateQueries({ queryKey: relationshipsQueryKey }),
      queryClient.invalidateQueries({ queryKey: attentionQueryKey }),
    ]);
  };
  const act = useMutation({
    mutationFn: (action: Action) => {
      const path = { params: { path: { id: request.id } } };
      if (action === 'accept') return unwrap(api.POST('/api/requests/{id}/accept', path));
      if (action === 'withdraw') return unwrap(api.POST('/api/requests/{id}/withdraw', path));
      return unwrap(
        api.POST('/api/requests/{id}/decline', {
          ...path,
          body: { reason: declineReason.trim() || null },
        }),
      );
    },
    onSuccess: async (updated, action) => {
      setDeclining(false);
      setWithdrawing(false);
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t(`requests.done.${action}`, { name: request.other.name }),
      });
      await onUpdated(updated);
    },
  });
  const ask = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/requests/{id}/messages', {
          params: { path: { id: request.id } },
          body: { body: question.trim() },
        }),
      ),
    onSuccess: async (updated) => {
      setQuestion('');
      await onUpdated(updated);
    },
  });

  const viewerRole = request.myRole;
  return (
    <>
      <PageHeader
        title={
          isReceived
            ? t('requests.fromTitle', { name: request.other.name })
            : t('requests.toTitle', { name: request.other.name })
        }
        description={t('requests.inProgramme', { name: request.programme.name })}
        actions={
          <Button
            variant="default"
            component={Link}
            to={isReceived ? '/requests' : '/requests?box=outbox'}
          >
            {t('requests.back')}
          </Button>
        }
      />
      <Stack gap="lg">
        <Group gap="sm">
          <RequestStatusBadge status={request.status} closedReason={request.closedReason} />
          <Text size="sm">
            {isPending
              ? t('requests.expiresOn', { date: formatDate(request.expiresAt, locale) })
              : t('requests.sentOnDate', { date: formatDate(request.createdAt, locale) })}
          </Text>
        </Group>

        {request.status === 'accepted' && (
          <Card withBorder bg="green.0">
            <Stack gap="xs" align="flex-start">
              <Text>{t('requests.acceptedText', { name: request.other.name })}</Text>
              {request.relationshipId ? (
                // The thread goes on in the relationship's one conversation.
                <Button component={Link} to={`/mentoring/${request.relationshipId}`}>
                  {t('mentoring.continueInSpace')}
                </Button>
              ) : (
                <Anchor component={Link} to="/mentoring">
                  {t('relationships.title')}
                </Anchor>
              )}
            </Stack>
          </Card>
        )}

        {request.status === 'closed' && request.myRole === 'mentor' && (
          <Card withBorder>
            <Text>{t('attention.request.closedYouFull')}</Text>
          </Card>
        )}
        {canLookAgain && (
          <Card withBorder bg={request.status === 'closed' ? 'yellow.0' : undefined}>
            <Stack gap="xs" align="flex-start">
              {request.status === 'closed' && (
                <Text fw={600}>
                  {t('attention.request.closedMentorFull', { name: request.other.name })}
                </Text>
              )}
              <Text size="sm">{t('attention.request.lookAgain')}</Text>
              <Button component={Link} to={`/programmes/${request.programme.id}/suggestions`}>
                {t('attention.request.askSomeoneElse')}
              </Button>
            </Stack>
          </Card>
        )}

        <Card withBorder component="section" aria-labelledby="request-message">
          <Title order={2} size="h4" id="request-message" mb="xs">
            {t('requests.personalMessage')}
          </Title>
          <Text style={{ whiteSpace: 'pre-line' }}>{request.message}</Text>
          {request.hopes && (
            <>
              <Title order={3} size="h5" mt="md" mb={4}>
                {t('requests.hopes')}
              </Title>
              <Text style={{ whiteSpace: 'pre-line' }}>{request.hopes}</Text>
            </>
          )}
        </Card>

        {request.otherProfile && (
          <Card withBorder component="section" aria-labelledby="request-profile">
            <Title order={2} size="h4" id="request-profile" mb="xs">
              {t('requests.profileOf', { name: request.other.name })}
            </Title>
            <Stack gap={6}>
              {[
                request.otherProfile.jobTitle,
                request.otherProfile.department,
                request.otherProfile.location,
              ].some(Boolean) && (
                <Text size="sm">
                  {[
                    request.otherProfile.jobTitle,
                    request.otherProfile.department,
                    request.otherProfile.location,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              )}
              {request.otherProfile.offers.length > 0 && (
                <Text size="sm">
                  <strong>{t('requests.profileOffers')}:</strong>{' '}
                  {request.otherProfile.offers.map((s) => s.label).join(', ')}
                </Text>
              )}
              {request.otherProfile.wants.length > 0 && (
                <Text size="sm">
                  <strong>{t('requests.profileWants')}:</strong>{' '}
                  {request.otherProfile.wants.map((s) => s.label).join(', ')}
                </Text>
              )}
              {request.otherProfile.interests.length > 0 && (
                <Text size="sm">
                  <strong>{t('requests.profileInterests')}:</strong>{' '}
                  {request.otherProfile.interests.join(', ')}
                </Text>
              )}
              {request.otherProfile.about && (
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {request.otherProfile.about}
                </Text>
              )}
              {request.otherAnswers.length > 0 && (
                <>
                  <Title order={3} size="h5" mt="xs">
                    {t('requests.profileAnswers')}
                  </Title>
                  <QuestionAnswers items={request.otherAnswers} />
                </>
              )}
            </Stack>
          </Card>
        )}

        <Card withBorder component="section" aria-labelledby="request-click">
          <Title order={2} size="h4" id="request-click" mb="xs">
            {t('requests.whyMatch')}
          </Title>
          <Stack gap="sm">
            {request.strength !== null && <StrengthMeter strength={request.strength} />}
            <ClickReasons reasons={request.reasons} viewerRole={viewerRole} />
          </Stack>
        </Card>

        <Card withBorder component="section" aria-labelledby="request-thread">
          <Title order={2} size="h4" id="request-thread" mb="xs">
            {t('requests.thread')}
          </Title>
          <Stack gap="sm">
            {request.messages.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('requests.noMessages')}
              </Text>
            ) : (
              <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {request.messages.map((message) => (
                  <Paper
                    component="li"
                    key={message.id}
                    withBorder
                    p="sm"
                    bg={message.isMine ? 'blue.0' : undefined}
                    ml={message.isMine ? 'xl' : 0}
                    mr={message.isMine ? 0 : 'xl'}
                  >
                    <Text size="xs" c="dimmed">
                      {message.isMine ? t('requests.you') : message.author} ·{' '}
                      {formatDateTime(message.createdAt, locale)}
                    </Text>
                    <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                      {message.body}
                    </Text>
                  </Paper>
                ))}
              </Stack>
            )}
            {isPending && (
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  if (question.trim()) ask.mutate();
                }}
              >
                <Stack gap="xs">
                  <Textarea
                    label={isReceived ? t('requests.askQuestion') : t('requests.reply')}
                    value={question}
                    onChange={(event) => setQuestion(event.currentTarget.value)}
                    autosize
                    minRows={2}
                    maxLength={2000}
                  />
                  <ErrorMessage error={ask.error} />
                  <Group justify="flex-end">
                    <Button
                      type="submit"
                      variant="default"
                      loading={ask.isPending}
                      disabled={!question.trim()}
                    >
                      {t('requests.sendMessage')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            )}
            {request.relationshipId && (
              <Text size="sm">
                <Anchor component={Link} to={`/mentoring/${request.relationshipId}`}>
                  {t('mentoring.continueInSpace')}
                </Anchor>
              </Text>
            )}
          </Stack>
        </Card>

        {request.declineReason && (
          <Card withBorder>
            <Text size="sm" fw={600}>
              {t('requests.yourPrivateReason')}
            </Text>
            <Text size="sm">{request.declineReason}</Text>
          </Card>
        )}

        {!declining && !withdrawing && <ErrorMessage error={act.error} />}
        {isPending && (
          <Group justify="flex-end">
            {isReceived ? (
              <>
                <Button variant="default" onClick={() => setDeclining(true)}>
                  {t('requests.decline')}
                </Button>
                <Button
                  loading={act.isPending && act.variables === 'accept'}
                  onClick={() => act.mutate('accept')}
                >
                  {t('requests.accept')}
                </Button>
              </>
            ) : (
              <Button variant="default" color="red.8" onClick={() => setWithdrawing(true)}>
                {t('requests.withdraw')}
              </Button>
            )}
          </Group>
        )}
      </Stack>

      <ConfirmModal
        opened={withdrawing}
        onClose={() => setWithdrawing(false)}
        title={t('requests.withdrawTitle', { name: request.other.name })}
        confirmLabel={t('requests.withdraw')}
        onConfirm={() => act.mutate('withdraw')}
        loading={act.isPending}
        error={act.error}
      >
        <Text size="sm">{t('requests.withdrawText', { name: request.other.name })}</Text>
      </ConfirmModal>

      <Modal
        opened={declining}
        onClose={() => setDeclining(false)}
        title={t('requests.declineTitle', { name: request.other.name })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text size="sm">{t('requests.declineText', { name: request.other.name })}</Text>
          <Textarea
            label={t('requests.declineReason')}
            description={t('requests.declineReasonHint')}
            value={declineReason}
            onChange={(event) => setDeclineReason(event.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={1000}
          />
          <ErrorMessage error={act.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeclining(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red.8" loading={act.isPending} onClick={() => act.mutate('decline')}>
              {t('requests.decline')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
