import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/errors';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader aria-hidden />
        <Text size="sm">{label ?? t('common.loading')}</Text>
      </Stack>
    </Center>
  );
}

type Describe = (error: unknown, t: TFunction) => string;

export function ErrorState({
  error,
  onRetry,
  describe = describeError,
}: {
  error: unknown;
  onRetry?: () => void;
  /** How to word the error; better-auth's answers are worded by code (describeAuthError). */
  describe?: Describe;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      icon={<IconAlertCircle aria-hidden />}
      title={t('errors.title')}
      role="alert"
    >
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{describe(error, t)}</Text>
        {onRetry && (
          <Button size="xs" variant="default" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** An inline error for a form or action; renders nothing without an error. */
export function ErrorMessage({
  error,
  describe = describeError,
}: {
  error: unknown;
  describe?: Describe;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
      {describe(error, t)}
    </Alert>
  );
}

export function EmptyMessage({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" py="md" ta="center">
      {children}
    </Text>
  );
}
