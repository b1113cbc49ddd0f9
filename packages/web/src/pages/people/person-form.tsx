import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/states';
import type { Role } from '../../session/use-me';
import { isEmail } from '../auth/validation';
import { ManagerSelect } from './manager-select';
import { JOB_LEVEL_MAX, JOB_LEVEL_MIN, type NewPerson, type PersonDetail } from './people-types';

const roles: Role[] = ['member', 'sponsor', 'programme_manager', 'org_admin'];

export interface PersonFormValues {
  email: string;
  givenName: string;
  familyName: string;
  employeeId: string;
  managerId: string | null;
  department: string;
  team: string;
  jobTitle: string;
  /** Mantine's NumberInput gives '' when empty. */
  jobLevel: number | string;
  location: string;
  preferredLanguage: '' | 'nl' | 'en';
  startDate: string;
  leaveDate: string;
  role: Role;
  isLeadership: boolean;
  sendInvitation: boolean;
}

function valuesOf(person: PersonDetail | undefined): PersonFormValues {
  const language = person?.preferredLanguage;
  return {
    email: person?.email ?? '',
    givenName: person?.givenName ?? '',
    familyName: person?.familyName ?? '',
    employeeId: person?.employeeId ?? '',
    managerId: person?.manager?.id ?? null,
    department: person?.department ?? '',
    team: person?.team ?? '',
    jobTitle: person?.jobTitle ?? '',
    jobLevel: person?.jobLevel ?? '',
    location: person?.location ?? '',
    preferredLanguage: language === 'nl' || language === 'en' ? language : '',
    startDate: person?.startDate ?? '',
    leaveDate: person?.leaveDate ?? '',
    role: person?.role ?? 'member',
    isLeadership: person?.isLeadership ?? false,
    sendInvitation: true,
  };
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());
const levelOrNull = (value: number | string): number | null =>
  typeof value === 'number' ? value : value.trim() === '' ? null : Number(value);

/** The request body for both invite and edit; empty optional fields are cleared (null). */
export function toPersonBody(values: PersonFormValues): Omit<NewPerson, 'sendInvitation'> {
  return {
    email: values.email.trim(),
    givenName: values.givenName.trim(),
    familyName: values.familyName.trim(),
    employeeId: orNull(values.employeeId),
    managerId: values.managerId,
    department: orNull(values.department),
    team: orNull(values.team),
    jobTitle: orNull(values.jobTitle),
    jobLevel: levelOrNull(values.jobLevel),
    location: orNull(values.location),
    preferredLanguage: values.preferredLanguage === '' ? null : values.preferredLanguage,
    startDate: orNull(values.startDate),
    leaveDate: orNull(values.leaveDate),
    role: values.role,
    isLeadership: values.isLeadership,
  };
}

export function PersonForm({
  person,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  person?: PersonDetail;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: PersonFormValues) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<PersonFormValues>({
    initialValues: valuesOf(person),
    validate: {
      email: (value) => (isEmail(value) ? null : t('validation.email')),
      givenName: (value) => (value.trim() ? null : t('validation.required')),
      familyName: (value) => (value.trim() ? null : t('validation.required')),
      jobLevel: (value) => {
        const level = levelOrNull(value);
        return level === null ||
          (Number.isInteger(level) && level >= JOB_LEVEL_MIN && level <= JOB_LEVEL_MAX)
          ? null
          : t('people.jobLevelRange', { min: JOB_LEVEL_MIN, max: JOB_LEVEL_MAX });
      },
    },
  });

  // Field problems from the server appear next to their field; the rest above the buttons.
  const serverFieldErrors = error instanceof ApiError ? error.fieldErrors() : {};
  const fieldError = (field: keyof PersonFormValues): string | undefined =>
    (form.errors[field] as string | undefined) ?? serverFieldErrors[field];

  return (
    <form onSubmit={form.onSubmit(onSubmit)} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('people.fields.givenName')}
            required
            {...form.getInputProps('givenName')}
            error={fieldError('givenName')}
          />
          <TextInput
            label={t('people.fields.familyName')}
            required
            {...form.getInputProps('familyName')}
            error={fieldError('familyName')}
          />
        </SimpleGrid>
        <TextInput
          label={t('people.fields.email')}
          type="email"
          required
          {...form.getInputProps('email')}
          error={fieldError('email')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('people.fields.employeeId')}
            {...form.getInputProps('employeeId')}
            error={fieldError('employeeId')}
          />
          <NativeSelect
            label={t('people.fields.role')}
            data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            {...form.getInputProps('role')}
            error={fieldError('role')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('leadership.isLeadership')}
          description={t('leadership.isLeadershipHint')}
          {...form.getInputProps('isLeadership', { type: 'checkbox' })}
          error={fieldError('isLeadership')}
        />
        <ManagerSelect
          value={form.values.managerId}
          initial={
            person?.manager ? { value: person.manager.id, label: person.manager.name } : null
          }
          excludeId={person?.id}
          onChange={(value) => form.setFieldValue('managerId', value)}
          error={fieldError('managerId')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('people.fields.department')}
            {...form.getInputProps('department')}
            error={fieldError('department')}
          />
          <TextInput
            label={t('people.fields.team')}
            {...form.getInputProps('team')}
            error={fieldError('team')}
          />
          <TextInput
            label={t('people.fields.jobTitle')}
            {...form.getInputProps('jobTitle')}
            error={fieldError('jobTitle')}
          />
          <NumberInput
            label={t('people.fields.jobLevel')}
            description={t('people.jobLevelHint', { min: JOB_LEVEL_MIN, max: JOB_LEVEL_MAX })}
            min={JOB_LEVEL_MIN}
            max={JOB_LEVEL_MAX}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('jobLevel')}
            error={fieldError('jobLevel')}
          />
          <TextInput
            label={t('people.fields.location')}
            {...form.getInputProps('location')}
            error={fieldError('location')}
          />
          <NativeSelect
            label={t('people.fields.preferredLanguage')}
            data={[
              { value: '', label: t('people.languageUnset') },
              { value: 'nl', label: 'Nederlands' },
              { value: 'en', label: 'English' },
            ]}
            {...form.getInputProps('preferredLanguage')}
            error={fieldError('preferredLanguage')}
          />
          <TextInput
            label={t('people.fields.startDate')}
            type="date"
            {...form.getInputProps('startDate')}
            error={fieldError('startDate')}
          />
          <TextInput
            label={t('people.fields.leaveDate')}
            type="date"
            {...form.getInputProps('leaveDate')}
            error={fieldError('leaveDate')}
          />
        </SimpleGrid>
        {!person && (
          <Checkbox
            label={t('people.sendInvitation')}
            {...form.getInputProps('sendInvitation', { type: 'checkbox' })}
          />
        )}
        <ErrorMessage error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
