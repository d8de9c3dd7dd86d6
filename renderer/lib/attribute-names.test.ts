import { describe, expect, it } from 'vitest';
import { attributeLabel } from './attribute-names';

describe('attribute names from the informant sheet, humanised for display', () => {
  it('turns sheet headers into words, in either language', () => {
    expect(attributeLabel('years_in_business', 'en')).toBe('Years in business');
    expect(attributeLabel('years_in_business', 'id')).toBe('Lama usaha (tahun)');
    expect(attributeLabel('city', 'en')).toBe('City');
    expect(attributeLabel('city', 'id')).toBe('Kota');
    expect(attributeLabel('jumlah_karyawan', 'id')).toBe('Jumlah karyawan');
    expect(attributeLabel('jumlah_karyawan', 'en')).toBe('Jumlah karyawan');
    expect(attributeLabel('firmSize', 'en')).toBe('Firm size');
    expect(attributeLabel('status-NIB', 'en')).toBe('Status NIB');
    expect(attributeLabel('  ', 'en')).toBe('  ');
    expect(attributeLabel('Kota', 'id')).toBe('Kota');
  });
});
