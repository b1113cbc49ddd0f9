import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  CloseButton,
  Group,
  List,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBan, IconPin, IconPinnedOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { EmptyMessage, ErrorMessage, ErrorState, LoadingState } from '../../components/states';
import { useSignedIn } from '../../session/use-signed-in';
import { canDesignProgrammes, formatDate, type Programme } from '../programmes/programme-types';
import { expectNoContent } from '../programmes/api-helpers';
import { useProgramme } from '../programmes/use-programme';
import {
  departmentLabel,
  ignoredPinsByMentee,
  pairKey,
  pairRuleOrigin,
  pairRulesQueryKey,
  pinCandidateLabel,
  sentIntroductionStatus,
  sentIntroductionsQueryKey,
  unmatchedReasons,
  type PairRef,
  type PairRule,
  type PersonRef,
  type ProposalMode,
  type ProposalRun,
  type UnmatchedMentee,
} from './proposal-types';

/** The manager's board: run, adjust with pins and forbids, rerun, then send introductions. */
export function ProposalBoardPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const { programmeId = '' } = useParams();
  const programme = useProgramme(programmeId);
  if (!canDesignProgrammes(me)) {
    return (
      <>
        <PageHeader title={t('errors.forbiddenTitle')} />
        <Alert color="yellow">{t('errors.forbidden')}</Alert>
      </>
    );
  }
  if (programme.isPending) return <LoadingState />;
  if (programme.isError) {
    return (
      <>
        <PageHeader title={t('proposals.title')} />
        <ErrorState error={programme.error} onRetry={() => void programme.refetch()} />
      </>
    );
  }
  return <ProposalBoard programme={programme.data} />;
}

