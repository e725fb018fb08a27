import { deflateSync } from 'node:zlib';
import type { BriefingChart, BriefingPack } from '../../../../src/lib/export/briefing/types';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/**
 * A real RGB PNG of `bars` coloured bars on white, so a rendered document shows where the
 * picture landed and whether its aspect ratio survived (the bars touch all four edges' frame).
 */
export function barsPng(width: number, height: number, bars: number[], color = [0x3a, 0x6e, 0xa5]): Uint8Array {
  const raw = Buffer.alloc((width * 3 + 1) * height, 0xff);
  const slot = width / bars.length;
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const bar = Math.min(bars.length - 1, Math.floor(x / slot));
      const inBar = x - bar * slot > slot * 0.2 && x - bar * slot < slot * 0.8 && height - y <= bars[bar] * height;
      const frame = x < 4 || y < 4 || x >= width - 4 || y >= height - 4;
      if (inBar || frame) raw.set(frame ? [0x80, 0x80, 0x80] : color, row + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const png = Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
  return new Uint8Array(png.buffer, png.byteOffset, png.length);
}

/** Two charts with values that make a mix-up visible: distinct titles, captions, table cells. */
export function samplePack(size = { width: 400, height: 224 }): BriefingPack {
  const chart = (n: number, id: string, title: string, definition: string, table: BriefingChart['table'], bars: number[]): BriefingChart => ({
    id,
    title,
    definition,
    caption: `图${n} ${title} 数据截至2026年6月30日 · 筛选：全部`,
    png: barsPng(size.width, size.height, bars),
    widthPx: size.width,
    heightPx: size.height,
    table,
  });
  return {
    lang: 'zh',
    title: '巡视巡察整改情况分析简报',
    subtitle: '数据截至2026年6月30日 · 筛选：全部 · 数据来源：示例数据',
    headline: '截至2026年6月30日，巡察反馈25个问题，已完成整改19个、正在整改6个，整改完成率76%。',
    definitions: ['整改完成率＝已完成/反馈问题总数', '逾期未完成率＝逾期未完成/应完成问题数'],
    asOf: '2026-06-30',
    charts: [
      chart(1, 'completion-heatmap', '整改完成率（按县市区×轮次）', '整改完成率＝已完成/反馈问题总数', {
        columns: ['县市区', '轮次', '问题数', '整改完成率'],
        rows: [
          ['婺城区', '市委第三轮巡察', 25, '76%'],
          ['永康市', '省委巡视（2018）', 16, '93.75%'],
          ['=HYPERLINK("x")', '@evil', null, '-5%'],
        ],
      }, [0.76, 0.94, 0.5]),
      chart(2, 'category-mix', '问题类别分布', '类别占比＝该类问题数/问题总数', {
        columns: ['问题类别', '问题数'],
        rows: [
          ['A 政治建设', 7],
          ['B 思想建设', 3],
        ],
      }, [0.7, 0.3]),
    ],
  };
}
