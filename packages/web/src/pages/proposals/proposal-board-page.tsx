import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
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
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { EmptyMessage, ErrorMessage, ErrorState, LoadingState } from '../../components/states';
import { useSignedIn } from '../../session/use-signed-in';
import { canDesignProgrammes, formatDate, type Programme } from '../programmes/programme-types';
import { useProgramme } from '../programmes/use-programme';
import {
  pairKey,
  pinCandidateLabel,
  pinProblemsByMentee,
  sentIntroductionStatus,
  sentIntroductionsQueryKey,
  type PairRef,
  type PersonRef,
  type ProposalMode,
  type ProposalRun,
  targetGroupLabel,
  groupCount,
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

interface NamedPair extends PairRef {
  mentee: PersonRef;
  mentor: PersonRef;
}

function ProposalBoard({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<ProposalMode>('optimal');
  const [pins, setPins] = useState<NamedPair[]>([]);
  const [forbids, setForbids] = useState<NamedPair[]>([]);
  const [sent, setSent] = useState(false);
  // The last good run stays on screen while a rerun is computed or refused, so a refused pin can
  // be explained next to the control that made it.
  const [result, setResult] = useState<ProposalRun>();
  const queryClient = useQueryClient();

  const run = useMutation({
    mutationFn: (input: { pins: PairRef[]; forbids: PairRef[] }) =>
      unwrap(
        api.POST('/api/programmes/{id}/proposals/run', {
          params: { path: { id: programme.id } },
          body: { mode, ...input },
        }),
      ),
    onSuccess: (data) => {
      setResult(data);
      setSent(false);
    },
  });
  const runWith = (nextPins: NamedPair[]) =>
    run.mutate({
      // The engine honours pins in the optimal assignment only.
      pins:
        mode === 'optimal'
          ? nextPins.map(({ menteeId, mentorId }) => ({ menteeId, mentorId }))
          : [],
      forbids: forbids.map(({ menteeId, mentorId }) => ({ menteeId, mentorId })),
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
      void queryClient.invalidateQueries({ queryKey: sentIntroductionsQueryKey(programme.id) });
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('proposals.sent', { count }),
      });
    },
  });

  const pinned = new Set(pins.map(pairKey));
  const togglePin = (pair: NamedPair) =>
    setPins((current) =>
      pinned.has(pairKey(pair))
        ? current.filter((p) => pairKey(p) !== pairKey(pair))
        : // A mentee is pinned to one mentor at most.
          [...current.filter((p) => p.menteeId !== pair.menteeId), pair],
    );
  const forbid = (pair: NamedPair) => {
    setPins((current) => current.filter((p) => pairKey(p) !== pairKey(pair)));
    setForbids((current) =>
      current.some((p) => pairKey(p) === pairKey(pair)) ? current : [...current, pair],
    );
  };
  const pinUnmatched = (mentee: PersonRef, mentor: PersonRef) => {
    const next = [
      ...pins.filter((p) => p.menteeId !== mentee.id),
      { menteeId: mentee.id, mentorId: mentor.id, mentee, mentor },
    ];
    setPins(next);
    runWith(next);
  };
  const pinProblems = pinProblemsByMentee(run.error, run.variables?.pins ?? []);
  const isStale = Boolean(result) && !run.isPending && result?.mode !== mode;

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
            {(pins.length > 0 || forbids.length > 0) && (
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <PairList
                  title={t('proposals.pinned')}
                  pairs={pins}
                  removeLabel={(p) =>
                    t('proposals.unpin', { mentee: p.mentee.name, mentor: p.mentor.name })
                  }
                  onRemove={(p) => setPins((c) => c.filter((x) => pairKey(x) !== pairKey(p)))}
                />
                <PairList
                  title={t('proposals.forbidden')}
                  pairs={forbids}
                  removeLabel={(p) =>
                    t('proposals.allow', { mentee: p.mentee.name, mentor: p.mentor.name })
                  }
                  onRemove={(p) => setForbids((c) => c.filter((x) => pairKey(x) !== pairKey(p)))}
                />
              </SimpleGrid>
            )}
            {mode === 'stable' && pins.length > 0 && (
              <Text size="sm" c="dimmed">
                {t('proposals.pinsOptimalOnly')}
              </Text>
            )}
            <Group>
              <Button loading={run.isPending} onClick={() => runWith(pins)}>
                {result ? t('proposals.rerun') : t('proposals.runButton')}
              </Button>
            </Group>
            <ErrorMessage error={run.error} />
          </Stack>
        </Card>

        {run.isPending && !result && <LoadingState label={t('proposals.running')} />}
        {result && (
          <>
            {isStale && <Alert color="blue">{t('proposals.stale')}</Alert>}
            <Totals run={result} />
            <section aria-labelledby="proposal-pairs">
              <Title order={2} size="h4" id="proposal-pairs" mb="xs">
                {t('proposals.pairs', { count: result.pairs.length })}
              </Title>
              {result.pairs.length === 0 ? (
                <EmptyMessage>{t('proposals.noPairs')}</EmptyMessage>
              ) : (
                <Table.ScrollContainer minWidth={760}>
                  <Table striped>
                    <caption>
                      <VisuallyHidden>
                        {t('proposals.pairs', { count: result.pairs.length })}
                      </VisuallyHidden>
                    </caption>
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
                        const named: NamedPair = {
                          menteeId: pair.mentee.id,
                          mentorId: pair.mentor.id,
                          mentee: pair.mentee,
                          mentor: pair.mentor,
                        };
                        const isPinned = pinned.has(pairKey(named));
                        const pinLabel = t(isPinned ? 'proposals.unpin' : 'proposals.pin', {
                          mentee: pair.mentee.name,
                          mentor: pair.mentor.name,
                        });
                        const forbidLabel = t('proposals.forbid', {
                          mentee: pair.mentee.name,
                          mentor: pair.mentor.name,
                        });
                        return (
                          <Table.Tr key={pairKey(named)}>
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
                                    onClick={() => togglePin(named)}
                                    disabled={mode === 'stable'}
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
                                    onClick={() => forbid(named)}
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
                      canPin={mode === 'optimal'}
                      isRunning={run.isPending}
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
                  loading={send.isPending}
                  disabled={sent || result.pairs.length === 0}
                  onClick={() => send.mutate(result.runId)}
                >
                  {sent
                    ? t('proposals.sentButton')
                    : t('proposals.send', { count: result.pairs.length })}
                </Button>
                <ErrorMessage error={send.error} />
              </Stack>
            </Card>
          </>
        )}
        <SentIntroductions programmeId={programme.id} />
      </Stack>
    </>
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

function PairList({
  title,
  pairs,
  removeLabel,
  onRemove,
}: {
  title: string;
  pairs: NamedPair[];
  removeLabel: (pair: NamedPair) => string;
  onRemove: (pair: NamedPair) => void;
}) {
  if (pairs.length === 0) return <div />;
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {pairs.map((pair) => (
          <Group component="li" key={pairKey(pair)} gap="xs" wrap="nowrap">
            <Text size="sm">
              {pair.mentee.name} → {pair.mentor.name}
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              aria-label={removeLabel(pair)}
              onClick={() => onRemove(pair)}
            >
              ×
            </Button>
          </Group>
        ))}
      </Stack>
    </div>
  );
}

function Totals({ run }: { run: ProposalRun }) {
  const { t } = useTranslation();
  const { totals } = run;
  const stats: [string, string][] = [
    [t('proposals.totals.mentees'), String(totals.mentees)],
    [t('proposals.totals.mentors'), String(totals.mentors)],
    [t('proposals.totals.matched'), String(totals.matched)],
    [t('proposals.totals.unmatched'), String(totals.unmatched)],
    [t('proposals.totals.averageStrength'), `${Math.round(totals.averageStrength)}%`],
    [t('proposals.totals.totalScore'), String(Math.round(totals.totalScore))],
    [
      t('proposals.totals.optimalScore'),
      totals.optimalScore === null ? '—' : String(totals.optimalScore),
    ],
    [
      t('proposals.totals.stableScore'),
      totals.stableScore === null ? '—' : String(totals.stableScore),
    ],
  ];
  return (
    <section aria-labelledby="proposal-totals">
      <Title order={2} size="h4" id="proposal-totals" mb="xs">
        {t('proposals.totals.title', { mode: t(`proposals.modes.${run.mode}`) })}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" style={{ margin: 0 }}>
        {stats.map(([label, value]) => (
          <Card withBorder padding="sm" key={label}>
            <Text component="dt" size="xs" c="dimmed">
              {label}
            </Text>
            <Text component="dd" fw={700} size="lg" m={0}>
              {value}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {run.byTargetGroup.length > 0 && (
        <Table mt="sm" withTableBorder>
          <caption>{t('proposals.byTargetGroup')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('proposals.group')}</Table.Th>
              <Table.Th>{t('proposals.totals.matched')}</Table.Th>
              <Table.Th>{t('proposals.totals.unmatched')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {run.byTargetGroup.map((row) => (
              <Table.Tr key={`${row.kind}:${row.value ?? ''}`}>
                <Table.Td>{targetGroupLabel(row, t)}</Table.Td>
                <Table.Td>{groupCount(row.matched, t)}</Table.Td>
                <Table.Td>{groupCount(row.unmatched, t)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {run.byTargetGroup.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('proposals.groupsPrivacy')}
        </Text>
      )}
    </section>
  );
}
