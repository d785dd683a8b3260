import { useAbility } from '../api/auth.ts';
import { useDeleteWebForm, useWebForms, type WebForm } from '../api/crm-forms.ts';
import { ErrorNotice, FORBIDDEN } from '../app/feedback.tsx';
import { ManagedCards } from '../app/ManagedCards.tsx';
import { WebFormCard } from './WebFormCard.tsx';
import { WebFormEditor } from './WebFormEditor.tsx';

/** The web forms, for those who manage the CRM: each one's public link and embed code; made, changed, deleted. */
export function WebFormsPage() {
  const manage = useAbility('manageCrm');
  return manage ? <WebForms /> : <ErrorNotice error={FORBIDDEN} />;
}

function WebForms() {
  return (
    <ManagedCards<WebForm>
      ns="webForms"
      list={useWebForms()}
      remove={useDeleteWebForm()}
      named={(form) => ({ name: form.name })}
      card={(form, onAction) => <WebFormCard key={form.id} form={form} onAction={onAction} />}
      form={(form, done) => <WebFormEditor {...(form && { form })} onDone={done} />}
    />
  );
}
