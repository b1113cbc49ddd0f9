import { Card, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMyLeadership, useSetMyLeadership } from './use-leadership';

export interface LeaderConsentDraft {
  /** Whether the caller is a leader: only then is the card shown. */
  isLeader: boolean;
  shown: boolean;
  line: string;
  setShown: (shown: boolean) => void;
  setLine: (line: string) => void;
  /** Saves the consent once the enrolment exists (the server needs it); nothing for non-leaders. */
  save: () => Promise<void>;
}

/** The enrolment wizard's consent, kept until the enrolment is saved. */
export function useLeaderConsentDraft(programmeId: string): LeaderConsentDraft {
  const mine = useMyLeadership(programmeId);
  const put = useSetMyLeadership(programmeId);
  const [shown, setShown] = useState(false);
  const [line, setLine] = useState('');
  useEffect(() => {
    if (mine.data) {
      setShown(mine.data.shown);
      setLine(mine.data.line);
    }
  }, [mine.data]);
  const isLeader = mine.data?.isLeader ?? false;
  return {
    isLeader,
    shown,
    line,
    setShown,
    setLine,
    save: async () => {
      if (!isLeader) return;
      const unchanged = mine.data?.enrolled && mine.data.shown === shown && mine.data.line === line;
      if (unchanged || (!mine.data?.enrolled && !shown && !line.trim())) return;
      await put.mutateAsync({ shown, line });
    },
  };
}

/** The card in the enrolment wizard: "Show me on the programme page as a leader who takes part". */
export function LeaderConsentCard({ draft }: { draft: LeaderConsentDraft }) {
  const { t } = useTranslation();
  if (!draft.isLeader) return null;
  return (
    <Card withBorder component="section" aria-labelledby="leader-consent-wizard">
      <Stack gap="xs">
        <Title order={3} size="h5" id="leader-consent-wizard">
          {t('leadership.consentTitle')}
        </Title>
        <Switch
          checked={draft.shown}
          label={t('leadership.consentSwitch')}
          description={t('leadership.consentDescription')}
          onChange={(event) => draft.setShown(event.currentTarget.checked)}
        />
        <Textarea
          label={t('leadership.lineLabel')}
          placeholder={t('leadership.linePlaceholder')}
          value={draft.line}
          maxLength={280}
          autosize
          minRows={2}
          onChange={(event) => draft.setLine(event.currentTarget.value)}
        />
        <Text size="xs" c="dimmed">
          {draft.line.length}/280
        </Text>
      </Stack>
    </Card>
  );
}
