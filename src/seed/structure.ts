/**
 * The official structure of the five policy documents in `shared/policy/`: programs, helping units and the
 * groups that pair units with recipient areas. Transcribed by hand, in document order; names are as the
 * documents write them. Area codes are GB/T 2260 codes found in `src/seed/areas.json`.
 *
 * @example
 * import { GROUPS } from "../src/seed/structure";
 * GROUPS.find((g) => g.areaCode === "440282");
 * // { program: "gd-old-areas", areaCode: "440282", lead: "gd-org-dept",
 * //   members: ["yuecai-holdings", "pboc-guangzhou"], clause: "2022-guangdong-old-revolutionary-areas-pairing.txt §二(一)1" }
 */

/**
 * What a helping unit is. Program 1 units take the kind of their slot in the group (provincial organ, state-owned
 * enterprise — "国有企业" — and central unit in Guangdong), so 广东广播电视台 and 南方报业传媒集团 count as
 * enterprises and 省农垦总局 and 省税务局 as central units; in the enterprise slot, the ones a central enterprise
 * owns (中国南方航空集团公司 itself; 广东中烟, of 中国烟草总公司; 广东电网, of 中国南方电网) are
 * `central_enterprise`, the province's own `state_enterprise` (省属国企). Program 2 units: State Council and CPC
 * Central Committee departments and regulators are `ministry`; central SOEs and the policy banks
 * `central_enterprise` (中央企业); 新华社, the academies, 全国工商联 and 供销合作总社 `central_unit`.
 */
export type UnitKind = "city" | "provincial_organ" | "state_enterprise" | "central_enterprise" | "central_unit" | "ministry" | "special_zone";

/** A helping unit (帮扶单位 / 支援单位); each is a tenant. */
export interface SeedUnit { slug: string; name: string; kind: UnitKind; }

/** A paired-assistance program (对口支援 / 对口帮扶 / 东西部协作) as one policy document sets it up. */
export interface SeedProgram {
  slug: string;
  /** Full Chinese name of the plan or opinions. */
  name: string;
  nameEn: string;
  /** File name in `shared/policy/`. */
  document: string;
  /** 文号. */
  docNumber: string;
  startYear: number;
  endYear: number;
  /** The coordinating office, in Chinese, as the document names it. */
  coordinator: string;
  /** Default term of a seconded cadre in months; null where the document sets none. */
  cadreTermMonths: number | null;
}

/** A group (帮扶集团 / 组团): the units that support one recipient area within one program. */
export interface SeedGroup {
  /** Program slug. */
  program: string;
  /** 6-digit code of the recipient area: a county-level area, or a prefecture for the 2016 pairings. */
  areaCode: string;
  /**
   * The lead unit (牵头单位), only where the document names one: the old-areas document alone says "排名首位的
   * 单位为牵头负责单位". Elsewhere the units a document lists for an area are co-equal (null here).
   */
  lead: string | null;
  /** The other units (成员单位 / 结对单位) in document order. */
  members: string[];
  /** How the document has the area helped (default 结对帮扶 pairing): 对口支援 support, or 资金支持 funds only. */
  basis?: "pairing" | "support" | "funds";
  /** Where the document sets up the pairing: file and section. */
  clause: string;
}

const OLD_AREAS = "2022-guangdong-old-revolutionary-areas-pairing.txt";
const GANNAN = "2021-central-units-support-gannan-soviet-areas.txt";
const DONGGUAN_SHAOGUAN = "2022-dongguan-shaoguan-three-year-action-plan.txt";
const EAST_WEST = "2016-guangdong-east-west-poverty-collaboration.txt";
const GUIZHOU = "2022-guangdong-guizhou-pairing-opinions.txt";

