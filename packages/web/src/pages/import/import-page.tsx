import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Code,
  FileInput,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileTypeCsv } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { ErrorMessage } from '../../components/states';
import { peopleQueryKey } from '../people/people-types';
import { ImportPreviewTable } from './import-preview-table';
import { isImportPreview, type ImportPreview, type ImportSummary } from './import-types';

const exampleHeader =
  'email,given_name,family_name,employee_id,manager,department,team,job_title,job_level,location,preferred_language,start_date,leave_date';

interface ImportRequest {
  csv: string;
  deactivateMissing: boolean;
}

/** CSV import: check first (nothing is written), then apply only a file without errors. */
export function ImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState('');
  const [deactivateMissing, setDeactivateMissing] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);
  // The preview belongs to exactly the text and option it was made for.
  const [checked, setChecked] = useState<{ request: ImportRequest; preview: ImportPreview } | null>(
    null,
  );
  const [applied, setApplied] = useState<ImportSummary | null>(null);
  // The number of deactivations the admin confirmed, for the preview it was confirmed on.
  const [confirmed, setConfirmed] = useState<{ preview: ImportPreview; count: number } | null>(
    null,
  );

  const previewMutation = useMutation({
    mutationFn: (request: ImportRequest) =>
      unwrap(api.POST('/api/people/import/preview', { body: request })).then((preview) => ({
        request,
        preview,
      })),
    onSuccess: (result) => setChecked(result),
  });

  const applyMutation = useMutation({
    mutationFn: (request: ImportRequest & { confirmDeactivations?: number }) =>
      unwrap(api.POST('/api/people/import/apply', { body: request })),
    onSuccess: async (result) => {
      setApplied(result.summary);
      setChecked(null);
      await queryClient.invalidateQueries({ queryKey: peopleQueryKey });
    },
    onError: (error, { csv: text, deactivateMissing: sync }) => {
      const request = { csv: text, deactivateMissing: sync };
      // Someone changed the directory in between: show the fresh dry run it came with.
      if (error instanceof ApiError && error.status === 422 && isImportPreview(error.details)) {
        setChecked({ request, preview: error.details });
      } else if (
        error instanceof ApiError &&
        error.status === 422 &&
        'confirmDeactivations' in error.fieldErrors()
      ) {
        // The number confirmed is no longer the number: check again, and ask again.
        previewMutation.mutate(request);
      }
    },
  });

  function changeText(value: string) {
    setCsv(value);
    setChecked(null);
    setApplied(null);
    applyMutation.reset();
  }

  async function chooseFile(chosen: File | null) {
    setFile(chosen);
    setReadError(null);
    if (!chosen) return;
    try {
      changeText(await chosen.text());
    } catch {
      setReadError(t('import.readError'));
    }
  }

  const current: ImportRequest = { csv, deactivateMissing };
  const preview =
    checked &&
    checked.request.csv === csv &&
    checked.request.deactivateMissing === deactivateMissing
      ? checked.preview
      : null;
  const deactivations = preview?.summary.deactivate ?? 0;
  const isConfirmed =
    deactivations === 0 || (confirmed?.preview === preview && confirmed.count === deactivations);
  const isValid = Boolean(preview?.canApply && preview.errors.length === 0);
  const canApply = isValid && isConfirmed;

  return (
    <>
      <PageHeader title={t('import.title')} description={t('import.intro')} />
      <Stack gap="lg">
        {applied && (
          <Alert
            color="green"
            icon={<IconCircleCheck aria-hidden />}
            title={t('import.appliedTitle')}
            role="status"
          >
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                {t('import.appliedSummary', {
                  add: applied.add,
                  update: applied.update,
                  deactivate: applied.deactivate,
                  unchanged: applied.unchanged,
                })}
              </Text>
              <Anchor component={Link} to="/people">
                {t('import.toDirectory')}
              </Anchor>
            </Stack>
          </Alert>
        )}

        <Paper withBorder p="lg">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (csv.trim()) previewMutation.mutate(current);
            }}
          >
            <Stack>
              <FileInput
                label={t('import.file')}
                description={t('import.fileHint')}
                placeholder={t('import.filePlaceholder')}
                accept=".csv,text/csv,text/plain"
                leftSection={<IconFileTypeCsv size={18} aria-hidden />}
                value={file}
                onChange={(chosen) => void chooseFile(chosen)}
                clearable
                clearButtonProps={{ 'aria-label': t('import.clearFile') }}
                error={readError}
              />
              <Textarea
                label={t('import.paste')}
                description={
                  <>
                    {t('import.pasteHint')} <Code>{exampleHeader}</Code>
                  </>
                }
                value={csv}
                onChange={(event) => changeText(event.currentTarget.value)}
                autosize
                minRows={6}
                maxRows={16}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                spellCheck={false}
              />
              <Checkbox
                label={t('import.deactivateMissing')}
                description={t('import.deactivateMissingHint')}
                checked={deactivateMissing}
                onChange={(event) => {
                  setDeactivateMissing(event.currentTarget.checked);
                  setApplied(null);
                }}
              />
              <ErrorMessage error={previewMutation.error} />
              {preview && isValid && deactivations > 0 && (
                <Alert
                  color="red"
                  variant="light"
                  icon={<IconAlertTriangle aria-hidden />}
                  title={t('import.deactivationsTitle', { count: deactivations })}
                >
                  <Stack gap="sm">
                    <Text size="sm">{t('import.deactivationsText')}</Text>
                    <Checkbox
                      label={t('import.confirmDeactivations', { count: deactivations })}
                      checked={isConfirmed}
                      onChange={(event) =>
                        setConfirmed(
                          event.currentTarget.checked ? { preview, count: deactivations } : null,
                        )
                      }
                    />
                  </Stack>
                </Alert>
              )}
              <Group>
                <Button type="submit" disabled={!csv.trim()} loading={previewMutation.isPending}>
                  {t('import.check')}
                </Button>
                <Button
                  color="green.9"
                  disabled={!canApply}
                  loading={applyMutation.isPending}
                  onClick={() =>
                    applyMutation.mutate(
                      deactivations > 0
                        ? { ...current, confirmDeactivations: deactivations }
                        : current,
                    )
                  }
                >
                  {t('import.apply')}
                </Button>
              </Group>
              {preview && !isValid && (
                <Text size="sm" role="status">
                  {t('import.fixFirst')}
                </Text>
              )}
              {preview && isValid && !isConfirmed && (
                <Text size="sm" role="status">
                  {t('import.confirmFirst')}
                </Text>
              )}
              {!applyMutation.isSuccess && <ErrorMessage error={applyMutation.error} />}
            </Stack>
          </form>
        </Paper>

        {preview && <ImportPreviewTable preview={preview} />}
      </Stack>
    </>
  );
}
