/**
 * The 是否公开 / 公开情况 cell of an item not to be published (DOMAIN.md §2 step 5, §7.7): 拟不公开,
 * 不公开, 暂不公开, 拟不向社会公开, 不宜公开, （拟不公开）, or 否 / 不 / × under a 是否公开 header.
 * Anything else (是, 公开, 部分公开, empty) may be published. An RE2 pattern, for SQL.
 */
export const NOT_FOR_PUBLICATION_PATTERN = '不[^，,；;。]{0,6}公开|^[\\s(（]*(否|不|×|✗|✘)[\\s)）]*$';