/** The five programs, one per document. */
export const PROGRAMS: readonly SeedProgram[] = [
  {
    slug: "gd-old-areas",
    name: "省直机关及有关单位对口支援重点老区苏区工作方案",
    nameEn: "Provincial organs and other units supporting key old revolutionary and Soviet areas (Guangdong)",
    document: OLD_AREAS,
    docNumber: "粤府办〔2022〕29号",
    startYear: 2022, // §二(一) 工作期限为2022年至2030年
    endYear: 2030,
    coordinator: "省老区苏区振兴发展领导小组办公室（省发展改革委）", // §三(三)
    cadreTermMonths: 36, // §二(二) 每一批干部挂职时间原则上为3年
  },
  {
    slug: "gannan-central",
    name: "新时代中央国家机关及有关单位对口支援赣南等原中央苏区工作方案",
    nameEn: "Central state organs and other units supporting Gannan and other former Central Soviet areas",
    document: GANNAN,
    docNumber: "国办发〔2021〕15号",
    startYear: 2021, // §二 工作期限为2021年至2030年
    endYear: 2030,
    coordinator: "国家发展改革委、中央组织部", // §二 牵头部门, 不安排具体对口支援关系
    cadreTermMonths: null,
  },
  {
    slug: "dongguan-shaoguan",
    name: "东莞韶关继续推进全面帮扶共建三年行动方案（2022—2024年）",
    nameEn: "Dongguan–Shaoguan three-year action plan for comprehensive assistance and co-building (2022–2024)",
    document: DONGGUAN_SHAOGUAN,
    docNumber: "莞韶指〔2022〕1号",
    startYear: 2022,
    endYear: 2024,
    coordinator: "东莞韶关对口帮扶指挥部",
    cadreTermMonths: 12, // §二(三) 挂职学习, 时间一年
  },
  {
    slug: "gd-east-west-2016",
    name: "关于进一步加强东西部扶贫协作工作的实施意见",
    nameEn: "Guangdong implementing opinions on strengthening East–West poverty alleviation collaboration",
    document: EAST_WEST,
    docNumber: "粤办发〔2016〕32号",
    startYear: 2016, // §10 从2016年起
    endYear: 2020, // §2 到2020年实现脱贫
    // §12: the leading group oversees; 省扶贫办 and 省发展改革委 run the daily work.
    coordinator: "省扶贫开发领导小组（省扶贫办、省发展改革委）",
    cadreTermMonths: null,
  },
  {
    slug: "gd-guizhou",
    name: "关于建立粤黔两省更加紧密的结对帮扶关系的实施意见",
    nameEn: "Opinions on closer Guangdong–Guizhou pairing assistance",
    document: GUIZHOU,
    docNumber: "黔府发〔2022〕12号",
    startYear: 2022,
    // §(三) sets goals "到2025年" and "到2035年"; the pairing runs to the later one, and 2025 is a milestone.
    endYear: 2035,
    // The document names no office; §(十五) puts coordination in the provincial joint meeting.
    coordinator: "东西部协作省际党政联席会议",
    cadreTermMonths: null,
  },
];

