import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { usePagedList } from '../../api/use-paged-list';
import { LoadMore } from '../../components/load-more';
import { ConfirmModal } from '../../components/confirm-modal';
import { PageHeader } from '../../components/page-header';
import { EmptyMessage, ErrorMessage, ErrorState, LoadingState } from '../../components/states';
import { useSignedIn } from '../../session/use-signed-in';
import { CheckInQuestionsEditor } from './check-in-questions-editor';
import { expectNoContent } from './api-helpers';
import { ProgrammeStatusBadge, ProgrammeTypeBadge } from './click-reasons';
import {
  canDesignProgrammes,
  formatDate,
  programmeDescription,
  programmesQueryKey,
  questionLabel,
  seesSuggestions,
  type Enrolment,
  type Programme,
} from './programme-types';
import {
  canReopen,
  CloseProgrammeModal,
  PublishProgrammeModal,
  useLeaveConsequences,
} from './programme-confirm-modals';
import { QuestionAnswers } from './question-answers';
import { useProgramme, useProgrammeTransition } from './use-programme';
import { YouSaidWeDid } from './you-said-we-did';
import { MyLeadershipConsent } from '../leadership/my-leadership-consent';
import { ProgrammeLeadersSection } from '../leadership/programme-leaders-section';
import { ProgrammeStoriesSection } from '../stories/programme-stories-section';
import { useReadsOutcomeReport } from '../outcomes/use-outcome-access';

export function ProgrammeDetailPage() {
  const { t } = useTranslation();
  const { programmeId = '' } = useParams();
  const programme = useProgramme(programmeId);

  if (programme.isPending) return <LoadingState />;
  if (programme.isError) {
    return (
      <>
        <PageHeader title={t('programmes.title')} />
        <ErrorState error={programme.error} onRetry={() => void programme.refetch()} />
      </>
    );
  }
  return <ProgrammeDetail programme={programme.data} />;
}

