import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../../api/client';
import { ErrorMessage, LoadingState } from '../../../components/states';
import { healthQueryKey, joinNames, type HealthItem } from './health-types';

interface NudgeValues {
  recipients: string;
  bodyNl: string;
  bodyEn: string;
}

const MAX_BODY = 5000;

/**
 * Writes a nudge to one or every participant: starts from the prewritten text in both languages,
 * editable, then asks once more before sending (a sent nudge cannot be taken back).
 */
export function NudgeModal({
  programmeId,
  item,
  onClose,
}: {
  programmeId: string;
  item: HealthItem | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const queryClient = useQueryClient();
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  // The button that moved between the steps is gone: keyboard focus goes to the new step's own.
  const confirmBack = useRef<HTMLButtonElement>(null);
  const review = useRef<HTMLButtonElement>(null);
  const [hasMoved, setHasMoved] = useState(false);
  useEffect(() => {
    if (!hasMoved) return;
    (step === 'confirm' ? confirmBack : review).current?.focus();
  }, [step, hasMoved]);
  const goTo = (next: 'edit' | 'confirm') => {
    setHasMoved(true);
    setStep(next);
  };
  const relationshipId = item?.relationshipId ?? '';
  const template = useQuery({
    queryKey: [...healthQueryKey(programmeId), 'template', relationshipId],
    queryFn: () =>
      unwrap(
        api.GET('/api/programmes/{programmeId}/health/{relationshipId}/nudge-template', {
          params: { path: { programmeId, relationshipId } },
        }),
      ),
    enabled: item !== null,
    staleTime: Infinity,
  });
  const form = useForm<NudgeValues>({
    initialValues: { recipients: 'both', bodyNl: '', bodyEn: '' },
    validate: {
      bodyNl: (value) => (value.trim() ? null : t('validation.required')),
      bodyEn: (value) => (value.trim() ? null : t('validation.required')),
    },
  });
  const { setValues, reset } = form;
  const templateData = template.data;
  useEffect(() => {
    if (item === null) {
      reset();
      setStep('edit');
      setHasMoved(false);
    } else if (templateData) {
      setValues({ recipients: 'both', bodyNl: templateData.bodyNl, bodyEn: templateData.bodyEn });
    }
    // The text is filled once per opened relationship (not again on every render).
  }, [item, templateData]);

  const participants = item?.participants ?? [];
  const chosen =
    form.values.recipients === 'both'
      ? participants
      : participants.filter((p) => p.id === form.values.recipients);
  const chosenNames = joinNames(
    chosen.map((p) => p.name),
    locale,
  );

  const send = useMutation({
    mutationFn: (values: NudgeValues) =>
      unwrap(
        api.POST('/api/programmes/{programmeId}/health/{relationshipId}/nudges', {
          params: { path: { programmeId, relationshipId } },
          body: {
            recipients: values.recipients === 'both' ? 'both' : [values.recipients],
            bodyNl: values.bodyNl.trim(),
            bodyEn: values.bodyEn.trim(),
          },
        }),
      ),
    onSuccess: async (sent) => {
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('relationshipHealth.modal.sent', {
          names: joinNames(
            sent.lastNudge.recipients.map((r) => r.name),
            locale,
          ),
        }),
      });
      await queryClient.invalidateQueries({ queryKey: healthQueryKey(programmeId) });
      close();
    },
    onError: () => goTo('edit'),
  });
  const serverErrors = send.error instanceof ApiError ? send.error.fieldErrors() : {};

  function close() {
    send.reset();
    onClose();
  }

  const allNames = joinNames(
    participants.map((p) => p.name),
    locale,
  );

  return (
    <Modal
      opened={item !== null}
      onClose={close}
      title={
        step === 'confirm'
          ? t('relationshipHealth.modal.confirmTitle')
          : t('relationshipHealth.modal.title', { names: allNames })
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
      styles={{ header: { gap: 'var(--mantine-spacing-md)', alignItems: 'flex-start' } }}
    >
      {step === 'confirm' ? (
        <Stack>
          <Text>{t('relationshipHealth.modal.confirmText', { names: chosenNames })}</Text>
          <ErrorMessage error={send.error} />
          <Group justify="flex-end" gap="sm">
            <Button ref={confirmBack} variant="default" onClick={() => goTo('edit')}>
              {t('relationshipHealth.modal.back')}
            </Button>
            <Button loading={send.isPending} onClick={() => send.mutate(form.values)}>
              {t('relationshipHealth.modal.send')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit(() => goTo('confirm'))} noValidate>
          <Stack>
            <Text size="sm">{t('relationshipHealth.modal.intro')}</Text>
            <Radio.Group
              label={t('relationshipHealth.modal.recipients')}
              {...form.getInputProps('recipients')}
              error={serverErrors.recipients ?? serverErrors['recipients.0']}
            >
              <Stack gap="xs" mt="xs">
                <Radio
                  value="both"
                  label={
                    participants.length > 2
                      ? t('relationshipHealth.modal.everyoneGroup')
                      : t('relationshipHealth.modal.everyone')
                  }
                />
                {participants.map((p) => (
                  <Radio
                    key={p.id}
                    value={p.id}
                    label={t('relationshipHealth.modal.only', {
                      name: p.name,
                      side: t(`relationshipHealth.sides.${p.side}`),
                    })}
                  />
                ))}
              </Stack>
            </Radio.Group>
            {template.isPending ? (
              <LoadingState label={t('relationshipHealth.modal.loadingTemplate')} />
            ) : (
              <>
                <ErrorMessage error={template.error} />
                <Textarea
                  label={t('relationshipHealth.modal.bodyNl')}
                  lang="nl"
                  required
                  autosize
                  minRows={6}
                  maxRows={14}
                  maxLength={MAX_BODY}
                  {...form.getInputProps('bodyNl')}
                  error={form.errors.bodyNl ?? serverErrors.bodyNl}
                />
                <Textarea
                  label={t('relationshipHealth.modal.bodyEn')}
                  lang="en"
                  required
                  autosize
                  minRows={6}
                  maxRows={14}
                  maxLength={MAX_BODY}
                  {...form.getInputProps('bodyEn')}
                  error={form.errors.bodyEn ?? serverErrors.bodyEn}
                />
              </>
            )}
            <ErrorMessage error={send.error} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button ref={review} type="submit" disabled={template.isPending}>
                {t('relationshipHealth.modal.review')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
