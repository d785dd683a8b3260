import { Modal, type ModalProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/** A dialog for a form: centred on a desktop, the whole screen on a phone (no sideways scrolling). */
export function FormModal(props: ModalProps) {
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  return <Modal centered size="lg" fullScreen={phone} {...props} />;
}