function ProgrammeDetail({ programme }: { programme: Programme }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const me = useSignedIn();
  const canDesign = canDesignProgrammes(me);
  const readsOutcomes = useReadsOutcomeReport(me, programme.id);
  const queryClient = useQueryClient();
  const [leaving, setLeaving] = useState(false);
  const [asking, setAsking] = useState<'close' | 'publish' | null>(null);
  const leaveConsequences = useLeaveConsequences(programme.id, leaving);
  const transition = useProgrammeTransition(programme.id, (_updated, done) =>
    notifications.show({
      closeButtonProps: { 'aria-label': t('common.close') },
      color: 'green',
      message: t(
        done === 'close'
          ? 'programmes.closed'
          : done === 'reopen'
            ? 'programmes.reopened'
            : 'programmes.published',
      ),
    }),
  );
  const leave = useMutation({
    mutationFn: () =>
      expectNoContent(
        api.DELETE('/api/programmes/{id}/enrolment', { params: { path: { id: programme.id } } }),
      ),
    onSuccess: async () => {
      setLeaving(false);
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('programmes.left'),
      });
      await queryClient.invalidateQueries({ queryKey: programmesQueryKey });
    },
  });

  const dash = '—';
  const facts: [string, string][] = [
    [t('programmes.fields.type'), t(`programmes.types.${programme.type}`)],
    [t('programmes.fields.matchingMode'), t(`programmes.modes.${programme.matchingMode}`)],
    [
      t('programmes.fields.enrolment'),
      programme.enrolmentOpensOn || programme.enrolmentClosesOn
        ? `${formatDate(programme.enrolmentOpensOn, locale) || '…'} – ${formatDate(programme.enrolmentClosesOn, locale) || '…'}`
        : dash,
    ],
    [
      t('programmes.fields.period'),
      programme.startsOn || programme.endsOn
        ? `${formatDate(programme.startsOn, locale) || '…'} – ${formatDate(programme.endsOn, locale) || '…'}`
        : dash,
    ],
    [
      programme.type === 'group'
        ? t('programmes.fields.groupSize')
        : t('programmes.fields.defaultCapacity'),
      programme.type === 'group'
        ? `${programme.groupMin}–${programme.groupMax}`
        : String(programme.defaultCapacity),
    ],
    [
      t('programmes.fields.checkInCadenceDays'),
      t('programmes.days', { count: programme.checkInCadenceDays }),
    ],
    [
      t('programmes.fields.requestExpiryDays'),
      t('programmes.days', { count: programme.requestExpiryDays }),
    ],
    [t('programmes.fields.enrolledCount'), String(programme.enrolledCount)],
  ];
  const description = programmeDescription(programme, locale);

  return (
    <>
      <PageHeader
        title={programme.name}
        description={programme.goal || undefined}
        actions={
          canDesign ? (
            <Group>
              <Button variant="default" component={Link} to={`/programmes/${programme.id}/design`}>
                {t('programmes.design')}
              </Button>
              {programme.status !== 'draft' && (
                <Button
                  variant="default"
                  component={Link}
                  to={`/programmes/${programme.id}/dashboard`}
                >
                  {t('programmeDashboard.link')}
                </Button>
              )}
              {programme.matchingMode === 'manager_proposes' &&
                programme.status === 'published' && (
                  <Button
                    variant="default"
                    component={Link}
                    to={`/programmes/${programme.id}/proposals`}
                  >
                    {t('proposals.title')}
                  </Button>
                )}
              {programme.status !== 'draft' && (
                <Button
                  variant="default"
                  component={Link}
                  to={`/programmes/${programme.id}/health`}
                >
                  {t('relationshipHealth.link')}
                </Button>
              )}
              {programme.status !== 'draft' && (
                <Button
                  variant="default"
                  component={Link}
                  to={`/programmes/${programme.id}/outcomes`}
                >
                  {t('outcomes.reportLink')}
                </Button>
              )}
              {programme.status === 'draft' && (
                <Button onClick={() => setAsking('publish')}>{t('programmes.publish')}</Button>
              )}
              {programme.status === 'published' && (
                <Button color="red.8" variant="outline" onClick={() => setAsking('close')}>
                  {t('programmes.close')}
                </Button>
              )}
              {canReopen(programme) && (
                <Button
                  variant="outline"
                  loading={transition.isPending}
                  onClick={() => transition.mutate('reopen')}
                >
                  {t('programmes.reopen')}
                </Button>
              )}
            </Group>
          ) : (
            // Sponsors read the outcome report (the server checks which programmes).
            readsOutcomes &&
            programme.status !== 'draft' && (
              <Button
                variant="default"
                component={Link}
                to={`/programmes/${programme.id}/outcomes`}
              >
                {t('outcomes.reportLink')}
              </Button>
            )
          )
        }
      />
      <Stack gap="lg">
        {!asking && <ErrorMessage error={transition.error} />}
        {canDesign && programme.status === 'closed' && (
          <Text size="sm" role="status">
            {t('programmes.closedOn', {
              date: formatDate(programme.closedAt, locale),
            })}{' '}
            {canReopen(programme)
              ? programme.endsOn
                ? t('programmes.closeConfirm.reopenUntil', {
                    date: formatDate(programme.endsOn, locale),
                  })
                : t('programmes.closeConfirm.reopenLater')
              : t('programmes.cannotReopen', { date: formatDate(programme.endsOn, locale) })}
          </Text>
        )}
        <Group gap="xs">
          <ProgrammeTypeBadge type={programme.type} />
          <ProgrammeStatusBadge status={programme.status} />
          {programme.isTargetGroup && (
            <Badge variant="outline" color="grape.9">
              {t('programmes.targetGroup')}
            </Badge>
          )}
        </Group>
        {description && <Text style={{ whiteSpace: 'pre-line' }}>{description}</Text>}

        <ProgrammeLeadersSection programme={programme} />

        <Card withBorder component="section" aria-labelledby="my-participation">
          <Title order={2} size="h4" id="my-participation" mb="xs">
            {t('programmes.participation')}
          </Title>
          {programme.myEnrolment ? (
            <Stack gap="sm" align="flex-start">
              <Text>
                {t('programmes.enrolledAs', {
                  role: t(`programmes.roles.${programme.myEnrolment.role}`),
                })}
              </Text>
              <Group>
                {seesSuggestions(programme) && (
                  <Button component={Link} to={`/programmes/${programme.id}/suggestions`}>
                    {t('programmes.toSuggestions')}
                  </Button>
                )}
                {programme.matchingMode === 'manager_proposes' && (
                  <Button variant="default" component={Link} to="/introductions">
                    {t('introductions.title')}
                  </Button>
                )}
                <Button variant="default" component={Link} to={`/programmes/${programme.id}/enrol`}>
                  {t('programmes.editProfile')}
                </Button>
                <Button variant="subtle" color="red.8" c="red.9" onClick={() => setLeaving(true)}>
                  {t('programmes.leave')}
                </Button>
              </Group>
              <MyLeadershipConsent programmeId={programme.id} />
            </Stack>
          ) : programme.canEnrol ? (
            <Stack gap="sm" align="flex-start">
              <Text>{t('programmes.canEnrolText')}</Text>
              <Button component={Link} to={`/programmes/${programme.id}/enrol`}>
                {t('programmes.enrol')}
              </Button>
            </Stack>
          ) : (
            <Text>
              {programme.status === 'published'
                ? t('programmes.cannotEnrol')
                : programme.status === 'closed'
                  ? t('programmes.closed')
                  : t('programmes.notOpen')}
            </Text>
          )}
        </Card>

        <section aria-labelledby="programme-facts">
          <Title order={2} size="h4" id="programme-facts" mb="xs">
            {t('programmes.facts')}
          </Title>
          <Table variant="vertical" withTableBorder>
            <Table.Tbody>
              {facts.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w={240}>{label}</Table.Th>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>

        <ProgrammeStoriesSection programme={programme} />

        <YouSaidWeDid programmeId={programme.id} />

        {canDesign && programme.status !== 'closed' && (
          <CheckInQuestionsEditor programmeId={programme.id} />
        )}

        {canDesign && <EnrolmentsTable programme={programme} />}
      </Stack>

      <ConfirmModal
        opened={leaving}
        onClose={() => setLeaving(false)}
        title={t('programmes.leaveTitle', { name: programme.name })}
        confirmLabel={t('programmes.leave')}
        onConfirm={() => leave.mutate()}
        loading={leave.isPending}
        error={leave.error ?? leaveConsequences.error}
        confirmDisabled={!leaveConsequences.data}
      >
        {leaveConsequences.data ? (
          <List size="sm" spacing={6}>
            <List.Item>
              {leaveConsequences.data.requests === 0
                ? t('programmes.leaveRequestsNone')
                : t('programmes.leaveRequests', { count: leaveConsequences.data.requests })}
            </List.Item>
            {leaveConsequences.data.introductions > 0 && (
              <List.Item>
                {t('programmes.leaveIntroductions', {
                  count: leaveConsequences.data.introductions,
                })}
              </List.Item>
            )}
            <List.Item>{t('programmes.leaveText')}</List.Item>
          </List>
        ) : (
          leaveConsequences.isPending && <LoadingState />
        )}
      </ConfirmModal>
      {canDesign && (
        <>
          <CloseProgrammeModal
            programme={programme}
            opened={asking === 'close'}
            onClose={() => setAsking(null)}
            transition={transition}
          />
          <PublishProgrammeModal
            programme={programme}
            opened={asking === 'publish'}
            onClose={() => setAsking(null)}
            transition={transition}
          />
        </>
      )}
    </>
  );
}

