import {
  IconFile,
  IconFileSpreadsheet,
  IconFileText,
  IconFileTypePdf,
  IconFileZip,
  IconPhoto,
  IconPresentation,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { type FileKind, fileKindOf } from './file-kind.ts';

const ICONS: Record<FileKind, ComponentType<{ size?: number; 'aria-hidden'?: boolean; color?: string }>> = {
  pdf: IconFileTypePdf,
  text: IconFileText,
  sheet: IconFileSpreadsheet,
  slides: IconPresentation,
  image: IconPhoto,
  archive: IconFileZip,
  other: IconFile,
};

/** A file's type as an icon beside its name (decoration: the name says it). */
export function FileIcon({
  file,
  size = 20,
}: {
  file: { name: string; contentType: string };
  size?: number;
}) {
  const Icon = ICONS[fileKindOf(file)];
  return <Icon size={size} aria-hidden color="var(--mantine-color-indigo-6)" />;
}
