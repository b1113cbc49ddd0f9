import {
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { PageHeader } from '../components/page-header';
import { ErrorMessage, ErrorState, LoadingState } from '../components/states';
import { meQueryKey } from '../session/use-me';
import { EmailDomainsSection } from './domains/email-domains-section';
import { FeedbackPrivacySection } from './organisation-settings/feedback-privacy-section';

type Organisation =
  paths['/api/organisation']['get']['responses'][200]['content']['application/json'];
type OrganisationChanges =
  paths['/api/organisation']['patch']['requestBody']['content']['application/json'];

const organisationQueryKey = ['organisation'] as const;

export function OrganisationSettingsPage() {
  const { t } = useTranslation();
  const organisation = useQuery({
    queryKey: organisationQueryKey,
    queryFn: () => unwrap(api.GET('/api/organisation')),
  });

  return (
    <>
      <PageHeader title={t('organisation.title')} description={t('organisation.intro')} />
      {organisation.isPending ? (
        <LoadingState />
      ) : organisation.isError ? (
        <ErrorState error={organisation.error} onRetry={() => void organisation.refetch()} />
      ) : (
        <Stack gap="xl">
          <OrganisationForm organisation={organisation.data} />
          <FeedbackPrivacySection
            organisation={organisation.data}
            queryKey={organisationQueryKey}
          />
          <EmailDomainsSection />
        </Stack>
      )}
    </>
  );
}

function OrganisationForm({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      name: organisation.name,
      defaultLocale: organisation.defaultLocale,
      allowSensitiveAttributes: organisation.allowSensitiveAttributes,
      retentionMonths: organisation.retentionMonths,
    },
    validate: {
      name: (value) => (value.trim().length >= 2 ? null : t('validation.minLength', { count: 2 })),
      retentionMonths: (value) =>
        Number.isInteger(value) && value >= 1 && value <= 120
          ? null
          : t('organisation.retentionRange'),
    },
  });
  const save = useMutation({
    mutationFn: (changes: OrganisationChanges) =>
      unwrap(api.PATCH('/api/organisation', { body: changes })),
    onSuccess: async (updated) => {
      queryClient.setQueryData(organisationQueryKey, updated);
      form.resetDirty();
      notifications.show({ color: 'green', message: t('organisation.saved') });
      // The header shows the organisation's name.
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
  const serverErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};

  return (
    <Paper withBorder p="lg" maw={640}>
      <form
        onSubmit={form.onSubmit((values) =>
          save.mutate({
            ...values,
            name: values.name.trim(),
            retentionMonths: Number(values.retentionMonths),
          }),
        )}
        noValidate
      >
        <Stack>
          <Text size="sm">
            {t('organisation.slug')}: <strong>{organisation.slug}</strong> ·{' '}
            {t('organisation.activePeople', { count: organisation.activePeople })}
          </Text>
          <TextInput
            label={t('organisation.name')}
            required
            {...form.getInputProps('name')}
            error={form.errors.name ?? serverErrors.name}
          />
          <NativeSelect
            label={t('organisation.defaultLocale')}
            description={t('organisation.defaultLocaleHint')}
            data={[
              { value: 'nl', label: 'Nederlands' },
              { value: 'en', label: 'English' },
            ]}
            {...form.getInputProps('defaultLocale')}
            error={serverErrors.defaultLocale}
          />
          <Switch
            label={t('organisation.allowSensitive')}
            description={t('organisation.allowSensitiveHint')}
            {...form.getInputProps('allowSensitiveAttributes', { type: 'checkbox' })}
          />
          <NumberInput
            label={t('organisation.retentionMonths')}
            description={t('organisation.retentionHint')}
            min={1}
            max={120}
            allowDecimal={false}
            {...form.getInputProps('retentionMonths')}
            error={form.errors.retentionMonths ?? serverErrors.retentionMonths}
          />
          <ErrorMessage error={save.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
