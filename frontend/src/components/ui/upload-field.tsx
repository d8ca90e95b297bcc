import '@/components/ui/upload-field.css';

import { useId, useRef, type ChangeEvent } from 'react';

import { XLSX_TYPE } from '@/lib/upload';

type UploadFieldProps = {
  label: string;
  hint?: string;
  disabled?: boolean;
  onFile: (file: File) => void;
};

/** A big «choose a file» button for a filled .xlsx; choosing the same file again works too. */
export function UploadField({ label, hint, disabled, onFile }: UploadFieldProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const change = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) onFile(file);
    // Let the same file be chosen again after it has been fixed.
    if (input.current) input.current.value = '';
  };
  return (
    <div className="field upload-field">
      <label htmlFor={id} className="button upload-field__button" aria-disabled={disabled}>
        {label}
      </label>
      <input
        ref={input}
        id={id}
        type="file"
        className="visually-hidden"
        accept={`.xlsx,${XLSX_TYPE}`}
        disabled={disabled}
        onChange={change}
      />
      {hint && <small className="field__hint">{hint}</small>}
    </div>
  );
}
