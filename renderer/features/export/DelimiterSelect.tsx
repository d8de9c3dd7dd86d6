import { useStrings } from '../../i18n/i18n';
import { exportStrings } from './strings';
import { DELIMITERS, type Delimiter } from './table-export';

/** The CSV separator: comma, or semicolon for Excel in Indonesian and other comma-decimal locales. */
export function DelimiterSelect({ value, onChange, disabled, testId }: { value: Delimiter; onChange: (delimiter: Delimiter) => void; disabled?: boolean; testId: string }) {
  const t = useStrings(exportStrings);
  return (
    <select value={value} onChange={(e) => onChange(e.target.value === 'semicolon' ? 'semicolon' : 'comma')} disabled={disabled}
      aria-label={t('delimiter')} title={t('delimiterHint')} data-testid={testId}>
      {DELIMITERS.map((d) => <option key={d} value={d}>{t(`delimiter_${d}`)}</option>)}
    </select>
  );
}
