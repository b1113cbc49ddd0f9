import {
  Button,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { PageHeader } from '../../components/page-header';
import { EmptyMessage, ErrorMessage, ErrorState, LoadingState } from '../../components/states';
import { isEmail } from '../auth/validation';
import { PendingDomainsSection } from '../domains/pending-domains-section';
import { slugify } from './slugify';

type NewOrganisation =
  paths['/api/admin/organisations']['post']['requestBody']['content']['application/json'];

const organisationsQueryKey = ['admin', 'organisations'] as const;

export function OrganisationsPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const organisations = useQuery({
    queryKey: organisationsQueryKey,
    queryFn: () => unwrap(api.GET('/api/admin/organisations')),
  });

  return (
    <>
      <PageHeader
        title={t('organisations.title')}
        description={t('organisations.intro')}
        actions={
          <Button
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => setCreating(true)}
          >
            {t('organisations.create')}
          </Button>
        }
      />
      {organisations.isPending ? (
        <LoadingState />
      ) : organisations.isError ? (
        <ErrorState error={organisations.error} onRetry={() => void organisations.refetch()} />
      ) : organisations.data.items.length === 0 ? (
        <EmptyMessage>{t('organisations.empty')}</EmptyMessage>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <caption>
              <VisuallyHidden>{t('organisations.title')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('organisations.name')}</Table.Th>
                <Table.Th scope="col">{t('organisations.slug')}</Table.Th>
                <Table.Th scope="col">{t('organisations.defaultLocale')}</Table.Th>
                <Table.Th scope="col">{t('organisations.activePeople')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {organisations.data.items.map((organisation) => (
                <Table.Tr key={organisation.id}>
                  <Table.Td>{organisation.name}</Table.Td>
                  <Table.Td>{organisation.slug}</Table.Td>
                  <Table.Td>
                    {organisation.defaultLocale === 'nl' ? 'Nederlands' : 'English'}
                  </Table.Td>
                  <Table.Td>{organisation.activePeople}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('organisations.create')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        size="lg"
      >
        {creating && <CreateOrganisationForm onDone={() => setCreating(false)} />}
      </Modal>
      <PendingDomainsSection />
    </>
  );
}

function CreateOrganisationForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [slugTouched, setSlugTouched] = useState(false);
  const form = useForm({
    initialValues: {
      name: '',
      slug: '',
      defaultLocale: 'nl' as 'nl' | 'en',
      email: '',
      givenName: '',
      familyName: '',
    },
    validate: {
      name: (value) => (value.trim().length >= 2 ? null : t('validation.minLength', { count: 2 })),
      slug: (value) =>
        /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) ? null : t('organisations.slugRule'),
      email: (value) => (isEmail(value) ? null : t('validation.email')),
      givenName: (value) => (value.trim() ? null : t('validation.required')),
      familyName: (value) => (value.trim() ? null : t('validation.required')),
    },
  });
  const create = useMutation({
    mutationFn: (body: NewOrganisation) => unwrap(api.POST('/api/admin/organisations', { body })),
    onSuccess: async (organisation) => {
      notifications.show({
        color: 'green',
        message: t('organisations.created', { name: organisation.name }),
      });
      await queryClient.invalidateQueries({ queryKey: organisationsQueryKey });
      onDone();
    },
  });
  const serverErrors = create.error instanceof ApiError ? create.error.fieldErrors() : {};

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        create.mutate({
          name: values.name.trim(),
          slug: values.slug,
          defaultLocale: values.defaultLocale,
          admin: {
            email: values.email.trim(),
            givenName: values.givenName.trim(),
            familyName: values.familyName.trim(),
          },
        }),
      )}
    >
      <Stack>
        <TextInput
          label={t('organisations.name')}
          required
          {...form.getInputProps('name')}
          onChange={(event) => {
            const name = event.currentTarget.value;
            form.setFieldValue('name', name);
            if (!slugTouched) form.setFieldValue('slug', slugify(name));
          }}
          error={form.errors.name ?? serverErrors.name}
        />
        <TextInput
          label={t('organisations.slug')}
          description={t('organisations.slugRule')}
          required
          {...form.getInputProps('slug')}
          onChange={(event) => {
            setSlugTouched(true);
            form.setFieldValue('slug', event.currentTarget.value);
          }}
          error={form.errors.slug ?? serverErrors.slug}
        />
        <NativeSelect
          label={t('organisations.defaultLocale')}
          data={[
            { value: 'nl', label: 'Nederlands' },
            { value: 'en', label: 'English' },
          ]}
          {...form.getInputProps('defaultLocale')}
        />
        <Title order={3} size="h5">
          {t('organisations.firstAdmin')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('people.fields.givenName')}
            required
            {...form.getInputProps('givenName')}
            error={form.errors.givenName ?? serverErrors['admin.givenName']}
          />
          <TextInput
            label={t('people.fields.familyName')}
            required
            {...form.getInputProps('familyName')}
            error={form.errors.familyName ?? serverErrors['admin.familyName']}
          />
        </SimpleGrid>
        <TextInput
          label={t('people.fields.email')}
          type="email"
          required
          {...form.getInputProps('email')}
          error={form.errors.email ?? serverErrors['admin.email']}
        />
        <ErrorMessage error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('organisations.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
