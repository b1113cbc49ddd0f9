import { BarChart } from '@mantine/charts';
import {
  Alert,
  Box,
  Button,
  List,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comments, Withheld } from './results-types';

/** Why a whole figure is not shown, in words ("Not enough answers yet: … (3 so far)"). */
export function WithheldNote({
  withheld,
  comments = false,
}: {
  withheld: Withheld;
  comments?: boolean;
}) {
  const { t } = useTranslation();
  const text =
    withheld.reason === 'other_periods'
      ? t('feedbackResults.otherPeriods')
      : withheld.reason === 'overlap'
        ? t('feedbackResults.reasons.overlap', { needed: withheld.needed })
        : t(comments ? 'feedbackResults.notEnoughComments' : 'feedbackResults.notEnough', {
            needed: withheld.needed,
            respondents: withheld.respondents ?? 0,
          });
  return (
    <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />}>
      <Text size="sm">{text}</Text>
    </Alert>
  );
}

export interface TableColumn {
  key: string;
  label: string;
}

export interface TableRow {
  key: string;
  label: string;
  cells: Record<string, ReactNode>;
}

/** A small table of figures: a header row, one row per line, numbers right-aligned. */
export function FiguresTable({
  caption,
  corner,
  columns,
  rows,
  isVisible = true,
}: {
  caption: string;
  corner: string;
  columns: readonly TableColumn[];
  rows: readonly TableRow[];
  /** False inside a visually hidden wrapper: then it takes no keyboard focus. */
  isVisible?: boolean;
}) {
  return (
    // Wide tables scroll sideways at 390 px; the region takes focus so a keyboard can scroll it.
    <Box
      tabIndex={isVisible ? 0 : undefined}
      role="region"
      aria-label={caption}
      // Visually hidden, it must not be a scroll container either (one without keyboard focus).
      style={{ overflowX: isVisible ? 'auto' : 'visible' }}
    >
      <Table miw={Math.max(260, 120 + columns.length * 64)}>
        {/* The heading above names it for the eye; the caption names it for screen readers. */}
        <Table.Caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{corner}</Table.Th>
            {columns.map((column) => (
              <Table.Th key={column.key} scope="col" ta="right">
                {column.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw="normal">
                {row.label}
              </Table.Th>
              {columns.map((column) => (
                <Table.Td key={column.key} ta="right">
                  {row.cells[column.key] ?? '–'}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

/**
 * A bar chart with its figures as a table: screen readers always get the table (visually hidden
 * until the reader asks to see it); the chart itself is a picture named as such.
 */
export function ChartWithTable({
  title,
  data,
  table,
  isTableShownAtFirst = false,
}: {
  title: string;
  data: { label: string; count: number }[];
  /** The figures as a table; `isVisible` false while it is visually hidden. */
  table: (isVisible: boolean) => ReactNode;
  /** Show the table from the start (it holds the groups' rows). */
  isTableShownAtFirst?: boolean;
}) {
  const { t } = useTranslation();
  const [isTableShown, setTableShown] = useState(isTableShownAtFirst);
  const tableId = useId();
  return (
    <Stack gap="xs">
      <Box role="img" aria-label={t('feedbackResults.chartLabel', { title })}>
        <BarChart
          h={Math.max(140, data.length * 28)}
          data={data}
          dataKey="label"
          orientation="vertical"
          yAxisProps={{ width: 120 }}
          series={[{ name: 'count', label: t('feedbackResults.count'), color: 'teal.7' }]}
          withTooltip={false}
          accessibilityLayer={false}
        />
      </Box>
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
      <div id={tableId}>
        {isTableShown ? table(true) : <VisuallyHidden>{table(false)}</VisuallyHidden>}
      </div>
    </Stack>
  );
}

/** Groups not shown, each with the reason in words. */
export function WithheldGroups({ items }: { items: { label: string; reason: string }[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('feedbackResults.withheldGroups')}
      </Text>
      <List size="sm">
        {items.map((item) => (
          <List.Item key={item.label}>
            {t('feedbackResults.withheldGroup', { group: item.label, reason: item.reason })}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** Free-text answers behind their own threshold: no names, dates or groups. */
export function CommentsBlock({ title, comments }: { title: string; comments: Comments }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={4} size="h5" id={titleId}>
          {title}
        </Title>
        {comments.shown ? (
          <>
            <Text size="sm" c="dimmed">
              {t('feedbackResults.commentsIntro', { writers: comments.writers })}
            </Text>
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {comments.texts.map((text, index) => (
                <Paper key={index} component="li" bg="gray.0" p="sm" radius="sm">
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {text}
                  </Text>
                </Paper>
              ))}
            </Stack>
          </>
        ) : (
          <WithheldNote withheld={comments} comments />
        )}
      </Stack>
    </Paper>
  );
}
