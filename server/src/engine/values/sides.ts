// `partners[].side`: what clinical operations people and research people call themselves.
// Only words that belong to one side are here: "quality improvement", "mental health" or
// "program" are used by both, and "clinical research" or "operations research" name research
// fields with a clinical-sounding word in them, so they get no reading.
import { enumReader } from './enum-table';
import { noReading, ValueTable } from './types';
import { words } from './words';

const CLINICAL = [
  'clinic', 'clinics', 'clinician', 'clinicians', 'clinical operations', 'clinical ops', 'clinical operations team', 'clinical team',
  'clinical side', 'clinical partner', 'clinical lead', 'clinical leadership', 'operations', 'operation', 'operational', 'ops', 'op',
  'operations team', 'operational partner', 'operations partner', 'operations office', 'program office', 'program office operations',
  'health system', 'healthcare system', 'hospital', 'medical center', 'vamc', 'va medical center', 'facility', 'va facility', 'facilities',
  'visn', 'network', 'frontline', 'front line', 'frontline staff', 'care team', 'practice', 'management', 'managers', 'health system operations',
  'office of mental health operations', 'omho', 'clinical operations office', 'care delivery', 'service line', 'operations leadership',
];

const RESEARCH = [
  'researchers', 'researcher', 'research team', 'research side', 'research partner', 'research center', 'research centre',
  'implementation research', 'implementation science', 'implementation scientists', 'implementation research team', 'academic',
  'academics', 'academia', 'university', 'academic partner', 'investigators', 'investigator', 'evaluation', 'evaluators', 'evaluator',
  'evaluation team', 'scientists', 'science', 'queri', 'hsr', 'hsrd', 'hsr&d', 'health services research', 'research program',
  'research office', 'faculty', 'study team', 'research group', 'lab',
];

const READER = enumReader({
  values: ['clinical', 'research'],
  phrases: [
    ['clinical', CLINICAL],
    ['research', RESEARCH],
  ],
  unwritable: [
    [['both', 'clinical and research', 'research and clinical', 'joint', 'mixed', 'hybrid'], 'says both sides: a partner is on one side, so list a team that works on both as two partners or pick the side it mostly speaks for'],
    [['clinical research', 'operations research', 'research operations'], 'names a field of research, not a side: use `research` for a team that does research, `clinical` for one that runs care'],
  ],
});

export const sides: ValueTable = {
  kind: 'side',
  title: 'Sides (`partners[].side`)',
  accepted: '`clinical` (a team that runs care: clinical operations, a clinic, a facility) or `research` (an implementation research team).',
  example: 'side: clinical',
  samples: ['Clinical Operations', 'ops', 'VA facility', 'researchers', 'academic', 'QUERI', 'clinical research'],
  write: 'text',
  interpret(typed) {
    if (words(typed) === '') return noReading();
    return READER.interpret(typed);
  },
};

export const SIDE_PHRASES = READER.phrases;
