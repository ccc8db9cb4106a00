// Words next to a name that say it is used as a place (在融水, 位于朝阳, 朝阳警方).
// Strong cues make even an ordinary word a place; weak ones only help names that are rarely words.

const STRONG_BEFORE = ['位于', '地处', '来自', '前往', '途经', '抵达', '坐落于', '地址:', '地址：'];
const WEAK_BEFORE = ['在', '于', '赴', '到', '去', '至', '往', '从', '回', '全', '原', '驻', '离开', '返回'];
const STRONG_AFTER = [
  '境内', '警方', '公安', '政府', '官方', '辖区', '县城', '市区', '县委', '市委', '区委', '一带', '当地', '籍', '交警',
  '消防', '法院', '检察院', '应急管理', '市场监管', '教育局', '卫健委', '住建局', '人民医院',
];
const WEAK_AFTER = ['人', '市民', '县民', '村民', '居民', '群众', '网友', '地区', '附近', '街头', '城区', '农村', '乡村', '乡镇', '发生', '境', '段', '等地', '、'];

export type CueStrength = 0 | 1 | 2;

function endsWithAny(text: string, at: number, words: string[]): boolean {
  for (const w of words) if (at >= w.length && text.startsWith(w, at - w.length)) return true;
  return false;
}

function startsWithAny(text: string, at: number, words: string[]): boolean {
  for (const w of words) if (text.startsWith(w, at)) return true;
  return false;
}

/** Strength of the place cue around text[start, end): 2 strong, 1 weak, 0 none. */
export function cueAround(text: string, start: number, end: number): CueStrength {
  if (endsWithAny(text, start, STRONG_BEFORE) || startsWithAny(text, end, STRONG_AFTER)) return 2;
  if (endsWithAny(text, start, WEAK_BEFORE) || startsWithAny(text, end, WEAK_AFTER)) return 1;
  return 0;
}
