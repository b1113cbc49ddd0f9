import { BarChart } from '@mantine/charts';
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import {
  ChartWithTable,
  FiguresTable,
  WithheldGroups,
} from '../programmes/dashboard/results-parts';
import { skillsQueryKey } from '../programmes/programme-types';
import { skillLabel } from '../programmes/skill-picker';
import { shortLabel, type OutcomeReport } from './outcome-types';
import {
  ChartFigure,
  CountBars,
  ReportSection,
  StatCard,
  useOutcomeFormat,
  WithheldText,
} from './report-parts';

/** Invited, enrolled, matched and how long matching took. */
export function ParticipationSection({ report }: { report: OutcomeReport }) {
  const { t } = useTranslation();
  const format = useOutcomeFormat();
  const p = report.participation;
  const matchShare = p.enrolled > 0 ? format.share(p.matched / p.enrolled) : null;
  const enrolShare = p.invited ? format.share(p.enrolled / p.invited) : null;
  return (
    <ReportSection title={t('outcomes.participation')} intro={t('outcomes.participationIntro')}>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }}>
        <StatCard
          label={t('outcomes.invited')}
          value={p.invited === null ? format.decimal(null) : format.count(p.invited)}
          detail={p.invited === null ? t('outcomes.invitedNone') : t('outcomes.invitedDetail')}
        />
        <StatCard
          label={t('outcomes.enrolled')}
          value={format.count(p.enrolled)}
          detail={enrolShare ? t('outcomes.enrolledOfInvited', { share: enrolShare }) : undefined}
        />
        <StatCard
          label={t('outcomes.matched')}
          value={format.count(p.matched)}
          detail={matchShare ? t('outcomes.matchedOfEnrolled', { share: matchShare }) : undefined}
        />
        <StatCard
          label={t('outcomes.medianDays')}
          value={format.decimal(p.medianDaysToMatch)}
          detail={
            p.medianDaysToMatch === null
              ? t('outcomes.medianDaysNone')
              : t('outcomes.medianDaysDetail')
          }
        />
      </SimpleGrid>
    </ReportSection>
  );
}

/** Meetings per relationship and the check-in response rate. */
export function ActivitySection({ report }: { report: OutcomeReport }) {
  const { t } = useTranslation();
  const format = useOutcomeFormat();
  const a = report.activity;
  return (
    <ReportSection title={t('outcomes.activity')}>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }}>
        <StatCard
          label={t('outcomes.relationships')}
          value={format.count(a.relationships)}
          detail={t('outcomes.relationshipsDetail')}
        />
        <StatCard
          label={t('outcomes.meetings')}
          value={format.decimal(a.meetingsPerRelationship)}
          detail={t('outcomes.meetingsDetail')}
        />
        <StatCard
          label={t('outcomes.checkInRate')}
          value={format.percent(a.checkIns.percent)}
          detail={
            a.checkIns.sent === 0
              ? t('outcomes.checkInsNone')
              : t('outcomes.checkInDetail', {
                  answered: format.count(a.checkIns.answered),
                  sent: format.count(a.checkIns.sent),
                })
          }
        />
      </SimpleGrid>
    </ReportSection>
  );
}

/** The outcome survey: rates, kinds of career step, NPS with its spread, top skills, growth per skill. */
export function OutcomesSection({ report }: { report: OutcomeReport }) {
  const { t, i18n } = useTranslation();
  const format = useOutcomeFormat();
  const skills = useQuery({
    queryKey: skillsQueryKey,
    queryFn: () => unwrap(api.GET('/api/skills')),
    staleTime: 5 * 60_000,
  });
  const skillName = (id: string) => skillLabel(skills.data, id, i18n.language);
  // The catalogue's label in the screen's language; the server's own label for a skill it lacks.
  const topSkillName = (item: { skill: string; label: string }) => {
    const name = skillName(item.skill);
    return name === item.skill ? item.label : name;
  };
  const { total, topSkills, growth } = report.outcomes;

  return (
    <ReportSection title={t('outcomes.outcomesTitle')} intro={t('outcomes.outcomesIntro')}>
      {!total.shown ? (
        <WithheldText reason={total.reason} needed={total.needed} />
      ) : (
        <>
          <Text size="sm">{t('outcomes.respondents', { count: total.respondents })}</Text>
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            {(
              [
                ['learnedSkills', total.learnedSkills],
                ['careerStep', total.careerStep],
                ['inspired', total.inspired],
              ] as const
            ).map(([key, rate]) => (
              <StatCard
                key={key}
                label={t(`outcomes.${key}`)}
                value={
                  rate.percent === null ? t('outcomes.noAnswers') : format.percent(rate.percent)
                }
                detail={t('outcomes.ofAnswers', {
                  count: format.count(rate.count),
                  of: format.count(rate.of),
                })}
              />
            ))}
          </SimpleGrid>
          {total.careerStep.kinds.some((kind) => kind.count > 0) && (
            <FiguresTable
              caption={t('feedbackResults.careerKindsTitle')}
              corner={t('feedbackResults.careerKindsTitle')}
              columns={[{ key: 'count', label: t('feedbackResults.count') }]}
              rows={total.careerStep.kinds.map((kind) => ({
                key: kind.kind,
                label: t(`feedbackResults.careerKinds.${kind.kind}`),
                cells: { count: format.count(kind.count) },
              }))}
            />
          )}
          <Recommend recommend={total.recommend} />
        </>
      )}

      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('outcomes.topSkills')}
          </Title>
          {!topSkills.shown ? (
            <WithheldText reason={topSkills.reason} needed={topSkills.needed} />
          ) : topSkills.items.length === 0 ? (
            <Text size="sm">{t('outcomes.noSkills')}</Text>
          ) : (
            <CountBars
              title={t('outcomes.topSkills')}
              data={topSkills.items.map((item) => ({
                label: topSkillName(item),
                count: item.count,
              }))}
              table={
                <FiguresTable
                  caption={t('outcomes.topSkills')}
                  corner={t('feedbackResults.skill')}
                  columns={[{ key: 'count', label: t('outcomes.peopleNaming') }]}
                  rows={topSkills.items.map((item) => ({
                    key: item.skill,
                    label: topSkillName(item),
                    cells: { count: format.count(item.count) },
                  }))}
                />
              }
            />
          )}
        </Stack>
      </Paper>

      <Growth growth={growth} minGroup={report.minGroup} skillName={skillName} />
    </ReportSection>
  );
}

