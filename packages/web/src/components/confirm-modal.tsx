import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './states';

/**
 * Asks before an action that cannot be undone, saying what will happen (in numbers where there
 * are any). The confirm button names the action; Cancel and Escape leave everything as it was.
 */
export function ConfirmModal({
  opened,
  onClose,
  title,
  children,
  confirmLabel,
  onConfirm,
  loading = false,
  error = null,
  confirmDisabled = false,
  color = 'red.8',
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** What will happen; a sentence or a short list. */
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  loading?: boolean;
  error?: unknown;
  /** While the numbers are still loading, or a required acknowledgement is missing. */
  confirmDisabled?: boolean;
  color?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      // A long programme or person name wraps well clear of the close button on a phone.
      styles={{ header: { gap: 'var(--mantine-spacing-md)', alignItems: 'flex-start' } }}
    >
      <Stack>
        {children}
        <ErrorMessage error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={color} loading={loading} disabled={confirmDisabled} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
