import {
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import type { Locale } from '../../i18n/locale';
import { ErrorMessage } from '../../components/states';
import { skillsQueryKey } from '../programmes/programme-types';
import {
  checkSkillField,
  serverFieldProblems,
  skillNameLength,
  type SkillCategory,
  type SkillField,
  type SkillFieldProblem,
} from './skill-catalogue';

type NewSkill = paths['/api/skills']['post']['requestBody']['content']['application/json'];

interface AddSkillValues {
  nl: string;
  en: string;
  category: string;
}

const emptyValues: AddSkillValues = { nl: '', en: '', category: '' };

export function AddSkillForm({
  categories,
  locale,
}: {
  categories: SkillCategory[];
  locale: Locale;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = useId();
  const firstInput = useRef<HTMLInputElement>(null);
  const describe = (problem: SkillFieldProblem | null | undefined): string | null => {
    switch (problem) {
      case 'length':
        return t('skills.errors.length', skillNameLength);
      case 'category':
        return t('skills.errors.category');
      case 'exists':
        return t('skills.errors.exists');
      case null:
      case undefined:
        return null;
    }
  };

  const form = useForm<AddSkillValues>({
    initialValues: emptyValues,
    validate: {
      nl: (value) => describe(checkSkillField('nl', value)),
      en: (value) => describe(checkSkillField('en', value)),
      category: (value) => describe(checkSkillField('category', value)),
    },
  });

  const add = useMutation({
    mutationFn: (body: NewSkill) => unwrap(api.POST('/api/skills', { body })),
    onSuccess: async (skill) => {
      notifications.show({
        color: 'green',
        message: t('skills.add.added', { name: skill[locale] }),
      });
      form.reset();
      firstInput.current?.focus();
      // This page and the enrolment skill picker share the key, so both show the new skill.
      await queryClient.invalidateQueries({ queryKey: skillsQueryKey });
    },
  });

  // A server problem stays next to its field until that field is changed.
  const serverProblems = add.error instanceof ApiError ? serverFieldProblems(add.error) : {};
  const hasFieldProblems = Object.keys(serverProblems).length > 0;
  const fieldError = (field: SkillField): string | undefined => {
    const own = form.errors[field];
    if (typeof own === 'string') return own;
    const isUnchanged = add.variables?.[field] === form.values[field].trim();
    return (isUnchanged && describe(serverProblems[field])) || undefined;
  };

  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      withBorder
      p="lg"
      maw={760}
      // Mantine's field errors are red 6 on white (3.3:1); the theme's red 9 passes WCAG AA.
      style={{ '--mantine-color-error': 'var(--mantine-color-red-9)' }}
    >
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          add.mutate({
            nl: values.nl.trim(),
            en: values.en.trim(),
            category: values.category as NewSkill['category'],
          }),
        )}
      >
        <Stack>
          <div>
            <Title order={2} size="h3" id={headingId}>
              {t('skills.add.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('skills.add.hint')}
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              ref={firstInput}
              label={t('skills.add.nl')}
              lang="nl"
              required
              maxLength={80}
              {...form.getInputProps('nl')}
              error={fieldError('nl')}
            />
            <TextInput
              label={t('skills.add.en')}
              lang="en"
              required
              maxLength={80}
              {...form.getInputProps('en')}
              error={fieldError('en')}
            />
            <NativeSelect
              label={t('skills.add.category')}
              required
              data={[
                { value: '', label: t('skills.add.chooseCategory') },
                ...categories.map((category) => ({ value: category.id, label: category[locale] })),
              ]}
              {...form.getInputProps('category')}
              error={fieldError('category')}
            />
          </SimpleGrid>
          {!hasFieldProblems && <ErrorMessage error={add.error} />}
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={add.isPending}
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              {t('skills.add.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
