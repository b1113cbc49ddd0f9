import {
  MultiSelect,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AvailabilityGrid } from './availability-grid';
import { languageOptions } from './languages';
import { meetingModes, type MeetingMode, type ProfileBody, type Skills } from './programme-types';
import { SkillPicker } from './skill-picker';

/** What you offer and want to learn, and the informal common ground a click grows from. */
export function ProfileStep({
  skills,
  value,
  onChange,
  errorOf,
}: {
  skills: Skills;
  value: ProfileBody;
  onChange: (value: ProfileBody) => void;
  errorOf: (field: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const set = <K extends keyof ProfileBody>(key: K, next: ProfileBody[K]) =>
    onChange({ ...value, [key]: next });
  const languages = useMemo(
    () => languageOptions(locale, value.languages),
    [locale, value.languages],
  );
  const timeZones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);

  return (
    <Stack gap="lg">
      <section aria-labelledby="profile-skills">
        <Title order={3} size="h5" id="profile-skills" mb="xs">
          {t('enrolment.skills')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <SkillPicker
            label={t('enrolment.offers')}
            description={t('enrolment.offersHint')}
            levelKind="offer"
            skills={skills}
            value={value.offers}
            onChange={(offers) => set('offers', offers)}
            error={errorOf('offers')}
          />
          <SkillPicker
            label={t('enrolment.wants')}
            description={t('enrolment.wantsHint')}
            levelKind="want"
            skills={skills}
            value={value.wants}
            onChange={(wants) => set('wants', wants)}
            error={errorOf('wants')}
          />
        </SimpleGrid>
      </section>

      <section aria-labelledby="profile-interests">
        <Title order={3} size="h5" id="profile-interests" mb={4}>
          {t('enrolment.interests')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TagsInput
            label={t('enrolment.hobbies')}
            description={t('enrolment.hobbiesHint')}
            value={value.hobbies}
            onChange={(v) => set('hobbies', v)}
            maxTags={20}
          />
          <TagsInput
            label={t('enrolment.experiences')}
            description={t('enrolment.experiencesHint')}
            value={value.experiences}
            onChange={(v) => set('experiences', v)}
            maxTags={20}
          />
          <TagsInput
            label={t('enrolment.values')}
            description={t('enrolment.valuesHint')}
            value={value.values}
            onChange={(v) => set('values', v)}
            maxTags={20}
          />
          <TagsInput
            label={t('enrolment.tags')}
            description={t('enrolment.tagsHint')}
            value={value.tags}
            onChange={(v) => set('tags', v)}
            maxTags={20}
          />
        </SimpleGrid>
      </section>

      <section aria-labelledby="profile-practical">
        <Title order={3} size="h5" id="profile-practical" mb="xs">
          {t('enrolment.practical')}
        </Title>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <MultiSelect
              label={t('enrolment.languages')}
              required
              data={languages}
              value={value.languages}
              onChange={(v) => set('languages', v)}
              searchable
              error={errorOf('languages')}
            />
            <Select
              label={t('enrolment.timeZone')}
              data={timeZones}
              value={value.timeZone}
              onChange={(v) => set('timeZone', v ?? 'Europe/Amsterdam')}
              searchable
              allowDeselect={false}
              error={errorOf('timeZone')}
            />
          </SimpleGrid>
          <div>
            <Title order={4} size="h6" mb={4} id="profile-availability">
              {t('enrolment.availability')}
            </Title>
            <AvailabilityGrid
              value={value.availability.map(([from, to]) => [from, to])}
              onChange={(v) => set('availability', v)}
            />
          </div>
          <Radio.Group
            label={t('enrolment.meetingMode')}
            value={value.meetingMode}
            onChange={(v) => set('meetingMode', v as MeetingMode)}
          >
            <SimpleGrid cols={{ base: 1, sm: 3 }} mt={4}>
              {meetingModes.map((mode) => (
                <Radio key={mode} value={mode} label={t(`enrolment.meetingModes.${mode}`)} />
              ))}
            </SimpleGrid>
          </Radio.Group>
          <TextInput
            label={t('enrolment.place')}
            description={t('enrolment.placeHint')}
            value={value.place ?? ''}
            onChange={(event) => set('place', event.currentTarget.value || null)}
            error={errorOf('place')}
          />
          <TextInput
            type="tel"
            autoComplete="tel"
            label={t('mentoring.phone.label')}
            description={t('mentoring.phone.hint')}
            value={value.phone ?? ''}
            onChange={(event) =>
              set('phone', event.currentTarget.value.trim() ? event.currentTarget.value : null)
            }
            error={errorOf('phone')}
          />
          <Textarea
            label={t('enrolment.about')}
            description={t('enrolment.aboutHint')}
            value={value.about}
            onChange={(event) => set('about', event.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={1000}
          />
        </Stack>
      </section>
    </Stack>
  );
}
