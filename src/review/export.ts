import { randomUUID } from 'node:crypto';
import type { ValidArgs } from '../api/contract';
import type { Context } from '../api/session';
import { deliver, type Delivered } from '../export/deliver';
import { fileStem, gatherReviewPackage } from './gather';
import { reviewPackageHtml } from './html';

/** The review package's file name: "studi-umkm-review-package.html" ("…-paket-telaah.html" in Indonesian). */
export function reviewPackageFileName(projectName: string, language: 'en' | 'id'): string {
  return `${fileStem(projectName)}-${language === 'id' ? 'paket-telaah' : 'review-package'}.html`;
}

/**
 * `export.reviewPackage`: gathers the package in one read of the project, writes the page, and
 * delivers it as other exports are. Each package has a GUID of its own, which the comments file
 * made from it carries back. Names are pseudonymised unless the caller says otherwise.
 */
export async function exportReviewPackage(args: ValidArgs<'export.reviewPackage'>, ctx: Context): Promise<Delivered & { packageGuid: string }> {
  const language = args.language ?? 'en';
  const packageGuid = randomUUID();
  const data = await ctx.session.data.read((reader) => gatherReviewPackage(reader, {
    language, pseudonymise: args.pseudonymise ?? true, journal: args.journal ?? 'none', quotesPerTheme: args.quotesPerTheme ?? 3,
    packageGuid, createdAt: new Date().toISOString(),
  }));
  const html = reviewPackageHtml(data);
  const delivered = deliver(Buffer.from(html, 'utf8'), args.path, reviewPackageFileName((await ctx.session.data.project.info()).name, language), ['.html', '.htm']);
  return { ...delivered, packageGuid };
}
