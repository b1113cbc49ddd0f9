import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { skillsQueryKey } from '../programme-types';
import { skillLabel } from '../skill-picker';
import {
  ChartWithTable,
  CommentsBlock,
  FiguresTable,
  WithheldGroups,
  WithheldNote,
} from './results-parts';
import { useResultWords, type Outcomes, type OutcomeFigures, type Shown } from './results-types';

type Figures = Shown<OutcomeFigures>;

function Stat({ label, rate }: { label: string; rate: Figures['learnedSkills'] }) {
  const { t } = useTranslation();
  const words = useResultWords(null);
  return (
    <Paper withBorder p="sm">
      <Text size="sm">{label}</Text>
      <Text fz="xl" fw={700}>
        {words.percent(rate.percent)}
      </Text>
      <Text size="xs" c="dimmed">
        {t('feedbackResults.ofAnswers', { count: rate.count, of: rate.of })}
      </Text>
    </Paper>
  );
}

/** The closing survey's figures: rates, NPS, top skills, self-rating growth, per group, comments. */
export function OutcomesBlock({ outcomes }: { outcomes: Outcomes }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const words = useResultWords(outcomes.by);
  const skills = useQuery({
    queryKey: skillsQueryKey,
    queryFn: () => unwrap(api.GET('/api/skills')),
    staleTime: 5 * 60_000,
  });
  const skillName = (id: string) => skillLabel(skills.data, id, i18n.language);
  const total = outcomes.total;
  const groupTitle = outcomes.by
    ? t(`feedbackResults.dimensions.${outcomes.by}`)
    : t('feedbackResults.group');
  const shownGroups = outcomes.groups.flatMap((g) =>
    g.figures.shown ? [{ value: g.value, figures: g.figures }] : [],
  );
  const withheldGroups = outcomes.groups.flatMap((g) =>
    g.figures.shown ? [] : [{ label: words.group(g.value), reason: words.reason(g.figures) }],
  );
  const growthShown = outcomes.growth.flatMap((g) => (g.shown ? [g] : []));
  const growthWithheld = outcomes.growth.flatMap((g) => (g.shown ? [] : [g]));

  return (
    <Stack gap="sm" component="section" aria-labelledby={titleId}>
      <Title order={3} size="h4" id={titleId}>
        {t('feedbackResults.outcomesTitle')}
      </Title>
      {!total.shown ? (
        <WithheldNote withheld={total} />
      ) : (
        <>
          <Text size="sm">
            {t('feedbackResults.outcomesRespondents', {
              respondents: total.respondents,
              answers: total.answers,
            })}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <Stat label={t('feedbackResults.learnedSkills')} rate={total.learnedSkills} />
            <Stat label={t('feedbackResults.careerStep')} rate={total.careerStep} />
            <Stat label={t('feedbackResults.inspired')} rate={total.inspired} />
          </SimpleGrid>

          <FiguresTable
            caption={t('feedbackResults.careerKindsTitle')}
            corner={t('feedbackResults.careerKindsTitle')}
            columns={[{ key: 'count', label: t('feedbackResults.count') }]}
            rows={total.careerStep.kinds.map((kind) => ({
              key: kind.kind,
              label: t(`feedbackResults.careerKinds.${kind.kind}`),
              cells: { count: kind.count },
            }))}
          />

          <RecommendCard figures={total} />

          {(shownGroups.length > 0 || withheldGroups.length > 0) && (
            <Stack gap="xs">
              <Title order={4} size="h5">
                {t('feedbackResults.groupsTitle')}
              </Title>
              {shownGroups.length > 0 && (
                <FiguresTable
                  caption={t('feedbackResults.groupsTitle')}
                  corner={groupTitle}
                  columns={[
                    { key: 'people', label: t('feedbackResults.people') },
                    { key: 'learned', label: t('feedbackResults.learnedSkills') },
                    { key: 'career', label: t('feedbackResults.careerStep') },
                    { key: 'inspired', label: t('feedbackResults.inspired') },
                    { key: 'nps', label: 'NPS' },
                  ]}
                  rows={[
                    { value: t('feedbackResults.whole'), figures: total, key: 'whole' },
                    ...shownGroups.map((g) => ({
                      value: words.group(g.value),
                      figures: g.figures,
                      key: `g-${g.value}`,
                    })),
                  ].map((g) => ({
                    key: g.key,
                    label: g.value,
                    cells: {
                      people: g.figures.respondents,
                      learned: words.percent(g.figures.learnedSkills.percent),
                      career: words.percent(g.figures.careerStep.percent),
                      inspired: words.percent(g.figures.inspired.percent),
                      nps: g.figures.recommend.nps ?? '–',
                    },
                  }))}
                />
              )}
              <WithheldGroups items={withheldGroups} />
            </Stack>
          )}

          <Paper withBorder p="md">
            <Stack gap="xs">
              <Title order={4} size="h5">
                {t('feedbackResults.topSkillsTitle')}
              </Title>
              {outcomes.topSkills.shown && outcomes.topSkills.items.length > 0 ? (
                <FiguresTable
                  caption={t('feedbackResults.topSkillsTitle')}
                  corner={t('feedbackResults.skill')}
                  columns={[{ key: 'count', label: t('feedbackResults.count') }]}
                  rows={outcomes.topSkills.items.map((item) => ({
                    key: item.skill,
                    label: skillName(item.skill),
                    cells: { count: item.count },
                  }))}
                />
              ) : (
                <Text size="sm">{t('feedbackResults.noSkills')}</Text>
              )}
            </Stack>
          </Paper>
        </>
      )}

      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={4} size="h5">
            {t('feedbackResults.growthTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('feedbackResults.growthIntro', { minGroup: outcomes.minGroup })}
          </Text>
          {growthShown.length > 0 ? (
            <FiguresTable
              caption={t('feedbackResults.growthTitle')}
              corner={t('feedbackResults.skill')}
              columns={[
                { key: 'n', label: t('feedbackResults.people') },
                { key: 'start', label: t('feedbackResults.start') },
                { key: 'end', label: t('feedbackResults.end') },
              ]}
              rows={growthShown.map((g) => ({
                key: g.skill,
                label: skillName(g.skill),
                cells: { n: g.n, start: words.number(g.meanStart), end: words.number(g.meanEnd) },
              }))}
            />
          ) : (
            growthWithheld.length === 0 && <Text size="sm">{t('feedbackResults.noGrowth')}</Text>
          )}
          <WithheldGroups
            items={growthWithheld.map((g) => ({
              label: skillName(g.skill),
              reason: words.reason(g),
            }))}
          />
        </Stack>
      </Paper>

      <CommentsBlock
        title={t('feedbackResults.otherGaveTitle')}
        comments={outcomes.comments.otherGave}
      />
      <CommentsBlock
        title={t('feedbackResults.commentTitle')}
        comments={outcomes.comments.comment}
      />
    </Stack>
  );
}

function RecommendCard({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const titleId = useId();
  const recommend = figures.recommend;
  const title = t('feedbackResults.recommendTitle');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Title order={4} size="h5" id={titleId}>
          {title}
        </Title>
        <Text fw={700}>{t('feedbackResults.nps', { nps: recommend.nps ?? '–' })}</Text>
        <Text size="sm" c="dimmed">
          {t('feedbackResults.npsExplained', recommend)}
        </Text>
        <ChartWithTable
          title={title}
          data={recommend.distribution.map((d) => ({ label: String(d.value), count: d.count }))}
          table={(isVisible) => (
            <FiguresTable
              caption={title}
              corner={t('feedbackResults.score')}
              columns={[{ key: 'count', label: t('feedbackResults.count') }]}
              rows={recommend.distribution.map((d) => ({
                key: String(d.value),
                label: String(d.value),
                cells: { count: d.count },
              }))}
              isVisible={isVisible}
            />
          )}
        />
      </Stack>
    </Paper>
  );
}
