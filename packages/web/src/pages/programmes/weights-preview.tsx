import { Alert, Card, Group, List, SimpleGrid, Slider, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/states';
import {
  programmesQueryKey,
  weightKeys,
  type ConflictRules,
  type WeightKey,
  type Weights,
} from './programme-types';

/** The weight sliders; `onChange` gets every move, the preview only settled values. */
export function WeightSliders({
  weights,
  onChange,
}: {
  weights: Weights;
  onChange: (weights: Weights) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {weightKeys.map((key: WeightKey) => {
        const labelId = `weight-${key}`;
        return (
          <div key={key}>
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={500} id={labelId}>
                {t(`programmes.weights.${key}`)}
              </Text>
              <Text size="sm" c="dimmed" aria-hidden>
                {weights[key]}
              </Text>
            </Group>
            <Text size="xs" c="dimmed" mb={4}>
              {t(`programmes.weightHints.${key}`)}
            </Text>
            <Slider
              min={0}
              max={1000}
              step={10}
              value={weights[key]}
              onChange={(value) => onChange({ ...weights, [key]: value })}
              thumbLabel={t(`programmes.weights.${key}`)}
              label={(value) => String(value)}
              color="blue.8"
            />
          </div>
        );
      })}
    </Stack>
  );
}

/**
 * Suggestions of a few enrolled mentees under the weights being edited, so the designer sees
 * what a change does before saving it. Debounced: a slider drag is one request, not fifty.
 */
export function WeightsPreview({
  programmeId,
  weights,
  conflictRules,
}: {
  programmeId: string;
  weights: Weights;
  conflictRules: ConflictRules;
}) {
  const { t } = useTranslation();
  const [settled] = useDebouncedValue({ weights, conflictRules }, 400);
  const preview = useQuery({
    queryKey: [...programmesQueryKey, 'preview', programmeId, settled],
    queryFn: () =>
      unwrap(
        api.POST('/api/programmes/{id}/preview', {
          params: { path: { id: programmeId } },
          body: { ...settled, samples: 4 },
        }),
      ),
    placeholderData: keepPreviousData,
    retry: false,
  });

  return (
    <Stack gap="sm" aria-live="polite" aria-busy={preview.isFetching}>
      <Title order={3} size="h5">
        {t('programmes.preview.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('programmes.preview.intro')}
      </Text>
      {preview.isPending ? (
        <LoadingState />
      ) : preview.isError ? (
        preview.error instanceof ApiError && preview.error.status === 404 ? (
          <Alert color="gray">{t('programmes.preview.unavailable')}</Alert>
        ) : (
          <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
        )
      ) : preview.data.samples.length === 0 ? (
        <EmptyMessage>{t('programmes.preview.empty')}</EmptyMessage>
      ) : (
        <SimpleGrid cols={{ base: 1, xl: 2 }}>
          {preview.data.samples.map((sample) => (
            <Card withBorder key={sample.mentee.id} padding="sm">
              <Text fw={600} size="sm" mb={4}>
                {t('programmes.preview.forMentee', { name: sample.mentee.name })}
              </Text>
              {sample.suggestions.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('programmes.preview.noSuggestions')}
                </Text>
              ) : (
                <List size="sm" spacing={4} type="ordered">
                  {sample.suggestions.map((suggestion) => (
                    <List.Item key={suggestion.personId}>
                      <Text size="sm" span fw={500}>
                        {suggestion.name}
                      </Text>{' '}
                      <Text size="sm" span c="blue.9">
                        ({t('click.strength', { strength: suggestion.strength })})
                      </Text>
                      {suggestion.reasons[0] && (
                        <Text size="xs" c="dimmed">
                          {suggestion.reasons
                            .slice(0, 2)
                            .map((r) => r.text)
                            .join(' · ')}
                        </Text>
                      )}
                    </List.Item>
                  ))}
                </List>
              )}
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
