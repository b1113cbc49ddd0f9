import { Button, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/states';
import { useMyLeadership, useSetMyLeadership } from './use-leadership';

/**
 * A leader's own consent to be shown on the programme page and in invitations, with their line.
 * Shows nothing to someone who is not a leader or not enrolled.
 */
export function MyLeadershipConsent({
  programmeId,
  withTitle = true,
}: {
  programmeId: string;
  withTitle?: boolean;
}) {
  const { t } = useTranslation();
  const mine = useMyLeadership(programmeId);
  const save = useSetMyLeadership(programmeId);
  const [shown, setShown] = useState(false);
  const [line, setLine] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (mine.data) {
      setShown(mine.data.shown);
      setLine(mine.data.line);
    }
  }, [mine.data]);
  if (!mine.data?.isLeader || !mine.data.enrolled) return null;
  const submit = (next: { shown: boolean; line: string }) => {
    setSaved(false);
    save.mutate(next, { onSuccess: () => setSaved(true) });
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby={`leader-consent-${programmeId}`}>
      {withTitle && (
        <Title order={3} size="h5" id={`leader-consent-${programmeId}`}>
          {t('leadership.consentTitle')}
        </Title>
      )}
      <Switch
        checked={shown}
        label={t('leadership.consentSwitch')}
        description={t('leadership.consentDescription')}
        // Turning it off takes effect at once; turning it on keeps the line as written.
        onChange={(event) => {
          const next = event.currentTarget.checked;
          setShown(next);
          submit({ shown: next, line });
        }}
      />
      <Textarea
        label={t('leadership.lineLabel')}
        placeholder={t('leadership.linePlaceholder')}
        value={line}
        maxLength={280}
        autosize
        minRows={2}
        onChange={(event) => setLine(event.currentTarget.value)}
      />
      <Text size="xs" c="dimmed">
        {line.length}/280
      </Text>
      <Button
        variant="default"
        style={{ alignSelf: 'flex-start' }}
        loading={save.isPending}
        onClick={() => submit({ shown, line })}
      >
        {t('leadership.consentSave')}
      </Button>
      <ErrorMessage error={save.error} />
      {saved && (
        <Text size="sm" role="status">
          {t('leadership.consentSaved')}{' '}
          {shown ? t('leadership.consentShown') : t('leadership.consentHidden')}
        </Text>
      )}
    </Stack>
  );
}
