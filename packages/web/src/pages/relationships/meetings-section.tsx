import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, ApiError, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { ConfirmModal } from '../../components/confirm-modal';
import { EmptyMessage, ErrorMessage, ErrorState, LoadingState } from '../../components/states';
import { profileQueryKey } from '../programmes/programme-types';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type MeetingList = Json<paths['/api/relationships/{id}/meetings']['get']['responses'][200]>;
type Meeting = MeetingList['upcoming'][number];
type PlanBody = Json<paths['/api/relationships/{id}/meetings']['post']['requestBody']>;

/** Query key of a relationship's meetings (under the relationship page's ['relationship', id]). */
export const meetingsKey = (relationshipId: string) =>
  ['relationship', relationshipId, 'meetings'] as const;

const DURATIONS = [15, 30, 45, 60, 90, 120, 180, 240, 480];

function durationLabel(minutes: number, t: TFunction): string {
  return minutes % 60 === 0
    ? t('meetings.hours', { count: minutes / 60 })
    : t('meetings.minutes', { count: minutes });
}

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Amsterdam';
}

/** "Thursday 10 December 2026, 14:00–15:00" in the meeting's own time zone. */
function formatWhen(meeting: Meeting, locale: string, t: TFunction): string {
  const day = new Intl.DateTimeFormat(locale, { timeZone: meeting.timeZone, dateStyle: 'full' });
  const clock = new Intl.DateTimeFormat(locale, {
    timeZone: meeting.timeZone,
    timeStyle: 'short',
  });
  return t('meetings.when', {
    date: day.format(new Date(meeting.startsAt)),
    start: clock.format(new Date(meeting.startsAt)),
    end: clock.format(new Date(meeting.endsAt)),
  });
}

/** The start in the viewer's own zone, when that differs from the meeting's. */
function formatInMyZone(meeting: Meeting, locale: string): string | null {
  const mine = browserTimeZone();
  const at = new Date(meeting.startsAt);
  const offset = (zone: string) =>
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).format(at);
  if (mine === meeting.timeZone || offset(mine) === offset(meeting.timeZone)) return null;
  // dateStyle/timeStyle cannot be combined with timeZoneName: the parts are named one by one.
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

/** Meetings of the relationship: upcoming and past, plan, change, cancel, say whether it happened. */
export function MeetingsSection({
  relationshipId,
  canChange,
}: {
  relationshipId: string;
  canChange: boolean;
}) {
  const { t } = useTranslation();
  const [isPlanning, setPlanning] = useState(false);
  const meetings = useQuery({
    queryKey: meetingsKey(relationshipId),
    queryFn: () =>
      unwrap(
        api.GET('/api/relationships/{id}/meetings', {
          params: { path: { id: relationshipId } },
        }),
      ),
  });
  const canPlan = canChange && (meetings.data?.canPlan ?? false);

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="meetings-title">
      <Stack>
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ flex: '1 1 16rem' }}>
            <Title order={2} size="h3" id="meetings-title">
              {t('meetings.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('meetings.intro')}
            </Text>
          </Stack>
          {canPlan && (
            <Button
              leftSection={<IconCalendarPlus size={18} aria-hidden />}
              onClick={() => setPlanning(true)}
            >
              {t('meetings.plan')}
            </Button>
          )}
        </Group>
        {meetings.isPending ? (
          <LoadingState />
        ) : meetings.isError ? (
          <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} />
        ) : (
          <>
            {!canPlan && meetings.data.upcoming.length === 0 && !meetings.data.canPlan && (
              <Text size="sm">{t('meetings.readOnly')}</Text>
            )}
            <Stack gap="xs" component="section" aria-labelledby="meetings-upcoming">
              <Title order={3} size="h5" id="meetings-upcoming">
                {t('meetings.upcoming')}
              </Title>
              {meetings.data.upcoming.length === 0 ? (
                <EmptyMessage>{t('meetings.noUpcoming')}</EmptyMessage>
              ) : (
                <MeetingList
                  items={meetings.data.upcoming}
                  relationshipId={relationshipId}
                  canChange={canChange}
                />
              )}
            </Stack>
            <Stack gap="xs" component="section" aria-labelledby="meetings-past">
              <Title order={3} size="h5" id="meetings-past">
                {t('meetings.past')}
              </Title>
              {meetings.data.past.length === 0 ? (
                <EmptyMessage>{t('meetings.noPast')}</EmptyMessage>
              ) : (
                <>
                  <MeetingList
                    items={meetings.data.past}
                    relationshipId={relationshipId}
                    canChange={canChange}
                  />
                  {meetings.data.pastTotal > meetings.data.past.length && (
                    <Text size="sm" c="dimmed">
                      {t('meetings.pastShown', {
                        shown: meetings.data.past.length,
                        total: meetings.data.pastTotal,
                      })}
                    </Text>
                  )}
                </>
              )}
            </Stack>
          </>
        )}
      </Stack>
      <Modal
        opened={isPlanning}
        onClose={() => setPlanning(false)}
        title={t('meetings.planTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        size="lg"
      >
        {isPlanning && (
          <MeetingForm relationshipId={relationshipId} onDone={() => setPlanning(false)} />
        )}
      </Modal>
    </Paper>
  );
}

function MeetingList({
  items,
  relationshipId,
  canChange,
}: {
  items: Meeting[];
  relationshipId: string;
  canChange: boolean;
}) {
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((meeting) => (
        <li key={meeting.id}>
          <MeetingCard meeting={meeting} relationshipId={relationshipId} canChange={canChange} />
        </li>
      ))}
    </Stack>
  );
}

