import type { UseMutationResult } from '@tanstack/react-query';
import { useRef, type FormEvent } from 'react';

/** Reads a named field of the submitted form ('' when it is missing). */
export type ReadField = (name: string) => string;

/**
 * The submit of a sign-in form: reads its fields into credentials, signs in with them and, on a
 * refusal (wrong password, lockout), selects the password for another try. The form keeps its own
 * look; it gives its password field `passwordRef`.
 */
export function useSignInForm<TData, TCredentials>(
  signIn: UseMutationResult<TData, Error, TCredentials>,
  credentials: (field: ReadField) => TCredentials,
  onSignedIn?: (data: TData) => void,
) {
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field: ReadField = (name) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    signIn.mutate(credentials(field), {
      onSuccess: (data) => onSignedIn?.(data),
      onError: () => {
        passwordRef.current?.focus();
        passwordRef.current?.select();
      },
    });
  };

  return { passwordRef, submit };
}
