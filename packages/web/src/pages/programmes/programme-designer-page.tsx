import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { ErrorMessage, ErrorState, LoadingState } from '../../components/states';
import { useSignedIn } from '../../session/use-signed-in';
import { ChangeHistory } from './change-history';
import { ProgrammeStatusBadge } from './click-reasons';
import { CloseProgrammeModal, PublishProgrammeModal } from './programme-confirm-modals';
import { JOB_LEVEL_MAX, JOB_LEVEL_MIN } from '../people/people-types';
import {
  designerValuesOf,
  isJobLevelRangeReversed,
  toFormField,
  toProgrammeBody,
  type DesignerValues,
} from './designer-values';
import {
  ageBandLabel,
  ageBands,
  canDesignProgrammes,
  matchingModes,
  programmeQueryKey,
  programmesQueryKey,
  programmeTypes,
  type Programme,
} from './programme-types';
import { QuestionsEditor } from './questions-editor';
import { useProgramme, useProgrammeTransition } from './use-programme';
import { WeightSliders, WeightsPreview } from './weights-preview';

/** `/programmes/new` and `/programmes/:programmeId/design`. */
export function ProgrammeDesignerPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const { programmeId } = useParams();
  if (!canDesignProgrammes(me)) {
    return (
      <>
        <PageHeader title={t('errors.forbiddenTitle')} />
        <Alert color="yellow">{t('errors.forbidden')}</Alert>
      </>
    );
  }
  return programmeId ? <EditProgramme programmeId={programmeId} /> : <ProgrammeDesigner />;
}

