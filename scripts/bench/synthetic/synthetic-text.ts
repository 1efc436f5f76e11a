import type { Sector } from '../../../src/schemas/sector';
import type { Random } from './random';

/**
 * Chinese text for synthetic hazards: per sector, what the hazard is and how it is fixed.
 * Varied enough that search indexes and page sizes behave like real content, and plainly
 * fictional (示例) so no generated entry can be mistaken for a real enterprise.
 */
interface SectorText {
  units: readonly string[];
  hazards: readonly (readonly [title: string, detail: string, measure: string])[];
}

export const SECTOR_TEXT: Record<Sector, SectorText> = {
  危险化学品: {
    units: ['化工有限公司', '危化品仓储有限公司', '加油站', '化学试剂经营部'],
    hazards: [
      [
        '甲类仓库超量储存易燃液体',
        '仓库内储存量超过设计储量，且与办公区未按要求分隔。',
        '清理超量物料，按规范设置防火分隔',
      ],
      [
        '储罐区可燃气体报警装置失效',
        '储罐区可燃气体检测报警器多处损坏，未与紧急切断装置联锁。',
        '更换报警器并完成联锁调试',
      ],
      [
        '卸油口未设置防静电接地',
        '加油站卸油口静电接地装置缺失，卸油作业存在火灾爆炸风险。',
        '加装防静电接地装置并检测',
      ],
    ],
  },
  交通运输: {
    units: ['客运有限公司', '物流有限公司', '公交车队'],
    hazards: [
      ['客运车辆动态监控设备失效', '多辆营运客车卫星定位装置离线，未落实动态监控。', '维修监控设备，建立值守制度'],
      ['危险货物运输车辆罐体超期未检', '罐车罐体超过检验有效期仍在运营。', '停运送检，检验合格后恢复运营'],
    ],
  },
  建筑施工: {
    units: ['建筑工程有限公司', '住宅小区项目部', '市政工程项目部'],
    hazards: [
      [
        '深基坑未按方案支护',
        '基坑开挖深度超过五米，支护未按专项方案施工，边坡有裂缝。',
        '暂停开挖，按专家论证方案加固支护',
      ],
      ['脚手架连墙件缺失', '外脚手架多处连墙件缺失，立杆基础积水下沉。', '补设连墙件，整平排水后验收'],
      ['塔吊安全装置失效', '塔式起重机力矩限制器失灵，司机无证操作。', '更换安全装置，持证人员上岗'],
    ],
  },
  燃气: {
    units: ['饭店', '燃气有限公司', '农家乐', '小吃店'],
    hazards: [
      [
        '瓶装液化气使用场所未安装报警装置',
        '后厨使用瓶装液化气，未安装可燃气体报警装置，软管老化。',
        '安装报警装置，更换金属软管',
      ],
      ['燃气管道被违章建筑占压', '中压燃气管道上方搭建彩钢房，存在泄漏后聚集风险。', '拆除占压建筑，恢复管道保护范围'],
    ],
  },
  冶金工贸: {
    units: ['铸造有限公司', '木制品厂', '铝制品加工厂', '粮油加工厂'],
    hazards: [
      [
        '粉尘涉爆车间除尘系统不符合要求',
        '打磨工位除尘管道积尘严重，未设置泄爆装置。',
        '清理积尘，改造除尘系统并加装泄爆装置',
      ],
      ['有限空间作业未审批', '污水池清理作业未经审批，未检测、未通风、无监护。', '建立有限空间作业审批制度并培训'],
      ['熔炼炉冷却水系统无应急水源', '中频炉冷却水系统未设置应急水源，停电时存在爆炸风险。', '增设应急水源并定期演练'],
    ],
  },
  文化旅游: {
    units: ['景区', '游乐场', '民宿'],
    hazards: [
      ['游乐设施超期未检', '大型游乐设施超过定期检验周期仍对外运营。', '停用送检，检验合格后恢复'],
      ['景区步道护栏损坏', '临水步道护栏多处断裂，无警示标志。', '修复护栏，设置警示标志'],
    ],
  },
  消防: {
    units: ['商贸城', '超市', '物流仓库', '网吧'],
    hazards: [
      ['疏散通道堵塞', '营业期间疏散通道堆放货物，安全出口上锁。', '清理通道，保持安全出口畅通'],
      [
        '电动自行车在室内充电',
        '员工宿舍楼道内集中为电动自行车充电，存在火灾风险。',
        '设置室外集中充电点，禁止室内充电',
      ],
      ['自动喷水灭火系统停用', '喷淋系统管网无水，消防水泵处于手动状态。', '恢复系统运行并委托检测'],
    ],
  },
  高层建筑安全: {
    units: ['住宅小区', '商务大厦', '综合楼'],
    hazards: [
      ['高层住宅消防车道被占用', '小区消防车道长期停放车辆，登高作业面被占用。', '划线标识，清理占用车辆'],
      ['外墙保温材料燃烧性能不达标', '外墙保温采用可燃材料，未设置防火隔离带。', '按规范设置防火隔离带'],
    ],
  },
  食品安全: {
    units: ['冷链仓储有限公司', '食品加工厂', '屠宰场'],
    hazards: [
      ['冷库氨制冷系统未设置泄漏报警', '氨制冷机房未设置氨气浓度报警和事故排风装置。', '加装报警与事故排风装置并联锁'],
      ['冷库使用易燃保温材料', '冷库库体保温层为聚氨酯泡沫，无防火保护层。', '更换或增设不燃保护层'],
    ],
  },
  财产: {
    units: ['农贸市场', '仓储中心', '家具城'],
    hazards: [
      ['市场电气线路私拉乱接', '摊位电气线路私拉乱接，未穿管保护。', '重新敷设线路并加装漏电保护'],
      ['仓储区违规住人', '仓库内设置员工住宿区，与储存区未分隔。', '搬离住宿区，设置防火分隔'],
    ],
  },
  能源: {
    units: ['光伏电站', '供热站', '加气站', '煤场'],
    hazards: [
      ['锅炉安全阀超期未校验', '供热锅炉安全阀超过校验期限，压力表损坏。', '校验安全阀，更换压力表'],
      ['加气站压缩机房通风不良', '压缩机房通风设施损坏，可燃气体检测报警器未校准。', '修复通风设施，校准报警器'],
    ],
  },
  校园安全: {
    units: ['小学', '幼儿园', '中学'],
    hazards: [
      ['校舍存在结构安全隐患', '教学楼部分梁柱开裂，未经鉴定继续使用。', '停止使用，委托鉴定并加固'],
      ['校园食堂燃气设施未定期检查', '食堂燃气管道阀门锈蚀，未安装报警装置。', '更换阀门，安装报警装置'],
    ],
  },
  养老机构: {
    units: ['敬老院', '养老服务中心', '老年公寓'],
    hazards: [
      ['养老机构夜间值守人员不足', '夜间仅一名护理员值守，不能满足疏散老人的需要。', '增加夜间值守人员并组织疏散演练'],
      ['老人居室使用大功率电器', '居室内使用电热毯、电暖器等大功率电器，线路过载。', '更换线路，统一配置安全取暖设备'],
    ],
  },
  医疗卫生机构: {
    units: ['卫生院', '诊所', '康复医院'],
    hazards: [
      ['医用氧气瓶存放不规范', '氧气瓶与易燃物混放，无防倾倒措施。', '设置专用存放间并加装固定装置'],
      ['病房楼安全出口不足', '病房楼仅设一个安全出口，另一出口被改作库房。', '恢复安全出口，清理库房'],
    ],
  },
};

