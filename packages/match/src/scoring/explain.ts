import type { MatchIndex, PartStrengths } from './match-index.js';
import { PART_CODES, STRENGTH_MAX, exclusionCodes, levelGapFit } from './match-index.js';
import type {
  Bilingual,
  Exclusion,
  ExclusionCode,
  InterestKind,
  Locale,
  Reason,
  ReasonItem,
  ScorePartCode,
  Viewer,
} from './types.js';

/**
 * Joins names for a sentence.
 *
 * @example
 * joinList(['zeilen', 'schaken', 'jazz'], 'nl'); // "zeilen, schaken en jazz"
 */
export function joinList(items: string[], locale: Locale): string {
  const and = locale === 'nl' ? 'en' : 'and';
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

function list(items: ReasonItem[], locale: Locale): string {
  return joinList(
    items.map((i) => i.label[locale]),
    locale,
  );
}

/** Most items named in one sentence. */
const MAX_ITEMS = 3;

interface Sides {
  viewer: Viewer;
  menteeName: string;
  mentorName: string;
}

/** "«teacher» can help «learner» with X", from the viewer's side. */
function helpSentence(s: Sides, teacherIsMentor: boolean, items: ReasonItem[]): Bilingual {
  const teacher = teacherIsMentor ? s.mentorName : s.menteeName;
  const learner = teacherIsMentor ? s.menteeName : s.mentorName;
  const viewerTeaches = (s.viewer === 'mentor') === teacherIsMentor;
  if (s.viewer === 'manager') {
    return {
      en: `${teacher} can help ${learner} with ${list(items, 'en')}`,
      nl: `${teacher} kan ${learner} helpen met ${list(items, 'nl')}`,
    };
  }
  if (viewerTeaches) {
    return {
      en: `You can help ${learner} with ${list(items, 'en')}`,
      nl: `Jij kunt ${learner} helpen met ${list(items, 'nl')}`,
    };
  }
  return {
    en: `${teacher} can help you with ${list(items, 'en')}`,
    nl: `${teacher} kan je helpen met ${list(items, 'nl')}`,
  };
}

/** Subject phrases: "You" / "Jullie" for participants, "Anna and Bram" for managers. */
function both(s: Sides): { en: string; nl: string } {
  return s.viewer === 'manager'
    ? { en: `${s.menteeName} and ${s.mentorName}`, nl: `${s.menteeName} en ${s.mentorName}` }
    : { en: 'You', nl: 'Jullie' };
}

function commonGroundSentence(s: Sides, groups: Map<InterestKind, ReasonItem[]>): Bilingual {
  const who = both(s);
  const en: string[] = [];
  const nl: string[] = [];
  for (const [kind, items] of groups) {
    const e = list(items, 'en');
    const d = list(items, 'nl');
    switch (kind) {
      case 'hobby':
        en.push(`${who.en} both love ${e}`);
        nl.push(`${who.nl} houden allebei van ${d}`);
        break;
      case 'value':
        en.push(`${who.en} both value ${e}`);
        nl.push(`${who.nl} vinden allebei ${d} belangrijk`);
        break;
      case 'experience':
        en.push(`${who.en} share an experience: ${e}`);
        nl.push(`${who.nl} delen een ervaring: ${d}`);
        break;
      case 'tag':
        en.push(`${who.en} have ${e} in common`);
        nl.push(`${who.nl} hebben ${d} gemeen`);
        break;
    }
  }
  return { en: en.join('. '), nl: nl.join('. ') };
}

function preferenceSentence(s: Sides, menteeAsked: boolean, mentorAsked: boolean): Bilingual {
  if (s.viewer === 'manager') {
    if (menteeAsked && mentorAsked) {
      return {
        en: `${s.menteeName} and ${s.mentorName} asked for each other`,
        nl: `${s.menteeName} en ${s.mentorName} hebben om elkaar gevraagd`,
      };
    }
    const [a, b] = menteeAsked ? [s.menteeName, s.mentorName] : [s.mentorName, s.menteeName];
    return { en: `${a} asked for ${b}`, nl: `${a} heeft om ${b} gevraagd` };
  }
  const other = s.viewer === 'mentee' ? s.mentorName : s.menteeName;
  const viewerAsked = s.viewer === 'mentee' ? menteeAsked : mentorAsked;
  const otherAsked = s.viewer === 'mentee' ? mentorAsked : menteeAsked;
  if (viewerAsked && otherAsked) {
    return {
      en: `You and ${other} asked for each other`,
      nl: `Jij en ${other} hebben om elkaar gevraagd`,
    };
  }
  if (viewerAsked) return { en: `You asked for ${other}`, nl: `Je hebt om ${other} gevraagd` };
  return { en: `${other} asked for you`, nl: `${other} heeft om jou gevraagd` };
}

function skillItems(index: MatchIndex, learner: number, teacher: number): ReasonItem[] {
  const out: { item: ReasonItem; fit: number; level: number }[] = [];
  const { skills: ws, levels: wl } = index.wantsOf(learner);
  const { skills: os, levels: ol } = index.offersOf(teacher);
  for (let i = 0; i < ws.length; i++) {
    for (let j = 0; j < os.length; j++) {
      if (ws[i] !== os[j]) continue;
      const fit = levelGapFit(ol[j] - wl[i]);
      const id = index.skills.ids[ws[i]];
      if (fit > 0) out.push({ item: { id, label: index.label(id) }, fit, level: ol[j] });
    }
  }
  out.sort((a, b) => b.fit - a.fit || b.level - a.level || (a.item.id < b.item.id ? -1 : 1));
  return out.slice(0, MAX_ITEMS).map((x) => x.item);
}

/**
 * Builds the reasons of a scored pair, highest contribution first, rendered for `viewer`.
 * @internal
 */
export function buildReasons(
  index: MatchIndex,
  mentee: number,
  mentor: number,
  strengths: PartStrengths,
  viewer: Viewer,
  maxReasons: number,
): Reason[] {
  const s: Sides = { viewer, menteeName: index.names[mentee], mentorName: index.names[mentor] };
  const who = both(s);
  const reasons: Reason[] = [];
  for (let p = 0; p < PART_CODES.length; p++) {
    const contribution = index.w[p] * strengths[p];
    if (contribution <= 0) continue;
    const code: ScorePartCode = PART_CODES[p];
    let items: ReasonItem[] = [];
    let sentence: Bilingual;
    switch (code) {
      case 'learning':
        items = skillItems(index, mentee, mentor);
        sentence = helpSentence(s, true, items);
        break;
      case 'reverse_learning':
        items = skillItems(index, mentor, mentee);
        sentence = helpSentence(s, false, items);
        break;
      case 'common_ground': {
        const a = index.interestsOf(mentee);
        const b = new Set(index.interestsOf(mentor));
        const shared = [...a].filter((t) => b.has(t));
        shared.sort((x, y) => index.interestWeight[y] - index.interestWeight[x] || x - y);
        const groups = new Map<InterestKind, ReasonItem[]>();
        for (const t of shared.slice(0, MAX_ITEMS)) {
          const id = index.interests.ids[t];
          const item = { id, label: index.label(id) };
          items.push(item);
          const kind = index.labels[id]?.kind ?? 'hobby';
          groups.set(kind, [...(groups.get(kind) ?? []), item]);
        }
        sentence = commonGroundSentence(s, groups);
        break;
      }
      case 'language': {
        const b = new Set(index.languagesOf(mentor));
        items = [...index.languagesOf(mentee)]
          .filter((l) => b.has(l))
          .slice(0, MAX_ITEMS)
          .map((l) => index.languages.ids[l])
          .map((id) => ({ id, label: index.label(id) }));
        sentence = {
          en: `${who.en} both speak ${list(items, 'en')}`,
          nl: `${who.nl} spreken allebei ${list(items, 'nl')}`,
        };
        break;
      }
      case 'time_zone': {
        let d = Math.abs((index.offsetOf(mentee) ?? 0) - (index.offsetOf(mentor) ?? 0));
        d = Math.min(d, 1440 - d);
        if (d === 0) {
          sentence = {
            en: `${who.en} are in the same time zone`,
            nl: `${who.nl} zitten in dezelfde tijdzone`,
          };
        } else {
          const h = Math.round((d / 60) * 10) / 10;
          const your =
            viewer === 'manager' ? { en: 'Their', nl: 'Hun' } : { en: 'Your', nl: 'Jullie' };
          sentence = {
            en: `${your.en} time zones are only ${h} ${h === 1 ? 'hour' : 'hours'} apart`,
            nl: `${your.nl} tijdzones liggen maar ${String(h).replace('.', ',')} uur uit elkaar`,
          };
        }
        break;
      }
      case 'availability': {
        const h = index.sharedHours(mentee, mentor);
        sentence =
          h === 1
            ? {
                en: `${who.en} are both free at the same hour each week`,
                nl: `${who.nl} zijn elke week op hetzelfde uur vrij`,
              }
            : {
                en: `${who.en} are both free at the same ${h} hours each week`,
                nl: `${who.nl} zijn elke week op dezelfde ${h} uur vrij`,
              };
        break;
      }
      case 'meeting': {
        if (strengths[p] === STRENGTH_MAX) {
          const name = index.placeNames[index.placeOf(mentee)];
          items = [{ id: name, label: { nl: name, en: name } }];
          sentence = {
            en: `${who.en} can both meet in person in ${name}`,
            nl: `${who.nl} kunnen allebei live afspreken in ${name}`,
          };
        } else {
          sentence = {
            en: `${who.en} can both meet online`,
            nl: `${who.nl} kunnen allebei online afspreken`,
          };
        }
        break;
      }
      case 'preference': {
        const menteeAsked = index.prefer[mentee]?.has(mentor) ?? false;
        const mentorAsked = index.prefer[mentor]?.has(mentee) ?? false;
        if (menteeAsked)
          items.push({ id: index.ids[mentor], label: { nl: s.mentorName, en: s.mentorName } });
        if (mentorAsked)
          items.push({ id: index.ids[mentee], label: { nl: s.menteeName, en: s.menteeName } });
        sentence = preferenceSentence(s, menteeAsked, mentorAsked);
        break;
      }
    }
    reasons.push({ code, items, contribution, sentence });
  }
  reasons.sort(
    (a, b) =>
      b.contribution - a.contribution || PART_CODES.indexOf(a.code) - PART_CODES.indexOf(b.code),
  );
  return reasons.slice(0, maxReasons);
}

/**
 * A manager-facing sentence for an exclusion of (mentee, mentor), by participant index.
 *
 * @example
 * exclusionSentence(index, 'same_team', index.indexOf('anna'), index.indexOf('bram'));
 * // { en: 'Anna and Bram work in the same team', nl: 'Anna en Bram werken in hetzelfde team' }
 */
export function exclusionSentence(
  index: MatchIndex,
  code: ExclusionCode,
  mentee: number,
  mentor: number,
): Bilingual {
  const a = index.names[mentee];
  const b = index.names[mentor];
  switch (code) {
    case 'same_person':
      return { en: `${a} cannot mentor themselves`, nl: `${a} kan niet de eigen mentor zijn` };
    case 'not_eligible':
      return index.canMentee[mentee] === 0
        ? {
            en: `${a} is not enrolled as a mentee in this programme`,
            nl: `${a} is niet ingeschreven als mentee in dit programma`,
          }
        : {
            en: `${b} is not enrolled as a mentor in this programme`,
            nl: `${b} is niet ingeschreven als mentor in dit programma`,
          };
    case 'reporting_line': {
      const n = index.rules.reportingLineLevels;
      return {
        en: `${a} and ${b} are in the same reporting line (within ${n} ${n === 1 ? 'level' : 'levels'})`,
        nl: `${a} en ${b} zitten in dezelfde rapportagelijn (binnen ${n} ${n === 1 ? 'niveau' : 'niveaus'})`,
      };
    }
    case 'same_team':
      return {
        en: `${a} and ${b} work in the same team`,
        nl: `${a} en ${b} werken in hetzelfde team`,
      };
    case 'same_department':
      return {
        en: `${a} and ${b} work in the same department`,
        nl: `${a} en ${b} werken op dezelfde afdeling`,
      };
    case 'competing_organisations':
      return {
        en: `${a} and ${b} work for competing organisations`,
        nl: `${a} en ${b} werken bij concurrerende organisaties`,
      };
    case 'declared_conflict':
      return {
        en: `A conflict of interest was declared between ${a} and ${b}`,
        nl: `Er is een belangenconflict gemeld tussen ${a} en ${b}`,
      };
    case 'avoided': {
      const [x, y] = index.avoid[mentee]?.has(mentor) ? [a, b] : [b, a];
      return {
        en: `${x} asked not to be paired with ${y}`,
        nl: `${x} heeft gevraagd niet met ${y} gekoppeld te worden`,
      };
    }
    case 'earlier_pair':
      return {
        en: `${a} and ${b} were paired before`,
        nl: `${a} en ${b} waren eerder al gekoppeld`,
      };
    case 'no_shared_language':
      return {
        en: `${a} and ${b} have no language in common`,
        nl: `${a} en ${b} spreken geen gemeenschappelijke taal`,
      };
    case 'meeting_mode_mismatch':
      return {
        en: `${a} and ${b} cannot meet the way they want to (online or in person, and where)`,
        nl: `${a} en ${b} kunnen niet afspreken zoals ze willen (online of live, en waar)`,
      };
    case 'mentor_full':
      return {
        en: `${b} has no free place left (capacity ${index.capacity[mentor]})`,
        nl: `${b} heeft geen plek meer vrij (capaciteit ${index.capacity[mentor]})`,
      };
  }
}

/** Builds an {@link Exclusion} from a non-zero rule bitmask. @internal */
export function buildExclusion(
  index: MatchIndex,
  mentee: number,
  mentor: number,
  mask: number,
): Exclusion {
  const codes = exclusionCodes(mask);
  return {
    mentee: index.ids[mentee],
    mentor: index.ids[mentor],
    code: codes[0],
    codes,
    sentence: exclusionSentence(index, codes[0], mentee, mentor),
  };
}
