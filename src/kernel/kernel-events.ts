import { z } from 'zod';
import { defineEvent } from '../ledger/catalogue/event-definition.js';
import { deadlineFiredData } from '../ledger/catalogue/step-event-data.js';

/** The kernel's own entries: unsealing and shredding, and deadlines that fired without a workflow's own type. */
export const kernelEvents = [
  defineEvent({
    type: 'ledger.seal.unsealed',
    summary: "A sealed field was published: its value and opening, so anyone can check them against the earlier entry's commitment.",
    data: z.strictObject({ index: z.string().regex(/^\d+$/), field: z.string(), value: z.json(), opening: z.string().regex(/^[0-9a-f]+$/) }),
    sealed: [],
  }),
  defineEvent({ type: 'ledger.seal.shredded', summary: "A sealed field's value and opening were destroyed: the commitment can never be opened again.", data: z.strictObject({ index: z.string().regex(/^\d+$/), field: z.string() }), sealed: [] }),
  defineEvent({ type: 'kernel.deadline.fired', summary: 'A deadline fell due.', data: deadlineFiredData, sealed: [] }),
];