/** Every helping unit that appears in a group, once, in order of first appearance. */
export const UNITS: readonly SeedUnit[] = [
  // 2022 old areas §二(一)1: 原中央苏区 — provincial organ, provincial enterprise, central unit in Guangdong.
  { slug: "gd-org-dept", name: "省委组织部", kind: "provincial_organ" },
  { slug: "yuecai-holdings", name: "广东粤财控股有限公司", kind: "state_enterprise" },
  { slug: "pboc-guangzhou", name: "中国人民银行广州分行", kind: "central_unit" },
  { slug: "gd-emergency-mgmt", name: "省应急管理厅", kind: "provincial_organ" },
  { slug: "hengjian-investment", name: "广东恒健投资控股公司", kind: "state_enterprise" },
  { slug: "sinopec-guangzhou", name: "中国石油化工股份有限公司广州分公司", kind: "central_unit" },
  { slug: "gd-hrss", name: "省人力资源社会保障厅", kind: "provincial_organ" },
  { slug: "guangqing-holdings", name: "省广轻控股集团有限公司", kind: "state_enterprise" },
  { slug: "petrochina-gd-marketing", name: "中国石油天然气股份有限公司广东销售分公司", kind: "central_unit" },
  { slug: "gd-ecology-env", name: "省生态环境厅", kind: "provincial_organ" },
  { slug: "nanyue-group", name: "广东南粤集团有限公司", kind: "state_enterprise" },
  { slug: "gd-land-reclamation", name: "省农垦总局", kind: "central_unit" },
  { slug: "gd-commerce", name: "省商务厅", kind: "provincial_organ" },
  { slug: "gd-tobacco-industrial", name: "广东中烟工业有限责任公司", kind: "central_enterprise" },
  { slug: "huadian-guangdong", name: "中国华电集团有限公司广东分公司", kind: "central_unit" },
  { slug: "gd-drc", name: "省发展改革委", kind: "provincial_organ" },
  { slug: "gd-tourism-holdings", name: "省旅游控股集团有限公司", kind: "state_enterprise" },
  { slug: "cdb-guangdong", name: "国家开发银行广东省分行", kind: "central_unit" },
  { slug: "gd-miit", name: "省工业和信息化厅", kind: "provincial_organ" },
  { slug: "yuehai-holdings", name: "广东粤海控股集团有限公司", kind: "state_enterprise" },
  { slug: "unicom-guangdong", name: "中国联通广东分公司", kind: "central_unit" },
  { slug: "gd-culture-tourism", name: "省文化和旅游厅", kind: "provincial_organ" },
  { slug: "china-southern-airlines", name: "中国南方航空集团公司", kind: "central_enterprise" },
  { slug: "telecom-guangdong", name: "中国电信广东分公司", kind: "central_unit" },
  { slug: "gd-market-regulation", name: "省市场监管局", kind: "provincial_organ" },
  { slug: "gd-construction-eng", name: "省建筑工程集团有限公司", kind: "state_enterprise" },
  { slug: "mobile-guangdong", name: "中国移动广东分公司", kind: "central_unit" },
  { slug: "gd-agri-rural", name: "省农业农村厅", kind: "provincial_organ" },
  { slug: "gd-power-grid", name: "广东电网有限公司", kind: "central_enterprise" },
  { slug: "ccb-guangdong", name: "中国建设银行股份有限公司广东省分行", kind: "central_unit" },
  { slug: "gd-housing-construction", name: "省住房城乡建设厅", kind: "provincial_organ" },
  { slug: "gd-railway-investment", name: "省铁路投资集团公司", kind: "state_enterprise" },
  { slug: "bocom-guangdong", name: "交通银行股份有限公司广东省分行", kind: "central_unit" },
  { slug: "gd-natural-resources", name: "省自然资源厅", kind: "provincial_organ" },
  { slug: "guangsheng-holdings", name: "省广晟控股集团有限公司", kind: "state_enterprise" },
  { slug: "gd-tax-bureau", name: "省税务局", kind: "central_unit" },
  { slug: "gd-finance", name: "省财政厅", kind: "provincial_organ" },
  { slug: "gd-airport-group", name: "省机场管理集团有限公司", kind: "state_enterprise" },
  { slug: "datang-guangdong", name: "中国大唐集团有限公司广东分公司", kind: "central_unit" },
  // 2022 old areas §二(一)2: 海陆丰革命老区.
  { slug: "gd-united-front", name: "省委统战部", kind: "provincial_organ" },
  { slug: "gd-communications-group", name: "省交通集团", kind: "state_enterprise" },
  { slug: "cosco-shipping-guangzhou", name: "中远海运（广州）有限责任公司", kind: "central_unit" },
  { slug: "gd-water-resources", name: "省水利厅", kind: "provincial_organ" },
  { slug: "gd-environmental-group", name: "省环保集团有限公司", kind: "state_enterprise" },
  { slug: "spic-guangdong", name: "国家电投广东电力公司", kind: "central_unit" },
  { slug: "gd-education", name: "省教育厅", kind: "provincial_organ" },
  { slug: "guangxin-holdings", name: "省广新控股集团有限公司", kind: "state_enterprise" },
  { slug: "china-post-guangdong", name: "中国邮政集团广东分公司", kind: "central_unit" },
  { slug: "gd-sasac", name: "省国资委", kind: "provincial_organ" },
  { slug: "gd-radio-tv", name: "广东广播电视台", kind: "state_enterprise" },
  { slug: "boc-guangdong", name: "中国银行股份有限公司广东省分行", kind: "central_unit" },
  { slug: "gd-justice", name: "省司法厅", kind: "provincial_organ" },
  { slug: "gd-publishing-group", name: "省出版集团公司", kind: "state_enterprise" },
  { slug: "pearl-river-water-commission", name: "水利部珠江水利委员会", kind: "central_unit" },
  { slug: "gd-transport", name: "省交通运输厅", kind: "provincial_organ" },
  { slug: "gd-shipping-group", name: "省航运集团有限公司", kind: "state_enterprise" },
  { slug: "cgn", name: "中国广核集团有限公司", kind: "central_unit" },
  { slug: "gd-local-finance-regulation", name: "省地方金融监管局", kind: "provincial_organ" },
  { slug: "gd-salt-group", name: "省盐业集团公司", kind: "state_enterprise" },
  { slug: "china-southern-grid", name: "中国南方电网有限责任公司", kind: "central_unit" },
  { slug: "gd-health-commission", name: "省卫生健康委", kind: "provincial_organ" },
  { slug: "nanfang-media-group", name: "南方报业传媒集团", kind: "state_enterprise" },
  { slug: "huaneng-south", name: "中国华能集团有限公司南方分公司", kind: "central_unit" },
  { slug: "gd-science-tech", name: "省科技厅", kind: "provincial_organ" },
  { slug: "yueke-finance-group", name: "省粤科金融集团有限公司", kind: "state_enterprise" },
  { slug: "poly-south-group", name: "保利南方集团有限公司", kind: "central_unit" },
  { slug: "gd-civil-affairs", name: "省民政厅", kind: "provincial_organ" },
  { slug: "guangwu-holdings", name: "省广物控股集团有限公司", kind: "state_enterprise" },
  { slug: "icbc-guangdong", name: "中国工商银行股份有限公司广东省分行", kind: "central_unit" },
  { slug: "gd-publicity-dept", name: "省委宣传部", kind: "provincial_organ" },
  { slug: "gd-energy-group", name: "省能源集团有限公司", kind: "state_enterprise" },
  { slug: "customs-guangdong-branch", name: "海关总署广东分署", kind: "central_unit" },

  // 2021 Gannan §二(一)–(五): the 61 central units with pairings.
  { slug: "sasac", name: "国务院国资委", kind: "ministry" },
  { slug: "nmpa", name: "国家药监局", kind: "ministry" },
  { slug: "csrc", name: "证监会", kind: "ministry" },
  { slug: "caac", name: "中国民航局", kind: "ministry" },
  { slug: "most", name: "科技部", kind: "ministry" },
  { slug: "mnr", name: "自然资源部", kind: "ministry" },
  { slug: "mof", name: "财政部", kind: "ministry" },
  { slug: "xinhua", name: "新华社", kind: "central_unit" },
  { slug: "miit", name: "工业和信息化部", kind: "ministry" },
  { slug: "customs", name: "海关总署", kind: "ministry" },
  { slug: "moa", name: "农业农村部", kind: "ministry" },
  { slug: "nea", name: "国家能源局", kind: "ministry" },
  { slug: "nrta", name: "广电总局", kind: "ministry" },
  { slug: "cas", name: "中科院", kind: "central_unit" },
  { slug: "moe", name: "教育部", kind: "ministry" },
  { slug: "acfic", name: "全国工商联", kind: "central_unit" },
  { slug: "mee", name: "生态环境部", kind: "ministry" },
  { slug: "sport-admin", name: "体育总局", kind: "ministry" },
  { slug: "mot", name: "交通运输部", kind: "ministry" },
  { slug: "supply-marketing-coop", name: "供销合作总社", kind: "central_unit" },
  { slug: "cbirc", name: "银保监会", kind: "ministry" },
  { slug: "exim-bank", name: "进出口银行", kind: "central_enterprise" },
  { slug: "mofcom", name: "商务部", kind: "ministry" },
  { slug: "cdb", name: "开发银行", kind: "central_enterprise" },
  { slug: "mohrss", name: "人力资源社会保障部", kind: "ministry" },
  { slug: "mwr", name: "水利部", kind: "ministry" },
  { slug: "nhc", name: "国家卫生健康委", kind: "ministry" },
  { slug: "grain-reserves-admin", name: "国家粮食和储备局", kind: "ministry" },
  { slug: "mca", name: "民政部", kind: "ministry" },
  { slug: "tobacco-admin", name: "国家烟草局", kind: "ministry" },
  { slug: "audit-office", name: "审计署", kind: "ministry" },
  { slug: "samr", name: "市场监管总局", kind: "ministry" },
  { slug: "cpc-publicity-dept", name: "中央宣传部", kind: "ministry" },
  { slug: "nbs", name: "国家统计局", kind: "ministry" },
  { slug: "moj", name: "司法部", kind: "ministry" },
  { slug: "rural-revitalization-admin", name: "国家乡村振兴局", kind: "ministry" },
  { slug: "sat", name: "税务总局", kind: "ministry" },
  { slug: "china-merchants-group", name: "招商局集团有限公司", kind: "central_enterprise" },
  { slug: "picc", name: "中国人民保险集团股份有限公司", kind: "central_enterprise" },
  { slug: "sastind", name: "国家国防科工局", kind: "ministry" },
  { slug: "pboc", name: "人民银行", kind: "ministry" },
  { slug: "national-railway-admin", name: "国家铁路局", kind: "ministry" },
  { slug: "cass", name: "社科院", kind: "central_unit" },
  { slug: "forestry-grassland-admin", name: "国家林草局", kind: "ministry" },
  { slug: "china-tourism-group", name: "中国旅游集团有限公司", kind: "central_enterprise" },
  { slug: "adbc", name: "农业发展银行", kind: "central_enterprise" },
  { slug: "ethnic-affairs-commission", name: "国家民委", kind: "ministry" },
  { slug: "cultural-heritage-admin", name: "国家文物局", kind: "ministry" },
  { slug: "cpc-united-front-dept", name: "中央统战部", kind: "ministry" },
  { slug: "state-grid", name: "国家电网有限公司", kind: "central_enterprise" },
  { slug: "mct", name: "文化和旅游部", kind: "ministry" },
  { slug: "taiwan-affairs-office", name: "国务院台办", kind: "ministry" },
  { slug: "cscec", name: "中国建筑集团有限公司", kind: "central_enterprise" },
  { slug: "veterans-affairs", name: "退役军人部", kind: "ministry" },
  { slug: "sdic", name: "国家开发投资集团有限公司", kind: "central_enterprise" },
  { slug: "mohurd", name: "住房城乡建设部", kind: "ministry" },
  { slug: "tcm-admin", name: "国家中医药局", kind: "ministry" },
  { slug: "china-resources", name: "华润（集团）有限公司", kind: "central_enterprise" },
  { slug: "emergency-mgmt-ministry", name: "应急部", kind: "ministry" },
  { slug: "china-railway", name: "中国国家铁路集团有限公司", kind: "central_enterprise" },
  { slug: "cofco", name: "中粮集团有限公司", kind: "central_enterprise" },

  // 2021 Gannan §二: the two 牵头部门, "不安排具体对口支援关系" (participants, not in a group).
  { slug: "ndrc", name: "国家发展改革委", kind: "ministry" },
  { slug: "cpc-org-dept", name: "中央组织部", kind: "ministry" },

  // 2022 Dongguan–Shaoguan; also helps 昭通市 in the 2016 document.
  { slug: "dongguan", name: "东莞市", kind: "city" },

  // 2016 East–West §3.
  { slug: "shenzhen", name: "深圳市", kind: "city" },
  { slug: "guangdong-province", name: "广东省", kind: "provincial_organ" },
  { slug: "guangzhou", name: "广州市", kind: "city" },
  { slug: "zhuhai", name: "珠海市", kind: "city" },
  { slug: "foshan", name: "佛山市", kind: "city" },
  { slug: "zhongshan", name: "中山市", kind: "city" },

  // 2022 Guangdong–Guizhou §(十四).
  { slug: "hengqin-cooperation-zone", name: "横琴粤澳深度合作区", kind: "special_zone" },
];

