import type { Activity } from '../api/crm-activities.ts';
import { CardList } from '../app/CardList.tsx';
import type { ActivityDialog } from './ActivityDialogs.tsx';
import { ActivityLine } from './ActivityLine.tsx';

/** How every line of a list shows (see ActivityLine), whose activities may be changed, and their dialogs. */
export interface LineSettings {
  now: number;
  shows: 'who' | 'item';
  mayChange: (activity: Activity) => boolean;
  onDialog: (dialog: ActivityDialog) => void;
}

/** Activities as a list named `label`, one ActivityLine each. */
export function ActivityList(props: LineSettings & { label: string; items: readonly Activity[] }) {
  return (
    <CardList aria-label={props.label}>
      {props.items.map((activity) => (
        <ActivityLine
          key={activity.id}
          activity={activity}
          now={props.now}
          shows={props.shows}
          mayChange={props.mayChange(activity)}
          onDialog={props.onDialog}
        />
      ))}
    </CardList>
  );
}
