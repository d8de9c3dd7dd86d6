import type { ReviewPackageData } from '../../../src/domain/review-package';

/** The package data a review package's HTML carries, read back as the page reads it. */
export function packageData(html: string): ReviewPackageData {
  const match = /<script type="application\/json" id="review-data">([^<]*)<\/script>/.exec(html);
  if (!match) throw new Error('The package has no data block.');
  return JSON.parse(match[1]!) as ReviewPackageData;
}
