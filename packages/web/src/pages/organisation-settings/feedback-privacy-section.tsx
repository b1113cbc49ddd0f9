import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { ErrorMessage } from '../../components/states';

type Organisation =
  paths['/api/organisation']['get']['responses'][200]['content']['application/json'];

/** The server's limits (privacy/anonymity.ts: MIN_GROUP_FLOOR, MAX_THRESHOLD). */
const floor = 3;
const maximum = 100;

const isWholeIn = (value: unknown, min: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= maximum;

/** The organisation's anonymity thresholds for feedback figures and open answers (org admins). */
export function FeedbackPrivacySection({
  organisation,
  queryKey,
}: {
  organisation: Organisation;
  queryKey: readonly unknown[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<{ feedbackMinGroup: number | string; feedbackMinComments: number | string }>(
    {
      initialValues: {
        feedbackMinGroup: organisation.feedbackMinGroup,
        feedbackMinComments: organisation.feedbackMinComments,
      },
      validate: {
        feedbackMinGroup: (value) =>
          isWholeIn(value, floor) ? null : t('feedbackPrivacy.minGroupRange'),
        feedbackMinComments: (value, values) => {
          const minimum = isWholeIn(values.feedbackMinGroup, floor)
            ? Number(values.feedbackMinGroup)
            : floor;
          return isWholeIn(value, minimum)
            ? null
            : t('feedbackPrivacy.minCommentsRange', { minimum });
        },
      },
    },
  );
  const save = useMutation({
    mutationFn: (changes: { feedbackMinGroup: number; feedbackMinComments: number }) =>
      unwrap(api.PATCH('/api/organisation', { body: changes })),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKey, updated);
      form.setInitialValues({
        feedbackMinGroup: updated.feedbackMinGroup,
        feedbackMinComments: updated.feedbackMinComments,
      });
      form.resetDirty({
        feedbackMinGroup: updated.feedbackMinGroup,
        feedbackMinComments: updated.feedbackMinComments,
      });
      notifications.show({
        color: 'green',
        message: t('feedbackPrivacy.saved'),
        closeButtonProps: { 'aria-label': t('common.close') },
      });
    },
  });
  const serverErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const minGroup = Number(form.values.feedbackMinGroup) || organisation.feedbackMinGroup;
  const minComments = Number(form.values.feedbackMinComments) || organisation.feedbackMinComments;

  return (
    <Paper withBorder p="lg" maw={640} component="section" aria-labelledby="feedback-privacy-title">
      <form
        onSubmit={form.onSubmit((values) =>
          save.mutate({
            feedbackMinGroup: Number(values.feedbackMinGroup),
            feedbackMinComments: Number(values.feedbackMinComments),
          }),
        )}
        noValidate
      >
        <Stack>
          <Title order={2} size="h3" id="feedback-privacy-title">
            {t('feedbackPrivacy.title')}
          </Title>
          <Text size="sm">{t('feedbackPrivacy.intro')}</Text>
          <NumberInput
            label={t('feedbackPrivacy.minGroup')}
            description={t('feedbackPrivacy.minGroupHint', { people: minGroup })}
            min={floor}
            max={maximum}
            allowDecimal={false}
            allowNegative={false}
            required
            {...form.getInputProps('feedbackMinGroup')}
            error={form.errors.feedbackMinGroup ?? serverErrors.feedbackMinGroup}
          />
          <NumberInput
            label={t('feedbackPrivacy.minComments')}
            description={t('feedbackPrivacy.minCommentsHint', { people: minComments })}
            min={floor}
            max={maximum}
            allowDecimal={false}
            allowNegative={false}
            required
            {...form.getInputProps('feedbackMinComments')}
            error={form.errors.feedbackMinComments ?? serverErrors.feedbackMinComments}
          />
          <ErrorMessage error={save.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              {t('feedbackPrivacy.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
