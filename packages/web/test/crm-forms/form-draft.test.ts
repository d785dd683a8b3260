import { describe, expect, it } from 'vitest';
import type { WebForm } from '../../src/api/crm-forms.ts';
import {
  embedSnippet,
  formBodyOf,
  formDraftOf,
  minutesToWait,
  newFormDraft,
  publicLink,
} from '../../src/crm-forms/form-draft.ts';

const labels = { name: 'Name', companyTitle: 'Company', phone: 'Phone', email: 'E-mail', comment: 'Comment' };
const defaults = { labels, title: 'Leave a request', successText: 'Thank you!' };

const stored: WebForm = {
  id: 'f1',
  token: 'abc123',
  name: 'Site',
  title: 'Call me',
  fields: [
    { field: 'phone', label: 'Your phone', required: true },
    { field: 'name', label: 'Your name', required: false },
  ],
  successText: 'We will call.',
  pipelineId: 'lp',
  responsibleId: 'ivan',
  active: false,
  createdAt: '2025-05-01T10:00:00.000Z',
  updatedAt: '2025-05-01T10:00:00.000Z',
};

describe('a new web form', () => {
  it('asks a name (required), a phone and an e-mail, and is on', () => {
    const body = formBodyOf({ ...newFormDraft(defaults, 'lp', 'admin'), name: ' Site ' });
    expect(body).toEqual({
      name: 'Site',
      title: 'Leave a request',
      fields: [
        { field: 'name', label: 'Name', required: true },
        { field: 'phone', label: 'Phone', required: false },
        { field: 'email', label: 'E-mail', required: false },
      ],
      successText: 'Thank you!',
      pipelineId: 'lp',
      responsibleId: 'admin',
      active: true,
    });
  });
});

describe('a stored web form', () => {
  it('is edited with every detail listed, and sent back in the form order as it was', () => {
    const draft = formDraftOf(stored, labels);
    expect(draft.fields.email).toEqual({ asked: false, label: 'E-mail', required: false });
    expect(formBodyOf(draft).fields).toEqual([
      { field: 'name', label: 'Your name', required: false },
      { field: 'phone', label: 'Your phone', required: true },
    ]);
    expect(formBodyOf(draft).active).toBe(false);
  });
});

describe('the public address', () => {
  it('is /forms/<token> on this site, and an iframe of it', () => {
    expect(publicLink('https://crm.example', 'abc123')).toBe('https://crm.example/forms/abc123');
    expect(embedSnippet('https://crm.example', 'abc123', 'Call "me" <now>')).toBe(
      '<iframe src="https://crm.example/forms/abc123" title="Call &quot;me&quot; &lt;now>" width="100%" height="560" style="border:0;max-width:480px"></iframe>',
    );
  });
});

describe('too many sends', () => {
  it('tells the visitor whole minutes to wait, at least one', () => {
    expect(minutesToWait(5)).toBe(1);
    expect(minutesToWait(60)).toBe(1);
    expect(minutesToWait(61)).toBe(2);
    expect(minutesToWait(599)).toBe(10);
  });
});
