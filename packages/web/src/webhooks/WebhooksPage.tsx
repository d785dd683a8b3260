import { useAbility } from '../api/auth.ts';
import { type EventWebhook, useDeleteWebhook, useWebhooks } from '../api/webhooks.ts';
import { ErrorNotice, FORBIDDEN } from '../app/feedback.tsx';
import { ManagedCards } from '../app/ManagedCards.tsx';
import { DeliveryHelp } from './DeliveryHelp.tsx';
import { WebhookCard } from './WebhookCard.tsx';
import { WebhookForm } from './WebhookForm.tsx';

/** The webhooks Baton's events go out through, for administrators: added, changed, switched, tested, deleted. */
export function WebhooksPage() {
  const manage = useAbility('manageWebhooks');
  return manage ? <Webhooks /> : <ErrorNotice error={FORBIDDEN} />;
}

function Webhooks() {
  return (
    <ManagedCards<EventWebhook>
      ns="webhooks"
      list={useWebhooks()}
      remove={useDeleteWebhook()}
      named={(hook) => ({ url: hook.url })}
      intro={<DeliveryHelp />}
      card={(hook, onAction) => <WebhookCard key={hook.id} hook={hook} onAction={onAction} />}
      form={(hook, done) => <WebhookForm {...(hook && { hook })} onDone={done} />}
    />
  );
}