function ProposalBoard({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<ProposalMode>('optimal');
  const [sent, setSent] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // The last good run stays on screen while a rerun is computed or refused.
  const [result, setResult] = useState<ProposalRun>();
  const queryClient = useQueryClient();
  const rulesKey = pairRulesQueryKey(programme.id);
  // Pins and forbids are saved on the programme: every run applies them, also after a reload.
  const rules = useQuery({
    queryKey: rulesKey,
    queryFn: () =>
      unwrap(
        api.GET('/api/programmes/{id}/pair-rules', { params: { path: { id: programme.id } } }),
      ),
  });
  const savedRules = rules.data?.items ?? [];

  const run = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/programmes/{id}/proposals/run', {
          params: { path: { id: programme.id } },
          body: { mode },
        }),
      ),
    onSuccess: (data) => {
      setResult(data);
      setSent(false);
    },
  });
  const saveRule = useMutation({
    mutationFn: (input: PairRef & { kind: 'pin' | 'forbid'; rerun?: boolean }) =>
      unwrap(
        api.POST('/api/programmes/{id}/pair-rules', {
          params: { path: { id: programme.id } },
          body: { kind: input.kind, menteeId: input.menteeId, mentorId: input.mentorId },
        }),
      ),
    onSuccess: async (_rule, input) => {
      await queryClient.invalidateQueries({ queryKey: rulesKey });
      if (input.rerun) run.mutate();
    },
  });
  const removeRule = useMutation({
    mutationFn: (ruleId: string) =>
      expectNoContent(
        api.DELETE('/api/programmes/{id}/pair-rules/{ruleId}', {
          params: { path: { id: programme.id, ruleId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rulesKey }),
  });
  const send = useMutation({
    mutationFn: (runId: string) =>
      unwrap(
        api.POST('/api/programmes/{id}/proposals/send', {
          params: { path: { id: programme.id } },
          body: { runId },
        }),
      ),
    onSuccess: ({ sent: count }) => {
      setSent(true);
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: sentIntroductionsQueryKey(programme.id) });
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('proposals.sent', { count }),
      });
    },
  });

  const ruleOf = new Map(
    savedRules.map((r) => [pairKey({ menteeId: r.mentee.id, mentorId: r.mentor.id }), r]),
  );
  const pinRule = (pair: PairRef) => {
    const rule = ruleOf.get(pairKey(pair));
    return rule?.kind === 'pin' ? rule : undefined;
  };
  const togglePin = (pair: PairRef) => {
    const rule = pinRule(pair);
    if (rule) removeRule.mutate(rule.id);
    else saveRule.mutate({ ...pair, kind: 'pin' });
  };
  const pinUnmatched = (mentee: PersonRef, mentor: PersonRef) =>
    saveRule.mutate({ menteeId: mentee.id, mentorId: mentor.id, kind: 'pin', rerun: true });
  const pinProblems = ignoredPinsByMentee(result);
  const savingFor = saveRule.isPending ? saveRule.variables?.menteeId : undefined;
  if (saveRule.isError && saveRule.variables?.rerun) {
    pinProblems.set(
      saveRule.variables.menteeId,
      saveRule.error instanceof Error ? saveRule.error.message : t('proposals.rules.saveFailed'),
    );
  }
  const isStale = Boolean(result) && !run.isPending && result?.mode !== mode;
  const isChanging = saveRule.isPending || removeRule.isPending;

  return (
    <>
      <PageHeader
        title={t('proposals.titleFor', { name: programme.name })}
        description={t('proposals.intro')}
        actions={
          <Button variant="default" component={Link} to={`/programmes/${programme.id}`}>
            {t('programmes.view')}
          </Button>
        }
      />
      <Stack gap="lg">
        {programme.matchingMode !== 'manager_proposes' && (
          <Alert color="yellow">{t('proposals.wrongMode')}</Alert>
        )}
        <Card withBorder component="section" aria-labelledby="proposal-run">
          <Title order={2} size="h4" id="proposal-run" mb="xs">
            {t('proposals.run')}
          </Title>
          <Stack gap="sm">
            <div>
              <Text size="sm" fw={500} id="proposal-mode-label" mb={4}>
                {t('proposals.mode')}
              </Text>
              <SegmentedControl
                aria-labelledby="proposal-mode-label"
                value={mode}
                onChange={(value) => setMode(value === 'stable' ? 'stable' : 'optimal')}
                data={[
                  { value: 'optimal', label: t('proposals.modes.optimal') },
                  { value: 'stable', label: t('proposals.modes.stable') },
                ]}
              />
              <Text size="xs" c="dimmed" mt={4}>
                {t(`proposals.modeHints.${mode}`)}
              </Text>
            </div>
            {mode === 'stable' && savedRules.some((r) => r.kind === 'pin') && (
              <Text size="sm" c="dimmed">
                {t('proposals.pinsOptimalOnly')}
              </Text>
            )}
            <Group>
              <Button loading={run.isPending} onClick={() => run.mutate()}>
                {result ? t('proposals.rerun') : t('proposals.runButton')}
              </Button>
            </Group>
            <ErrorMessage error={run.error} />
          </Stack>
        </Card>

        <SavedRules
          rules={rules}
          removing={removeRule.isPending ? removeRule.variables : undefined}
          onRemove={(rule) => removeRule.mutate(rule.id)}
          error={removeRule.error ?? (saveRule.variables?.rerun ? null : saveRule.error)}
        />

        {run.isPending && !result && <LoadingState label={t('proposals.running')} />}
        {result && (
          <>
            {isStale && <Alert color="blue">{t('proposals.stale')}</Alert>}
            <Totals run={result} />
            {result.ignoredPins.length > 0 && (
              <Alert color="yellow" title={t('proposals.ignoredPins')}>
                <List size="sm">
                  {result.ignoredPins.map((p) => (
                    <List.Item key={p.ruleId}>
                      {t('proposals.ignoredPin', {
                        mentee: p.mentee.name,
                        mentor: p.mentor.name,
                        problem: p.problem,
                      })}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <section aria-labelledby="proposal-pairs">
              <Title order={2} size="h4" id="proposal-pairs" mb="xs">
                {t('proposals.pairs', { count: result.pairs.length })}
              </Title>
              {result.pairs.length === 0 ? (
                <EmptyMessage>{t('proposals.noPairs')}</EmptyMessage>
              ) : (
                <Table.ScrollContainer minWidth={760}>
                  <Table striped aria-labelledby="proposal-pairs">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('proposals.mentee')}</Table.Th>
                        <Table.Th>{t('proposals.mentor')}</Table.Th>
                        <Table.Th>{t('proposals.strength')}</Table.Th>
                        <Table.Th>{t('proposals.reasons')}</Table.Th>
                        <Table.Th>
                          <VisuallyHidden>{t('proposals.actions')}</VisuallyHidden>
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {result.pairs.map((pair) => {
                        const ref = { menteeId: pair.mentee.id, mentorId: pair.mentor.id };
                        const isPinned = Boolean(pinRule(ref));
                        const names = { mentee: pair.mentee.name, mentor: pair.mentor.name };
                        const pinLabel = t(isPinned ? 'proposals.unpin' : 'proposals.pin', names);
                        const forbidLabel = t('proposals.forbid', names);
                        return (
                          <Table.Tr key={pairKey(ref)}>
                            <Table.Td>{pair.mentee.name}</Table.Td>
                            <Table.Td>{pair.mentor.name}</Table.Td>
                            <Table.Td>
                              <Badge variant="outline" color="blue.9">
                                {pair.strength}%
                              </Badge>
                            </Table.Td>
                            <Table.Td>
                              <List size="xs" spacing={0}>
                                {pair.reasons.slice(0, 4).map((reason, i) => (
                                  <List.Item key={`${reason.code}-${i}`}>{reason.text}</List.Item>
                                ))}
                              </List>
                            </Table.Td>
                            <Table.Td>
                              <Group gap={4} wrap="nowrap">
                                <Tooltip label={pinLabel}>
                                  <ActionIcon
                                    variant={isPinned ? 'filled' : 'subtle'}
                                    aria-label={pinLabel}
                                    aria-pressed={isPinned}
                                    onClick={() => togglePin(ref)}
                                    disabled={mode === 'stable' || isChanging}
                                  >
                                    {isPinned ? (
                                      <IconPinnedOff size={18} aria-hidden />
                                    ) : (
                                      <IconPin size={18} aria-hidden />
                                    )}
                                  </ActionIcon>
                                </Tooltip>
                                <Tooltip label={forbidLabel}>
                                  <ActionIcon
                                    variant="subtle"
                                    color="red.8"
                                    aria-label={forbidLabel}
                                    disabled={isChanging}
                                    onClick={() => saveRule.mutate({ ...ref, kind: 'forbid' })}
                                  >
                                    <IconBan size={18} aria-hidden />
                                  </ActionIcon>
                                </Tooltip>
                              </Group>
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </section>

            {result.unmatched.length > 0 && (
              <section aria-labelledby="proposal-unmatched">
                <Title order={2} size="h4" id="proposal-unmatched" mb="xs">
                  {t('proposals.unmatchedTitle', { count: result.unmatched.length })}
                </Title>
                <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {result.unmatched.map((u) => (
                    <UnmatchedRow
                      key={u.mentee.id}
                      unmatched={u}
                      canPin={mode === 'optimal' && !isChanging}
                      isRunning={run.isPending || savingFor === u.mentee.id}
                      problem={pinProblems.get(u.mentee.id)}
                      onPin={(mentor) => pinUnmatched(u.mentee, mentor)}
                    />
                  ))}
                </Stack>
              </section>
            )}

            <Card withBorder>
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('proposals.sendText')}</Text>
                <Button
                  disabled={sent || result.pairs.length === 0}
                  onClick={() => {
                    send.reset();
                    setConfirming(true);
                  }}
                >
                  {sent
                    ? t('proposals.sentButton')
                    : t('proposals.send', { count: result.pairs.length })}
                </Button>
              </Stack>
            </Card>
            <Modal
              opened={confirming}
              onClose={() => setConfirming(false)}
              title={t('proposals.confirm.title', { count: result.pairs.length })}
              closeButtonProps={{ 'aria-label': t('common.close') }}
            >
              <Stack>
                <Text>{t('proposals.confirm.text')}</Text>
                <ErrorMessage error={send.error} />
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => setConfirming(false)}>
                    {t('common.cancel')}
                  </Button>
                  <Button loading={send.isPending} onClick={() => send.mutate(result.runId)}>
                    {t('proposals.send', { count: result.pairs.length })}
                  </Button>
                </Group>
              </Stack>
            </Modal>
          </>
        )}
        <SentIntroductions programmeId={programme.id} />
      </Stack>
    </>
  );
}

/** The pins and forbids saved on the programme, with who set them and when. */
function SavedRules({
  rules,
  removing,
  onRemove,
  error,
}: {
  rules: UseQueryResult<{ items: PairRule[] }>;
  removing: string | undefined;
  onRemove: (rule: PairRule) => void;
  error: unknown;
}) {
  const { t, i18n } = useTranslation();
  const items = rules.data?.items ?? [];
  const pins = items.filter((r) => r.kind === 'pin');
  const forbids = items.filter((r) => r.kind === 'forbid');
  return (
    <Card withBorder component="section" aria-labelledby="proposal-rules">
      <Title order={2} size="h4" id="proposal-rules" mb="xs">
        {t('proposals.rules.title')}
      </Title>
      {rules.isPending ? (
        <LoadingState />
      ) : rules.isError ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('proposals.rules.empty')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {[
            { title: t('proposals.pinned'), list: pins, label: 'proposals.unpin' as const },
            { title: t('proposals.forbidden'), list: forbids, label: 'proposals.allow' as const },
          ].map(
            ({ title, list, label }) =>
              list.length > 0 && (
                <div key={title}>
                  <Text size="sm" fw={600} mb={4}>
                    {title}
                  </Text>
                  <Stack
                    gap={6}
                    component="ul"
                    style={{ listStyle: 'none', padding: 0, margin: 0 }}
                  >
                    {list.map((rule) => (
                      <Group component="li" key={rule.id} gap="xs" wrap="nowrap" align="flex-start">
                        <div style={{ minWidth: 0 }}>
                          <Text size="sm">
                            {rule.mentee.name} → {rule.mentor.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {pairRuleOrigin(rule, t, i18n.language)}
                          </Text>
                        </div>
                        <CloseButton
                          size="sm"
                          aria-label={t(label, {
                            mentee: rule.mentee.name,
                            mentor: rule.mentor.name,
                          })}
                          disabled={removing === rule.id}
                          onClick={() => onRemove(rule)}
                        />
                      </Group>
                    ))}
                  </Stack>
                </div>
              ),
          )}
        </SimpleGrid>
      )}
      <ErrorMessage error={error} />
    </Card>
  );
}

function UnmatchedRow({
  unmatched,
  canPin,
  isRunning,
  problem,
  onPin,
}: {
  unmatched: UnmatchedMentee;
  canPin: boolean;
  isRunning: boolean;
  problem: string | undefined;
  onPin: (mentor: PersonRef) => void;
}) {
  const { t } = useTranslation();
  const [mentorId, setMentorId] = useState<string | null>(null);
  const chosen = unmatched.candidates.find((c) => c.mentor.id === mentorId);
  const mentee = unmatched.mentee.name;
  return (
    <li>
      <Text size="sm">
        <Text span fw={600} size="sm">
          {mentee}
        </Text>
        : {unmatched.reason}
      </Text>
      {unmatched.declinedPairs > 0 && (
        <Text size="xs" c="dimmed">
          {t('proposals.declinedNote', { count: unmatched.declinedPairs })}
        </Text>
      )}
      {unmatched.candidates.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('proposals.pinUnmatched.none')}
        </Text>
      ) : (
        <Group gap="xs" align="flex-end" mt={4}>
          <Select
            size="xs"
            w={320}
            label={t('proposals.pinUnmatched.label', { mentee })}
            placeholder={t('proposals.pinUnmatched.placeholder')}
            data={unmatched.candidates.map((c) => ({
              value: c.mentor.id,
              label: pinCandidateLabel(c, t),
            }))}
            value={mentorId}
            onChange={setMentorId}
            disabled={!canPin}
            description={chosen?.placesLeft === 0 ? t('proposals.pinUnmatched.hint') : undefined}
            error={problem}
            comboboxProps={{ withinPortal: true }}
          />
          <Button
            size="xs"
            variant="light"
            aria-label={t('proposals.pinUnmatched.buttonLabel', { mentee })}
            disabled={!canPin || !chosen}
            loading={isRunning && Boolean(chosen)}
            onClick={() => chosen && onPin(chosen.mentor)}
          >
            {t('proposals.pinUnmatched.button')}
          </Button>
        </Group>
      )}
    </li>
  );
}

function SentIntroductions({ programmeId }: { programmeId: string }) {
  const { t, i18n } = useTranslation();
  const sent = useQuery({
    queryKey: sentIntroductionsQueryKey(programmeId),
    queryFn: () =>
      unwrap(
        api.GET('/api/programmes/{id}/introductions', { params: { path: { id: programmeId } } }),
      ),
  });
  const title = t('proposals.sentIntroductions.title');
  return (
    <section aria-labelledby="proposal-sent">
      <Title order={2} size="h4" id="proposal-sent" mb="xs">
        {title}
      </Title>
      {sent.isPending ? (
        <LoadingState />
      ) : sent.isError ? (
        <ErrorState error={sent.error} onRetry={() => void sent.refetch()} />
      ) : sent.data.items.length === 0 ? (
        <EmptyMessage>{t('proposals.sentIntroductions.empty')}</EmptyMessage>
      ) : (
        <>
          <Text size="sm" mb="xs">
            {t('proposals.sentIntroductions.counts', sent.data.counts)}
          </Text>
          <Table.ScrollContainer minWidth={760}>
            <Table striped>
              <caption>
                <VisuallyHidden>{title}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('proposals.mentee')}</Table.Th>
                  <Table.Th>{t('proposals.mentor')}</Table.Th>
                  <Table.Th>{t('proposals.sentIntroductions.menteeResponse')}</Table.Th>
                  <Table.Th>{t('proposals.sentIntroductions.mentorResponse')}</Table.Th>
                  <Table.Th>{t('proposals.sentIntroductions.status')}</Table.Th>
                  <Table.Th>{t('proposals.sentIntroductions.sentOn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sent.data.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>{item.mentee.name}</Table.Td>
                    <Table.Td>{item.mentor.name}</Table.Td>
                    <Table.Td>
                      {t(`proposals.sentIntroductions.responses.${item.menteeResponse}`)}
                    </Table.Td>
                    <Table.Td>
                      {t(`proposals.sentIntroductions.responses.${item.mentorResponse}`)}
                    </Table.Td>
                    <Table.Td>{sentIntroductionStatus(item, t)}</Table.Td>
                    <Table.Td>{formatDate(item.createdAt, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </section>
  );
}

function Totals({ run }: { run: ProposalRun }) {
  const { t } = useTranslation();
  const { totals } = run;
  const stats: { label: string; value: string; hint?: string }[] = [
    {
      label: t('proposals.totals.matched'),
      value: t('proposals.totals.matchedValue', {
        matched: totals.matched,
        mentees: totals.mentees,
      }),
    },
    { label: t('proposals.totals.averageStrength'), value: `${totals.averageStrength}%` },
    {
      label: t('proposals.totals.firstChoice'),
      value: t('proposals.totals.firstChoiceValue', {
        count: totals.firstChoice,
        matched: totals.matched,
      }),
      hint: t('proposals.totals.firstChoiceHint'),
    },
    { label: t('proposals.totals.unmatched'), value: String(totals.unmatched) },
    { label: t('proposals.totals.places'), value: String(totals.places) },
  ];
  const reasons = unmatchedReasons(totals, t);
  const leftOut: string[] = [];
  if (totals.leftOut.declinedPairs > 0)
    leftOut.push(t('proposals.totals.leftOutDeclined', { count: totals.leftOut.declinedPairs }));
  if (totals.leftOut.forbiddenPairs > 0)
    leftOut.push(t('proposals.totals.leftOutForbidden', { count: totals.leftOut.forbiddenPairs }));
  return (
    <section aria-labelledby="proposal-totals">
      <Title order={2} size="h4" id="proposal-totals" mb="xs">
        {t('proposals.totals.title', { mode: t(`proposals.modes.${run.mode}`) })}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} component="dl" style={{ margin: 0 }}>
        {stats.map(({ label, value, hint }) => (
          <Card withBorder padding="sm" key={label}>
            <Text component="dt" size="xs" c="dimmed">
              {label}
            </Text>
            <Text component="dd" fw={700} size="lg" m={0}>
              {value}
            </Text>
            {hint && (
              <Text component="dd" size="xs" c="dimmed" m={0}>
                {hint}
              </Text>
            )}
          </Card>
        ))}
      </SimpleGrid>
      {(reasons.length > 0 || leftOut.length > 0) && (
        <List size="sm" mt="sm" spacing={2}>
          {[...reasons, ...leftOut].map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      )}
      {run.byTargetGroup.length > 0 && (
        <Table.ScrollContainer minWidth={320} mt="sm">
          <Table withTableBorder>
            <caption>{t('proposals.byDepartment')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('proposals.department')}</Table.Th>
                <Table.Th>{t('proposals.totals.matched')}</Table.Th>
                <Table.Th>{t('proposals.totals.unmatched')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {run.byTargetGroup.map((row) => (
                <Table.Tr key={row.value ?? ''}>
                  <Table.Td>{departmentLabel(row, t)}</Table.Td>
                  <Table.Td>{row.matched}</Table.Td>
                  <Table.Td>{row.unmatched}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {t('proposals.groupsPrivacy')}
      </Text>
    </section>
  );
}
