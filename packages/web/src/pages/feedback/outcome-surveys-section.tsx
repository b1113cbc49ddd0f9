import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ErrorState, LoadingState } from '../../components/states';
import { formatDate } from '../programmes/programme-types';
import { surveyKeys, type SurveySummary } from './survey-types';

const PAGE = 50;

function useMySurveys() {
  return useQuery({
    queryKey: surveyKeys.list,
    queryFn: () => unwrap(api.GET('/api/outcome-surveys', { params: { query: { limit: PAGE } } })),
  });
}

/** "Your mentoring relationship with A, B" (or without names when nobody else is left in it). */
export function useSurveyTitle() {
  const { t } = useTranslation();
  return (survey: Pick<SurveySummary, 'with'>) =>
    survey.with.length > 0
      ? t('outcomeSurveys.withNames', { names: survey.with.map((w) => w.name).join(', ') })
      : t('outcomeSurveys.withNobody');
}

/**
 * My outcome surveys on the feedback page: the open ones first (to fill in), then the answered
 * ones (to read back). Only the caller's own: nobody else can list them.
 */
export function OutcomeSurveysSection() {
  const { t, i18n } = useTranslation();
  const surveys = useMySurveys();
  const titleOf = useSurveyTitle();
  return (
    <Card withBorder component="section" aria-labelledby="outcome-surveys-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="outcome-surveys-title">
          {t('outcomeSurveys.section.title')}
        </Title>
        <Text size="sm">{t('outcomeSurveys.section.intro')}</Text>
        {surveys.isPending ? (
          <LoadingState label={t('outcomeSurveys.section.loading')} />
        ) : surveys.isError ? (
          <ErrorState error={surveys.error} onRetry={() => void surveys.refetch()} />
        ) : surveys.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('outcomeSurveys.section.empty')}
          </Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {surveys.data.items.map((survey) => {
              const isOpen = survey.answeredAt === null;
              return (
                <li key={survey.id}>
                  <Card withBorder padding="sm">
                    <Group justify="space-between" gap="sm" wrap="wrap">
                      <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
                        <Group gap="xs">
                          <Text fw={600}>{titleOf(survey)}</Text>
                          <Badge variant="outline" color={isOpen ? 'orange.9' : 'gray.8'}>
                            {isOpen
                              ? t('outcomeSurveys.section.open')
                              : t(`outcomeSurveys.closing.${survey.closing}`)}
                          </Badge>
                        </Group>
                        <Text size="sm" c="dimmed">
                          {isOpen
                            ? t('outcomeSurveys.section.asked', {
                                programme: survey.programme.name,
                                date: formatDate(survey.sentAt, i18n.language),
                              })
                            : t('outcomeSurveys.section.answered', {
                                date: formatDate(survey.answeredAt, i18n.language),
                              })}
                        </Text>
                      </Stack>
                      <Button
                        component={Link}
                        to={`/feedback/surveys/${survey.id}`}
                        variant={isOpen ? 'filled' : 'default'}
                        size="sm"
                      >
                        {isOpen
                          ? t('outcomeSurveys.section.fillIn')
                          : t('outcomeSurveys.section.readBack')}
                        <VisuallyHidden>: {titleOf(survey)}</VisuallyHidden>
                      </Button>
                    </Group>
                  </Card>
                </li>
              );
            })}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/**
 * On the relationship page (and right after ending it): a link to the caller's open survey for
 * this relationship, if there is one. Nothing while loading, on error, or when there is none.
 */
export function SurveyPrompt({ relationshipId }: { relationshipId: string }) {
  const { t } = useTranslation();
  const surveys = useMySurveys();
  const open = surveys.data?.items.find(
    (s) => s.relationshipId === relationshipId && s.answeredAt === null,
  );
  if (!open) return null;
  return (
    <Alert color="blue" title={t('outcomeSurveys.prompt.title')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('outcomeSurveys.prompt.text')}</Text>
        <Button component={Link} to={`/feedback/surveys/${open.id}`} size="sm">
          {t('outcomeSurveys.prompt.button')}
        </Button>
      </Stack>
    </Alert>
  );
}
