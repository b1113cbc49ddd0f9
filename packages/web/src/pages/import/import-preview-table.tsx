import { Alert, Badge, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportAction, ImportPreview, ImportProblem } from './import-types';

const actionColours: Record<ImportAction, string> = {
  add: 'green.9',
  update: 'blue.9',
  unchanged: 'gray.8',
  deactivate: 'orange.9',
};

function ProblemList({ problems }: { problems: ImportProblem[] }) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={4}>
      {problems.map((problem, index) => (
        <List.Item key={`${problem.line}-${problem.field ?? ''}-${index}`}>
          <Text span fw={700} size="sm">
            {problem.line > 0 ? t('import.line', { line: problem.line }) : t('import.wholeFile')}
            {problem.field ? ` · ${problem.field}` : ''}
          </Text>
          {': '}
          {problem.message}
        </List.Item>
      ))}
    </List>
  );
}

/** The dry run: summary, every error and warning with its line, and what each row would do. */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const errorsByLine = new Map<number, ImportProblem[]>();
  for (const problem of preview.errors) {
    errorsByLine.set(problem.line, [...(errorsByLine.get(problem.line) ?? []), problem]);
  }
  const { summary } = preview;

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('import.previewTitle')}
      </Title>
      <Group gap="xs" aria-label={t('import.summaryLabel')}>
        <Badge variant="outline" color="green.9">
          {t('import.summary.add', { count: summary.add })}
        </Badge>
        <Badge variant="outline" color="blue.9">
          {t('import.summary.update', { count: summary.update })}
        </Badge>
        <Badge variant="outline" color="gray.8">
          {t('import.summary.unchanged', { count: summary.unchanged })}
        </Badge>
        <Badge variant="outline" color="orange.9">
          {t('import.summary.deactivate', { count: summary.deactivate })}
        </Badge>
        <Badge variant="outline" color="red.9">
          {t('import.summary.errors', { count: summary.errors })}
        </Badge>
      </Group>

      {preview.errors.length > 0 && (
        <Alert
          color="red"
          icon={<IconCircleX aria-hidden />}
          title={t('import.errorsTitle', { count: preview.errors.length })}
          role="alert"
        >
          <Text size="sm" mb="xs">
            {t('import.errorsIntro')}
          </Text>
          <ProblemList problems={preview.errors} />
        </Alert>
      )}
      {preview.warnings.length > 0 && (
        <Alert
          color="yellow"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('import.warningsTitle', { count: preview.warnings.length })}
        >
          <ProblemList problems={preview.warnings} />
        </Alert>
      )}

      <Table.ScrollContainer minWidth={720}>
        <Table withTableBorder>
          <caption>{t('import.tableCaption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('import.columns.line')}</Table.Th>
              <Table.Th scope="col">{t('import.columns.action')}</Table.Th>
              <Table.Th scope="col">{t('import.columns.person')}</Table.Th>
              <Table.Th scope="col">{t('import.columns.changes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((row) => {
              const problems = errorsByLine.get(row.line) ?? [];
              const hasErrors = problems.length > 0;
              return (
                <Table.Tr
                  key={`${row.line}-${row.email}`}
                  data-line={row.line}
                  data-has-errors={hasErrors || undefined}
                  bg={hasErrors ? 'red.0' : undefined}
                  style={
                    hasErrors
                      ? { boxShadow: 'inset 4px 0 0 var(--mantine-color-red-9)' }
                      : undefined
                  }
                >
                  <Table.Td>{row.line > 0 ? row.line : '—'}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={actionColours[row.action]}>
                      {t(`import.actions.${row.action}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{row.name}</Text>
                    <Text size="sm" c="dimmed">
                      {row.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {hasErrors && (
                      <List size="sm" c="red.9" mb={row.changes.length ? 'xs' : 0}>
                        {problems.map((problem, index) => (
                          <List.Item key={index}>
                            <Text span fw={700} size="sm">
                              {t('import.errorLabel')}
                              {problem.field ? ` (${problem.field})` : ''}:
                            </Text>{' '}
                            {problem.message}
                          </List.Item>
                        ))}
                      </List>
                    )}
                    {row.changes.length > 0 ? (
                      <List size="sm">
                        {row.changes.map((change) => (
                          <List.Item key={change}>{change}</List.Item>
                        ))}
                      </List>
                    ) : (
                      !hasErrors && <Text size="sm">—</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {preview.missingDeactivated.length > 0 && (
        <section aria-labelledby="import-missing">
          <Title order={3} size="h5" id="import-missing" mb="xs">
            {t('import.missingTitle', { count: preview.missingDeactivated.length })}
          </Title>
          <List size="sm">
            {preview.missingDeactivated.map((person) => (
              <List.Item key={person.email}>
                {person.name} ({person.email})
              </List.Item>
            ))}
          </List>
        </section>
      )}
    </Stack>
  );
}
