import { Group, MultiSelect, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProfileBody, Skills } from './programme-types';

type SkillEntry = ProfileBody['offers'][number];

export const skillLevels = [1, 2, 3, 4, 5] as const;

export function skillLabel(skills: Skills | undefined, id: string, locale: string): string {
  const item = skills?.items.find((s) => s.id === id);
  if (!item) return id;
  return locale === 'en' ? item.en : item.nl;
}

/** The bilingual skills list grouped by category, searchable, in the reader's language. */
export function skillOptions(skills: Skills, locale: string) {
  return skills.categories.map((category) => ({
    group: locale === 'en' ? category.en : category.nl,
    items: skills.items
      .filter((item) => item.category === category.id)
      .map((item) => ({ value: item.id, label: locale === 'en' ? item.en : item.nl })),
  }));
}

/** Skills with a level each: chosen from the list, then levelled one by one. */
export function SkillPicker({
  label,
  description,
  levelKind,
  skills,
  value,
  onChange,
  error,
}: {
  label: string;
  description: string;
  levelKind: 'offer' | 'want';
  skills: Skills;
  value: SkillEntry[];
  onChange: (value: SkillEntry[]) => void;
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const levelOf = new Map(value.map((entry) => [entry.skill, entry.level]));
  return (
    <Stack gap="xs">
      <MultiSelect
        label={label}
        description={description}
        data={skillOptions(skills, locale)}
        value={value.map((entry) => entry.skill)}
        onChange={(ids) =>
          onChange(ids.map((skill) => ({ skill, level: levelOf.get(skill) ?? 3 })))
        }
        searchable
        clearable
        maxValues={20}
        nothingFoundMessage={t('enrolment.noSkillFound')}
        error={error}
      />
      {value.length > 0 && (
        <Stack gap={4} pl="sm">
          {value.map((entry) => {
            const name = skillLabel(skills, entry.skill, locale);
            return (
              <Group key={entry.skill} justify="space-between" wrap="nowrap">
                <Text size="sm">{name}</Text>
                <NativeSelect
                  aria-label={t(`enrolment.levelOf.${levelKind}`, { skill: name })}
                  size="xs"
                  w={200}
                  value={String(entry.level)}
                  onChange={(event) =>
                    onChange(
                      value.map((e) =>
                        e.skill === entry.skill
                          ? { ...e, level: Number(event.currentTarget.value) }
                          : e,
                      ),
                    )
                  }
                  data={skillLevels.map((level) => ({
                    value: String(level),
                    label: t(`enrolment.levels.${level}`),
                  }))}
                />
              </Group>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
