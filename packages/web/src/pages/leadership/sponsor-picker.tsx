import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';

export interface PersonOption {
  value: string;
  label: string;
}

/**
 * Picks a programme's sponsors by searching the directory on the server (as the manager picker
 * of the people form does), keeping the chosen people's names while the search moves on.
 */
export function SponsorPicker({
  value,
  onChange,
  error,
}: {
  value: PersonOption[];
  onChange: (value: PersonOption[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const candidates = useQuery({
    queryKey: ['people', 'sponsor-search', debounced],
    queryFn: () =>
      unwrap(
        api.GET('/api/people', {
          params: { query: { search: debounced || undefined, status: 'active', limit: 20 } },
        }),
      ),
  });
  const found: PersonOption[] = (candidates.data?.items ?? []).map((p) => ({
    value: p.id,
    label: p.jobTitle ? `${p.displayName}, ${p.jobTitle}` : p.displayName,
  }));
  const options = [...value, ...found.filter((o) => !value.some((v) => v.value === o.value))];
  return (
    <MultiSelect
      label={t('leadership.sponsorPicker')}
      description={t('leadership.sponsorPickerDescription')}
      searchable
      data={options}
      value={value.map((v) => v.value)}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered; Mantine's own filter would hide matches on e-mail parts.
      filter={({ options: all }) => all}
      maxValues={10}
      nothingFoundMessage={candidates.isFetching ? t('common.loading') : t('leadership.noMatches')}
      onChange={(ids) =>
        onChange(ids.map((id) => options.find((o) => o.value === id) ?? { value: id, label: id }))
      }
      error={error}
    />
  );
}
