import { listenOn } from '../jobs/notify-channel.ts';
import { USER_EVENTS_CHANNEL, type UserEvent, type UserEventBus } from './user-events.ts';

/**
 * PostgreSQL: feeds `bus` with the user events any process commits (publishUserEvent's pg_notify), so a
 * stream on this process hears of a task created by a worker elsewhere. Returns the function that stops.
 */
export function listenForUserEvents(
  url: string,
  bus: UserEventBus,
  onError: (error: unknown) => void,
): Promise<() => Promise<void>> {
  return listenOn(
    url,
    USER_EVENTS_CHANNEL,
    (payload) => {
      try {
        bus.dispatch(JSON.parse(payload) as UserEvent[]);
      } catch (error) {
        onError(error);
      }
    },
    onError,
  );
}
