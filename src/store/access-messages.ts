import os from 'node:os';
import path from 'node:path';
import { defineMessages, type Language, type LocalizedText } from '../domain/text';
import type { ReadOnlyReason } from '../domain/types';
import type { LockHolder } from './lock';

/**
 * What the user is told about who may write a project: the lock held elsewhere, why a project
 * opened read-only, and why a change was refused. One place, so a notice on opening and the
 * refusal of a change say the same thing.
 */

/** A sentence whose parts differ by language (a time, a list): built once per language. */
export function inBoth(make: (language: Language) => string): LocalizedText {
  return { en: make('en'), id: make('id') };
}

const say = defineMessages({
  en: {
    locked: 'This project is open {where} ({details}). Open it read-only to read and export, or close it there first.',
    lockedBusy: 'This project is being opened {where} at this moment. Open it read-only to read and export, or close it there first.',
    window: 'in another Tematik window', server: 'in Tematik in a web browser (browser mode)', cli: 'by the Tematik command line',
    since: 'since {time}', by: 'by {coder}', on: 'on {host}', thisComputer: 'on this computer',

    openedRequested: '{name} is open read-only, as you asked: you can read, search and export it, but not change it.',
    openedLocked: '{name} is open read-only: it is open {where} ({details}). You can read, search and export it; to change it, close it there and open it again here.',
    openedMediaDisk: '{file} is on a disk that cannot be written (a CD, a write-protected USB stick or a read-only network folder), so it is open read-only: you can read, search and export it. To work on it, copy it to a folder of your own and open the copy.',
    openedMediaFolder: 'Tematik may not write in the folder {dir}, so {name} is open read-only: you can read, search and export it. To work on it, copy it to a folder of your own and open the copy.',
    openedMediaFile: '{file} is marked read-only (or belongs to another user), so it is open read-only: you can read, search and export it. To work on it, copy it to a folder of your own and open the copy.',
    openedFull: 'The disk holding {file} is full ({free} MB free), so it is open read-only: you can read it and export it to another disk. Free some space, then open it again to work on it.',

    refuseRequested: '{name} is open read-only: this change was not made. To change the project, open it again for writing.',
    refuseLocked: '{name} is open read-only because it is open for writing in another Tematik window or by the command line: this change was not made. Close it there, then open it again here.',
    refuseDamaged: '{name} is damaged, so it is open read-only: this change was not made. Export what can still be read, or restore the last backup (Project › Restore from backup).',
    refuseMedia: '{name} is in a folder or on a disk Tematik may not write to, so it is open read-only: this change was not made. Copy the file to a folder of your own and open the copy.',
    refuseFull: 'The disk holding {name} is full, so it is open read-only: this change was not made. Free some space and open the project again, or export it to another disk.',
  },
  id: {
    locked: 'Proyek ini sedang dibuka {where} ({details}). Buka dalam mode hanya-baca untuk membaca dan mengekspor, atau tutup dulu di sana.',
    lockedBusy: 'Proyek ini sedang dibuka {where} saat ini juga. Buka dalam mode hanya-baca untuk membaca dan mengekspor, atau tutup dulu di sana.',
    window: 'di jendela Tematik lain', server: 'di Tematik pada peramban web (mode peramban)', cli: 'oleh baris perintah Tematik',
    since: 'sejak {time}', by: 'oleh {coder}', on: 'di {host}', thisComputer: 'di komputer ini',

    openedRequested: '{name} dibuka dalam mode hanya-baca, sesuai permintaan Anda: Anda dapat membaca, mencari dan mengekspornya, tetapi tidak mengubahnya.',
    openedLocked: '{name} dibuka dalam mode hanya-baca: proyek ini sedang dibuka {where} ({details}). Anda dapat membaca, mencari dan mengekspornya; untuk mengubahnya, tutup di sana lalu buka lagi di sini.',
    openedMediaDisk: '{file} berada di media yang tidak dapat ditulisi (CD, flashdisk yang dikunci, atau folder jaringan hanya-baca), sehingga dibuka dalam mode hanya-baca: Anda dapat membaca, mencari dan mengekspornya. Untuk mengerjakannya, salin ke folder Anda sendiri lalu buka salinan itu.',
    openedMediaFolder: 'Tematik tidak boleh menulis di folder {dir}, sehingga {name} dibuka dalam mode hanya-baca: Anda dapat membaca, mencari dan mengekspornya. Untuk mengerjakannya, salin ke folder Anda sendiri lalu buka salinan itu.',
    openedMediaFile: '{file} ditandai hanya-baca (atau milik pengguna lain), sehingga dibuka dalam mode hanya-baca: Anda dapat membaca, mencari dan mengekspornya. Untuk mengerjakannya, salin ke folder Anda sendiri lalu buka salinan itu.',
    openedFull: 'Disk tempat {file} berada sudah penuh (sisa {free} MB), sehingga proyek dibuka dalam mode hanya-baca: Anda dapat membacanya dan mengekspornya ke disk lain. Kosongkan sebagian ruang, lalu buka lagi untuk mengerjakannya.',

    refuseRequested: '{name} dibuka dalam mode hanya-baca: perubahan ini tidak dilakukan. Untuk mengubah proyek, buka lagi untuk ditulisi.',
    refuseLocked: '{name} dibuka dalam mode hanya-baca karena sedang dibuka untuk ditulisi di jendela Tematik lain atau oleh baris perintah: perubahan ini tidak dilakukan. Tutup di sana, lalu buka lagi di sini.',
    refuseDamaged: '{name} rusak, sehingga dibuka dalam mode hanya-baca: perubahan ini tidak dilakukan. Ekspor apa yang masih dapat dibaca, atau pulihkan cadangan terakhir (Proyek › Pulihkan dari cadangan).',
    refuseMedia: '{name} berada di folder atau disk yang tidak boleh ditulisi Tematik, sehingga dibuka dalam mode hanya-baca: perubahan ini tidak dilakukan. Salin berkas ke folder Anda sendiri lalu buka salinannya.',
    refuseFull: 'Disk tempat {name} berada sudah penuh, sehingga proyek dibuka dalam mode hanya-baca: perubahan ini tidak dilakukan. Kosongkan sebagian ruang lalu buka proyek lagi, atau ekspor ke disk lain.',
  },
});

