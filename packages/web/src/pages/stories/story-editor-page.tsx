import {
  Button,
  Checkbox,
  FileButton,
  Group,
  Image,
  Paper,
  Radio,
  Select,
  Stack,
  Tabs,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { ErrorMessage, ErrorState, LoadingState } from '../../components/states';
import { StatusBadge, StoryCard, photoUrl, storiesKey, type Story } from './story-parts';

const MAX_BODY = 2000;
const MAX_TITLE = 200;
const MAX_PHOTO_BYTES = 7 * 1024 * 1024;

interface Values {
  programmeId: string | null;
  titleNl: string;
  titleEn: string;
  bodyNl: string;
  bodyEn: string;
  audience: 'programme' | 'organisation';
  mentionIds: string[];
  photoAlt: string;
}

const empty: Values = {
  programmeId: null,
  titleNl: '',
  titleEn: '',
  bodyNl: '',
  bodyEn: '',
  audience: 'programme',
  mentionIds: [],
  photoAlt: '',
};

const readAsDataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });

/** Writes a new story or changes one of mine; someone else's story is shown as it reads. */
export function StoryEditorPage() {
  const { storyId } = useParams();
  const story = useQuery({
    queryKey: [...storiesKey, 'one', storyId],
    queryFn: () =>
      unwrap(api.GET('/api/stories/{storyId}', { params: { path: { storyId: storyId! } } })),
    enabled: storyId !== undefined,
  });
  if (storyId === undefined) return <Editor story={null} />;
  if (story.isPending) return <LoadingState />;
  if (story.isError) return <ErrorState error={story.error} onRetry={() => void story.refetch()} />;
  if (!story.data.isMine) return <StoryCard story={story.data} />;
  return <Editor key={story.data.updatedAt} story={story.data} />;
}

