import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { interpolateTenth, px } from './svg-number';

describe('SVG coordinates', () => {
  it('rounds to a tenth and prints short', () => {
    expect(px(147.75073166661397)).toBe(147.8);
    expect(String(px(26.12077021029811))).toBe('26.1');
    expect(String(px((26.1 - 2) / 3))).toBe('8');
    expect(px(-0.04)).toBe(-0);
  });

  it('makes a d3 scale give rounded positions', () => {
    const y = scaleLinear().domain([0, 3]).range([172, 22]).interpolate(interpolateTenth);
    expect(y(1)).toBe(122);
    expect(String(y(0.7))).toBe('137');
    expect(String(scaleLinear().domain([0, 7]).range([0, 100]).interpolate(interpolateTenth)(1))).toBe('14.3');
  });
});
