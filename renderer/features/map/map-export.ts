/** PNG exports are drawn at this multiple of the SVG's size: sharp in print at the usual figure widths. */
export const PNG_SCALE = 3;

/** "Studi UMKM Batik" → "studi-umkm-batik-theme-map.svg"; safe on Windows, macOS and Linux. */
export function exportFileName(projectName: string, extension: 'svg' | 'png'): string {
  const slug = projectName
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug ? `${slug}-` : ''}theme-map.${extension}`;
}

/** The pixel size an SVG document declares on its root element (the core's export always declares one). */
export function svgSize(svg: string): { width: number; height: number } | null {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0];
  if (!root) return null;
  const read = (name: string) => {
    const value = new RegExp(`\\s${name}="([0-9.]+)(px)?"`).exec(root)?.[1];
    return value === undefined ? NaN : Number(value);
  };
  const width = read('width');
  const height = read('height');
  if (Number.isFinite(width) && Number.isFinite(height) && width > 0 && height > 0) return { width, height };
  const box = /\sviewBox="[-0-9.]+[\s,]+[-0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+)"/.exec(root);
  return box ? { width: Number(box[1]), height: Number(box[2]) } : null;
}

/** Draws the SVG onto a white canvas at `scale` and returns it as PNG (the CSP allows blob: images). */
export async function svgToPng(svg: string, scale = PNG_SCALE): Promise<Blob> {
  const size = svgSize(svg);
  if (!size) throw new Error('The theme map SVG has no size; export it as SVG instead.');
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The theme map SVG could not be drawn; export it as SVG instead.'));
    });
    image.src = url;
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(size.width * scale);
    canvas.height = Math.round(size.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This window cannot draw images; export the map as SVG instead.');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made; export the map as SVG instead.'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
