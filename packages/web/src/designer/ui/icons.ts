import { SERVICE_TYPE } from '@baton/engine';
import {
  IconAlertTriangle,
  IconArrowsSplit,
  IconBell,
  IconBolt,
  IconBox,
  IconChecklist,
  IconCircle,
  IconCircleDot,
  IconClock,
  IconDatabaseEdit,
  IconDeviceMobileMessage,
  IconFileText,
  IconHourglass,
  IconInbox,
  IconMail,
  IconMessage,
  IconNews,
  IconNotes,
  IconPlayerPlay,
  IconPlayerStop,
  IconPlus,
  IconPuzzle,
  IconRoute,
  IconSquareRoundedX,
  IconStack2,
  IconTablePlus,
  IconUserCheck,
  IconVariable,
  IconWebhook,
  IconX,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';

type Icon = ComponentType<{ size?: number | string; stroke?: number; 'aria-hidden'?: boolean }>;

/**
 * The icon of each node type (activities and the engine's kinds); a plugin's activity (`vendor.name`) gets
 * the extension's puzzle piece, unknown types a plain box.
 */
const ICONS: Record<string, Icon> = {
  userTask: IconUserCheck,
  receiveTask: IconInbox,
  automatic: IconBolt,
  setVariables: IconVariable,
  setFields: IconDatabaseEdit,
  checkFields: IconChecklist,
  notify: IconBell,
  email: IconMail,
  sms: IconDeviceMobileMessage,
  webhook: IconWebhook,
  createDocument: IconFileText,
  publishFeed: IconNews,
  addListRecord: IconTablePlus,
  startProcess: IconRoute,
  wait: IconHourglass,
  log: IconNotes,
  start: IconPlayerPlay,
  end: IconPlayerStop,
  terminate: IconSquareRoundedX,
  errorEnd: IconAlertTriangle,
  timer: IconClock,
  message: IconMessage,
  timerBoundary: IconClock,
  messageBoundary: IconMessage,
  errorBoundary: IconAlertTriangle,
  exclusive: IconX,
  parallel: IconPlus,
  inclusive: IconCircle,
  eventBased: IconCircleDot,
  subProcess: IconStack2,
  callActivity: IconArrowsSplit,
  state: IconBox,
};

export function iconOf(type: string): Icon {
  return ICONS[type] ?? (SERVICE_TYPE.test(type) ? IconPuzzle : IconBox);
}