function Editor({ story }: { story: Story | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [search] = useSearchParams();
  const options = useQuery({
    queryKey: [...storiesKey, 'options'],
    queryFn: () => unwrap(api.GET('/api/stories/options')),
  });
  const [values, setValues] = useState<Values>(
    story
      ? {
          programmeId: story.programmeId,
          titleNl: story.titleNl,
          titleEn: story.titleEn,
          bodyNl: story.bodyNl,
          bodyEn: story.bodyEn,
          audience: story.audience,
          mentionIds: story.mentions.map((m) => m.personId),
          photoAlt: story.photoAlt ?? '',
        }
      : { ...empty, programmeId: search.get('programmeId') },
  );
  const [photo, setPhoto] = useState<{ file: File; preview: string } | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  useEffect(() => () => (photo ? URL.revokeObjectURL(photo.preview) : undefined), [photo]);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const programme = options.data?.programmes.find((p) => p.id === values.programmeId) ?? null;

  const save = useMutation({
    mutationFn: async (send: boolean) => {
      const fields = {
        titleNl: values.titleNl.trim(),
        titleEn: values.titleEn.trim(),
        bodyNl: values.bodyNl.trim(),
        bodyEn: values.bodyEn.trim(),
        audience: values.audience,
        mentionIds: values.mentionIds,
        photoAlt: values.photoAlt.trim() || null,
      };
      let saved = story
        ? await unwrap(
            api.PATCH('/api/stories/{storyId}', {
              params: { path: { storyId: story.id } },
              body: fields,
            }),
          )
        : await unwrap(
            api.POST('/api/stories', { body: { ...fields, programmeId: values.programmeId! } }),
          );
      if (photo) {
        saved = await unwrap(
          api.PUT('/api/stories/{storyId}/photo', {
            params: { path: { storyId: saved.id } },
            body: { data: await readAsDataUrl(photo.file), alt: values.photoAlt.trim() },
          }),
        );
      }
      if (send && !['submitted', 'published'].includes(saved.status)) {
        saved = await unwrap(
          api.POST('/api/stories/{storyId}/submit', { params: { path: { storyId: saved.id } } }),
        );
      }
      return saved;
    },
    onSuccess: async (saved) => {
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: saved.status === 'submitted' ? t('stories.submitted') : t('stories.saved'),
      });
      await queryClient.invalidateQueries({ queryKey: storiesKey });
      void navigate('/stories');
    },
  });
  const removePhoto = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/api/stories/{storyId}/photo', { params: { path: { storyId: story!.id } } }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: storiesKey });
    },
  });

  const serverErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const errorOf = (field: string) => localErrors[field] ?? serverErrors[field];
  const hasPhoto = photo !== null || (story?.hasPhoto ?? false);

  const run = (send: boolean) => {
    const problems: Record<string, string> = {};
    if (!values.programmeId) problems.programmeId = t('validation.required');
    if (hasPhoto && !values.photoAlt.trim()) problems.photoAlt = t('stories.altRequired');
    if (send && !values.bodyNl.trim() && !values.bodyEn.trim())
      problems.bodyNl = t('stories.textRequired');
    setLocalErrors(problems);
    if (Object.keys(problems).length === 0) save.mutate(send);
  };

  const langTab = (lang: 'Nl' | 'En') => (
    <Stack gap="sm" pt="sm" lang={lang.toLowerCase()}>
      <TextInput
        label={t('stories.fieldTitle')}
        maxLength={MAX_TITLE}
        value={values[`title${lang}`]}
        onChange={(e) => set(`title${lang}`, e.currentTarget.value)}
        error={errorOf(`title${lang}`)}
      />
      <Textarea
        label={t('stories.fieldBody')}
        description={t('stories.bodyHint', {
          count: MAX_BODY - values[`body${lang}`].length,
        })}
        autosize
        minRows={6}
        maxLength={MAX_BODY}
        value={values[`body${lang}`]}
        onChange={(e) => set(`body${lang}`, e.currentTarget.value)}
        error={errorOf(`body${lang}`)}
      />
    </Stack>
  );

  if (options.isPending) return <LoadingState />;
  if (options.isError)
    return <ErrorState error={options.error} onRetry={() => void options.refetch()} />;

  return (
    <Stack gap="lg" maw={760}>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{story ? t('stories.editTitle') : t('stories.newTitle')}</Title>
        {story && <StatusBadge status={story.status} />}
      </Group>
      {story && ['submitted', 'published'].includes(story.status) && (
        <Text size="sm" c="orange.9">
          {t('stories.editSendsBack')}
        </Text>
      )}
      {options.data.programmes.length === 0 ? (
        <Text>{t('stories.noProgrammes')}</Text>
      ) : (
        <Paper withBorder p="md" radius="sm">
          <Stack gap="md">
            <Select
              label={t('stories.programme')}
              data={options.data.programmes.map((p) => ({ value: p.id, label: p.name }))}
              value={values.programmeId}
              onChange={(value) => setValues((v) => ({ ...v, programmeId: value, mentionIds: [] }))}
              disabled={story !== null}
              required
              error={errorOf('programmeId')}
            />
            <Tabs defaultValue={story && !story.bodyNl && story.bodyEn ? 'en' : 'nl'}>
              <Tabs.List>
                <Tabs.Tab value="nl">{t('stories.dutch')}</Tabs.Tab>
                <Tabs.Tab value="en">{t('stories.english')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="nl">{langTab('Nl')}</Tabs.Panel>
              <Tabs.Panel value="en">{langTab('En')}</Tabs.Panel>
            </Tabs>
            <Text size="xs" c="dimmed">
              {t('stories.languagesHint')}
            </Text>

            <Stack gap="xs">
              <Text size="sm" fw={600}>
                {t('stories.photo')}
              </Text>
              {photo ? (
                <Image src={photo.preview} alt={values.photoAlt} mah={240} fit="contain" />
              ) : story?.hasPhoto ? (
                <Image src={photoUrl(story)} alt={values.photoAlt} mah={240} fit="contain" />
              ) : null}
              <Group gap="xs" wrap="wrap">
                <FileButton
                  accept="image/jpeg,image/png,image/webp,image/gif,image/heic"
                  onChange={(file) => {
                    if (!file) return;
                    if (file.size > MAX_PHOTO_BYTES) {
                      setLocalErrors((e) => ({ ...e, data: t('stories.photoTooLarge') }));
                      return;
                    }
                    setLocalErrors(({ data: _data, ...rest }) => rest);
                    setPhoto({ file, preview: URL.createObjectURL(file) });
                  }}
                >
                  {(props) => (
                    <Button size="xs" variant="default" {...props}>
                      {hasPhoto ? t('stories.replacePhoto') : t('stories.addPhoto')}
                    </Button>
                  )}
                </FileButton>
                {photo && (
                  <Button size="xs" variant="subtle" onClick={() => setPhoto(null)}>
                    {t('common.cancel')}
                  </Button>
                )}
                {!photo && story?.hasPhoto && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red.8"
                    onClick={() => removePhoto.mutate()}
                    loading={removePhoto.isPending}
                  >
                    {t('stories.removePhoto')}
                  </Button>
                )}
              </Group>
              {errorOf('data') && (
                <Text size="sm" c="red.8">
                  {errorOf('data')}
                </Text>
              )}
              {hasPhoto && (
                <TextInput
                  label={t('stories.photoAlt')}
                  description={t('stories.photoAltHint')}
                  maxLength={300}
                  required
                  value={values.photoAlt}
                  onChange={(e) => set('photoAlt', e.currentTarget.value)}
                  error={errorOf('photoAlt') ?? errorOf('alt')}
                />
              )}
            </Stack>

            <Radio.Group
              label={t('stories.audienceLabel')}
              value={values.audience}
              onChange={(value) => set('audience', value as Values['audience'])}
            >
              <Stack gap="xs" mt="xs">
                <Radio value="programme" label={t('stories.audience.programme')} />
                <Radio value="organisation" label={t('stories.audience.organisation')} />
              </Stack>
            </Radio.Group>

            {programme && programme.otherSides.length > 0 && (
              <Checkbox.Group
                label={t('stories.mentionsLabel')}
                description={t('stories.mentionsHint')}
                value={values.mentionIds}
                onChange={(ids) => set('mentionIds', ids)}
                error={errorOf('mentionIds')}
              >
                <Stack gap="xs" mt="xs">
                  {programme.otherSides.map((side) => (
                    <Checkbox key={side.personId} value={side.personId} label={side.name} />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}

            <ErrorMessage error={save.error ?? removePhoto.error} />
            <Group justify="flex-end" gap="xs" wrap="wrap">
              <Button variant="subtle" component={Link} to="/stories">
                {t('common.cancel')}
              </Button>
              <Button variant="default" onClick={() => run(false)} loading={save.isPending}>
                {t('stories.saveDraft')}
              </Button>
              <Button onClick={() => run(true)} loading={save.isPending}>
                {t('stories.sendForApproval')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
