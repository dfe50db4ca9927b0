import { describe, expect, it } from 'vitest';
import { attributes, escapeMarkup } from './markup';

describe('markup written as text', () => {
  it('escapes every character that could open a tag, an entity or leave an attribute', () => {
    expect(escapeMarkup(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
    expect(escapeMarkup(40.7)).toBe('40.7');
  });

  it('writes attributes in order, escaped, leaving out the undefined ones', () => {
    expect(attributes({ href: '/en/jobs?queue=a&b', 'aria-label': undefined, 'data-series': 'q:"><svg onload=x>' })).toBe(
      ' href="/en/jobs?queue=a&amp;b" data-series="q:&quot;&gt;&lt;svg onload=x&gt;"',
    );
  });
});
