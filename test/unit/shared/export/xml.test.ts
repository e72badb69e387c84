import { describe, expect, it } from 'vitest';
import { xmlText } from '../../../../shared/domain/export/xml';

describe('xmlText', () => {
  it('escapes markup characters', () => {
    expect(xmlText(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
  });

  it('replaces characters XML 1.0 cannot carry and keeps tab, newline, accents and emoji', () => {
    expect(xmlText('North\u0000\u0001\u001f\u007f\uFFFE end')).toBe('North\uFFFD\uFFFD\uFFFD\u007f\uFFFD end');
    expect(xmlText('lone \uD800 surrogate')).toBe('lone \uFFFD surrogate');
    expect(xmlText('Zürich\tRégion\n🗺️')).toBe('Zürich\tRégion\n🗺️');
  });
});
