import { placeLabelEn, placeLabelZh } from './labels.js';

describe('place labels', () => {
  it('reads places the way a Chinese honours board does', () => {
    expect([1, 2, 3, 4, 5, 10, 11, 20, 21, 99, 100].map(placeLabelZh)).toEqual([
      '冠军',
      '亚军',
      '季军',
      '第四名',
      '第五名',
      '第十名',
      '第十一名',
      '第二十名',
      '第二十一名',
      '第九十九名',
      '第100名',
    ]);
  });

  it('English ordinals, including 11th–13th', () => {
    expect([1, 2, 3, 4, 5, 11, 12, 13, 21, 22, 23, 111].map(placeLabelEn)).toEqual([
      'Champion',
      'Runner-up',
      'Third place',
      'Fourth place',
      '5th place',
      '11th place',
      '12th place',
      '13th place',
      '21st place',
      '22nd place',
      '23rd place',
      '111th place',
    ]);
  });
});
