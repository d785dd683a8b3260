import { heldFileOf, itemFileUrl, useItemFiles } from '../api/item-files.ts';
import { FileFieldInput } from '../forms/FileFieldInput.tsx';
import type { FieldInputProps } from './CustomFields.tsx';

/**
 * An item's `file` field, the process forms' FileFieldInput: a chosen file is uploaded at once and the
 * value becomes its id (saved with the item); the file the stored item keeps is named from the item's
 * files and downloads from its name. Removing the file empties the field (null).
 */
export function ItemFileInput({ field, value, required, error, holder, onChange }: FieldInputProps) {
  const filled = typeof value === 'string' && value !== '';
  const files = useItemFiles(filled ? holder : undefined).data?.items ?? [];
  const held = heldFileOf(files, value);
  return (
    <FileFieldInput
      label={field.label}
      required={required}
      error={error}
      name={field.key}
      value={value}
      held={held && holder ? { ...held, href: itemFileUrl(holder, held.id) } : undefined}
      onChange={(id) => onChange(id === '' ? null : id)}
    />
  );
}
