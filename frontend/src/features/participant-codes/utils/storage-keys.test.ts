import { beforeEach, describe, expect, it } from 'vitest';

import { countStoredNames, eraseStoredNames } from '@/lib/local-personal-data';

import { codesNamesKey } from './storage-keys';

describe('the names beside the codes', () => {
  beforeEach(() => localStorage.clear());

  it('are kept per campaign, subject and school', () => {
    expect(codesNamesKey({ campaignId: 7, subjectKey: 'math-4', school: 'edu640001' })).toBe(
      'oko.codes.names:7:math-4:edu640001',
    );
  });

  it('are counted and erased by «Стереть ФИО и выйти» like protocol 1’s', () => {
    const key = codesNamesKey({ campaignId: 7, subjectKey: 'math-4', school: 'edu640001' });
    localStorage.setItem(key, JSON.stringify({ '1000001': 'Иванова', '1000002': 'Петров' }));
    localStorage.setItem('oko.protocol1.names:7:rus:edu645001', JSON.stringify({ '1': 'Сидоров' }));
    localStorage.setItem('oko.other', 'kept');
    expect(countStoredNames()).toBe(3);
    eraseStoredNames();
    expect(localStorage.getItem(key)).toBeNull();
    expect(localStorage.getItem('oko.protocol1.names:7:rus:edu645001')).toBeNull();
    expect(localStorage.getItem('oko.other')).toBe('kept');
  });
});
