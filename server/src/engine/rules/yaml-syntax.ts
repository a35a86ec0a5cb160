import { Rule } from './rule';

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  description: 'The file is not valid YAML.',
  docs: {
    why: 'Nothing else can be checked until the file reads as YAML, so the other checks wait for it; each problem is shown where you need to act (an unclosed quote or bracket where it opens) and says what to type.',
    bad: 'title: "Measurement-based care',
    good: 'title: "Measurement-based care"',
    fix: 'No fix: the finding sits where you need to act and says what to type.',
  },
  check({ model, report }) {
    for (const problem of model.parsed.problems) {
      if (problem.rule === 'yaml-syntax') report({ span: problem.span, message: problem.message });
    }
  },
};
