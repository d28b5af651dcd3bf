import { pinyin } from 'pinyin-pro';

/**
 * Sort key that orders Chinese names as readers expect: by pinyin of the whole word, so
 * polyphonic characters read in context (长兴 is "chang xing", not "zhang"). ICU collation
 * alone reads 长 as zhang. Non-Chinese text is kept, lower-cased.
 */
export function nameSortKey(name: string): string {
  const syllables = pinyin(name.normalize('NFC'), { toneType: 'num', type: 'array', nonZh: 'consecutive' });
  return syllables
    .map((s) => s.toLowerCase())
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 400);
}

/**
 * Text a search matches against: the name itself, its pinyin without tones, and its
 * initials, so "nxcd", "nanxun" and "南浔" all find 南浔彩蝶队.
 */
export function nameSearchText(name: string): string {
  const nfc = name.normalize('NFC');
  const full = pinyin(nfc, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).map((s) => s.toLowerCase());
  const initials = pinyin(nfc, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((s) => s.toLowerCase())
    .join('');
  return [nfc.toLowerCase().replace(/\s+/g, ''), full.join('').replace(/\s+/g, ''), initials].join('|').slice(0, 1000);
}

/** Normalises a search query the same way. */
export function searchQuery(q: string): string {
  return q.normalize('NFC').trim().toLowerCase().replace(/\s+/g, '');
}

/** The stored sort key and search text for a name. */
export const nameIndex = (name: string) => ({ sortKey: nameSortKey(name), searchText: nameSearchText(name) });
