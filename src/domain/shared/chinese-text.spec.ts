import { nameSearchText, nameSortKey, searchQuery } from './chinese-text.js';

describe('Chinese names', () => {
  it('sorts district teams by pinyin, reading polyphonic 长 as chang in 长兴', () => {
    const names = ['长兴天顺物流队', '南浔彩蝶队', '安吉白茶队', '德清依蓄队', '吴兴新凤鸣队'];
    const sorted = [...names].sort((a, b) => nameSortKey(a).localeCompare(nameSortKey(b)));
    expect(sorted).toEqual(['安吉白茶队', '长兴天顺物流队', '德清依蓄队', '南浔彩蝶队', '吴兴新凤鸣队']);
  });

  it('finds a team by characters, full pinyin or initials', () => {
    const text = nameSearchText('南浔彩蝶队');
    for (const q of ['南浔', 'nanxun', 'nxcd', 'NanXun CaiDie']) {
      expect(text.includes(searchQuery(q))).toBe(true);
    }
    expect(text.includes(searchQuery('德清'))).toBe(false);
  });

  it('keeps Latin names readable', () => {
    expect(nameSortKey('Team Alpha')).toBe('team alpha');
  });
});
