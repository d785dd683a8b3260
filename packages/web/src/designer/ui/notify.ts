import { type NotificationData, notifications } from '@mantine/notifications';

/**
 * The designer's messages appear at the bottom: the app's corner (top right) is where the designer keeps
 * save and publish, which a message must not cover while it is read.
 */
export function notify(data: NotificationData): string {
  return notifications.show({ position: 'bottom-center', ...data });
}

export const notifyUpdate = (data: NotificationData & { id: string }) =>
  notifications.update({ position: 'bottom-center', ...data });
export const notifyHide = (id: string) => notifications.hide(id);