function EditProgramme({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const programme = useProgramme(programmeId);
  if (programme.isPending) return <LoadingState />;
  if (programme.isError) {
    return (
      <>
        <PageHeader title={t('programmes.designTitle')} />
        <ErrorState error={programme.error} onRetry={() => void programme.refetch()} />
      </>
    );
  }
  // Keyed by id so that the form starts afresh for another programme.
  return <ProgrammeDesigner key={programme.data.id} programme={programme.data} />;
}

function Section({
  id,
  title,
  hint,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb={hint ? 4 : 'sm'}>
        {title}
      </Title>
      {hint && (
        <Text size="sm" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      <Stack gap="sm">{children}</Stack>
    </Card>
  );
}

function ProgrammeDesigner({ programme }: { programme?: Programme }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<DesignerValues>({
    initialValues: designerValuesOf(programme),
    validate: {
      name: (value) => (value.trim().length >= 2 ? null : t('validation.minLength', { count: 2 })),
      groupMax: (value, values) =>
        values.type === 'group' && value < values.groupMin
          ? t('programmes.groupMaxBelowMin')
          : null,
      enrolmentClosesOn: (value, values) =>
        value && values.enrolmentOpensOn && value < values.enrolmentOpensOn
          ? t('programmes.dateOrder')
          : null,
      endsOn: (value, values) =>
        value && values.startsOn && value < values.startsOn ? t('programmes.dateOrder') : null,
      jobLevelMax: (_value, values) =>
        isJobLevelRangeReversed(values) ? t('programmes.jobLevelOrder') : null,
    },
  });

  const save = useMutation({
    mutationFn: (values: DesignerValues) =>
      programme
        ? unwrap(
            api.PATCH('/api/programmes/{id}', {
              params: { path: { id: programme.id } },
              body: toProgrammeBody(values),
            }),
          )
        : unwrap(api.POST('/api/programmes', { body: toProgrammeBody(values) })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(programmeQueryKey(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: programmesQueryKey });
      if (programme) {
        notifications.show({
          closeButtonProps: { 'aria-label': t('common.close') },
          color: 'green',
          message: t('programmes.saved'),
        });
        form.resetDirty(designerValuesOf(saved));
      } else {
        notifications.show({
          closeButtonProps: { 'aria-label': t('common.close') },
          color: 'green',
          message: t('programmes.created', { name: saved.name }),
        });
        void navigate(`/programmes/${saved.id}/design`, { replace: true });
      }
    },
  });
  const [asking, setAsking] = useState<'close' | 'publish' | null>(null);
  const transition = useProgrammeTransition(programme?.id ?? '', (_updated, done) =>
    notifications.show({
      closeButtonProps: { 'aria-label': t('common.close') },
      color: 'green',
      message: t(done === 'close' ? 'programmes.closed' : 'programmes.published'),
    }),
  );

  const serverErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const serverErrorOf = (path: string): string | undefined =>
    Object.entries(serverErrors).find(([field]) => toFormField(field) === path)?.[1];
  const errorOf = (path: string): string | undefined =>
    (form.errors[path] as string | undefined) ?? serverErrorOf(path);
  const input = (path: string) => ({ ...form.getInputProps(path), error: errorOf(path) });
  const values = form.values;
  const isPublished = programme?.status === 'published';

  return (
    <>
      <PageHeader
        title={
          programme
            ? t('programmes.designTitleOf', { name: programme.name })
            : t('programmes.designNew')
        }
        description={t('programmes.designIntro')}
        actions={
          programme && (
            <Group>
              <ProgrammeStatusBadge status={programme.status} />
              <Button variant="default" component={Link} to={`/programmes/${programme.id}`}>
                {t('programmes.view')}
              </Button>
            </Group>
          )
        }
      />
      <form
        onSubmit={form.onSubmit((v) => save.mutate(v))}
        noValidate
        aria-label={t('programmes.designTitle')}
      >
        <Stack gap="lg">
          {isPublished && <Alert color="blue">{t('programmes.publishedNotice')}</Alert>}

          <Section id="designer-basics" title={t('programmes.sections.basics')}>
            <TextInput label={t('programmes.fields.name')} required {...input('name')} />
            <Textarea
              label={t('programmes.fields.goal')}
              description={t('programmes.hints.goal')}
              autosize
              minRows={2}
              {...input('goal')}
            />
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Textarea
                label={t('programmes.fields.descriptionNl')}
                autosize
                minRows={3}
                lang="nl"
                {...input('descriptionNl')}
              />
              <Textarea
                label={t('programmes.fields.descriptionEn')}
                autosize
                minRows={3}
                lang="en"
                {...input('descriptionEn')}
              />
            </SimpleGrid>
          </Section>

          <Section id="designer-type" title={t('programmes.sections.type')}>
            <Radio.Group label={t('programmes.fields.type')} {...input('type')}>
              <Stack gap="xs" mt={4}>
                {programmeTypes.map((type) => (
                  <Radio
                    key={type}
                    value={type}
                    label={t(`programmes.types.${type}`)}
                    description={t(`programmes.typeHints.${type}`)}
                  />
                ))}
              </Stack>
            </Radio.Group>
          </Section>

          <Section
            id="designer-audience"
            title={t('programmes.sections.audience')}
            hint={t('programmes.hints.audience')}
          >
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <TagsInput
                label={t('programmes.fields.departments')}
                description={t('programmes.hints.listInput')}
                {...input('departments')}
              />
              <TagsInput
                label={t('programmes.fields.locations')}
                description={t('programmes.hints.listInput')}
                {...input('locations')}
              />
              <TagsInput
                label={t('programmes.fields.jobTitleContains')}
                description={t('programmes.hints.listInput')}
                {...input('jobTitleContains')}
              />
              <div />
              <NumberInput
                label={t('programmes.fields.jobLevelMin')}
                description={t('programmes.hints.jobLevel')}
                min={JOB_LEVEL_MIN}
                max={JOB_LEVEL_MAX}
                allowDecimal={false}
                allowNegative={false}
                {...input('jobLevelMin')}
              />
              <NumberInput
                label={t('programmes.fields.jobLevelMax')}
                description={t('programmes.hints.jobLevelMax')}
                min={JOB_LEVEL_MIN}
                max={JOB_LEVEL_MAX}
                allowDecimal={false}
                allowNegative={false}
                {...input('jobLevelMax')}
              />
              <TextInput
                type="date"
                label={t('programmes.fields.startedAfter')}
                {...input('startedAfter')}
              />
              <TextInput
                type="date"
                label={t('programmes.fields.startedBefore')}
                {...input('startedBefore')}
              />
            </SimpleGrid>
            <Checkbox
              label={t('programmes.fields.isTargetGroup')}
              description={t('programmes.hints.isTargetGroup')}
              {...form.getInputProps('isTargetGroup', { type: 'checkbox' })}
            />
            {values.isTargetGroup && (
              <SimpleGrid cols={{ base: 1, md: 3 }}>
                <TagsInput label={t('programmes.fields.genders')} {...input('genders')} />
                <MultiSelect
                  label={t('programmes.fields.ageBands')}
                  data={ageBands.map((band) => ({ value: band, label: ageBandLabel(band, t) }))}
                  {...input('ageBands')}
                />
                <TagsInput label={t('programmes.fields.backgrounds')} {...input('backgrounds')} />
              </SimpleGrid>
            )}
          </Section>

          <Section id="designer-timeline" title={t('programmes.sections.timeline')}>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
              <TextInput
                type="date"
                label={t('programmes.fields.enrolmentOpensOn')}
                {...input('enrolmentOpensOn')}
              />
              <TextInput
                type="date"
                label={t('programmes.fields.enrolmentClosesOn')}
                {...input('enrolmentClosesOn')}
              />
              <TextInput
                type="date"
                label={t('programmes.fields.startsOn')}
                {...input('startsOn')}
              />
              <TextInput type="date" label={t('programmes.fields.endsOn')} {...input('endsOn')} />
            </SimpleGrid>
          </Section>

          <Section id="designer-matching" title={t('programmes.sections.matching')}>
            <Radio.Group label={t('programmes.fields.matchingMode')} {...input('matchingMode')}>
              <Stack gap="xs" mt={4}>
                {matchingModes.map((mode) => (
                  <Radio
                    key={mode}
                    value={mode}
                    label={t(`programmes.modes.${mode}`)}
                    description={t(`programmes.modeHints.${mode}`)}
                  />
                ))}
              </Stack>
            </Radio.Group>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {values.type === 'group' ? (
                <>
                  <NumberInput
                    label={t('programmes.fields.groupMin')}
                    min={3}
                    max={8}
                    {...input('groupMin')}
                  />
                  <NumberInput
                    label={t('programmes.fields.groupMax')}
                    min={3}
                    max={8}
                    {...input('groupMax')}
                  />
                </>
              ) : (
                <NumberInput
                  label={t('programmes.fields.defaultCapacity')}
                  description={t('programmes.hints.defaultCapacity')}
                  min={1}
                  max={20}
                  {...input('defaultCapacity')}
                />
              )}
              <NumberInput
                label={t('programmes.fields.requestExpiryDays')}
                description={t('programmes.hints.requestExpiryDays')}
                min={1}
                max={60}
                {...input('requestExpiryDays')}
              />
              <NumberInput
                label={t('programmes.fields.checkInCadenceDays')}
                description={t('programmes.hints.checkInCadenceDays')}
                min={7}
                max={180}
                {...input('checkInCadenceDays')}
              />
            </SimpleGrid>
          </Section>

          <Section
            id="designer-conflicts"
            title={t('programmes.sections.conflicts')}
            hint={t('programmes.hints.conflicts')}
          >
            <NumberInput
              label={t('programmes.fields.reportingLineLevels')}
              description={t('programmes.hints.reportingLineLevels')}
              min={0}
              max={10}
              w={{ base: '100%', sm: 320 }}
              {...input('conflictRules.reportingLineLevels')}
            />
            <Checkbox
              label={t('programmes.fields.excludeSameTeam')}
              {...form.getInputProps('conflictRules.excludeSameTeam', { type: 'checkbox' })}
            />
            <Checkbox
              label={t('programmes.fields.excludeSameDepartment')}
              {...form.getInputProps('conflictRules.excludeSameDepartment', { type: 'checkbox' })}
            />
            <Checkbox
              label={t('programmes.fields.excludeEarlierPairs')}
              {...form.getInputProps('conflictRules.excludeEarlierPairs', { type: 'checkbox' })}
            />
          </Section>

          <Section
            id="designer-questions"
            title={t('programmes.sections.questions')}
            hint={t('programmes.hints.questions')}
          >
            <QuestionsEditor
              questions={values.questions}
              onChange={(questions) => form.setFieldValue('questions', questions)}
              errorOf={errorOf}
            />
          </Section>

          <Section
            id="designer-weights"
            title={t('programmes.sections.weights')}
            hint={t('programmes.hints.weights')}
          >
            {programme && values.weights ? (
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
                <div>
                  <WeightSliders
                    weights={values.weights}
                    onChange={(weights) => form.setFieldValue('weights', weights)}
                  />
                </div>
                <div>
                  <WeightsPreview
                    programmeId={programme.id}
                    weights={values.weights}
                    conflictRules={values.conflictRules}
                  />
                </div>
              </SimpleGrid>
            ) : (
              <Text size="sm">{t('programmes.weightsAfterSave')}</Text>
            )}
          </Section>

          <ErrorMessage error={save.error} />
          {!asking && <ErrorMessage error={transition.error} />}
          <Group justify="flex-end">
            <Button
              variant="default"
              component={Link}
              to={programme ? `/programmes/${programme.id}` : '/programmes'}
            >
              {t('common.cancel')}
            </Button>
            {programme?.status === 'published' && (
              <Button color="red.8" variant="outline" onClick={() => setAsking('close')}>
                {t('programmes.close')}
              </Button>
            )}
            {programme?.status === 'draft' && (
              <Button
                variant="outline"
                disabled={form.isDirty()}
                title={form.isDirty() ? t('programmes.saveBeforePublish') : undefined}
                onClick={() => setAsking('publish')}
              >
                {t('programmes.publish')}
              </Button>
            )}
            <Button type="submit" loading={save.isPending}>
              {programme ? t('common.save') : t('programmes.saveDraft')}
            </Button>
          </Group>
          {programme?.status === 'draft' && form.isDirty() && (
            <Text size="sm" c="dimmed" ta="right">
              {t('programmes.saveBeforePublish')}
            </Text>
          )}
          {programme && programme.status !== 'draft' && (
            <ChangeHistory programmeId={programme.id} />
          )}
        </Stack>
      </form>
      {programme && (
        <>
          <CloseProgrammeModal
            programme={programme}
            opened={asking === 'close'}
            onClose={() => setAsking(null)}
            transition={transition}
          />
          <PublishProgrammeModal
            programme={programme}
            opened={asking === 'publish'}
            onClose={() => setAsking(null)}
            transition={transition}
          />
        </>
      )}
    </>
  );
}
