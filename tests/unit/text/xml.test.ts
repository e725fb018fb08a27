import { describe, expect, test } from 'vitest';
import { escapeXml, stripXmlIllegal } from '../../../src/lib/text/xml';

describe('escapeXml', () => {
  test.each([
    ['a & b <c> "d"', 'a &amp; b &lt;c&gt; &quot;d&quot;'],
    ['婺城区\f', '婺城区'],
    ['\u0000\u0001\u0008x\u000B\u000C\u000E\u001F', 'x'],
    ['tab\tLF\nCR\r', 'tab\tLF\nCR\r'], // the three C0 controls XML allows
    ['a\uFFFEb\uFFFFc', 'abc'],
    ['lone \uD800 high, lone \uDC00 low', 'lone  high, lone  low'],
    ['pair 😀 𠀀', 'pair 😀 𠀀'],
    ['\u007F\u0085\u00A0', '\u007F\u0085\u00A0'], // allowed in XML 1.0 (discouraged, not forbidden)
  ])('%j → %j', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });

  test('stripXmlIllegal drops the same characters and escapes nothing', () => {
    expect(stripXmlIllegal('<a>\f&\uD800</a>')).toBe('<a>&</a>');
  });
});
