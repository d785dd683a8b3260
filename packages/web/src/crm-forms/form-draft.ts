import type { FormField, WebForm, WebFormBody } from '../api/crm-forms.ts';

/** The lead's details a form may ask, in the order a form shows them. */
export const FORM_FIELDS: readonly FormField[] = ['name', 'companyTitle', 'phone', 'email', 'comment'];

/** One detail in the editor: asked or not, its label for visitors, required or not. */
export interface FieldDraft {
  asked: boolean;
  label: string;
  required: boolean;
}

/** What the web form editor edits: every detail listed, the asked ones sent. */
export interface FormDraft {
  name: string;
  title: string;
  fields: Record<FormField, FieldDraft>;
  successText: string;
  pipelineId: string | null;
  responsibleId: string | null;
  active: boolean;
}

/** A new form asking a name (required), a phone and an e-mail, with default labels and texts. */
export function newFormDraft(
  defaults: { labels: Record<FormField, string>; title: string; successText: string },
  pipelineId: string | null,
  me: string | null,
): FormDraft {
  const asked = new Set<FormField>(['name', 'phone', 'email']);
  return {
    name: '',
    title: defaults.title,
    fields: Object.fromEntries(
      FORM_FIELDS.map((f) => [f, { asked: asked.has(f), label: defaults.labels[f], required: f === 'name' }]),
    ) as Record<FormField, FieldDraft>,
    successText: defaults.successText,
    pipelineId,
    responsibleId: me,
    active: true,
  };
}

/** A stored form in the editor; details it does not ask keep the default label, should they be added. */
export function formDraftOf(form: WebForm, labels: Record<FormField, string>): FormDraft {
  const asked = new Map(form.fields.map((f) => [f.field, f]));
  return {
    name: form.name,
    title: form.title,
    fields: Object.fromEntries(
      FORM_FIELDS.map((f) => {
        const field = asked.get(f);
        return [
          f,
          {
            asked: field !== undefined,
            label: field?.label ?? labels[f],
            required: field?.required ?? false,
          },
        ];
      }),
    ) as Record<FormField, FieldDraft>,
    successText: form.successText,
    pipelineId: form.pipelineId,
    responsibleId: form.responsibleId,
    active: form.active,
  };
}

/** The body to send: the asked details in order, texts trimmed. */
export function formBodyOf(draft: FormDraft): WebFormBody {
  return {
    name: draft.name.trim(),
    title: draft.title.trim(),
    fields: FORM_FIELDS.filter((f) => draft.fields[f].asked).map((field) => ({
      field,
      label: draft.fields[field].label.trim(),
      required: draft.fields[field].required,
    })),
    successText: draft.successText.trim(),
    pipelineId: draft.pipelineId ?? '',
    responsibleId: draft.responsibleId ?? '',
    active: draft.active,
  };
}

/** The form's public address on this site: what a link on the company's site points to. */
export function publicLink(origin: string, token: string): string {
  return `${origin}/forms/${encodeURIComponent(token)}`;
}

/** An `<iframe>` putting the form onto another page as it is. */
export function embedSnippet(origin: string, token: string, title: string): string {
  const escaped = title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${publicLink(origin, token)}" title="${escaped}" width="100%" height="560" style="border:0;max-width:480px"></iframe>`;
}

/** Whole minutes to wait, at least one: what a visitor is told after `Retry-After` seconds. */
export function minutesToWait(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}
