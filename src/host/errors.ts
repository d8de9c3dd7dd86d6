import { TematikError } from '../domain/errors';
import { defineMessages } from '../domain/text';

const say = defineMessages({
  en: {
    crashedReopened: 'Tematik\'s core stopped unexpectedly while running {action}; it was restarted and the project reopened. The last action may not have been saved — check it.',
    crashed: 'Tematik\'s core stopped unexpectedly while running {action}; it was restarted. The last action may not have been saved — check it.',
    crashedAgain: 'Tematik\'s core stopped unexpectedly while running {action}, and again each time it was restarted, so it was not restarted this time. Save your notes elsewhere and start Tematik again.',
    idleReopened: 'Tematik\'s core stopped unexpectedly between actions; it was restarted and the project reopened. Nothing was running, so every saved change is in the project.',
    idle: 'Tematik\'s core stopped unexpectedly between actions; it was restarted. Nothing was running, so nothing was lost.',
  },
  id: {
    crashedReopened: 'Inti Tematik berhenti tiba-tiba saat menjalankan {action}; inti itu sudah dijalankan ulang dan proyek dibuka kembali. Tindakan terakhir mungkin belum tersimpan — periksalah.',
    crashed: 'Inti Tematik berhenti tiba-tiba saat menjalankan {action}; inti itu sudah dijalankan ulang. Tindakan terakhir mungkin belum tersimpan — periksalah.',
    crashedAgain: 'Inti Tematik berhenti tiba-tiba saat menjalankan {action}, dan berhenti lagi setiap kali dijalankan ulang, jadi kali ini tidak dijalankan ulang. Simpan catatan Anda di tempat lain lalu jalankan Tematik lagi.',
    idleReopened: 'Inti Tematik berhenti tiba-tiba di antara dua tindakan; inti itu sudah dijalankan ulang dan proyek dibuka kembali. Tidak ada yang sedang berjalan, jadi setiap perubahan yang tersimpan ada di proyek.',
    idle: 'Inti Tematik berhenti tiba-tiba di antara dua tindakan; inti itu sudah dijalankan ulang. Tidak ada yang sedang berjalan, jadi tidak ada yang hilang.',
  },
});

/** What the call that was running when the core's worker stopped resolves to. */
export function crashedError(action: string, restart: 'reopened' | 'restarted' | 'given-up'): TematikError {
  const key = restart === 'reopened' ? 'crashedReopened' : restart === 'restarted' ? 'crashed' : 'crashedAgain';
  return new TematikError('worker_crashed', say(key, { action }));
}

/** What the window is told when the core's worker stopped with nothing running. */
export function idleCrashError(restart: 'reopened' | 'restarted'): TematikError {
  return new TematikError('worker_crashed', say(restart === 'reopened' ? 'idleReopened' : 'idle'));
}
