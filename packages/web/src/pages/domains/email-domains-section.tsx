import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { EmptyMessage, ErrorMessage, ErrorState, LoadingState } from '../../components/states';

export type EmailDomain =
  paths['/api/organisation/domains']['get']['responses'][200]['content']['application/json']['items'][number];

const domainsQueryKey = ['organisation', 'domains'] as const;

/** The organisation's email domains: add one, publish its TXT record, verify it, remove it. */
export function EmailDomainsSection() {
  const { t } = useTranslation();
  const domains = useQuery({
    queryKey: domainsQueryKey,
    queryFn: () => unwrap(api.GET('/api/organisation/domains')),
  });

  return (
    <Paper withBorder p="lg" maw={640} component="section" aria-labelledby="email-domains-title">
      <Stack>
        <Stack gap={4}>
          <Title order={2} size="h3" id="email-domains-title">
            {t('domains.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('domains.intro')}
          </Text>
        </Stack>
        {domains.isPending ? (
          <LoadingState />
        ) : domains.isError ? (
          <ErrorState error={domains.error} onRetry={() => void domains.refetch()} />
        ) : domains.data.items.length === 0 ? (
          <EmptyMessage>{t('domains.empty')}</EmptyMessage>
        ) : (
          <Stack gap="sm">
            {domains.data.items.map((domain) => (
              <DomainCard key={domain.id} domain={domain} />
            ))}
          </Stack>
        )}
        <AddDomainForm />
      </Stack>
    </Paper>
  );
}

function AddDomainForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { domain: '' },
    validate: { domain: (value) => (value.trim() ? null : t('validation.required')) },
  });
  const add = useMutation({
    mutationFn: (domain: string) =>
      unwrap(api.POST('/api/organisation/domains', { body: { domain } })),
    onSuccess: async (created) => {
      form.reset();
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('domains.added', { domain: created.domain }),
      });
      await queryClient.invalidateQueries({ queryKey: domainsQueryKey });
    },
  });
  const serverErrors = add.error instanceof ApiError ? add.error.fieldErrors() : {};

  return (
    <form noValidate onSubmit={form.onSubmit((values) => add.mutate(values.domain.trim()))}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label={t('domains.domain')}
          placeholder={t('domains.domainHint')}
          style={{ flex: '1 1 12rem' }}
          autoCapitalize="none"
          spellCheck={false}
          {...form.getInputProps('domain')}
          error={form.errors.domain ?? serverErrors.domain}
        />
        <Button
          type="submit"
          mt={{ base: 0, xs: 25 }}
          leftSection={<IconPlus size={18} aria-hidden />}
          loading={add.isPending}
        >
          {t('domains.add')}
        </Button>
      </Group>
      {add.error && !serverErrors.domain && <ErrorMessage error={add.error} />}
    </form>
  );
}

function DomainCard({ domain }: { domain: EmailDomain }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState(false);
  const verify = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/organisation/domains/{id}/verify', { params: { path: { id: domain.id } } }),
      ),
    onSuccess: async () => {
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('domains.verifiedNow', { domain: domain.domain }),
      });
      await queryClient.invalidateQueries({ queryKey: domainsQueryKey });
    },
  });
  const remove = useMutation({
    mutationFn: async () => {
      const { response, error } = await api.DELETE('/api/organisation/domains/{id}', {
        params: { path: { id: domain.id } },
      });
      if (!response.ok) throw error ?? new Error(String(response.status));
    },
    onSuccess: async () => {
      setRemoving(false);
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('domains.removed', { domain: domain.domain }),
      });
      await queryClient.invalidateQueries({ queryKey: domainsQueryKey });
    },
  });
  const isVerified = domain.status === 'verified';

  return (
    <Paper withBorder p="md" radius="sm" data-domain={domain.domain}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {domain.domain}
          </Text>
          <Badge variant="outline" color={isVerified ? 'green.9' : 'orange.9'}>
            {isVerified
              ? domain.verifiedBy === 'dns'
                ? t('domains.verifiedByDns')
                : t('domains.verifiedByAdmin')
              : t('domains.pending')}
          </Badge>
        </Group>
        {!isVerified && (
          <>
            <Text size="sm">{t('domains.recordIntro', { domain: domain.domain })}</Text>
            <RecordField label={t('domains.recordType')} value={domain.record.type} />
            <RecordField label={t('domains.recordName')} value={domain.record.name} copyable />
            <RecordField label={t('domains.recordValue')} value={domain.record.value} copyable />
            <Text size="sm" c="dimmed">
              {t('domains.askAdmin')}
            </Text>
            {/* The answer repeats the record, whose value has no place to break. */}
            <Box style={{ overflowWrap: 'anywhere' }}>
              <ErrorMessage error={verify.error} />
            </Box>
          </>
        )}
        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            onClick={() => setRemoving(true)}
            aria-label={t('domains.removeLabel', { domain: domain.domain })}
          >
            {t('domains.remove')}
          </Button>
          {!isVerified && (
            <Button onClick={() => verify.mutate()} loading={verify.isPending}>
              {t('domains.verify')}
            </Button>
          )}
        </Group>
      </Stack>
      <Modal
        opened={removing}
        onClose={() => setRemoving(false)}
        title={t('domains.removeTitle', { domain: domain.domain })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text size="sm">{t('domains.removeText', { domain: domain.domain })}</Text>
          <ErrorMessage error={remove.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setRemoving(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red.8" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('domains.remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

/** One part of the TXT record, shown so that it can be read and copied on a phone. */
function RecordField({
  label,
  value,
  copyable = false,
}: {
  label: string;
  value: string;
  copyable?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="xs" fw={600} c="dimmed">
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="center">
        <Code style={{ overflowWrap: 'anywhere', flex: 1 }}>{value}</Code>
        {copyable && (
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <Tooltip
                label={
                  copied ? t('domains.copied') : t('domains.copy', { what: label.toLowerCase() })
                }
              >
                <ActionIcon
                  variant="subtle"
                  color={copied ? 'green.9' : 'gray.8'}
                  onClick={copy}
                  aria-label={t('domains.copy', { what: label.toLowerCase() })}
                >
                  {copied ? (
                    <IconCheck size={16} aria-hidden />
                  ) : (
                    <IconCopy size={16} aria-hidden />
                  )}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        )}
      </Group>
    </Stack>
  );
}
