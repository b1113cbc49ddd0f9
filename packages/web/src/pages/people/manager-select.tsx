import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';

interface Option {
  value: string;
  label: string;
}

/** Picks a manager by searching the directory on the server, not by loading everyone. */
export function ManagerSelect({
  value,
  initial,
  excludeId,
  onChange,
  error,
}: {
  value: string | null;
  initial: Option | null;
  excludeId?: string;
  onChange: (value: string | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<Option | null>(initial);
  const [search, setSearch] = useState(initial?.label ?? '');
  const [debounced] = useDebouncedValue(search, 250);
  // While the box shows the chosen name, search for nothing in particular.
  const query = debounced === selected?.label ? '' : debounced;

  const candidates = useQuery({
    queryKey: ['people', 'manager-search', query],
    queryFn: () =>
      unwrap(
        api.GET('/api/people', {
          params: { query: { search: query || undefined, status: 'active', limit: 20 } },
        }),
      ),
  });

  const options: Option[] = (candidates.data?.items ?? [])
    .filter((person) => person.id !== excludeId)
    .map((person) => ({ value: person.id, label: `${person.name} (${person.email})` }));
  if (selected && !options.some((option) => option.value === selected.value))
    options.unshift(selected);

  return (
    <Select
      label={t('people.fields.manager')}
      placeholder={t('people.managerPlaceholder')}
      searchable
      clearable
      data={options}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered; Mantine's own filter would hide matches on e-mail parts.
      filter={({ options: all }) => all}
      nothingFoundMessage={candidates.isFetching ? t('common.loading') : t('people.noMatches')}
      onChange={(next, option) => {
        setSelected(next && option ? { value: option.value, label: option.label } : null);
        onChange(next);
      }}
      error={error}
    />
  );
}