function MeetingCard({
  meeting,
  relationshipId,
  canChange,
}: {
  meeting: Meeting;
  relationshipId: string;
  canChange: boolean;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [isChanging, setChanging] = useState(false);
  const [isCancelling, setCancelling] = useState(false);
  const when = formatWhen(meeting, i18n.language, t);
  const myTime = formatInMyZone(meeting, i18n.language);
  const headingId = `meeting-${meeting.id}`;
  const cancel = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/relationships/{id}/meetings/{meetingId}/cancel', {
          params: { path: { id: relationshipId, meetingId: meeting.id } },
        }),
      ),
    onSuccess: async () => {
      setCancelling(false);
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('meetings.cancelled'),
      });
      await queryClient.invalidateQueries({ queryKey: ['relationship', relationshipId] });
    },
  });
  const isCancelled = meeting.status === 'cancelled';

  return (
    <Paper withBorder p="md" radius="sm" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={0} style={{ flex: '1 1 14rem' }}>
            <Title order={4} size="h6" id={headingId} td={isCancelled ? 'line-through' : undefined}>
              {when}
            </Title>
            <Text size="xs" c="dimmed">
              {t('meetings.inZone', { zone: meeting.timeZone })}
              {myTime ? ` · ${t('meetings.yourTime', { time: myTime })}` : ''}
            </Text>
          </Stack>
          <Group gap={4}>
            {isCancelled && (
              <Badge color="red.9" variant="outline">
                {t('meetings.status.cancelled')}
              </Badge>
            )}
            {meeting.outcome && (
              <Badge color={meeting.outcome === 'held' ? 'green.9' : 'gray.8'} variant="outline">
                {t(`meetings.outcomes.${meeting.outcome}`)}
              </Badge>
            )}
          </Group>
        </Group>
        {meeting.place && (
          <Text size="sm">
            <Text span fw={600}>
              {t('meetings.place')}:
            </Text>{' '}
            {meeting.place}
          </Text>
        )}
        {meeting.videoUrl && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <Text span fw={600}>
              {t('meetings.video')}:
            </Text>{' '}
            <Anchor href={meeting.videoUrl} target="_blank" rel="noopener noreferrer">
              {meeting.videoUrl}
            </Anchor>
          </Text>
        )}
        {meeting.agenda && (
          <Stack gap={0}>
            <Text size="sm" fw={600}>
              {t('meetings.agenda')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {meeting.agenda}
            </Text>
          </Stack>
        )}
        <Text size="xs" c="dimmed">
          {t('meetings.plannedBy', { name: meeting.createdBy.name })}
        </Text>
        {meeting.hasStarted && !isCancelled && (
          <OutcomePart meeting={meeting} relationshipId={relationshipId} />
        )}
        <Group gap="xs">
          {!isCancelled && (
            <Button
              component="a"
              href={`/api/relationships/${relationshipId}/meetings/${meeting.id}/ics`}
              download
              size="xs"
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              aria-label={t('meetings.downloadLabel', { when })}
            >
              {t('meetings.download')}
            </Button>
          )}
          {canChange && meeting.canChange && (
            <>
              <Button size="xs" variant="default" onClick={() => setChanging(true)}>
                {t('meetings.change')}
              </Button>
              <Button size="xs" variant="default" color="red.8" onClick={() => setCancelling(true)}>
                {t('meetings.cancel')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
      <Modal
        opened={isChanging}
        onClose={() => setChanging(false)}
        title={t('meetings.changeTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        size="lg"
      >
        {isChanging && (
          <MeetingForm
            relationshipId={relationshipId}
            meeting={meeting}
            onDone={() => setChanging(false)}
          />
        )}
      </Modal>
      <ConfirmModal
        opened={isCancelling}
        onClose={() => setCancelling(false)}
        title={t('meetings.cancelTitle')}
        confirmLabel={t('meetings.cancelConfirm')}
        onConfirm={() => cancel.mutate()}
        loading={cancel.isPending}
        error={cancel.error}
      >
        <Text size="sm">{t('meetings.cancelText', { when })}</Text>
      </ConfirmModal>
    </Paper>
  );
}

/** Whether the meeting happened, with shared notes: shown, and editable while allowed. */
function OutcomePart({ meeting, relationshipId }: { meeting: Meeting; relationshipId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [isEditing, setEditing] = useState(meeting.outcome === null);
  const form = useForm({
    initialValues: {
      outcome: meeting.outcome ?? '',
      notes: meeting.outcomeNotes ?? '',
    },
    validate: { outcome: (value) => (value ? null : t('validation.required')) },
  });
  const save = useMutation({
    mutationFn: (values: { outcome: 'held' | 'not_held'; notes: string }) =>
      unwrap(
        api.POST('/api/relationships/{id}/meetings/{meetingId}/outcome', {
          params: { path: { id: relationshipId, meetingId: meeting.id } },
          body: { outcome: values.outcome, notes: values.notes.trim() || null },
        }),
      ),
    onSuccess: async () => {
      setEditing(false);
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('meetings.outcome.saved'),
      });
      await queryClient.invalidateQueries({ queryKey: meetingsKey(relationshipId) });
    },
  });
  const serverErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};

  if (!isEditing || !meeting.canLogOutcome) {
    return (
      <Stack gap={4}>
        {meeting.outcome === null ? (
          <Text size="sm" c="dimmed">
            {t('meetings.noOutcome')}
          </Text>
        ) : (
          <>
            {meeting.outcomeBy && (
              <Text size="xs" c="dimmed">
                {t('meetings.outcomeBy', { name: meeting.outcomeBy.name })}
              </Text>
            )}
            {meeting.outcomeNotes && (
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  {t('meetings.sharedNotes')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {meeting.outcomeNotes}
                </Text>
              </Stack>
            )}
          </>
        )}
        {meeting.canLogOutcome && (
          <Group>
            <Button size="xs" variant="default" onClick={() => setEditing(true)}>
              {t('meetings.outcome.edit')}
            </Button>
          </Group>
        )}
      </Stack>
    );
  }

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        save.mutate({ outcome: values.outcome as 'held' | 'not_held', notes: values.notes }),
      )}
    >
      <Stack gap="xs">
        <Radio.Group
          label={t('meetings.outcome.question')}
          {...form.getInputProps('outcome')}
          error={form.errors.outcome ?? serverErrors.outcome}
        >
          <Group gap="md" mt={4}>
            <Radio value="held" label={t('meetings.outcome.held')} />
            <Radio value="not_held" label={t('meetings.outcome.notHeld')} />
          </Group>
        </Radio.Group>
        <Textarea
          label={t('meetings.outcome.notes')}
          description={t('meetings.outcome.notesHint')}
          autosize
          minRows={2}
          maxLength={4000}
          {...form.getInputProps('notes')}
          error={serverErrors.notes}
        />
        <Group justify="flex-end" gap="sm">
          {meeting.outcome !== null && (
            <Button variant="default" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={save.isPending}>
            {t('meetings.outcome.save')}
          </Button>
        </Group>
        {save.error && Object.keys(serverErrors).length === 0 && (
          <ErrorMessage error={save.error} />
        )}
      </Stack>
    </form>
  );
}

interface FormValues {
  date: string;
  time: string;
  durationMinutes: string;
  timeZone: string;
  place: string;
  videoUrl: string;
  agenda: string;
}

function tomorrow(): string {
  const d = new Date(Date.now() + 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Plans a meeting, or changes one (`meeting` given). */
function MeetingForm({
  relationshipId,
  meeting,
  onDone,
}: {
  relationshipId: string;
  meeting?: Meeting;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const profile = useQuery({
    queryKey: profileQueryKey,
    queryFn: () => unwrap(api.GET('/api/me/profile')),
    enabled: !meeting,
  });
  const timeZones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const defaultZone = profile.data?.timeZone ?? browserTimeZone();
  const form = useForm<FormValues>({
    initialValues: {
      date: meeting?.date ?? tomorrow(),
      time: meeting?.time ?? '10:00',
      durationMinutes: String(meeting?.durationMinutes ?? 60),
      timeZone: meeting?.timeZone ?? '',
      place: meeting?.place ?? '',
      videoUrl: meeting?.videoUrl ?? '',
      agenda: meeting?.agenda ?? '',
    },
    validate: {
      date: (value) => (value ? null : t('validation.required')),
      time: (value) => (value ? null : t('validation.required')),
      videoUrl: (value) =>
        !value.trim() || /^https:\/\/\S+$/i.test(value.trim())
          ? null
          : t('meetings.form.httpsOnly'),
    },
  });
  const timeZone = form.values.timeZone || defaultZone;
  const durations = useMemo(() => {
    const current = meeting?.durationMinutes;
    const values = current && !DURATIONS.includes(current) ? [...DURATIONS, current] : DURATIONS;
    return [...values]
      .sort((a, b) => a - b)
      .map((minutes) => ({ value: String(minutes), label: durationLabel(minutes, t) }));
  }, [meeting?.durationMinutes, t]);

  const save = useMutation({
    mutationFn: (body: PlanBody) =>
      meeting
        ? unwrap(
            api.PATCH('/api/relationships/{id}/meetings/{meetingId}', {
              params: { path: { id: relationshipId, meetingId: meeting.id } },
              body,
            }),
          )
        : unwrap(
            api.POST('/api/relationships/{id}/meetings', {
              params: { path: { id: relationshipId } },
              body,
            }),
          ),
    onSuccess: async () => {
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: meeting ? t('meetings.changed') : t('meetings.planned'),
      });
      onDone();
      await queryClient.invalidateQueries({ queryKey: ['relationship', relationshipId] });
    },
  });
  const serverErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const errorOf = (field: keyof FormValues) => form.errors[field] ?? serverErrors[field];

  const submit = (values: FormValues) =>
    save.mutate({
      date: values.date,
      time: values.time.slice(0, 5),
      timeZone,
      durationMinutes: Number(values.durationMinutes),
      place: values.place.trim() || null,
      videoUrl: values.videoUrl.trim() || null,
      agenda: values.agenda.trim(),
    });

  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            type="date"
            label={t('meetings.form.date')}
            required
            data-autofocus
            {...form.getInputProps('date')}
            error={errorOf('date')}
          />
          <TextInput
            type="time"
            label={t('meetings.form.time')}
            required
            step={300}
            {...form.getInputProps('time')}
            error={errorOf('time')}
          />
          <Select
            label={t('meetings.form.duration')}
            data={durations}
            allowDeselect={false}
            {...form.getInputProps('durationMinutes')}
            error={errorOf('durationMinutes')}
          />
          <Select
            label={t('meetings.form.timeZone')}
            description={t('meetings.form.timeZoneHint')}
            data={timeZones}
            searchable
            allowDeselect={false}
            value={timeZone}
            onChange={(value) => form.setFieldValue('timeZone', value ?? defaultZone)}
            error={errorOf('timeZone')}
          />
        </SimpleGrid>
        <TextInput
          label={t('meetings.form.place')}
          description={t('meetings.form.placeHint')}
          maxLength={200}
          {...form.getInputProps('place')}
          error={errorOf('place')}
        />
        <TextInput
          type="url"
          label={t('meetings.form.videoUrl')}
          description={t('meetings.form.videoUrlHint')}
          maxLength={500}
          {...form.getInputProps('videoUrl')}
          error={errorOf('videoUrl')}
        />
        <Textarea
          label={t('meetings.form.agenda')}
          description={t('meetings.form.agendaHint')}
          autosize
          minRows={3}
          maxLength={4000}
          {...form.getInputProps('agenda')}
          error={errorOf('agenda')}
        />
        {save.error && Object.keys(serverErrors).length === 0 && (
          <ErrorMessage error={save.error} />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {meeting ? t('meetings.form.submitChange') : t('meetings.form.submitPlan')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
