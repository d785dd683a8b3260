import type { TemplateIcon as IconName } from '@baton/engine';
import { ThemeIcon } from '@mantine/core';
import {
  type Icon,
  IconBeach,
  IconBriefcase,
  IconBuilding,
  IconCalendar,
  IconCash,
  IconCertificate,
  IconClipboardCheck,
  IconDeviceLaptop,
  IconFileText,
  IconFlag,
  IconGavel,
  IconHeadset,
  IconHeart,
  IconMail,
  IconPackage,
  IconPlane,
  IconReceipt,
  IconSchool,
  IconShoppingCart,
  IconTemplate,
  IconTool,
  IconTruck,
  IconUserPlus,
  IconUsers,
} from '@tabler/icons-react';

/** Every icon a template may name (the engine's `TEMPLATE_ICONS`): a name without a picture does not compile. */
export const TEMPLATE_ICON_COMPONENTS: Record<IconName, Icon> = {
  beach: IconBeach,
  briefcase: IconBriefcase,
  building: IconBuilding,
  calendar: IconCalendar,
  cash: IconCash,
  certificate: IconCertificate,
  'clipboard-check': IconClipboardCheck,
  'device-laptop': IconDeviceLaptop,
  'file-text': IconFileText,
  flag: IconFlag,
  gavel: IconGavel,
  headset: IconHeadset,
  heart: IconHeart,
  mail: IconMail,
  package: IconPackage,
  plane: IconPlane,
  receipt: IconReceipt,
  school: IconSchool,
  'shopping-cart': IconShoppingCart,
  tool: IconTool,
  truck: IconTruck,
  'user-plus': IconUserPlus,
  users: IconUsers,
};

/** A template's icon in a tinted square; templates without one get a generic picture. */
export function TemplateIcon({
  icon,
  size = 'lg',
}: {
  icon: IconName | null | undefined;
  size?: 'md' | 'lg';
}) {
  const Picture = icon ? TEMPLATE_ICON_COMPONENTS[icon] : IconTemplate;
  return (
    <ThemeIcon variant="light" size={size} radius="md" data-icon={icon ?? 'none'} aria-hidden>
      <Picture size={size === 'lg' ? 20 : 16} stroke={1.6} />
    </ThemeIcon>
  );
}
