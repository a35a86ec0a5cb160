// The status values of the format, written once: the model reads them, the value tables offer
// them, the labels word them and a test holds the JSON Schema to them. No imports, so anything
// (the type-checked preview renderer included) can use it.

export const MILESTONE_STATUSES = ['planned', 'on-track', 'at-risk', 'blocked', 'done'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const BARRIER_STATUSES = ['open', 'watching', 'resolved'] as const;
export type BarrierStatus = (typeof BARRIER_STATUSES)[number];

/** Format 1.1 `actions[].status`; `open` when not given. */
export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
