import type { AttachmentKind } from '@/types/api';

import { attachmentKindLabels, attachmentKinds } from '../utils/labels';

type AttachmentKindFieldProps = {
  id: string;
  kind: AttachmentKind;
  onChange: (kind: AttachmentKind) => void;
};

/** «Вид материала»: what an uploaded file is (instruction, archive of variants, …). */
export function AttachmentKindField({ id, kind, onChange }: AttachmentKindFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>Вид материала</label>
      <select
        id={id}
        className="input"
        value={kind}
        onChange={(event) => onChange(event.target.value as AttachmentKind)}
      >
        {attachmentKinds.map((value) => (
          <option key={value} value={value}>
            {attachmentKindLabels[value]}
          </option>
        ))}
      </select>
    </div>
  );
}
