import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { ErrorMessage, ErrorState, LoadingState } from '../../components/states';
import { attentionQueryKey } from '../attention/use-attention';
import { formatDate } from '../programmes/programme-types';
import {
  checkInKeys,
  gainLabel,
  labelOf,
  type CheckInAnswer,
  type CheckInDetail,
  type CheckInQuestion,
} from './check-in-types';
import { useCheckInTitle } from './feedback-page';

const SCALE = ['1', '2', '3', '4', '5'] as const;

/** One of my check-ins: the form while it is open, my answers to read back after. */
export function CheckInPage() {
  const { t } = useTranslation();
  const { checkInId = '' } = useParams();
  const titleOf = useCheckInTitle();
  const checkIn = useQuery({
    queryKey: checkInKeys.one(checkInId),
    queryFn: () => unwrap(api.GET('/api/check-ins/{id}', { params: { path: { id: checkInId } } })),
  });
  return (
    <>
      <Anchor component={Link} to="/feedback" size="sm">
        {t('checkIns.back')}
      </Anchor>
      {checkIn.isPending ? (
        <LoadingState />
      ) : checkIn.isError ? (
        <>
          <PageHeader title={t('checkIns.page.title')} />
          <ErrorState error={checkIn.error} onRetry={() => void checkIn.refetch()} />
        </>
      ) : (
        <>
          <PageHeader title={titleOf(checkIn.data)} description={checkIn.data.programme.name} />
          <CheckInBody checkIn={checkIn.data} />
        </>
      )}
    </>
  );
}

function CheckInBody({ checkIn }: { checkIn: CheckInDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge variant="outline">{t(`checkIns.status.${checkIn.status}`)}</Badge>
        <Text size="sm" c="dimmed">
          {checkIn.answeredAt
            ? t('checkIns.answeredOn', { date: formatDate(checkIn.answeredAt, i18n.language) })
            : t('checkIns.sent', { date: formatDate(checkIn.sentAt, i18n.language) })}
        </Text>
      </Group>
      <Alert variant="light" color="blue" icon={<IconLock aria-hidden />}>
        {t('checkIns.privacy')}
      </Alert>
      {checkIn.status === 'open' ? (
        <AnswerForm checkIn={checkIn} />
      ) : checkIn.status === 'missed' ? (
        <Alert color="gray">{t('checkIns.missedExplained')}</Alert>
      ) : (
        <ReadBack checkIn={checkIn} />
      )}
    </Stack>
  );
}

type Draft = Record<string, CheckInAnswer | undefined>;

