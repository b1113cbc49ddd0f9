import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { ConfirmModal } from '../../components/confirm-modal';
import { ErrorMessage, ErrorState, LoadingState } from '../../components/states';
import { checkInKeys, labelOf } from '../feedback/check-in-types';

type Questions =
  paths['/api/programmes/{programmeId}/check-in-questions']['get']['responses'][200]['content']['application/json'];
type Question = Questions['questions'][number];
type Kind = Question['kind'];

const OWN_KINDS = ['scale', 'yes_no', 'text'] as const satisfies readonly Kind[];
const MAX_OWN = 5;
const isOwn = (q: { kind: Kind }) => (OWN_KINDS as readonly Kind[]).includes(q.kind);

/** A draft row: own questions without an id get one from the server when saved. */
type Row = Omit<Question, 'id'> & { id?: string; key: string };

let nextKey = 0;
const toRows = (questions: Question[]): Row[] =>
  questions.map((q) => ({ ...q, key: `q-${nextKey++}` }));

/**
 * The programme's check-in questions for its managers: reword the standard ones, leave out any
 * but "how useful", add up to five of their own, or go back to the standard set. Saving records
 * the change in the programme's change history.
 */
export function CheckInQuestionsEditor({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const questions = useQuery({
    queryKey: checkInKeys.questions(programmeId),
    queryFn: () =>
      unwrap(
        api.GET('/api/programmes/{programmeId}/check-in-questions', {
          params: { path: { programmeId } },
        }),
      ),
  });
  return (
    <Card withBorder component="section" aria-labelledby="check-in-questions">
      <Stack gap="sm">
        <Title order={2} size="h4" id="check-in-questions">
          {t('checkIns.editor.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('checkIns.editor.intro')}
        </Text>
        {questions.isPending ? (
          <LoadingState />
        ) : questions.isError ? (
          <ErrorState error={questions.error} onRetry={() => void questions.refetch()} />
        ) : (
          <Editor
            key={JSON.stringify(questions.data.questions)}
            programmeId={programmeId}
            data={questions.data}
          />
        )}
      </Stack>
    </Card>
  );
}

function Editor({ programmeId, data }: { programmeId: string; data: Questions }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<Row[]>(() => toRows(data.questions));
  const [resetting, setResetting] = useState(false);
  const save = useMutation({
    mutationFn: (questions: Omit<Row, 'key'>[]) =>
      unwrap(
        api.PUT('/api/programmes/{programmeId}/check-in-questions', {
          params: { path: { programmeId } },
          body: { questions },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(checkInKeys.questions(programmeId), saved);
      void queryClient.invalidateQueries({ queryKey: ['programmes'] });
      setResetting(false);
      notifications.show({
        color: 'green',
        message: t('checkIns.editor.saved'),
        closeButtonProps: { 'aria-label': t('common.close') },
      });
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const ownCount = rows.filter(isOwn).length;
  const missingStandard = data.standard.filter((s) => !rows.some((r) => r.kind === s.kind));
  const update = (key: string, patch: Partial<Row>) =>
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const move = (index: number, by: number) =>
    setRows((list) => {
      const next = [...list];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row!);
      return next;
    });
  const body = () => rows.map(({ key: _key, ...q }) => q);
  const kindOptions = OWN_KINDS.map((k) => ({ value: k, label: t(`checkIns.kinds.${k}`) }));

  return (
    <Stack gap="md">
      <Badge variant="outline" color={data.isStandard ? 'gray.8' : 'blue.8'}>
        {data.isStandard ? t('checkIns.editor.standard') : t('checkIns.editor.custom')}
      </Badge>
      <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rows.map((row, index) => {
          const number = index + 1;
          const at = `questions.${index}`;
          return (
            <li key={row.key}>
              <Card withBorder padding="sm" role="group" aria-labelledby={`${row.key}-title`}>
                <Stack gap="xs">
                  <Group justify="space-between" wrap="wrap">
                    <Text fw={600} size="sm" id={`${row.key}-title`}>
                      {t('checkIns.editor.number', { number })} · {t(`checkIns.kinds.${row.kind}`)}
                    </Text>
                    <Group gap={4}>
                      <ActionIcon
                        variant="subtle"
                        disabled={index === 0}
                        onClick={() => move(index, -1)}
                        aria-label={t('checkIns.editor.moveUp', { number })}
                      >
                        <IconArrowUp size={16} aria-hidden />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        disabled={index === rows.length - 1}
                        onClick={() => move(index, 1)}
                        aria-label={t('checkIns.editor.moveDown', { number })}
                      >
                        <IconArrowDown size={16} aria-hidden />
                      </ActionIcon>
                      {row.kind === 'usefulness' ? (
                        <Badge variant="outline" color="gray.8">
                          {t('checkIns.editor.fixed')}
                        </Badge>
                      ) : (
                        <ActionIcon
                          variant="subtle"
                          color="red.8"
                          onClick={() => setRows((list) => list.filter((r) => r.key !== row.key))}
                          aria-label={t('checkIns.editor.removeQuestion', { number })}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      )}
                    </Group>
                  </Group>
                  {isOwn(row) && (
                    <Select
                      label={t('checkIns.editor.kind')}
                      data={kindOptions}
                      value={row.kind}
                      allowDeselect={false}
                      onChange={(v) => v && update(row.key, { kind: v as Kind })}
                      error={errors[`${at}.kind`]}
                    />
                  )}
                  <TextInput
                    label={t('checkIns.editor.labelNl')}
                    value={row.labelNl}
                    maxLength={300}
                    required
                    onChange={(e) => update(row.key, { labelNl: e.currentTarget.value })}
                    error={errors[`${at}.labelNl`]}
                  />
                  <TextInput
                    label={t('checkIns.editor.labelEn')}
                    value={row.labelEn}
                    maxLength={300}
                    required
                    onChange={(e) => update(row.key, { labelEn: e.currentTarget.value })}
                    error={errors[`${at}.labelEn`] ?? errors[`${at}.id`]}
                  />
                </Stack>
              </Card>
            </li>
          );
        })}
      </Stack>
      {errors.questions && (
        <Text c="red.8" size="sm" role="alert">
          {errors.questions}
        </Text>
      )}
      <Group gap="xs" wrap="wrap">
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          disabled={ownCount >= MAX_OWN}
          onClick={() =>
            setRows((list) => [
              ...list,
              {
                key: `q-${nextKey++}`,
                kind: 'scale',
                labelNl: '',
                labelEn: '',
              },
            ])
          }
        >
          {t('checkIns.editor.add')}
        </Button>
        {missingStandard.map((s) => (
          <Button
            key={s.kind}
            variant="subtle"
            onClick={() => setRows((list) => [...list, ...toRows([s])])}
          >
            {t('checkIns.editor.addStandard', { label: labelOf(s, i18n.language) })}
          </Button>
        ))}
      </Group>
      <Text size="sm" c="dimmed">
        {t('checkIns.editor.ownCount', { count: ownCount })}
      </Text>
      <ErrorMessage error={save.error && Object.keys(errors).length === 0 ? save.error : null} />
      <Group gap="xs" wrap="wrap">
        <Button loading={save.isPending && !resetting} onClick={() => save.mutate(body())}>
          {t('checkIns.editor.save')}
        </Button>
        {!data.isStandard && (
          <Button variant="default" onClick={() => setResetting(true)}>
            {t('checkIns.editor.reset')}
          </Button>
        )}
      </Group>
      <ConfirmModal
        opened={resetting}
        onClose={() => setResetting(false)}
        title={t('checkIns.editor.resetConfirmTitle')}
        confirmLabel={t('checkIns.editor.reset')}
        onConfirm={() => save.mutate([])}
        loading={save.isPending}
        error={save.error}
      >
        <Text size="sm">{t('checkIns.editor.resetConfirm')}</Text>
      </ConfirmModal>
    </Stack>
  );
}
