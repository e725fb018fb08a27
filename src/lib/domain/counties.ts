/** 金华市's county-level units (DOMAIN.md §5.1), GB/T 2260 codes; 市本级 uses 330700. */
export interface County {
  name: string;
  code: string | null;
  kind: '市辖区' | '县' | '县级市' | '市本级' | '功能区';
  en: string;
}

export const COUNTIES: County[] = [
  { name: '婺城区', code: '330702', kind: '市辖区', en: 'Wucheng' },
  { name: '金东区', code: '330703', kind: '市辖区', en: 'Jindong' },
  { name: '武义县', code: '330723', kind: '县', en: 'Wuyi' },
  { name: '浦江县', code: '330726', kind: '县', en: 'Pujiang' },
  { name: '磐安县', code: '330727', kind: '县', en: "Pan'an" },
  { name: '兰溪市', code: '330781', kind: '县级市', en: 'Lanxi' },
  { name: '义乌市', code: '330782', kind: '县级市', en: 'Yiwu' },
  { name: '东阳市', code: '330783', kind: '县级市', en: 'Dongyang' },
  { name: '永康市', code: '330784', kind: '县级市', en: 'Yongkang' },
  { name: '市本级', code: '330700', kind: '市本级', en: 'City level' },
];

/** Display order of counties (GB/T 2260 order, 市本级 last; unknown names after, by name). */
export function countyOrder(name: string): number {
  const i = COUNTIES.findIndex((c) => c.name === name);
  return i < 0 ? COUNTIES.length : i;
}

/** County name in the given language; unknown names (e.g. 金华开发区) are shown as written. */
export function countyLabel(name: string, lang: 'zh' | 'en'): string {
  const c = COUNTIES.find((x) => x.name === name);
  return c && lang === 'en' ? c.en : name;
}
