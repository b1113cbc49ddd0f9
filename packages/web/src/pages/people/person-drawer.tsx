import {
  Anchor,
  Badge,
  Button,
  Drawer,
  Group,
  List,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ConfirmModal } from '../../components/confirm-modal';
import { RoleBadge } from '../../components/role-badge';
import { ErrorMessage, ErrorState, LoadingState } from '../../components/states';
import { StatusBadge } from '../../components/status-badge';
import { peopleQueryKey, type PersonDetail } from './people-types';
import { PersonForm, toPersonBody, type PersonFormValues } from './person-form';

/** One person: details, reporting line and direct reports; org admins can edit and deactivate. */
export function PersonDrawer({
  personId,
  canManage,
  linkTo,
  onClose,
}: {
  personId: string | undefined;
  canManage: boolean;
  linkTo: (personId: string) => string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const person = useQuery({
    queryKey: [...peopleQueryKey, 'detail', personId],
    queryFn: () =>
      unwrap(api.GET('/api/people/{id}', { params: { path: { id: personId ?? '' } } })),
    enabled: Boolean(personId),
  });

  return (
    <Drawer
      opened={Boolean(personId)}
      onClose={() => {
        setEditing(false);
        onClose();
      }}
      position="right"
      size="lg"
      title={person.data?.displayName ?? t('people.person')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {person.isPending ? (
        <LoadingState />
      ) : person.isError ? (
        <ErrorState error={person.error} onRetry={() => void person.refetch()} />
      ) : editing ? (
        <EditPerson person={person.data} onDone={() => setEditing(false)} />
      ) : (
        <PersonDetails
          person={person.data}
          canManage={canManage}
          linkTo={linkTo}
          onEdit={() => setEditing(true)}
        />
      )}
    </Drawer>
  );
}

function EditPerson({ person, onDone }: { person: PersonDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (values: PersonFormValues) =>
      unwrap(
        api.PATCH('/api/people/{id}', {
          params: { path: { id: person.id } },
          body: toPersonBody(values),
        }),
      ),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('people.saved') });
      await queryClient.invalidateQueries({ queryKey: peopleQueryKey });
      onDone();
    },
  });
  return (
    <PersonForm
      person={person}
      submitLabel={t('common.save')}
      pending={save.isPending}
      error={save.error}
      onSubmit={(values) => save.mutate(values)}
      onCancel={onDone}
    />
  );
}

function PersonDetails({
  person,
  canManage,
  linkTo,
  onEdit,
}: {
  person: PersonDetail;
  canManage: boolean;
  linkTo: (personId: string) => string;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const toggleActive = useMutation({
    mutationFn: () =>
      unwrap(
        person.isActive
          ? api.POST('/api/people/{id}/deactivate', { params: { path: { id: person.id } } })
          : api.POST('/api/people/{id}/reactivate', { params: { path: { id: person.id } } }),
      ),
    onSuccess: async (updated) => {
      setConfirming(false);
      notifications.show({
        color: 'green',
        message: updated.isActive
          ? t('people.reactivated', { name: updated.name })
          : t('people.deactivated', { name: updated.name }),
      });
      await queryClient.invalidateQueries({ queryKey: peopleQueryKey });
    },
  });

  const dash = '—';
  const facts: [string, string][] = [
    [t('people.fields.email'), person.email],
    [t('account.preferredName'), person.preferredName ?? dash],
    [t('people.fields.employeeId'), person.employeeId ?? dash],
    [t('people.fields.department'), person.department ?? dash],
    [t('people.fields.team'), person.team ?? dash],
    [t('people.fields.jobTitle'), person.jobTitle ?? dash],
    [t('people.fields.jobLevel'), person.jobLevel === null ? dash : String(person.jobLevel)],
    [t('people.fields.location'), person.location ?? dash],
    [t('people.fields.preferredLanguage'), person.preferredLanguage ?? dash],
    [t('people.fields.startDate'), person.startDate ?? dash],
    [t('people.fields.leaveDate'), person.leaveDate ?? dash],
  ];
  // Nearest manager first, as people usually read a reporting line.
  const managers = [...person.managers].sort((a, b) => a.depth - b.depth);

  return (
    <Stack>
      <Group gap="xs">
        <RoleBadge role={person.role} />
        <StatusBadge isActive={person.isActive} />
        {person.isLeadership && (
          <Badge variant="outline" color="grape.9">
            {t('leadership.isLeadership')}
          </Badge>
        )}
      </Group>
      <Table variant="vertical" withTableBorder>
        <Table.Tbody>
          {facts.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={180}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <section aria-labelledby="reporting-line">
        <Title order={3} size="h5" id="reporting-line" mb="xs">
          {t('people.reportingLine')}
        </Title>
        {managers.length === 0 ? (
          <Text size="sm">{t('people.noManager')}</Text>
        ) : (
          <List size="sm" spacing={4}>
            {managers.map((manager) => (
              <List.Item key={manager.id}>
                <Anchor component={Link} to={linkTo(manager.id)}>
                  {manager.name}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  ({t('people.levelsUp', { count: manager.depth })})
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </section>

      <section aria-labelledby="direct-reports">
        <Title order={3} size="h5" id="direct-reports" mb="xs">
          {t('people.directReports', { count: person.directReports.length })}
        </Title>
        {person.directReports.length === 0 ? (
          <Text size="sm">{t('people.noDirectReports')}</Text>
        ) : (
          <List size="sm" spacing={4}>
            {person.directReports.map((report) => (
              <List.Item key={report.id}>
                <Anchor component={Link} to={linkTo(report.id)}>
                  {report.name}
                </Anchor>
                {report.jobTitle && ` — ${report.jobTitle}`}
              </List.Item>
            ))}
          </List>
        )}
      </section>

      {canManage && (
        <Group>
          <Button onClick={onEdit}>{t('common.edit')}</Button>
          {person.isActive ? (
            <Button color="red.9" variant="outline" onClick={() => setConfirming(true)}>
              {t('people.deactivate')}
            </Button>
          ) : (
            <Button
              variant="outline"
              loading={toggleActive.isPending}
              onClick={() => toggleActive.mutate()}
            >
              {t('people.reactivate')}
            </Button>
          )}
        </Group>
      )}
      {!confirming && <ErrorMessage error={toggleActive.error} />}

      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('people.deactivateTitle', { name: person.name })}
        confirmLabel={t('people.deactivate')}
        onConfirm={() => toggleActive.mutate()}
        loading={toggleActive.isPending}
        error={toggleActive.error}
        color="red.9"
      >
        <Text size="sm">{t('people.deactivateText', { name: person.name })}</Text>
        {person.directReports.length > 0 && (
          <Text size="sm">
            {t('people.deactivateReports', {
              count: person.directReports.length,
              name: person.name,
            })}
          </Text>
        )}
      </ConfirmModal>
    </Stack>
  );
}
