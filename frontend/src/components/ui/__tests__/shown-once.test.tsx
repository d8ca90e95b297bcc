import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { ShownOnce } from '../shown-once';

const box = (onDone = () => {}) => (
  <ShownOnce
    testId="shown"
    title="Новый пароль"
    owner={[{ label: 'Логин', value: 'mun64-engels', testId: 'shown-login' }]}
    secret={{ label: 'Пароль', value: 'Abc3456789', testId: 'shown-password' }}
    noun="пароль"
    note="Пароль показывается только сейчас."
    doneLabel="Пароль передан, закрыть"
    onDone={onDone}
  />
);

describe('ShownOnce (DESIGN.md: a password is shown once)', () => {
  it('shows whose secret it is and the secret, copies it and says so, closes on confirmation', async () => {
    const user = userEvent.setup();
    const onDone = vi.fn();
    render(box(onDone));
    const shown = screen.getByTestId('shown');
    expect(within(shown).getByTestId('shown-login')).toHaveTextContent('mun64-engels');
    expect(within(shown).getByTestId('shown-password')).toHaveTextContent('Abc3456789');

    await user.click(within(shown).getByRole('button', { name: 'Скопировать пароль' }));
    expect(await navigator.clipboard.readText()).toBe('Abc3456789');
    expect(await within(shown).findByText('Пароль скопирован.')).toBeInTheDocument();

    await user.click(within(shown).getByRole('button', { name: 'Пароль передан, закрыть' }));
    expect(onDone).toHaveBeenCalledOnce();
  });

  it('asks to copy by hand where the browser refuses the clipboard (a page over plain http)', async () => {
    const user = userEvent.setup();
    render(box());
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    await user.click(screen.getByRole('button', { name: 'Скопировать пароль' }));
    expect(
      await screen.findByText('Не удалось скопировать: выделите пароль и скопируйте вручную.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Пароль скопирован.')).not.toBeInTheDocument();
  });
});
