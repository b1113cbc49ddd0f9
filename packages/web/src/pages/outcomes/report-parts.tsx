import { BarChart } from '@mantine/charts';
import {
  Alert,
  Box,
  Button,
  Card,
  SimpleGrid,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { headlinePercent, shortLabel, type Headline } from './outcome-types';

/** Numbers in the reader's language: whole percentages (from 0–100 or 0–1), decimals, counts. */
export function useOutcomeFormat() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(locale);
  const none = t('outcomes.none');
  return {
    locale,
    /** A rounded percentage the server sends as 0–100. */
    percent: (value: number | null) => (value === null ? none : percent.format(value / 100)),
    /** A share the server sends as 0–1. */
    share: (value: number) => percent.format(value),
    decimal: (value: number | null) => (value === null ? none : decimal.format(value)),
    count: (value: number) => count.format(value),
  };
}

/** One figure on a card: its label, the value large, a line of detail. */
export function StatCard({
  label,
  value,
  detail,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
}) {
  return (
    <Card withBorder padding="md">
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text fz={28} fw={700} lh={1.1}>
          {value}
        </Text>
        {detail && (
          <Text size="sm" c="dimmed">
            {detail}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/**
 * The headline figures: enrolled, matched and the survey's percentages. A withheld percentage
 * says so (never a zero); `minGroup` words the reason when it is known.
 */
export function HeadlineCards({
  headline,
  minGroup,
  cols = { base: 1, xs: 2, lg: 3 },
}: {
  headline: Headline;
  minGroup: number | null;
  cols?: Record<string, number>;
}) {
  const { t } = useTranslation();
  const format = useOutcomeFormat();
  const withheld = t('outcomes.withheldShort');
  const withheldWhy =
    minGroup === null
      ? t('outcomes.withheldTooFewAnswers')
      : t('outcomes.reasons.too_few', { needed: minGroup });
  const answered =
    headline.respondents === null
      ? withheldWhy
      : t('outcomes.respondents', { count: headline.respondents });
  const survey = (percent: number | null) => {
    const figure = headlinePercent(percent, headline.respondents);
    return figure.kind === 'shown'
      ? { value: format.percent(figure.percent), detail: answered }
      : figure.kind === 'withheld'
        ? { value: withheld, detail: withheldWhy }
        : { value: format.percent(null), detail: t('outcomes.noAnswers') };
  };
  const nps = survey(headline.nps);
  return (
    <SimpleGrid cols={cols}>
      <StatCard
        label={t('outcomes.enrolled')}
        value={format.count(headline.enrolled)}
        detail={t('outcomes.enrolledDetail')}
      />
      <StatCard
        label={t('outcomes.matched')}
        value={format.count(headline.matched)}
        detail={t('outcomes.matchedDetail')}
      />
      <StatCard label={t('outcomes.learnedSkills')} {...survey(headline.learnedSkillsPercent)} />
      <StatCard label={t('outcomes.careerStep')} {...survey(headline.careerStepPercent)} />
      <StatCard label={t('outcomes.inspired')} {...survey(headline.inspiredPercent)} />
      <StatCard
        label={t('outcomes.nps')}
        // The NPS is a score from −100 to 100, not a percentage.
        value={
          headline.nps !== null
            ? new Intl.NumberFormat(format.locale).format(headline.nps)
            : nps.value
        }
        detail={nps.detail}
      />
    </SimpleGrid>
  );
}

/** Why a figure is not shown, in words ("Not shown: fewer than 5 people"). */
export function WithheldText({
  reason,
  needed,
  text,
}: {
  reason: 'too_few' | 'overlap' | 'other_periods';
  needed: number;
  /** A wording of its own for this figure's reason, instead of the general one. */
  text?: string;
}) {
  const { t } = useTranslation();
  return (
    <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />}>
      <Text size="sm">
        {text ?? t('outcomes.withheld', { reason: t(`outcomes.reasons.${reason}`, { needed }) })}
      </Text>
    </Alert>
  );
}

/** A report section: a card with its heading (h2) and an optional line of introduction. */
export function ReportSection({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <Card withBorder component="section" aria-labelledby={titleId} padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {title}
        </Title>
        {intro && <Text size="sm">{intro}</Text>}
        {children}
      </Stack>
    </Card>
  );
}

/** A chart as a picture named for screen readers; its figures always follow as a table or text. */
export function ChartFigure({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box role="img" aria-label={t('outcomes.chartLabel', { title })}>
      {children}
    </Box>
  );
}

/** Counts per label as horizontal bars, with the figures in a table that can be shown. */
export function CountBars({
  title,
  data,
  table,
}: {
  title: string;
  data: { label: string; count: number }[];
  table: ReactNode;
}) {
  const { t } = useTranslation();
  const [isTableShown, setTableShown] = useState(false);
  const tableId = useId();
  return (
    <Stack gap="xs">
      <ChartFigure title={title}>
        <BarChart
          h={Math.max(140, data.length * 36)}
          data={data}
          dataKey="label"
          orientation="vertical"
          yAxisProps={{ width: 130, tickFormatter: (value: string) => shortLabel(value) }}
          series={[{ name: 'count', label: t('feedbackResults.count'), color: 'teal.7' }]}
          withTooltip={false}
          accessibilityLayer={false}
        />
      </ChartFigure>
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={() => setTableShown((shown) => !shown)}
        aria-expanded={isTableShown}
        aria-controls={tableId}
        style={{ alignSelf: 'flex-start' }}
      >
        {isTableShown ? t('feedbackResults.hideTable') : t('feedbackResults.showTable')}
      </Button>
      <div id={tableId}>{isTableShown ? table : <VisuallyHidden>{table}</VisuallyHidden>}</div>
    </Stack>
  );
}
