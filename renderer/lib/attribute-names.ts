import type { Language } from '../i18n/i18n';

/** Attribute columns our users' sheets commonly carry, named in both languages. */
const KNOWN: Readonly<Record<string, { readonly en: string; readonly id: string }>> = {
  city: { en: 'City', id: 'Kota' },
  province: { en: 'Province', id: 'Provinsi' },
  sector: { en: 'Sector', id: 'Sektor' },
  gender: { en: 'Gender', id: 'Jenis kelamin' },
  age: { en: 'Age', id: 'Usia' },
  years_in_business: { en: 'Years in business', id: 'Lama usaha (tahun)' },
  years_in_partnership: { en: 'Years in partnership', id: 'Lama bermitra (tahun)' },
  business_type: { en: 'Business type', id: 'Jenis usaha' },
  firm_size: { en: 'Firm size', id: 'Ukuran usaha' },
  cooperative_member: { en: 'Cooperative member', id: 'Anggota koperasi' },
};

const isAcronym = (word: string) => word.length > 1 && /[A-Z]/.test(word) && word === word.toUpperCase();

/**
 * An attribute's stored name (a sheet's column header such as `years_in_business`) as people
 * read it: "Years in business" ("Lama usaha (tahun)" in Bahasa Indonesia for the columns we
 * know). Only the display changes; the stored name, used in filters and exports, stays.
 */
export function attributeLabel(name: string, language: Language): string {
  const known = KNOWN[name.trim().toLowerCase().replace(/[\s-]+/g, '_')];
  if (known) return known[language];
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_\-.\s]+/g, ' ').trim().split(' ').filter(Boolean);
  if (words.length === 0) return name;
  return words.map((word, i) => {
    if (isAcronym(word)) return word;
    const lower = word.toLowerCase();
    return i === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
  }).join(' ');
}