function EnrolmentsTable({ programme }: { programme: Programme }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const programmeId = programme.id;
  const hasQuestions = programme.questions.length > 0;
  const [openId, setOpenId] = useState<string | null>(null);
  const {
    query: enrolments,
    items,
    total,
  } = usePagedList([...programmesQueryKey, 'enrolments', programmeId, 'paged'], (page) =>
    unwrap(
      api.GET('/api/programmes/{id}/enrolments', {
        params: { path: { id: programmeId }, query: page },
      }),
    ),
  );
  const answered = (enrolment: Enrolment) =>
    programme.questions.filter((q) => enrolment.answers[q.id]?.trim()).length;
  return (
    <section aria-labelledby="programme-enrolments">
      <Title order={2} size="h4" id="programme-enrolments" mb="xs">
        {t('programmes.enrolments')}
      </Title>
      {enrolments.isPending ? (
        <LoadingState />
      ) : enrolments.isError ? (
        <ErrorState error={enrolments.error} onRetry={() => void enrolments.refetch()} />
      ) : items.length === 0 ? (
        <EmptyMessage>{t('programmes.noEnrolments')}</EmptyMessage>
      ) : (
        <>
          <Table.ScrollContainer minWidth={480}>
            <Table>
              <caption>
                <VisuallyHidden>{t('programmes.enrolments')}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('programmes.fields.person')}</Table.Th>
                  <Table.Th>{t('programmes.fields.role')}</Table.Th>
                  <Table.Th>{t('programmes.fields.capacity')}</Table.Th>
                  {hasQuestions && <Table.Th>{t('programmes.answersColumn')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((enrolment) => {
                  const isOpen = openId === enrolment.id;
                  const count = answered(enrolment);
                  return (
                    <Fragment key={enrolment.id}>
                      <Table.Tr>
                        <Table.Td>
                          <Anchor component={Link} to={`/people/${enrolment.personId}`}>
                            {enrolment.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{t(`programmes.roles.${enrolment.role}`)}</Table.Td>
                        <Table.Td>{enrolment.capacity ?? '—'}</Table.Td>
                        {hasQuestions && (
                          <Table.Td>
                            {count === 0 ? (
                              <Text size="sm" c="dimmed">
                                {t('programmes.noAnswers')}
                              </Text>
                            ) : (
                              <Button
                                variant="subtle"
                                size="compact-sm"
                                aria-expanded={isOpen}
                                aria-controls={`answers-${enrolment.id}`}
                                onClick={() => setOpenId(isOpen ? null : enrolment.id)}
                              >
                                {isOpen
                                  ? t('programmes.hideAnswers')
                                  : t('programmes.showAnswers', { count })}
                              </Button>
                            )}
                          </Table.Td>
                        )}
                      </Table.Tr>
                      {isOpen && (
                        <Table.Tr id={`answers-${enrolment.id}`}>
                          <Table.Td colSpan={4} bg="gray.0">
                            <QuestionAnswers
                              items={programme.questions.map((q) => ({
                                questionId: q.id,
                                question: questionLabel(q, locale),
                                answer: enrolment.answers[q.id] ?? '',
                              }))}
                            />
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore shown={items.length} total={total} query={enrolments} />
        </>
      )}
    </section>
  );
}
