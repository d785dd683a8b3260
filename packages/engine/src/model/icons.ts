/**
 * The icons a template may show in the catalogue and the designer's list: a closed set, so every client
 * can draw each one (the web app maps them to Tabler icons of the same names).
 */
export const TEMPLATE_ICONS = [
  'beach',
  'briefcase',
  'building',
  'calendar',
  'cash',
  'certificate',
  'clipboard-check',
  'device-laptop',
  'file-text',
  'flag',
  'gavel',
  'headset',
  'heart',
  'mail',
  'package',
  'plane',
  'receipt',
  'school',
  'shopping-cart',
  'tool',
  'truck',
  'user-plus',
  'users',
] as const;
export type TemplateIcon = (typeof TEMPLATE_ICONS)[number];
