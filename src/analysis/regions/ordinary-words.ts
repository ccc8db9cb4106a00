// Place-name stems that are also ordinary words (和平 peace, 朝阳 morning sun, 中山 a person's name,
// 南海 the sea, 商城 a mall): such a stem names a region only with strong place context.
import { dict as jiebaDict } from '@node-rs/jieba/dict.js';
import type { RegionLevel } from '../types.ts';

// Hand-picked: common words, landmarks and person names that jieba tags as places.
const ORDINARY = new Set(
  `和平 朝阳 长安 新城 城关 中山 太平 安宁 江南 东风 永安 白云 青山 新华 来宾 安康 开封 白银 日照 三明 玉树 阿里
  长治 四平 大同 兴安 山南 海北 海西 海东 红旗 胜利 前进 光明 建设 团结 友谊 友好 解放 人民 民主 幸福 先锋 红星
  东方 南方 北方 中心 开发 高新 城区 郊区 矿区 江山 东山 西山 南山 北山 河东 河西 河口 江北 江东 城中 城东 城西
  城南 城北 市中 东城 西城 南城 北城 东区 西区 南区 北区 新区 老城 古城 海港 新河 沙河 大城 故城 中阳 恒山 东海
  滨海 西湖 东湖 南湖 北湖 太湖 象山 路桥 新建 天桥 泰山 平原 牡丹 中原 商城 天河 南海 龙门 巫山 东坡 沿河 甘泉
  西夏 天山 衡山 华山 庐山 嵩山 南岳 武陵 桃源 合作 共和 平安 长寿 吉利 大方 富民 民乐 乐业 安居 兴业 通道
  新兴 阳春 清新 高明 芙蓉 荷塘 鼓楼 钟楼 马尾 普陀 定海 集美 金山 宝山 石林 南岸 江岸 安定 文明 美丽 和谐 振兴
  复兴 向阳 工农 富裕 宏伟 双桥 运河 三元 平和 光泽 莲花 万年 永年 灯塔 太和 大观 龙泉 元宝 小店 二道 丰满 无为
  三门 永和 月湖 万安 清流 长子 平定 建平 大名 和县 开化 定远 怀远 和顺 建华 龙凤 大安 和龙 安平 正定 大兴
  铁西 铁东 桥东 桥西 路南 路北 市南 市北 港口 港北 港南 开平 长乐 大足 平江 临江 沙市 石狮 平遥 白沙 板桥 高桥
  青龙 白塔 双塔 金台 玉门 红山 黑山 白山 青河 长江 黄河 珠江 湘江 汉江 嘉陵 凤凰 麒麟 龙华 龙湖 福田
  黄埔 南沙 盐田 金门 石门 天门 上街 资源 城厢 新市 东兴 兴业 江城 和田`.split(/\s+/).filter(Boolean),
);

/** jieba frequency above which a stem it does not tag as a place is taken as an ordinary word. */
const COMMON_FREQ = 150;
let common: Set<string> | null = null;

/** Short words jieba knows as frequent non-place words (read once, lazily, only 2–3 character entries). */
function jiebaCommon(): Set<string> {
  if (common) return common;
  common = new Set();
  for (const line of new TextDecoder().decode(jiebaDict).split('\n')) {
    const [w, f, tag] = line.split(' ');
    if (!w || w.length < 2 || w.length > 3 || !tag || tag === 'ns') continue;
    if (Number(f) >= COMMON_FREQ) common.add(w);
  }
  return common;
}

/**
 * True when `stem` is an ordinary word that must not become a region without strong context.
 * Province and prefecture stems use only the hand list (most are well known and jieba mis-tags
 * many of them); county and township stems also use jieba's frequent non-place words.
 */
export function isOrdinaryWord(stem: string, level: RegionLevel): boolean {
  if (ORDINARY.has(stem)) return true;
  if (level === 'province' || level === 'city') return false;
  return jiebaCommon().has(stem);
}