const OLD_AREAS_SOVIET = `${OLD_AREAS} §二(一)1`;
const OLD_AREAS_HAILUFENG = `${OLD_AREAS} §二(一)2`;
const DONGGUAN_GROUPS = `${DONGGUAN_SHAOGUAN} §五(四)`;

/** Every group of every program, in document order. */
export const GROUPS: readonly SeedGroup[] = [
  // 2022 old areas §二(一)1: 原中央苏区13个县（市、区）.
  { program: "gd-old-areas", areaCode: "440282", lead: "gd-org-dept", members: ["yuecai-holdings", "pboc-guangzhou"], clause: OLD_AREAS_SOVIET }, // 南雄市
  { program: "gd-old-areas", areaCode: "441624", lead: "gd-emergency-mgmt", members: ["hengjian-investment", "sinopec-guangzhou"], clause: OLD_AREAS_SOVIET }, // 和平县
  { program: "gd-old-areas", areaCode: "441622", lead: "gd-hrss", members: ["guangqing-holdings", "petrochina-gd-marketing"], clause: OLD_AREAS_SOVIET }, // 龙川县
  { program: "gd-old-areas", areaCode: "441623", lead: "gd-ecology-env", members: ["nanyue-group", "gd-land-reclamation"], clause: OLD_AREAS_SOVIET }, // 连平县
  { program: "gd-old-areas", areaCode: "441402", lead: "gd-commerce", members: ["gd-tobacco-industrial", "huadian-guangdong"], clause: OLD_AREAS_SOVIET }, // 梅江区
  { program: "gd-old-areas", areaCode: "441403", lead: "gd-drc", members: ["gd-tourism-holdings", "cdb-guangdong"], clause: OLD_AREAS_SOVIET }, // 梅县区
  { program: "gd-old-areas", areaCode: "441481", lead: "gd-miit", members: ["yuehai-holdings", "unicom-guangdong"], clause: OLD_AREAS_SOVIET }, // 兴宁市
  { program: "gd-old-areas", areaCode: "441426", lead: "gd-culture-tourism", members: ["china-southern-airlines", "telecom-guangdong"], clause: OLD_AREAS_SOVIET }, // 平远县
  { program: "gd-old-areas", areaCode: "441427", lead: "gd-market-regulation", members: ["gd-construction-eng", "mobile-guangdong"], clause: OLD_AREAS_SOVIET }, // 蕉岭县
  { program: "gd-old-areas", areaCode: "441422", lead: "gd-agri-rural", members: ["gd-power-grid", "ccb-guangdong"], clause: OLD_AREAS_SOVIET }, // 大埔县
  { program: "gd-old-areas", areaCode: "441423", lead: "gd-housing-construction", members: ["gd-railway-investment", "bocom-guangdong"], clause: OLD_AREAS_SOVIET }, // 丰顺县
  { program: "gd-old-areas", areaCode: "441424", lead: "gd-natural-resources", members: ["guangsheng-holdings", "gd-tax-bureau"], clause: OLD_AREAS_SOVIET }, // 五华县
  { program: "gd-old-areas", areaCode: "445122", lead: "gd-finance", members: ["gd-airport-group", "datang-guangdong"], clause: OLD_AREAS_SOVIET }, // 饶平县

  // 2022 old areas §二(一)2: 海陆丰革命老区11个县（市、区）.
  { program: "gd-old-areas", areaCode: "440513", lead: "gd-united-front", members: ["gd-communications-group", "cosco-shipping-guangzhou"], clause: OLD_AREAS_HAILUFENG }, // 潮阳区
  { program: "gd-old-areas", areaCode: "440514", lead: "gd-water-resources", members: ["gd-environmental-group", "spic-guangdong"], clause: OLD_AREAS_HAILUFENG }, // 潮南区
  { program: "gd-old-areas", areaCode: "441621", lead: "gd-education", members: ["guangxin-holdings", "china-post-guangdong"], clause: OLD_AREAS_HAILUFENG }, // 紫金县
  { program: "gd-old-areas", areaCode: "441323", lead: "gd-sasac", members: ["gd-radio-tv", "boc-guangdong"], clause: OLD_AREAS_HAILUFENG }, // 惠东县
  { program: "gd-old-areas", areaCode: "441502", lead: "gd-justice", members: ["gd-publishing-group", "pearl-river-water-commission"], clause: OLD_AREAS_HAILUFENG }, // 汕尾城区
  { program: "gd-old-areas", areaCode: "441581", lead: "gd-transport", members: ["gd-shipping-group", "cgn"], clause: OLD_AREAS_HAILUFENG }, // 陆丰市
  { program: "gd-old-areas", areaCode: "441521", lead: "gd-local-finance-regulation", members: ["gd-salt-group", "china-southern-grid"], clause: OLD_AREAS_HAILUFENG }, // 海丰县
  { program: "gd-old-areas", areaCode: "441523", lead: "gd-health-commission", members: ["nanfang-media-group", "huaneng-south"], clause: OLD_AREAS_HAILUFENG }, // 陆河县
  { program: "gd-old-areas", areaCode: "445281", lead: "gd-science-tech", members: ["yueke-finance-group", "poly-south-group"], clause: OLD_AREAS_HAILUFENG }, // 普宁市
  { program: "gd-old-areas", areaCode: "445222", lead: "gd-civil-affairs", members: ["guangwu-holdings", "icbc-guangdong"], clause: OLD_AREAS_HAILUFENG }, // 揭西县
  { program: "gd-old-areas", areaCode: "445224", lead: "gd-publicity-dept", members: ["gd-energy-group", "customs-guangdong-branch"], clause: OLD_AREAS_HAILUFENG }, // 惠来县

  // 2021 Gannan §二(一): 赣州市18个县（市、区）.
  { program: "gannan-central", areaCode: "360702", lead: null, members: ["sasac", "nmpa"], clause: `${GANNAN} §二(一)` }, // 章贡区（含赣州经济技术开发区）
  { program: "gannan-central", areaCode: "360703", lead: null, members: ["csrc", "caac"], clause: `${GANNAN} §二(一)` }, // 南康区
  { program: "gannan-central", areaCode: "360704", lead: null, members: ["most", "mnr"], clause: `${GANNAN} §二(一)` }, // 赣县区
  { program: "gannan-central", areaCode: "360781", lead: null, members: ["mof", "xinhua"], clause: `${GANNAN} §二(一)` }, // 瑞金市
  { program: "gannan-central", areaCode: "360783", lead: null, members: ["miit", "customs"], clause: `${GANNAN} §二(一)` }, // 龙南市
  { program: "gannan-central", areaCode: "360722", lead: null, members: ["moa", "nea"], clause: `${GANNAN} §二(一)` }, // 信丰县
  { program: "gannan-central", areaCode: "360723", lead: null, members: ["nrta", "cas"], clause: `${GANNAN} §二(一)` }, // 大余县
  { program: "gannan-central", areaCode: "360724", lead: null, members: ["moe", "acfic"], clause: `${GANNAN} §二(一)` }, // 上犹县
  { program: "gannan-central", areaCode: "360725", lead: null, members: ["mee", "sport-admin"], clause: `${GANNAN} §二(一)` }, // 崇义县
  { program: "gannan-central", areaCode: "360726", lead: null, members: ["mot", "supply-marketing-coop"], clause: `${GANNAN} §二(一)` }, // 安远县
  { program: "gannan-central", areaCode: "360728", lead: null, members: ["cbirc", "exim-bank"], clause: `${GANNAN} §二(一)` }, // 定南县
  { program: "gannan-central", areaCode: "360729", lead: null, members: ["mofcom", "cdb"], clause: `${GANNAN} §二(一)` }, // 全南县
  { program: "gannan-central", areaCode: "360730", lead: null, members: ["mohrss", "mwr"], clause: `${GANNAN} §二(一)` }, // 宁都县
  { program: "gannan-central", areaCode: "360731", lead: null, members: ["nhc", "grain-reserves-admin"], clause: `${GANNAN} §二(一)` }, // 于都县
  { program: "gannan-central", areaCode: "360732", lead: null, members: ["mca", "tobacco-admin"], clause: `${GANNAN} §二(一)` }, // 兴国县
  { program: "gannan-central", areaCode: "360733", lead: null, members: ["audit-office", "samr"], clause: `${GANNAN} §二(一)` }, // 会昌县
  { program: "gannan-central", areaCode: "360734", lead: null, members: ["cpc-publicity-dept", "nbs"], clause: `${GANNAN} §二(一)` }, // 寻乌县
  { program: "gannan-central", areaCode: "360735", lead: null, members: ["moj", "rural-revitalization-admin"], clause: `${GANNAN} §二(一)` }, // 石城县

  // 2021 Gannan §二(二): 吉安市8个县（区）.
  { program: "gannan-central", areaCode: "360802", lead: null, members: ["sat"], clause: `${GANNAN} §二(二)` }, // 吉州区
  { program: "gannan-central", areaCode: "360803", lead: null, members: ["china-merchants-group"], clause: `${GANNAN} §二(二)` }, // 青原区
  { program: "gannan-central", areaCode: "360821", lead: null, members: ["picc"], clause: `${GANNAN} §二(二)` }, // 吉安县
  { program: "gannan-central", areaCode: "360822", lead: null, members: ["sastind"], clause: `${GANNAN} §二(二)` }, // 吉水县
  { program: "gannan-central", areaCode: "360824", lead: null, members: ["pboc"], clause: `${GANNAN} §二(二)` }, // 新干县
  { program: "gannan-central", areaCode: "360825", lead: null, members: ["national-railway-admin"], clause: `${GANNAN} §二(二)` }, // 永丰县
  { program: "gannan-central", areaCode: "360826", lead: null, members: ["cass"], clause: `${GANNAN} §二(二)` }, // 泰和县
  { program: "gannan-central", areaCode: "360828", lead: null, members: ["forestry-grassland-admin"], clause: `${GANNAN} §二(二)` }, // 万安县

  // 2021 Gannan §二(三): 抚州市5个县.
  { program: "gannan-central", areaCode: "361022", lead: null, members: ["china-tourism-group"], clause: `${GANNAN} §二(三)` }, // 黎川县
  { program: "gannan-central", areaCode: "361023", lead: null, members: ["adbc"], clause: `${GANNAN} §二(三)` }, // 南丰县
  { program: "gannan-central", areaCode: "361025", lead: null, members: ["ethnic-affairs-commission"], clause: `${GANNAN} §二(三)` }, // 乐安县
  { program: "gannan-central", areaCode: "361026", lead: null, members: ["cultural-heritage-admin"], clause: `${GANNAN} §二(三)` }, // 宜黄县
  { program: "gannan-central", areaCode: "361030", lead: null, members: ["cpc-united-front-dept"], clause: `${GANNAN} §二(三)` }, // 广昌县

  // 2021 Gannan §二(四): 龙岩市7个县（市、区）.
  { program: "gannan-central", areaCode: "350802", lead: null, members: ["state-grid"], clause: `${GANNAN} §二(四)` }, // 新罗区
  { program: "gannan-central", areaCode: "350803", lead: null, members: ["mct"], clause: `${GANNAN} §二(四)` }, // 永定区
  { program: "gannan-central", areaCode: "350881", lead: null, members: ["taiwan-affairs-office"], clause: `${GANNAN} §二(四)` }, // 漳平市
  { program: "gannan-central", areaCode: "350821", lead: null, members: ["cscec"], clause: `${GANNAN} §二(四)` }, // 长汀县
  { program: "gannan-central", areaCode: "350823", lead: null, members: ["veterans-affairs"], clause: `${GANNAN} §二(四)` }, // 上杭县
  { program: "gannan-central", areaCode: "350824", lead: null, members: ["sdic"], clause: `${GANNAN} §二(四)` }, // 武平县
  { program: "gannan-central", areaCode: "350825", lead: null, members: ["mohurd"], clause: `${GANNAN} §二(四)` }, // 连城县

  // 2021 Gannan §二(五): 三明市5个县.
  { program: "gannan-central", areaCode: "350421", lead: null, members: ["tcm-admin"], clause: `${GANNAN} §二(五)` }, // 明溪县
  { program: "gannan-central", areaCode: "350423", lead: null, members: ["china-resources"], clause: `${GANNAN} §二(五)` }, // 清流县
  { program: "gannan-central", areaCode: "350424", lead: null, members: ["emergency-mgmt-ministry"], clause: `${GANNAN} §二(五)` }, // 宁化县
  { program: "gannan-central", areaCode: "350429", lead: null, members: ["china-railway"], clause: `${GANNAN} §二(五)` }, // 泰宁县
  { program: "gannan-central", areaCode: "350430", lead: null, members: ["cofco"], clause: `${GANNAN} §二(五)` }, // 建宁县

  // 2022 Dongguan–Shaoguan §五(四): 莞韶对口帮扶"十组团", one per Shaoguan county-level area.
  { program: "dongguan-shaoguan", areaCode: "440203", lead: null, members: ["dongguan"], clause: DONGGUAN_GROUPS }, // 武江区
  { program: "dongguan-shaoguan", areaCode: "440204", lead: null, members: ["dongguan"], clause: DONGGUAN_GROUPS }, // 浈江区
  { program: "dongguan-shaoguan", areaCode: "440205", lead: null, members: ["dongguan"], clause: DONGGUAN_GROUPS }, // 曲江区
  { program: "dongguan-shaoguan", areaCode: "440222", lead: null, members: ["dongguan"], clause: DONGGUAN_GROUPS }, // 始兴县
  { program: "dongguan-shaoguan", areaCode: "440224", lead: null, members: ["dongguan"], clause: DONGGUAN_GROUPS }, // 仁化县
  { program: "dongguan-shaoguan", areaCode: "440229", lead: null, members: ["dongguan"], clause: DONGGUAN_GROUPS }, // 翁源县
  { program: "dongguan-shaoguan", areaCode: "440232", lead: null, members: ["dongguan"], clause: DONGGUAN_GROUPS }, // 乳源瑶族自治县
  { program: "dongguan-shaoguan", areaCode: "440233", lead: null, members: ["dongguan"], clause: DONGGUAN_GROUPS }, // 新丰县
  { program: "dongguan-shaoguan", areaCode: "440281", lead: null, members: ["dongguan"], clause: DONGGUAN_GROUPS }, // 乐昌市
  { program: "dongguan-shaoguan", areaCode: "440282", lead: null, members: ["dongguan"], clause: DONGGUAN_GROUPS }, // 南雄市

  // 2016 East–West §3: the pairings name prefectures.
  { program: "gd-east-west-2016", areaCode: "451000", lead: null, members: ["shenzhen"], clause: `${EAST_WEST} §3` }, // 百色市
  { program: "gd-east-west-2016", areaCode: "451200", lead: null, members: ["shenzhen"], clause: `${EAST_WEST} §3` }, // 河池市
  { program: "gd-east-west-2016", areaCode: "513300", lead: null, members: ["guangdong-province"], basis: "support", clause: `${EAST_WEST} §3` }, // 甘孜藏族自治州（继续按对口支援方式实施）
  { program: "gd-east-west-2016", areaCode: "522700", lead: null, members: ["guangzhou"], clause: `${EAST_WEST} §3` }, // 黔南布依族苗族自治州
  { program: "gd-east-west-2016", areaCode: "520500", lead: null, members: ["guangzhou"], clause: `${EAST_WEST} §3` }, // 毕节市
  { program: "gd-east-west-2016", areaCode: "533300", lead: null, members: ["zhuhai"], clause: `${EAST_WEST} §3` }, // 怒江傈僳族自治州
  { program: "gd-east-west-2016", areaCode: "513400", lead: null, members: ["foshan"], clause: `${EAST_WEST} §3` }, // 凉山彝族自治州
  { program: "gd-east-west-2016", areaCode: "530600", lead: null, members: ["dongguan", "zhongshan"], clause: `${EAST_WEST} §3` }, // 昭通市 (东莞市、中山市, co-equal)

  // 2016 East–West §5: 对口支援 by the province — 林芝, funds for 昌都, 喀什 and 兵团第三师.
  { program: "gd-east-west-2016", areaCode: "540400", lead: null, members: ["guangdong-province"], basis: "support", clause: `${EAST_WEST} §5` }, // 林芝市
  { program: "gd-east-west-2016", areaCode: "540300", lead: null, members: ["guangdong-province"], basis: "funds", clause: `${EAST_WEST} §5` }, // 昌都市（资金支持）
  { program: "gd-east-west-2016", areaCode: "653100", lead: null, members: ["guangdong-province"], basis: "support", clause: `${EAST_WEST} §5` }, // 喀什地区
  { program: "gd-east-west-2016", areaCode: "660300", lead: null, members: ["guangdong-province"], basis: "support", clause: `${EAST_WEST} §5` }, // 新疆生产建设兵团第三师

  // 2022 Guangdong–Guizhou §(十四): the only pairing the document names.
  { program: "gd-guizhou", areaCode: "520324", lead: null, members: ["hengqin-cooperation-zone"], clause: `${GUIZHOU} §(十四)` }, // 正安县
];