type Recommend = Extract<OutcomeReport['outcomes']['total'], { shown: true }>['recommend'];

function Recommend({ recommend }: { recommend: Recommend }) {
  const { t } = useTranslation();
  const format = useOutcomeFormat();
  const title = t('outcomes.npsTitle');
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        <Text fw={700}>
          {t('outcomes.npsValue', {
            nps:
              recommend.nps === null
                ? t('outcomes.none')
                : new Intl.NumberFormat(format.locale).format(recommend.nps),
          })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('feedbackResults.npsExplained', recommend)}
        </Text>
        {recommend.answers > 0 && (
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
                  cells: { count: format.count(d.count) },
                }))}
                isVisible={isVisible}
              />
            )}
          />
        )}
      </Stack>
    </Paper>
  );
}

function Growth({
  growth,
  minGroup,
  skillName,
}: {
  growth: OutcomeReport['outcomes']['growth'];
  minGroup: number;
  skillName: (id: string) => string;
}) {
  const { t } = useTranslation();
  const format = useOutcomeFormat();
  const shown = growth.flatMap((g) => (g.shown ? [g] : []));
  const withheld = growth.flatMap((g) => (g.shown ? [] : [g]));
  const title = t('outcomes.growthTitle');
  const signed = new Intl.NumberFormat(format.locale, {
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {t('outcomes.growthIntro', { minGroup })}
        </Text>
        {shown.length > 0 && (
          <>
            <ChartFigure title={title}>
              <BarChart
                h={Math.max(160, shown.length * 56)}
                data={shown.map((g) => ({
                  skillName: skillName(g.skill),
                  start: g.meanStart,
                  end: g.meanEnd,
                }))}
                dataKey="skillName"
                orientation="vertical"
                yAxisProps={{ width: 130, tickFormatter: (value: string) => shortLabel(value) }}
                xAxisProps={{ domain: [0, 5] }}
                withLegend
                withTooltip={false}
                accessibilityLayer={false}
                series={[
                  { name: 'start', label: t('outcomes.start'), color: 'gray.6' },
                  { name: 'end', label: t('outcomes.end'), color: 'teal.7' },
                ]}
              />
            </ChartFigure>
            <FiguresTable
              caption={title}
              corner={t('feedbackResults.skill')}
              columns={[
                { key: 'n', label: t('outcomes.people') },
                { key: 'start', label: t('outcomes.start') },
                { key: 'end', label: t('outcomes.end') },
                { key: 'change', label: t('outcomes.change') },
              ]}
              rows={shown.map((g) => ({
                key: g.skill,
                label: skillName(g.skill),
                cells: {
                  n: format.count(g.n),
                  start: format.decimal(g.meanStart),
                  end: format.decimal(g.meanEnd),
                  change: signed.format(Math.round((g.meanEnd - g.meanStart) * 10) / 10),
                },
              }))}
            />
          </>
        )}
        {shown.length === 0 && withheld.length === 0 && (
          <Text size="sm">{t('outcomes.noGrowth')}</Text>
        )}
        <WithheldGroups
          items={withheld.map((g) => ({
            label: skillName(g.skill),
            reason: t(`outcomes.reasons.${g.reason}`, { needed: g.needed }),
          }))}
        />
      </Stack>
    </Paper>
  );
}
