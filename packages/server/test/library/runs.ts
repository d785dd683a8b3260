import type { Answer } from '@baton/engine';

/** One way through a template: who answers what, which tasks come in which order, where it ends. */
export interface TemplateRun {
  name: string;
  params: Record<string, unknown>;
  /** What the process is about, for a template made for a kind of item (a file's, …). */
  document?: Record<string, unknown>;
  answers: Record<string, Answer[]>;
  /** The nodes whose tasks are created, in order. */
  tasks: string[];
  end: string;
}

const approve = { $outcome: 'approved' };
const reject = (comment: string) => ({ $outcome: 'rejected', comment });

/** The happy path of every template and, where it has one, its way back to an earlier step. */
export const RUNS: Record<string, TemplateRun[]> = {
  vacation: [
    {
      name: 'approved: accounting and HR act',
      params: { vacationType: 'annual', firstDay: '2026-07-01', days: 14, note: 'At the sea' },
      answers: {
        approve: [approve],
        accounting: [{ vacationPay: 42_000 }],
        hr: [{ orderNumber: 'О-17' }],
      },
      tasks: ['approve', 'accounting', 'hr'],
      end: 'done',
    },
    {
      name: 'refused by the head',
      params: { vacationType: 'unpaid', firstDay: '2026-07-01', days: 3 },
      answers: { approve: [reject('The release is that week')] },
      tasks: ['approve'],
      end: 'refused',
    },
  ],
  'time-off': [
    {
      name: 'approved: HR records it',
      params: { absenceType: 'sickLeave', firstDay: '2026-02-02', lastDay: '2026-02-06' },
      answers: { approve: [approve], record: [{ timesheetNote: 'Certificate 123' }] },
      tasks: ['approve', 'record'],
      end: 'done',
    },
    {
      name: 'refused by the head',
      params: { absenceType: 'dayOff', firstDay: '2026-02-02', lastDay: '2026-02-02' },
      answers: { approve: [reject('Inventory day')] },
      tasks: ['approve'],
      end: 'refused',
    },
  ],
  onboarding: [
    {
      name: 'everyone prepares in parallel, then the newcomer reads the rules',
      params: { newcomer: 'nina', position: 'Sales manager', firstDay: '2026-03-02', equipment: 'Laptop' },
      answers: {
        documents: [{ contractNumber: 'ТД-45' }],
        accounts: [{ login: 'nina', workplace: 'Room 12, desk 3' }],
        payroll: [{ personnelNumber: '0451' }],
        plan: [{ firstWeekPlan: 'Meet the team; learn the CRM' }],
      },
      tasks: ['documents', 'accounts', 'payroll', 'plan', 'rules'],
      end: 'done',
    },
  ],
  dismissal: [
    {
      name: 'the date is approved at once',
      params: { employee: 'bob', lastDay: '2026-04-30', reason: 'ownWish' },
      answers: {
        approveDate: [approve],
        order: [{ orderNumber: 'У-3' }],
        settle: [{ settlement: 80_000 }],
        closeAccounts: [{ closedAccounts: 'Mail, CRM, VPN' }],
      },
      tasks: ['approveDate', 'order', 'settle', 'closeAccounts', 'acknowledge'],
      end: 'done',
    },
    {
      name: 'the head asks for another date, then approves it',
      params: { employee: 'bob', lastDay: '2026-04-10', reason: 'agreement' },
      answers: {
        approveDate: [reject('Hand over the projects first'), approve],
        otherDate: [{ lastDay: '2026-04-30' }],
        order: [{ orderNumber: 'У-4' }],
        settle: [{ settlement: 80_000 }],
        closeAccounts: [{ closedAccounts: 'Mail, CRM' }],
      },
      tasks: ['approveDate', 'otherDate', 'approveDate', 'order', 'settle', 'closeAccounts', 'acknowledge'],
      end: 'done',
    },
  ],
  'business-trip': [
    {
      name: 'approved: travel booked and the advance paid, then the documents read',
      params: {
        destination: 'Kazan',
        purpose: 'Supplier audit',
        firstDay: '2026-05-12',
        lastDay: '2026-05-14',
        advance: 15_000,
        hotelNeeded: true,
      },
      answers: {
        approve: [approve],
        booking: [{ tickets: 'SU 1234', hotel: 'Kazan Palace' }],
        payAdvance: [{ advancePaid: 15_000 }],
      },
      tasks: ['approve', 'booking', 'payAdvance', 'documents'],
      end: 'done',
    },
    {
      name: 'refused by the head',
      params: {
        destination: 'Sochi',
        purpose: 'Conference',
        firstDay: '2026-05-12',
        lastDay: '2026-05-14',
        advance: 30_000,
      },
      answers: { approve: [reject('Not this quarter')] },
      tasks: ['approve'],
      end: 'refused',
    },
  ],
  acknowledgment: [
    {
      name: 'everyone reads it',
      params: {
        documentTitle: 'Fire safety rules',
        documentFile: 'fire-safety.pdf',
        readers: ['ann', 'bob', 'kim'],
      },
      answers: { read: [{}, { $after: 'PT2H' }, { $after: 'P1D' }] },
      tasks: ['read', 'read', 'read'],
      end: 'done',
    },
    {
      name: 'one ignores it: the deadline closes the acknowledgment',
      params: {
        documentTitle: 'Fire safety rules',
        documentFile: 'fire-safety.pdf',
        readers: ['ann', 'bob'],
      },
      answers: { read: [{}, { $after: 'P30D' }] },
      tasks: ['read', 'read'],
      end: 'done',
    },
  ],
  'file-acknowledgment': [
    {
      name: 'both read the file',
      params: { readers: ['ann', 'bob'], note: 'By Friday' },
      document: { id: 'f1', name: 'Fire safety.pdf', folder: 'Rules', version: 2, author: 'kim' },
      answers: { read: [{}, { $after: 'PT2H' }] },
      tasks: ['read', 'read'],
      end: 'done',
    },
  ],
  purchase: [
    {
      name: 'within the limit: no director; paid and received',
      params: { item: 'Chairs', quantity: 10, amount: 50_000, justification: 'New hires' },
      answers: {
        headApprove: [approve],
        findSupplier: [{ supplier: 'Mebel LLC', price: 48_000, deliveryDate: '2026-03-20' }],
        pay: [approve],
        receive: [{ receivedQuantity: 10 }],
      },
      tasks: ['headApprove', 'findSupplier', 'pay', 'receive'],
      end: 'done',
    },
    {
      name: 'above the limit: the director approves; accounting returns it to procurement once',
      params: { item: 'Servers', quantity: 2, amount: 900_000, justification: 'The old ones fail' },
      answers: {
        headApprove: [approve],
        directorApprove: [approve],
        findSupplier: [
          { supplier: 'Cheap Iron', price: 700_000, deliveryDate: '2026-03-20' },
          { supplier: 'Reliable Iron', price: 850_000, deliveryDate: '2026-03-25' },
        ],
        pay: [reject('No contract with this supplier'), approve],
        receive: [{ receivedQuantity: 2 }],
      },
      tasks: ['headApprove', 'directorApprove', 'findSupplier', 'pay', 'findSupplier', 'pay', 'receive'],
      end: 'done',
    },
    {
      name: 'above the limit: the director rejects',
      params: { item: 'Yacht', quantity: 1, amount: 9_000_000, justification: 'Team building' },
      answers: { headApprove: [approve], directorApprove: [reject('No')] },
      tasks: ['headApprove', 'directorApprove'],
      end: 'rejected',
    },
  ],
  'contract-approval': [
    {
      name: 'lawyer, accountant and head approve in turn',
      params: {
        counterparty: 'Stroymat',
        subject: 'Supply of cement',
        amount: 1_200_000,
        contract: 'v1',
      },
      answers: { lawyer: [approve], accountant: [approve], head: [approve] },
      tasks: ['lawyer', 'accountant', 'head'],
      end: 'done',
    },
    {
      name: 'the accountant rejects: the initiator fixes it and the approval starts over',
      params: {
        counterparty: 'Stroymat',
        subject: 'Supply of cement',
        amount: 1_200_000,
        contract: 'v1',
      },
      answers: {
        lawyer: [approve, approve],
        accountant: [reject('Prepayment of 100% is too much'), approve],
        head: [approve],
        fix: [{ contract: 'v2' }],
      },
      tasks: ['lawyer', 'accountant', 'fix', 'lawyer', 'accountant', 'head'],
      end: 'done',
    },
    {
      name: 'the initiator withdraws the contract after a remark',
      params: {
        counterparty: 'Stroymat',
        subject: 'Supply of cement',
        amount: 1_200_000,
        contract: 'v1',
      },
      answers: { lawyer: [reject('Wrong counterparty')], fix: [{ $outcome: 'rejected' }] },
      tasks: ['lawyer', 'fix'],
      end: 'withdrawn',
    },
  ],
};