/**
 * The ten 十组团 slots of the Dongguan–Shaoguan program, one per Shaoguan county-level area. The document does
 * not name the Dongguan towns (镇街) in each group, so the labels are placeholders to be filled in.
 */
export const DONGGUAN_TOWN_GROUPS: readonly { areaCode: string; label: string }[] = [
  { areaCode: "440203", label: "东莞市对口帮扶武江区组团镇街（待填写）" },
  { areaCode: "440204", label: "东莞市对口帮扶浈江区组团镇街（待填写）" },
  { areaCode: "440205", label: "东莞市对口帮扶曲江区组团镇街（待填写）" },
  { areaCode: "440222", label: "东莞市对口帮扶始兴县组团镇街（待填写）" },
  { areaCode: "440224", label: "东莞市对口帮扶仁化县组团镇街（待填写）" },
  { areaCode: "440229", label: "东莞市对口帮扶翁源县组团镇街（待填写）" },
  { areaCode: "440232", label: "东莞市对口帮扶乳源瑶族自治县组团镇街（待填写）" },
  { areaCode: "440233", label: "东莞市对口帮扶新丰县组团镇街（待填写）" },
  { areaCode: "440281", label: "东莞市对口帮扶乐昌市组团镇街（待填写）" },
  { areaCode: "440282", label: "东莞市对口帮扶南雄市组团镇街（待填写）" },
];

/**
 * Areas the code list lacks, with stable codes of our own (never a GB/T 2260 code): the 2016 document §5
 * names 新疆生产建设兵团第三师. The 兵团 is numbered 66, as the statistical yearbooks number it, and the
 * division by its ordinal.
 */
export const SPECIAL_AREAS: readonly { code: string; name: string; parentCode: string | null; level: 1 | 2 | 3 }[] = [
  { code: "660000", name: "新疆生产建设兵团", parentCode: null, level: 1 },
  { code: "660300", name: "新疆生产建设兵团第三师", parentCode: "660000", level: 2 },
];

/** Units that take part in a program without a pairing (program_participants). */
export const PARTICIPANTS: readonly { program: string; unit: string; clause: string }[] = [
  { program: "gannan-central", unit: "ndrc", clause: `${GANNAN} §二` },
  { program: "gannan-central", unit: "cpc-org-dept", clause: `${GANNAN} §二` },
];
