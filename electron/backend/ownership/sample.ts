import type { SampleStep } from '@backend/core/sample';
import { SAMPLE_CONTACTS } from '@backend/portfolio/sampleModels';
import { createAsset } from './assetService';
import { assign, bulkAssign } from './assignmentService';
import { SAMPLE_ASSETS, SAMPLE_ASSIGNMENTS, SAMPLE_BULK } from './sampleOwnership';

/** The sample assets and assignments, through the ordinary services, their dates moved to the load day. */
export const ownershipSample: SampleStep = {
  area: 'ownership',
  load(ctx, run) {
    const person = (name: string) => ({
      kind: SAMPLE_CONTACTS.some((c) => c.name === name) ? ('contact' as const) : ('specialist' as const),
      id: run.id(name),
    });
    let assets = 0;
    let assignments = 0;
    for (const a of SAMPLE_ASSETS) {
      const asset = createAsset(ctx, {
        engagementId: run.id(a.engagement),
        name: a.name,
        type: a.type,
        modelIds: a.models.map((m) => run.id(m)),
        links: a.links ?? [],
        inServiceFrom: run.date(a.from),
        inServiceTo: null,
        notes: a.notes ?? '',
      });
      run.remember(asset.name, asset.id);
      assets++;
    }
    const isAsset = new Set(SAMPLE_ASSETS.map((a) => a.name));
    for (const a of SAMPLE_ASSIGNMENTS) {
      assign(ctx, {
        targetKind: isAsset.has(a.target) ? 'asset' : 'model',
        targetId: run.id(a.target),
        dutyKey: a.duty,
        role: a.role,
        person: person(a.person),
        fromDate: run.date(a.from),
        toDate: a.to ? run.date(a.to) : null,
        note: '',
      });
      assignments++;
    }
    for (const b of SAMPLE_BULK) {
      assignments += bulkAssign(ctx, {
        engagementId: run.id(b.engagement),
        dutyKey: b.duty,
        role: b.role,
        person: person(b.person),
        fromDate: run.date(b.from),
        toDate: null,
        types: [],
      }).assignments.length;
    }
    return { assets, assignments };
  },
};