const PLACE_PREFIXES = ['宏达', '兴旺', '鑫源', '华盛', '永安', '瑞丰', '金鼎', '恒通', '顺发', '康宁', '长青', '新锐'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '郭', '马'];

/** A fictional person, e.g. 王某某. */
export const person = (random: Random): string => `${random.pick(SURNAMES)}某某`;

/** A fictional unit in `village`, e.g. 东风村宏达化工有限公司（示例）. */
export function unitName(random: Random, village: string, sector: Sector): string {
  return `${village}${random.pick(PLACE_PREFIXES)}${random.pick(SECTOR_TEXT[sector].units)}（示例）`;
}

/** Two-character village stems, combined into unique names such as 东风村. */
const FIRST = '东西南北新上下前后大小中高长永安';
const SECOND = '风河山庄堡湾门坪沟峪头营寨店桥园';

/** `count` distinct fictional village names (up to 256). */
export function villageNames(count: number): string[] {
  const names: string[] = [];
  for (const a of FIRST) for (const b of SECOND) names.push(`${a}${b}村`);
  if (count > names.length) throw new Error(`at most ${names.length} villages`);
  return names.slice(0, count);
}

const PROGRESS_STEPS = [
  '已完成整改方案编制，正在采购所需设备。',
  '施工队伍已进场，完成约三成工程量。',
  '主体整改完成约七成，剩余部分正在推进。',
  '包村干部本周现场巡查，督促加快进度。',
  '因材料到货延迟，进度滞后，已约谈企业负责人。',
  '整改基本完成，等待第三方检测。',
];

/** This month's progress, written like a weekly report. */
export function progressText(random: Random, monthsOpen: number): string {
  const weeks = random.int(3, 4);
  return `第${monthsOpen * 4 + weeks}周：${random.pick(PROGRESS_STEPS)}`;
}

export const DEPARTMENTS = ['县应急管理局', '县住建局', '县消防救援大队', '县市场监管局', '县交通运输局'];
