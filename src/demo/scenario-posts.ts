// The demo scenario's posts: a fictional county (安澜县 of the fictional 临江市) over four days, with
// routine news, everyday complaints and one incident (a demolition-compensation dispute in 城东片区)
// that flares up, is answered by an official statement, and calms down. All names are invented.
// `h` is hours before the demo's "now"; `parent` points at another post's id (a repost or comment).

export interface DemoPost {
  id: string;
  source: string;
  h: number;
  title?: string;
  content: string;
  author: string;
  parent?: string;
  metrics?: { reposts?: number; comments?: number; likes?: number; views?: number };
  url?: boolean;
}

const INCIDENT_TEXT = '安澜县城东片区旧城改造项目拆迁补偿款迟迟不到位，多户居民反映签约半年仍未拿到补偿，今天上午还有施工队进场强拆围墙，老人被推倒受伤送医。我们找了街道办和县住建局都说在协调，到底谁来管？';

export const DEMO_POSTS: DemoPost[] = [
  // Day 1-4: routine news from the county media centre.
  { id: 'n1', source: 'alxw', h: 95, title: '安澜县召开2026年冬季安全生产工作部署会', content: '11月23日，安澜县召开冬季安全生产工作部署会，会议要求各乡镇、各部门压实责任，重点抓好道路交通、燃气使用、建筑施工和森林防火等领域的隐患排查整治。', author: '安澜县融媒体中心', url: true, metrics: { views: 1200 } },
  { id: 'n2', source: 'alxw', h: 90, title: '安澜县第三届柑橘文化节开幕', content: '安澜县第三届柑橘文化节在沙田镇开幕，来自全国各地的客商和游客齐聚一堂，现场签约农产品订单金额超过三千万元，果农们脸上洋溢着丰收的喜悦。', author: '安澜县融媒体中心', url: true, metrics: { views: 3400, likes: 210 } },
  { id: 'n3', source: 'alxw', h: 70, title: '县人民医院新门诊大楼投入使用', content: '安澜县人民医院新门诊大楼正式投入使用，新增诊室80间，开通线上预约挂号和自助缴费，群众看病排队时间明显缩短。', author: '安澜县融媒体中心', url: true, metrics: { views: 2100, likes: 96 } },
  { id: 'n4', source: 'alxw', h: 46, title: '安澜县开展冬季校园食品安全专项检查', content: '县市场监管局联合县教育局对全县中小学校食堂开展食品安全专项检查，共检查学校食堂42家，督促整改问题11个。', author: '安澜县融媒体中心', url: true, metrics: { views: 800 } },
  { id: 'n5', source: 'ljrb', h: 30, title: '临江市部署今冬明春农村道路建设', content: '临江市今冬明春计划新改建农村公路120公里，其中安澜县、青石县为重点，确保明年春耕前完工通车。', author: '临江日报', url: true, metrics: { views: 1500 } },
  { id: 'n6', source: 'alxw', h: 8, title: '安澜县气象台发布寒潮蓝色预警', content: '受强冷空气影响，预计未来48小时安澜县气温下降8到10摄氏度，县气象台发布寒潮蓝色预警信号，请注意防寒保暖，做好设施农业防护。', author: '安澜县气象台', url: true, metrics: { views: 2600 } },

  // Everyday forum and message-board posts.
  { id: 'f1', source: 'alluntan', h: 88, title: '滨江路的路灯坏了一个多月了', content: '滨江路靠近二中那一段路灯坏了一个多月，晚上学生放学黑漆漆的，打了12345也没人来修，希望有关部门重视一下。', author: '滨江老住户', url: true, metrics: { comments: 14 } },
  { id: 'f2', source: 'alluntan', h: 75, title: '推荐几家安澜本地的米粉店', content: '来安澜出差一周，吃遍了县城的米粉店，老街口那家螺蛳粉真的绝了，汤底浓郁，价格也实惠，强烈推荐！', author: '吃货小王', url: true, metrics: { comments: 31, likes: 88 } },
  { id: 'f3', source: 'alluntan', h: 60, title: '沙田镇到县城的班车能不能加密', content: '沙田镇到县城的班车一天只有四趟，下午五点以后就没车了，在县城上班的人回家太不方便，建议交通部门考虑增加班次。', author: '沙田人', url: true, metrics: { comments: 9 } },
  { id: 'm1', source: 'alliuyan', h: 55, title: '小区物业乱收停车费', content: '我是锦绣花园业主，物业今年突然把地面停车费从每月80元涨到200元，没有开业主大会也没有公示，请问这样合法吗？请县住建局给予答复。', author: '锦绣花园业主', url: true },
  { id: 'm2', source: 'alliuyan', h: 40, title: '感谢县政务服务中心', content: '前天去县政务服务中心办理营业执照，工作人员耐心细致，半天就办完了，比以前方便太多，点个赞！', author: '个体户张先生', url: true },
  { id: 'w1', source: 'weibo', h: 50, content: '周末带娃去安澜县湿地公园，银杏叶全黄了，太美了！#安澜旅游#', author: '旅行的猫', metrics: { likes: 320, reposts: 12 } },
  { id: 'w2', source: 'weibo', h: 20, content: '安澜县城的交通早高峰越来越堵了，新华路口红绿灯时间设置不合理，每天上班都要排十分钟。', author: '安澜打工人', metrics: { likes: 45, comments: 18 } },

  // The incident: first post on the forum, spreads on Weibo, reposts with small edits, comments.
  { id: 'i1', source: 'alluntan', h: 26, title: '城东片区拆迁补偿拖了半年，今天还强拆围墙打伤老人！', content: INCIDENT_TEXT, author: '城东居民老陈', url: true, metrics: { comments: 156, views: 23000 } },
  { id: 'i2', source: 'weibo', h: 25, content: `【转载】${INCIDENT_TEXT}`, author: '临江身边事', metrics: { reposts: 860, comments: 412, likes: 1500 } },
  { id: 'i3', source: 'weibo', h: 24.5, content: `${INCIDENT_TEXT.replace('。', '！')} 转自安澜论坛`, author: '临江生活圈', metrics: { reposts: 230, comments: 98, likes: 400 } },
  { id: 'i4', source: 'weibo', h: 24, content: '转发微博', author: '路人甲', parent: 'i2' },
  { id: 'i5', source: 'weibo', h: 24, content: '太过分了，补偿款都不给就强拆？安澜县zf出来说句话', author: '正义路人', parent: 'i2', metrics: { likes: 230 } },
  { id: 'i6', source: 'weibo', h: 23.5, content: '老人家没事吧？希望尽快查清楚', author: '暖心市民', parent: 'i2', metrics: { likes: 88 } },
  { id: 'i7', source: 'weibo', h: 23, content: '我家也在城东片区，签约的时候说三个月内到账，现在半年了一分没见', author: '城东小李', parent: 'i2', metrics: { likes: 310 } },
  { id: 'i8', source: 'weibo', h: 23, content: '转发微博', author: '吃瓜群众', parent: 'i3' },
  { id: 'i9', source: 'weibo', h: 22, content: '安澜县城东拆迁强拆打伤老人，补偿款半年不到位，求关注！@临江发布', author: '临江热点', metrics: { reposts: 540, comments: 203, likes: 980 } },
  { id: 'i10', source: 'alluntan', h: 21, title: '关于城东拆迁的几点疑问', content: '城东片区征收补偿方案当初公示过，按说资金应该专户管理，为什么会拖这么久？希望县里公开补偿资金的使用情况。', author: '理性发言', url: true, metrics: { comments: 64 } },
  { id: 'i11', source: 'weibo', h: 20, content: '视频里施工队直接推墙，老人倒地，这就是安澜县的拆迁？[愤怒]', author: '临江快评', metrics: { reposts: 330, comments: 150, likes: 720 } },
  { id: 'i12', source: 'ljrb', h: 12, title: '安澜县回应城东片区拆迁补偿问题', content: '针对网民反映安澜县城东片区拆迁补偿款未到位及施工中有老人受伤一事，安澜县已成立由县住建局、县财政局、城东街道组成的工作组，连夜开展调查核实，受伤老人已在县人民医院接受检查，无生命危险。调查结果将及时向社会公布。', author: '临江日报', url: true, metrics: { views: 18000, reposts: 120 } },
  { id: 'i13', source: 'alxw', h: 11, title: '关于城东片区旧城改造项目有关情况的通报', content: '11月26日，有网民反映城东片区旧城改造项目拆迁补偿款未及时发放、施工中致一名老人受伤。经初步核查，项目施工方在未完成签约户补偿兑付的情况下提前进场施工，县住建局已责令施工方立即停工整改，受伤老人经检查无大碍。县财政局将于12月5日前完成已签约户补偿款兑付，对相关责任人依规依纪严肃处理。', author: '安澜县人民政府', url: true, metrics: { views: 26000, reposts: 310 } },
  { id: 'i14', source: 'weibo', h: 10.5, content: '【安澜县通报城东片区拆迁问题】县住建局已责令施工方停工整改，补偿款12月5日前兑付到位。', author: '临江发布', metrics: { reposts: 410, comments: 260, likes: 890 } },
  { id: 'i15', source: 'weibo', h: 10, content: '转发微博', author: '城东小李', parent: 'i14' },
  { id: 'i16', source: 'weibo', h: 10, content: '终于有回应了，希望说到做到，12月5号我们等着', author: '城东居民老陈', parent: 'i14', metrics: { likes: 150 } },
  { id: 'i17', source: 'weibo', h: 9, content: '处理得还算及时，点赞工作组', author: '临江网友', parent: 'i14', metrics: { likes: 60 } },
  { id: 'i18', source: 'alluntan', h: 6, title: '城东拆迁有进展了', content: '今天工作组到我们小区挨家挨户登记补偿款情况，施工队也撤了，先等等看12月5日能不能到账。', author: '城东居民老陈', url: true, metrics: { comments: 22 } },
  { id: 'i19', source: 'weibo', h: 3, content: '安澜县城东拆迁的事后续怎么样了？补偿款发了吗', author: '关注临江', metrics: { comments: 5 } },
];