function AnswerForm({ checkIn }: { checkIn: CheckInDetail }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>({});
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const set = (id: string, value: CheckInAnswer | undefined) => {
    setDraft((d) => ({ ...d, [id]: value }));
    setMissing((m) => {
      const next = new Set(m);
      next.delete(id);
      return next;
    });
  };
  const save = useMutation({
    mutationFn: (answers: Record<string, CheckInAnswer>) =>
      unwrap(
        api.POST('/api/check-ins/{id}/answers', {
          params: { path: { id: checkIn.id } },
          body: { answers },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(checkInKeys.one(checkIn.id), saved);
      void queryClient.invalidateQueries({ queryKey: checkInKeys.list });
      void queryClient.invalidateQueries({ queryKey: attentionQueryKey });
      notifications.show({
        color: 'green',
        message: t('checkIns.form.sentToast'),
        closeButtonProps: { 'aria-label': t('common.close') },
      });
      void navigate('/feedback');
    },
  });
  const serverErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const isRequired = (q: CheckInQuestion) =>
    q.kind === 'met' || q.kind === 'yes_no' || q.kind === 'usefulness' || q.kind === 'scale';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const absent = checkIn.questions.filter((q) => isRequired(q) && draft[q.id] === undefined);
    if (absent.length > 0) {
      setMissing(new Set(absent.map((q) => q.id)));
      document.getElementById(`question-${absent[0]!.id}`)?.focus();
      return;
    }
    const answers: Record<string, CheckInAnswer> = {};
    for (const q of checkIn.questions) {
      const value = draft[q.id];
      if (value === undefined) continue;
      if (typeof value === 'string' && value.trim() === '') continue;
      answers[q.id] = value;
    }
    save.mutate(answers);
  };

  return (
    <Card withBorder component="form" onSubmit={submit} noValidate>
      <Stack gap="lg">
        {checkIn.questions.map((q, index) => {
          const error = missing.has(q.id)
            ? t('checkIns.form.required')
            : serverErrors[`answers.${q.id}`];
          const label = `${index + 1}. ${labelOf(q, i18n.language)}`;
          const id = `question-${q.id}`;
          switch (q.kind) {
            case 'met':
            case 'yes_no':
              return (
                <Radio.Group
                  key={q.id}
                  label={label}
                  withAsterisk
                  error={error}
                  value={draft[q.id] === undefined ? '' : draft[q.id] ? 'yes' : 'no'}
                  onChange={(v) => set(q.id, v === 'yes')}
                >
                  <Group mt="xs">
                    <Radio id={id} value="yes" label={t('checkIns.form.yes')} />
                    <Radio value="no" label={t('checkIns.form.no')} />
                  </Group>
                </Radio.Group>
              );
            case 'usefulness':
            case 'scale':
              return (
                <Radio.Group
                  key={q.id}
                  label={label}
                  description={t('checkIns.form.scaleHint')}
                  withAsterisk
                  error={error}
                  value={typeof draft[q.id] === 'number' ? String(draft[q.id]) : ''}
                  onChange={(v) => set(q.id, Number(v))}
                >
                  <Group gap="md" mt="xs">
                    {SCALE.map((n, i) => (
                      <Radio
                        key={n}
                        id={i === 0 ? id : undefined}
                        value={n}
                        label={`${n} · ${t(`checkIns.form.scale.${n}`)}`}
                      />
                    ))}
                  </Group>
                </Radio.Group>
              );
            case 'gains': {
              const chosen = Array.isArray(draft[q.id]) ? (draft[q.id] as string[]) : [];
              return (
                <Checkbox.Group
                  key={q.id}
                  label={label}
                  description={t('checkIns.form.gainsHint')}
                  error={error}
                  value={chosen}
                  onChange={(v) => set(q.id, v)}
                >
                  <Stack gap="xs" mt="xs">
                    {checkIn.gainOptions.map((option, i) => (
                      <Checkbox
                        key={option.id}
                        id={i === 0 ? id : undefined}
                        value={option.id}
                        label={gainLabel(option, i18n.language)}
                      />
                    ))}
                  </Stack>
                </Checkbox.Group>
              );
            }
            case 'programme':
            case 'text':
              return (
                <Textarea
                  key={q.id}
                  id={id}
                  label={label}
                  description={t('checkIns.form.textHint')}
                  error={error}
                  autosize
                  minRows={3}
                  maxLength={2000}
                  value={typeof draft[q.id] === 'string' ? (draft[q.id] as string) : ''}
                  onChange={(e) => set(q.id, e.currentTarget.value)}
                />
              );
          }
        })}
        <ErrorMessage
          error={save.error && Object.keys(serverErrors).length === 0 ? save.error : null}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('checkIns.form.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function answerText(
  q: CheckInQuestion,
  value: CheckInAnswer | undefined,
  checkIn: CheckInDetail,
  t: TFunction,
  locale: string,
): string[] {
  if (value === undefined || value === null) return [t('checkIns.form.noAnswer')];
  if (typeof value === 'boolean') return [value ? t('checkIns.form.yes') : t('checkIns.form.no')];
  if (typeof value === 'number') {
    const n = String(value) as (typeof SCALE)[number];
    return SCALE.includes(n) ? [`${n} · ${t(`checkIns.form.scale.${n}`)}`] : [n];
  }
  if (Array.isArray(value)) {
    return value.length === 0
      ? [t('checkIns.form.noAnswer')]
      : value.map((id) => {
          const option = checkIn.gainOptions.find((o) => o.id === id);
          return option ? gainLabel(option, locale) : id;
        });
  }
  return [value];
}

/** My answers, as I gave them: only I see this page. */
function ReadBack({ checkIn }: { checkIn: CheckInDetail }) {
  const { t, i18n } = useTranslation();
  const answers = checkIn.answers ?? {};
  return (
    <Card withBorder component="section" aria-labelledby="my-answers">
      <Stack gap="md">
        <Title order={2} size="h4" id="my-answers">
          {t('checkIns.answeredExplained')}
        </Title>
        <Stack component="dl" gap="sm" m={0}>
          {checkIn.questions.map((q) => {
            const lines = answerText(q, answers[q.id], checkIn, t, i18n.language);
            return (
              <div key={q.id}>
                <Text component="dt" fw={500} size="sm">
                  {labelOf(q, i18n.language)}
                </Text>
                <Text component="dd" m={0} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {lines.length > 1 ? (
                    <List size="sm">
                      {lines.map((line) => (
                        <List.Item key={line}>{line}</List.Item>
                      ))}
                    </List>
                  ) : (
                    lines[0]
                  )}
                </Text>
              </div>
            );
          })}
        </Stack>
      </Stack>
    </Card>
  );
}
