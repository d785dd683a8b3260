import { beforeAll, expect, it } from 'vitest';
import { apiSuite } from './api-harness.ts';
import { createLeadPipeline, createPipeline, namesOf, type PipelineBody } from './support/crm.ts';
import { addPeople, usersWhoSignIn } from './support/org.ts';
import { type Session, signIn } from './support/people.ts';

apiSuite('CRM import', (api) => {
  let sales: PipelineBody;
  let ivan: Session;
  const csv = { 'content-type': 'text/csv' };
  const importAs = (call: Session['call'], kind: string, text: string, dryRun = false) =>
    call('POST', `/api/v1/crm/import?kind=${kind}${dryRun ? '&dryRun=true' : ''}`, text, csv);
  beforeAll(async () => {
    const a = api();
    await addPeople(a, usersWhoSignIn('ivan', 'zoya'));
    ivan = await signIn(a.app, 'ivan');
    sales = await createPipeline(a.call);
    await a.call('PUT', '/api/v1/crm/fields/deal', {
      items: [
        { key: 'floors', label: 'Floors', type: 'number' },
        { key: 'payment', label: 'Payment', type: 'select', options: ['Cash', 'Card'] },
        { key: 'signedOn', label: 'Signed on', type: 'date', requiredAtStages: [sales.stages[2]?.id] },
      ],
    });
    // A robot on the first stage: imported deals must not set it off.
    await a.call('POST', `/api/v1/crm/pipelines/${sales.id}/robots`, {
      stageId: sales.stages[0]?.id,
      name: 'Welcome',
      action: 'notify',
      message: 'New {{ deal.title }}',
    });
  });

  it('imports companies, contacts and deals as a spreadsheet writes them, linking them by key or name', async () => {
    const a = api();
    const companies =
      '\uFEFFName;TaxId;Phone;Responsible\r\nООО Ромашка;7701234567;+7 900 1;ivan\r\nАО Стройка;;+7 900 2;\r\n';
    const first = await importAs(a.call, 'companies', companies);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ dryRun: false, created: 2, updated: 0 });

    const contacts = [
      'name,email,company,position',
      'Анна Петрова,anna@romashka.ru,7701234567,Закупщик',
      'Пётр Сидоров,petr@stroika.ru,ао стройка,',
    ].join('\n');
    expect((await importAs(a.call, 'contacts', contacts)).json()).toMatchObject({ created: 2 });

    const deals = [
      'title,stage,amount,currency,company,contact,responsible,floors,payment,signedOn',
      'Бетон,New,"1 250 000,50",,ООО Ромашка,anna@romashka.ru,ivan,"9",card,',
      'Кран,Quote sent,300.5,usd,АО Стройка,Пётр Сидоров,,"12,5",,01.02.2030',
    ].join('\n');
    const imported = await importAs(a.call, 'deals', deals);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ created: 2, updated: 0 });

    const ivanDeals = (await ivan.call('GET', '/api/v1/crm/deals')).json().items;
    expect(ivanDeals).toMatchObject([
      {
        title: 'Бетон',
        stageName: 'New',
        amount: 1_250_000.5,
        currency: 'RUB',
        companyName: 'ООО Ромашка',
        contactName: 'Анна Петрова',
        fields: { floors: 9, payment: 'Card' },
      },
    ]);
    const all = await namesOf(a.call, '/api/v1/crm/deals');
    expect(all.sort()).toEqual(['Бетон', 'Кран']);
    const crane = (await a.call('GET', '/api/v1/crm/deals?q=%D0%BA%D1%80%D0%B0%D0%BD')).json().items[0];
    expect(crane).toMatchObject({
      stageName: 'Quote sent',
      currency: 'USD',
      fields: { floors: 12.5, signedOn: '2030-02-01' },
    });
    const detail = (await a.call('GET', `/api/v1/crm/deals/${crane.id}`)).json();
    expect(detail.stages).toMatchObject([{ stageName: 'Quote sent' }]);
    const robots = await a.baton.rt.db.kysely
      .selectFrom('jobs')
      .select('key')
      .where('kind', '=', 'crmRobot')
      .execute();
    expect(robots).toEqual([]);

    // Again, with a new phone: the company with the tax id is updated, found by its new text.
    const again = await importAs(a.call, 'companies', 'name,taxId,phone\nООО Ромашка-2,7701234567,+7 999\n');
    expect(again.json()).toMatchObject({ created: 0, updated: 1 });
    const found = (
      await a.call('GET', '/api/v1/crm/companies?q=%D1%80%D0%BE%D0%BC%D0%B0%D1%88%D0%BA%D0%B0-2')
    ).json();
    expect(found.items).toMatchObject([
      { name: 'ООО Ромашка-2', phone: '+7 999', taxId: '7701234567', responsibleId: 'ivan' },
    ]);
  });

  it('imports nothing from a file with problems, naming every one by row and column', async () => {
    const a = api();
    const before = (await namesOf(a.call, '/api/v1/crm/deals?limit=200')).length;
    const deals = [
      'title,stage,amount,company,responsible,payment,signedOn',
      'Ok,New,10,,,,',
      ',Nowhere,ten,Nobody Ltd,ghost,barter,',
      'Late,Won,5,,,,',
    ].join('\n');
    const res = await importAs(a.call, 'deals', deals);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('IMPORT_FAILED');
    expect(res.json().errors).toEqual([
      { path: 'deals.3.title', row: 3, message: 'a value is needed' },
      { path: 'deals.3.stage', row: 3, message: 'there is no stage Nowhere in the pipeline Sales' },
      { path: 'deals.3.amount', row: 3, message: 'ten is not a number' },
      { path: 'deals.3.company', row: 3, message: 'there is no company Nobody Ltd (import it first)' },
      {
        path: 'deals.3.responsible',
        row: 3,
        message: 'there is no active user with the login or name ghost',
      },
      { path: 'deals.3.payment', row: 3, message: 'Payment: barter is not a choice (Cash, Card)' },
      { path: 'deals.4.signedOn', row: 4, message: 'Signed on must be filled at the stage Won' },
    ]);
    const header = await importAs(a.call, 'contacts', 'name,phone,fax\nA,1,2\n');
    expect(header.json().errors).toEqual([
      {
        path: 'contacts.1.fax',
        row: 1,
        message:
          'unknown column; known: name, lastName, firstName, middleName, phone, email, position, company, comment, responsible',
      },
    ]);
    const noTitle = await importAs(a.call, 'deals', 'amount\n5\n');
    expect(noTitle.json().errors).toEqual([
      { path: 'deals.1', row: 1, message: 'the column title is missing' },
    ]);
    expect((await namesOf(a.call, '/api/v1/crm/deals?limit=200')).length).toBe(before);
  });

  it('checks a file without writing it, and links only what the importer sees', async () => {
    const a = api();
    const dry = await importAs(a.call, 'companies', 'name\nDry Run Ltd\n', true);
    expect(dry.json()).toEqual({ dryRun: true, created: 1, updated: 0 });
    expect(await namesOf(a.call, '/api/v1/crm/companies?q=dry')).toEqual([]);

    const zoya = await signIn(a.app, 'zoya');
    const hidden = await importAs(zoya.call, 'contacts', 'name,company\nZ,АО Стройка\n');
    expect(hidden.statusCode).toBe(422);
    expect(hidden.json().errors[0]).toMatchObject({ path: 'contacts.2.company' });
    const mine = await importAs(zoya.call, 'contacts', 'name,email\nZoya’s client,z@client.ru\n');
    expect(mine.json()).toMatchObject({ created: 1 });
    expect(await namesOf(zoya.call, '/api/v1/crm/contacts')).toEqual(['Zoya’s client']);
  });

  it("imports the company's own contact and company fields, setting those the file has and keeping the rest", async () => {
    const a = api();
    await a.call('PUT', '/api/v1/crm/fields/company', {
      items: [
        { key: 'segment', label: 'Segment', type: 'select', options: ['Dealer', 'Retail'], required: true },
        { key: 'discount', label: 'Discount', type: 'number' },
      ],
    });
    await a.call('PUT', '/api/v1/crm/fields/contact', {
      items: [{ key: 'birthday', label: 'Birthday', type: 'date' }],
    });
    const first = await importAs(
      ivan.call,
      'companies',
      'name;taxId;segment;discount\nКирпичный двор;5001;dealer;7,5\n',
    );
    expect(first.json(), first.body).toEqual({ dryRun: false, created: 1, updated: 0 });
    const [company] = (await ivan.call('GET', '/api/v1/crm/companies?q=5001')).json().items;
    expect(company.fields).toEqual({ segment: 'Dealer', discount: 7.5 });
    // The discount changes; the segment, not in the file, stays.
    const again = await importAs(ivan.call, 'companies', 'name;taxId;discount\nКирпичный двор;5001;10\n');
    expect(again.json()).toEqual({ dryRun: false, created: 0, updated: 1 });
    expect((await ivan.call('GET', `/api/v1/crm/companies/${company.id}`)).json().fields).toEqual({
      segment: 'Dealer',
      discount: 10,
    });
    const bad = await importAs(ivan.call, 'contacts', 'name;birthday;shoeSize\nАнна;1 мая;38\n');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['contacts.1.shoeSize']);
    expect(bad.json().errors[0].message).toContain('or the key of a field (birthday)');
    const wrongDate = await importAs(ivan.call, 'contacts', 'name;birthday\nАнна;someday\n');
    expect(wrongDate.json().errors).toMatchObject([{ path: 'contacts.2.birthday' }]);
    const contact = await importAs(ivan.call, 'contacts', 'name;birthday\nАнна;01.05.1990\n');
    expect(contact.json(), contact.body).toMatchObject({ created: 1 });
    const [anna] = (await ivan.call('GET', '/api/v1/crm/contacts?q=анна')).json().items;
    expect(anna.fields).toEqual({ birthday: '1990-05-01' });
  });

  it("reads a Bitrix24 export: Russian headers, a contact's name in parts, the responsible person by name", async () => {
    const a = api();
    await a.call('PATCH', '/api/v1/users/zoya', { name: 'Зоя Смирнова' });
    const companies = [
      'Название компании;ИНН;Рабочий телефон;Рабочий e-mail;Ответственный',
      'ООО «Бетонный двор»;7705000001;+7 495 111-22-33;office@beton.example;Зоя Смирнова',
    ].join('\r\n');
    const first = await importAs(a.call, 'companies', companies);
    expect(first.json(), first.body).toMatchObject({ created: 1 });
    const contacts = [
      'Фамилия;Имя;Отчество;Должность;Компания;Мобильный телефон;Ответственный',
      'Петрова;Анна;Сергеевна;Снабженец;7705000001;+7 900 000-00-01;zoya',
    ].join('\r\n');
    expect((await importAs(a.call, 'contacts', contacts)).json()).toMatchObject({ created: 1 });
    const [anna] = (await a.call('GET', '/api/v1/crm/contacts?q=сергеевна')).json().items;
    expect(anna).toMatchObject({
      name: 'Петрова Анна Сергеевна',
      position: 'Снабженец',
      companyName: 'ООО «Бетонный двор»',
      phone: '+7 900 000-00-01',
      responsibleId: 'zoya',
    });
    const deals = [
      'Название сделки;Воронка;Стадия сделки;Сумма;Компания;Ответственный',
      'Бетон М300;Sales;New;125 000;ООО «Бетонный двор»;Зоя Смирнова',
    ].join('\r\n');
    expect((await importAs(a.call, 'deals', deals)).json(), 'deals').toMatchObject({ created: 1 });
    await a.call('POST', '/api/v1/users', { login: 'zoya2', name: 'Зоя Смирнова' });
    const twice = await importAs(
      a.call,
      'companies',
      'Название компании;Ответственный\r\nЕщё одна;Зоя Смирнова',
    );
    expect(twice.json().errors).toEqual([
      {
        path: 'companies.2.responsible',
        row: 2,
        message: 'Зоя Смирнова is the name of several people: give the login',
      },
    ]);
  });

  it('imports leads onto their pipeline, as given or from a Bitrix24 export, checked against the lead fields', async () => {
    const a = api();
    const leads = await createLeadPipeline(a.call, 'Заявки');
    await a.call('PUT', '/api/v1/crm/fields/lead', {
      items: [{ key: 'budget', label: 'Budget', type: 'number' }],
    });
    const file = [
      'Название лида;Фамилия;Имя;Название компании;Мобильный телефон;Источник;Стадия;budget;Ответственный',
      ';Сидоров;Олег;ООО Кровля;+7 900 000-00-09;Выставка;In progress;1 500 000;zoya',
      'Крыша для склада;;;;;;;;',
    ].join('\r\n');
    const done = await importAs(a.call, 'leads', file);
    expect(done.json(), done.body).toEqual({ dryRun: false, created: 2, updated: 0 });
    const list = (await a.call('GET', `/api/v1/crm/leads?pipelineId=${leads.id}`)).json().items;
    expect(list.find((l: { title: string }) => l.title === 'Сидоров Олег, ООО Кровля')).toMatchObject({
      name: 'Сидоров Олег',
      companyTitle: 'ООО Кровля',
      phone: '+7 900 000-00-09',
      source: 'Выставка',
      stageName: 'In progress',
      responsibleId: 'zoya',
      fields: { budget: 1_500_000 },
    });
    expect(list.map((l: { title: string }) => l.title)).toContain('Крыша для склада');
    const found = (await a.call('GET', '/api/v1/crm/leads?q=кровля')).json().items;
    expect(found.map((l: { title: string }) => l.title)).toEqual(['Сидоров Олег, ООО Кровля']);

    const bad = await importAs(a.call, 'leads', 'title;email;budget\r\n;;much');
    expect(bad.json().errors).toEqual([
      {
        path: 'leads.2.title',
        row: 2,
        message: 'a lead needs a title, a name, a company, a phone or an e-mail',
      },
      { path: 'leads.2.budget', row: 2, message: 'Budget: much is not a number' },
    ]);
    // A deal import does not see lead pipelines, nor a lead import deal ones.
    const crossed = await importAs(a.call, 'deals', 'title;pipeline\r\nX;Заявки');
    expect(crossed.json().errors[0]).toMatchObject({
      path: 'deals.2.pipeline',
      message: 'there is no deal pipeline Заявки',
    });
    const noColumn = await importAs(a.call, 'leads', 'source\r\nweb');
    expect(noColumn.json().errors[0].message).toBe(
      'the column title or name or company or phone or email is missing',
    );
  });
});
