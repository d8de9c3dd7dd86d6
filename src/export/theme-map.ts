import { Resvg } from '@resvg/resvg-js';

/**
 * Rasterises the map SVG for Word reports and slides. resvg (a Rust renderer shipped as a
 * prebuilt npm binary) draws SVG exactly without a browser, so the CLI can do it headless.
 * `scale` 3 gives about 300 dpi when the map is printed at its natural size in points.
 */
export function svgToPng(svg: string, scale = 3): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' }, background: '#ffffff' });
  return resvg.render().asPng();
}
