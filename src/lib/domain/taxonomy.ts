/** Canonical two-level taxonomy (DOMAIN.md §2.3): L1 letters, L2 letter+digit. */
export interface Category {
  code: string;
  zh: string;
  en: string;
}

export const L1: Category[] = [
  { code: 'A', zh: '政治建设', en: 'Political' },
  { code: 'B', zh: '思想建设', en: 'Ideological' },
  { code: 'C', zh: '组织建设', en: 'Organisational' },
  { code: 'D', zh: '作风建设', en: 'Conduct' },
  { code: 'E', zh: '纪律建设', en: 'Discipline' },
  { code: 'F', zh: '反腐败', en: 'Anti-corruption' },
  { code: 'G', zh: '两个责任', en: 'Two responsibilities' },
  { code: 'H', zh: '整改落实', en: 'Rectification follow-through' },
  { code: 'Z', zh: '其他', en: 'Other' },
];

export const L2: Category[] = [
  { code: 'A1', zh: '贯彻落实重大决策部署', en: 'Implementing major decisions' },
  { code: 'A2', zh: '党委(党组)领导核心作用', en: 'Leading role of the Party committee' },
  { code: 'A3', zh: '民主集中制与"三重一大"', en: 'Democratic centralism, major decisions' },
  { code: 'A4', zh: '政治纪律和政治规矩', en: 'Political discipline and rules' },
  { code: 'A5', zh: '防范化解风险与履职', en: 'Risk prevention and core duties' },
  { code: 'B1', zh: '理论学习', en: 'Theoretical study' },
  { code: 'B2', zh: '意识形态工作责任制', en: 'Ideological work responsibility' },
  { code: 'B3', zh: '宣传思想与阵地管理', en: 'Publicity and platforms' },
  { code: 'C1', zh: '选人用人', en: 'Cadre selection' },
  { code: 'C2', zh: '干部队伍建设与担当作为', en: 'Cadre team and initiative' },
  { code: 'C3', zh: '干部监督管理', en: 'Cadre supervision' },
  { code: 'C4', zh: '基层党组织建设', en: 'Grassroots Party organisations' },
  { code: 'C5', zh: '党内政治生活', en: 'Intra-Party political life' },
  { code: 'C6', zh: '党员教育管理', en: 'Party member education' },
  { code: 'D1', zh: '违规吃喝/公务接待', en: 'Banquets and receptions' },
  { code: 'D2', zh: '违规发放津补贴福利', en: 'Irregular allowances' },
  { code: 'D3', zh: '公车/公款旅游/办公用房', en: 'Cars, travel, offices' },
  { code: 'D4', zh: '形式主义、官僚主义', en: 'Formalism and bureaucratism' },
  { code: 'D5', zh: '不担当不作为', en: 'Inaction' },
  { code: 'D6', zh: '八项规定精神落实韧劲', en: 'Eight-point rules persistence' },
  { code: 'E1', zh: '组织纪律', en: 'Organisational discipline' },
  { code: 'E2', zh: '廉洁纪律', en: 'Integrity discipline' },
  { code: 'E3', zh: '工作纪律/财经纪律', en: 'Work and financial discipline' },
  { code: 'E4', zh: '群众纪律/生活纪律', en: 'Mass and life discipline' },
  { code: 'E5', zh: '纪律教育/警示教育', en: 'Discipline education' },
  { code: 'F1', zh: '重点领域廉政风险', en: 'Integrity risks in key fields' },
  { code: 'F2', zh: '以权谋私/利益输送', en: 'Abuse of power' },
  { code: 'F3', zh: '国有资金资产监管', en: 'State funds and assets' },
  { code: 'F4', zh: '基层"三资"与财务管理', en: 'Village assets and finance' },
  { code: 'F5', zh: '群众身边腐败', en: 'Petty corruption' },
  { code: 'G1', zh: '主体责任', en: 'Principal responsibility' },
  { code: 'G2', zh: '监督责任', en: 'Supervisory responsibility' },
  { code: 'G3', zh: '一岗双责与压力传导', en: 'Dual duty, pressure transmission' },
  { code: 'G4', zh: '政治生态', en: 'Political ecology' },
  { code: 'H1', zh: '上轮巡视巡察问题整改不到位', en: 'Prior-round findings not fixed' },
  { code: 'H2', zh: '审计等其他监督问题整改', en: 'Audit and other findings' },
  { code: 'H3', zh: '主题教育/专项整治问题整改', en: 'Campaign findings' },
  { code: 'H4', zh: '整改责任与成果运用', en: 'Rectification responsibility' },
];

/** L1 codes in display order. */
export const L1_CODES = L1.map((c) => c.code);

/** Name of an L1 or L2 code in the given language; the code itself if unknown. */
export function categoryName(code: string, lang: 'zh' | 'en'): string {
  const c = L1.find((x) => x.code === code) ?? L2.find((x) => x.code === code);
  return c ? c[lang] : code;
}

/** A code with its name, as the app shows a category: A1 贯彻落实重大决策部署; an unknown code alone. */
export function categoryLabel(code: string, lang: 'zh' | 'en', separator = ' '): string {
  const name = categoryName(code, lang);
  return name === code ? code : `${code}${separator}${name}`;
}
