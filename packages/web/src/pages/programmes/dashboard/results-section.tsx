import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../../components/states';
import { OutcomesBlock } from './results-outcomes';
import {
  ChartWithTable,
  CommentsBlock,
  FiguresTable,
  WithheldGroups,
  WithheldNote,
  type TableRow,
} from './results-parts';
import {
  fetchResults,
  isGroupDimension,
  resultsQueryKey,
  useResultWords,
  type GroupDimension,
  type QuestionResult,
  type Shown,
  type QuestionFigures,
} from './results-types';

/**
 * The anonymous results of a programme's check-ins and closing survey for its managers: per
 * question the whole programme's answers and, where the anonymity rules allow, per group; below
 * a threshold, why nothing is shown.
 */
export function ResultsSection({
  programmeId,
  period,
  by,
}: {
  programmeId: string;
  period: string;
  by?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const dimension: GroupDimension | null = isGroupDimension(by) ? by : null;
  const results = useQuery({
    queryKey: resultsQueryKey(programmeId, period, dimension ?? ''),
    queryFn: () => fetchResults(programmeId, period, dimension),
  });
  const isEnglish = i18n.language.startsWith('en');

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby={titleId}>
      <Stack>
        <Stack gap={4}>
          <Title order={2} size="h3" id={titleId}>
            {t('feedbackResults.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('feedbackResults.intro', { minGroup: results.data?.minGroup ?? 5 })}
          </Text>
        </Stack>
        {results.isPending ? (
          <LoadingState label={t('feedbackResults.loading')} />
        ) : results.isError ? (
          <ErrorState error={results.error} onRetry={() => void results.refetch()} />
        ) : (
          <>
            <Stack gap="sm">
              <Title order={3} size="h4">
                {t('feedbackResults.checkInsTitle')}
              </Title>
              <Text size="sm">
                {t('feedbackResults.checkInsRespondents', {
                  count: results.data.checkIns.respondents,
                })}
              </Text>
              {!results.data.checkIns.total.shown && (
                <WithheldNote withheld={results.data.checkIns.total} />
              )}
              {results.data.checkIns.questions.length === 0 ? (
                <Text size="sm">{t('feedbackResults.noQuestions')}</Text>
              ) : (
                results.data.checkIns.questions.map((question) => (
                  <QuestionCard
                    key={question.id}
                    question={question}
                    label={isEnglish ? question.labelEn : question.labelNl}
                    by={dimension}
                    isWholeWithheld={!results.data.checkIns.total.shown}
                  />
                ))
              )}
            </Stack>
            <OutcomesBlock outcomes={results.data.outcomes} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

function QuestionCard({
  question,
  label,
  by,
  isWholeWithheld,
}: {
  question: QuestionResult;
  label: string;
  by: GroupDimension | null;
  isWholeWithheld: boolean;
}) {
  const words = useResultWords(by);
  const titleId = useId();
  if (question.comments) return <CommentsBlock title={label} comments={question.comments} />;
  const figures = question.figures;
  if (!figures) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={4} size="h5" id={titleId}>
          {label}
        </Title>
        {!figures.shown ? (
          // The section already says why when the whole of the check-ins is withheld.
          isWholeWithheld ? null : (
            <WithheldNote withheld={figures} />
          )
        ) : (
          <ShownQuestion question={question} label={label} figures={figures} by={by} />
        )}
        {figures.shown && (
          <WithheldGroups
            items={question.groups.flatMap((group) =>
              group.figures.shown
                ? []
                : [{ label: words.group(group.value), reason: words.reason(group.figures) }],
            )}
          />
        )}
      </Stack>
    </Paper>
  );
}

function ShownQuestion({
  question,
  label,
  figures,
  by,
}: {
  question: QuestionResult;
  label: string;
  figures: Shown<QuestionFigures>;
  by: GroupDimension | null;
}) {
  const { t } = useTranslation();
  const words = useResultWords(by);
  const columns = figures.distribution.map((d) => ({
    key: d.value,
    label: words.value(question.kind, d.value),
  }));
  const hasMean = figures.mean !== null;
  const row = (key: string, rowLabel: string, f: Shown<QuestionFigures>): TableRow => ({
    key,
    label: rowLabel,
    cells: {
      ...Object.fromEntries(columns.map((column) => [column.key, 0])),
      ...Object.fromEntries(f.distribution.map((d) => [d.value, d.count])),
      respondents: f.respondents,
      ...(hasMean && f.mean !== null ? { mean: words.number(f.mean) } : {}),
    },
  });
  const rows: TableRow[] = [
    row('whole', t('feedbackResults.whole'), figures),
    ...question.groups.flatMap((group) =>
      group.figures.shown ? [row(`g-${group.value}`, words.group(group.value), group.figures)] : [],
    ),
  ];
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('feedbackResults.answersFrom', {
          answers: figures.answers,
          respondents: figures.respondents,
        })}
        {figures.mean !== null &&
          ` · ${t('feedbackResults.mean', { mean: words.number(figures.mean) })}`}
      </Text>
      <ChartWithTable
        title={label}
        isTableShownAtFirst={rows.length > 1}
        data={figures.distribution.map((d) => ({
          label: words.value(question.kind, d.value),
          count: d.count,
        }))}
        table={(isVisible) => (
          <FiguresTable
            caption={label}
            corner={by ? t(`feedbackResults.dimensions.${by}`) : t('feedbackResults.group')}
            columns={[
              ...columns,
              { key: 'respondents', label: t('feedbackResults.people') },
              ...(hasMean ? [{ key: 'mean', label: t('feedbackResults.meanColumn') }] : []),
            ]}
            rows={rows}
            isVisible={isVisible}
          />
        )}
      />
    </>
  );
}
