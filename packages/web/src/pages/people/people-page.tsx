import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/states';
import { StatusBadge } from '../../components/status-badge';
import { abilitiesOf } from '../../session/use-me';
import { useSignedIn } from '../../session/use-signed-in';
import { InvitePersonModal } from './invite-person-modal';
import { peopleQueryKey, type PeopleStatus } from './people-types';
import { PersonDrawer } from './person-drawer';

const PAGE_SIZE = 25;

function statusOf(value: string | null): PeopleStatus {
  return value === 'inactive' || value === 'all' ? value : 'active';
}

/** The people directory. Filters live in the URL so that back, reload and links keep them. */
export function PeoplePage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const canManage = abilitiesOf(me).canManagePeople;
  const navigate = useNavigate();
  const location = useLocation();
  const { personId } = useParams();
  const [params, setParams] = useSearchParams();
  const [inviting, setInviting] = useState(false);

  const search = params.get('q') ?? '';
  const department = params.get('department');
  const status = statusOf(params.get('status'));
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);

  const [searchInput, setSearchInput] = useState(search);
  const [debouncedSearch] = useDebouncedValue(searchInput, 300);

  function updateParams(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  }

  useEffect(() => {
    if (debouncedSearch.trim() !== search) updateParams({ q: debouncedSearch.trim(), page: null });
    // Only a settled search term should touch the URL (and reset to page 1).
  }, [debouncedSearch]);

  const people = useQuery({
    queryKey: [...peopleQueryKey, 'list', { search, department, status, page }],
    queryFn: () =>
      unwrap(
        api.GET('/api/people', {
          params: {
            query: {
              search: search || undefined,
              department: department ?? undefined,
              status,
              limit: PAGE_SIZE,
              offset: (page - 1) * PAGE_SIZE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const total = people.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const personLink = (id: string) => `/people/${id}${location.search}`;

  return (
    <>
      <PageHeader
        title={t('people.title')}
        description={t('people.intro')}
        actions={
          canManage && (
            <Group>
              <Button variant="default" component={Link} to="/import">
                {t('nav.import')}
              </Button>
              <Button
                leftSection={<IconUserPlus size={18} aria-hidden />}
                onClick={() => setInviting(true)}
              >
                {t('people.invite')}
              </Button>
            </Group>
          )
        }
      />
      <Stack>
        <Group align="flex-end" role="search" aria-label={t('people.filters')}>
          <TextInput
            label={t('people.search')}
            description={t('people.searchHint')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={searchInput}
            onChange={(event) => setSearchInput(event.currentTarget.value)}
            type="search"
            style={{ flex: 1, minWidth: 220 }}
          />
          <Select
            label={t('people.fields.department')}
            placeholder={t('people.allDepartments')}
            data={people.data?.departments ?? (department ? [department] : [])}
            value={department}
            onChange={(value) => updateParams({ department: value, page: null })}
            clearable
            searchable
            w={220}
          />
          <NativeSelect
            label={t('people.statusFilter')}
            value={status}
            onChange={(event) => updateParams({ status: event.currentTarget.value, page: null })}
            data={[
              { value: 'active', label: t('people.status.active') },
              { value: 'inactive', label: t('people.status.inactive') },
              { value: 'all', label: t('people.status.all') },
            ]}
            w={160}
          />
        </Group>

        {people.isPending ? (
          <LoadingState />
        ) : people.isError ? (
          <ErrorState error={people.error} onRetry={() => void people.refetch()} />
        ) : people.data.items.length === 0 ? (
          <EmptyMessage>{t('people.empty')}</EmptyMessage>
        ) : (
          <>
            <Text size="sm" aria-live="polite">
              {t('people.count', { count: total })}
            </Text>
            <Table.ScrollContainer minWidth={720}>
              <Table striped highlightOnHover>
                <caption>
                  <VisuallyHidden>{t('people.title')}</VisuallyHidden>
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('people.fields.name')}</Table.Th>
                    <Table.Th>{t('people.fields.email')}</Table.Th>
                    <Table.Th>{t('people.fields.department')}</Table.Th>
                    <Table.Th>{t('people.fields.jobTitle')}</Table.Th>
                    <Table.Th>{t('people.fields.manager')}</Table.Th>
                    <Table.Th>{t('people.fields.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {people.data.items.map((person) => (
                    <Table.Tr key={person.id}>
                      <Table.Td>
                        <Anchor component={Link} to={personLink(person.id)}>
                          {person.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{person.email}</Table.Td>
                      <Table.Td>{person.department ?? ''}</Table.Td>
                      <Table.Td>{person.jobTitle ?? ''}</Table.Td>
                      <Table.Td>{person.manager?.name ?? ''}</Table.Td>
                      <Table.Td>
                        <StatusBadge isActive={person.isActive} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {pages > 1 && (
              <nav aria-label={t('people.pagination')}>
                <Pagination
                  total={pages}
                  value={Math.min(page, pages)}
                  onChange={(next) => updateParams({ page: next === 1 ? null : String(next) })}
                  getItemProps={(item) => ({ 'aria-label': t('people.page', { page: item }) })}
                  getControlProps={(control) => ({
                    'aria-label': t(`people.pageControl.${control}`),
                  })}
                />
              </nav>
            )}
          </>
        )}
      </Stack>

      <PersonDrawer
        personId={personId}
        canManage={canManage}
        linkTo={personLink}
        onClose={() => void navigate(`/people${location.search}`)}
      />
      {canManage && (
        <InvitePersonModal
          opened={inviting}
          onClose={() => setInviting(false)}
          onInvited={(id) => {
            setInviting(false);
            void navigate(personLink(id));
          }}
        />
      )}
    </>
  );
}
