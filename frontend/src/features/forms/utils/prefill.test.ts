import { describe, expect, it } from 'vitest';

import type { FormSheet } from '@/types/api';

import { prefillFromPaste } from './prefill';

const sheet: FormSheet = {
  key: 'kits',
  title: 'Протокол 2',
  layout: 'TABLE',
  maxRows: 5000,
  prefill: 'STORED',
  keyColumn: 'kit',
  columns: [
    {
      key: 'kit',
      title: 'Номер комплекта',
      type: 'TEXT',
      required: false,
      readOnly: true,
      unique: false,
    },
    {
      key: 'comment',
      title: 'Комментарий',
      type: 'TEXT',
      required: false,
      readOnly: false,
      unique: false,
    },
  ],
};

describe('prefillFromPaste', () => {
  it('groups pasted rows by the login in the first column, titles and blanks left out', () => {
    const pasted =
      'Логин\tНомер комплекта\nppo640001\t501501\n\nPPO640001\t501502\nppo640002\t501601\n';
    expect(prefillFromPaste(pasted, sheet)).toEqual({
      organizations: [
        { organization: 'ppo640001', rows: [{ kit: '501501' }, { kit: '501502' }] },
        { organization: 'ppo640002', rows: [{ kit: '501601' }] },
      ],
      rows: 3,
    });
  });

  it('takes a first line that starts with a login as a row', () => {
    expect(prefillFromPaste('edu640001\t7\tзаметка', sheet).organizations).toEqual([
      { organization: 'edu640001', rows: [{ kit: '7', comment: 'заметка' }] },
    ]);
  });
});