/** Why a folder or disk cannot be written, for the notice: the medium itself, the folder, or the file. */
export type MediaBlock = 'disk' | 'folder' | 'file';

/** The refusal of the second opener for writing: where the project is open, since when, by whom, on which machine. */
export function lockedMessage(holder: LockHolder): LocalizedText {
  if (!holder.coder && !holder.host) return inBoth((l) => say('lockedBusy', { where: say(holder.app)[l] })[l]);
  return inBoth((l) => say('locked', { where: say(holder.app)[l], details: holderDetails(holder, l) })[l]);
}

/** The notice of a project opened read-only, by reason. */
export function openedReadOnlyNotice(reason: ReadOnlyReason, file: string, context: { holder?: LockHolder | null; media?: MediaBlock; freeBytes?: number } = {}): LocalizedText | null {
  const name = path.basename(file);
  switch (reason) {
    case 'requested': return say('openedRequested', { name });
    case 'locked': {
      const holder = context.holder;
      if (!holder) return say('openedRequested', { name });
      return inBoth((l) => say('openedLocked', { name, where: say(holder.app)[l], details: holderDetails(holder, l) })[l]);
    }
    case 'read_only_media': {
      const block = context.media ?? 'folder';
      if (block === 'disk') return say('openedMediaDisk', { file });
      if (block === 'file') return say('openedMediaFile', { file });
      return say('openedMediaFolder', { name, dir: path.dirname(file) });
    }
    case 'disk_full': return say('openedFull', { file, free: Math.round(((context.freeBytes ?? 0) / 1e6) * 10) / 10 });
    // The damage notice lists what SQLite found: integrity.ts writes it.
    case 'damaged': return null;
  }
}

/** Why a change to a read-only project was not made, and what to do. */
export function refusal(reason: ReadOnlyReason, file: string): LocalizedText {
  const name = path.basename(file);
  switch (reason) {
    case 'requested': return say('refuseRequested', { name });
    case 'locked': return say('refuseLocked', { name });
    case 'damaged': return say('refuseDamaged', { name });
    case 'read_only_media': return say('refuseMedia', { name });
    case 'disk_full': return say('refuseFull', { name });
  }
}

/** "since 14:02, by Rina, on LAPTOP-2": a lock from another day names the day too. */
function holderDetails(holder: LockHolder, language: Language): string {
  const parts = [say('since', { time: clockTime(holder.since, language) })[language]];
  if (holder.coder) parts.push(say('by', { coder: holder.coder })[language]);
  if (holder.host) parts.push(holder.host === os.hostname() ? say('thisComputer')[language] : say('on', { host: holder.host })[language]);
  return parts.join(', ');
}

function clockTime(iso: string, language: Language): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const locale = language === 'id' ? 'id-ID' : 'en-GB';
  const sameDay = at.toDateString() === new Date().toDateString();
  return new Intl.DateTimeFormat(locale, sameDay ? { hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(at);
}
