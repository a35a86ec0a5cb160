import { Rule } from './rule';

export const huddleLong: Rule = {
  id: 'huddle-long',
  defaultSeverity: 'info',
  description: 'The huddle is longer than 30 minutes (configurable with `huddle.maxMinutes`).',
  docs: {
    why: 'A huddle works because it is quick; long meetings are hard for busy clinical managers to keep and belong in the briefing.',
    bad: 'cadence:\n  huddle: {every: week, minutes: 45}',
    good: 'cadence:\n  huddle: {every: week, minutes: 15}',
    fix: 'No fix: how long to meet is for the partners to agree.',
  },
  check({ model, config, report }) {
    const minutes = model.huddle?.get('minutes');
    const value = Number(model.huddle?.string('minutes'));
    if (!minutes || !Number.isInteger(value) || value <= config.huddleMaxMinutes) return;
    report({
      span: minutes.valueSpan,
      message: `A ${value}-minute huddle is long. Keep it to ${config.huddleMaxMinutes} minutes or less (15 is typical) and move longer discussions to the briefing.`,
    });
  },
};
