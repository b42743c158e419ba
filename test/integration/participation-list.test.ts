import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { APPLICANT, createPublishedProcedure } from '../helpers/participation.ts';
import { apiAs, applicationBody, DEMO_PROJECTS, orgId } from '../helpers/permits.ts';

interface Item {
  id: string;
  reference: string;
  title: string;
  authority: string;
  municipality: string;
  phase: string;
  objectionEnd: string;
  acceptsObjections: boolean;
  links: { page: string; objectionApi: string };
}
interface Page {
  items: Item[];
  page: number;
  perPage: number;
  next: string | null;
  previous: string | null;
}

describe('GET /api/v1/participation/procedures', () => {
  let t: TestApp;
  let published: string[];
  let draft: string;
  before(async () => {
    t = await createTestApp();
    published = [
      (await createPublishedProcedure(t, { leadDays: 7 })).id,
      (await createPublishedProcedure(t, { leadDays: 9 })).id,
    ];
    const applicant = await apiAs(t, APPLICANT);
    const created = await applicant.post(
      '/api/v1/procedures',
      applicationBody(
        DEMO_PROJECTS.find((p) => p.key === 'lichtenau-nord')!,
        await orgId(t, 'Kreis Paderborn'),
      ),
    );
    draft = created.json<{ id: string }>().id;
  });
  after(async () => t.close());

  it('lists the published procedures anonymously, with the public data and links only', async () => {
    const response = await t.app.inject('/api/v1/participation/procedures');
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json<Page>();
    const ids = body.items.map((i) => i.id);
    assert.deepEqual([...ids].sort(), [...published].sort());
    assert.ok(!ids.includes(draft), 'ein Entwurf ist nicht öffentlich');
    const item = body.items[0]!;
    assert.match(item.reference, /\S/);
    assert.equal(item.phase, 'announced');
    assert.equal(item.acceptsObjections, true);
    assert.match(item.links.page, new RegExp(`/beteiligung/${item.id}$`));
    assert.match(item.links.objectionApi, new RegExp(`/api/v1/procedures/${item.id}/objections$`));
    assert.deepEqual(Object.keys(item).sort(), [
      'acceptsObjections',
      'authority',
      'displayEnd',
      'displayStart',
      'id',
      'links',
      'municipality',
      'noticeDate',
      'objectionEnd',
      'phase',
      'phaseLabel',
      'reference',
      'title',
    ]);
    // Nothing about the applicant (a company, but not on the public list) or internal steps.
    assert.doesNotMatch(response.body, /Sintfeld|applicant|step/i);
  });

  it('pages through the list with next and previous links', async () => {
    const first = (await t.app.inject('/api/v1/participation/procedures?perPage=1')).json<Page>();
    assert.equal(first.items.length, 1);
    assert.ok(first.next, 'Link zur nächsten Seite');
    assert.equal(first.previous, null);
    const secondUrl = new URL(first.next);
    const second = (await t.app.inject(`${secondUrl.pathname}${secondUrl.search}`)).json<Page>();
    assert.equal(second.page, 2);
    assert.equal(second.items.length, 1);
    assert.notEqual(second.items[0]!.id, first.items[0]!.id);
    assert.equal(second.next, null);
  });

  it('refuses bad paging input with problem+json', async () => {
    for (const query of ['perPage=0', 'perPage=1000', 'page=0', 'status=geheim']) {
      const response = await t.app.inject(`/api/v1/participation/procedures?${query}`);
      assert.equal(response.statusCode, 400, query);
      assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    }
  });
});
