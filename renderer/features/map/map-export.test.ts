import { describe, expect, it } from 'vitest';
import { exportFileName, svgSize } from './map-export';

describe('exportFileName', () => {
  it('names the file after the project, safely', () => {
    expect(exportFileName('Studi UMKM: Batik & Kopi (2024)', 'svg')).toBe('studi-umkm-batik-kopi-2024-theme-map.svg');
    expect(exportFileName('Pérez Café', 'png')).toBe('perez-cafe-theme-map.png');
  });
  it('falls back to a plain name', () => {
    expect(exportFileName('  ', 'png')).toBe('theme-map.png');
  });
});

describe('svgSize', () => {
  it('reads the size the core writes on the root element', () => {
    const svg = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="860" height="412.5" viewBox="-20 -50 860 412.5" font-family="x">';
    expect(svgSize(svg)).toEqual({ width: 860, height: 412.5 });
  });
  it('falls back to the viewBox', () => {
    expect(svgSize('<svg viewBox="0 0 300 150"><rect width="10" height="10"/></svg>')).toEqual({ width: 300, height: 150 });
  });
  it('does not take a child element’s size for the root’s', () => {
    expect(svgSize('<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>')).toBeNull();
  });
});
