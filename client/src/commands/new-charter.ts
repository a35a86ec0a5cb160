// New Charter: asks the title and the two partners' names and writes a charter that passes
// the checks except for what only the partners can fill in (what each brings, leadership
// commitments, milestones, barriers); those show up as warnings that say what to add.
import * as vscode from 'vscode';
import { errorMessage, fileExists, localToday, toUri } from '../charter-files';

export interface NewCharterOptions {
  title?: string;
  clinicalName?: string;
  researchName?: string;
  /** Folder to create the file in (named after the title); asked with a save dialog when missing. */
  folderUri?: vscode.Uri | string;
  /** "today" for timeline.start (YYYY-MM-DD); the local date by default. */
  today?: string;
  /** Open the new charter in an editor (default true). */
  open?: boolean;
}

/** A slug usable as a partner id (`^[a-z][a-z0-9-]*$`) or a file name. */
export function slugify(text: string, fallback: string, maxLength = 32): string {
  let slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > maxLength) {
    const cut = slug.slice(0, maxLength);
    slug = cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
  }
  if (!slug) return fallback;
  return /^[a-z]/.test(slug) ? slug : `${fallback}-${slug}`.slice(0, maxLength + fallback.length + 1);
}

/** A YAML scalar for any text: plain when it reads the same, else double-quoted (JSON is valid YAML). */
export function yamlScalar(text: string): string {
  const plain =
    /^[A-Za-z][A-Za-z0-9 .'()/&-]*$/.test(text) &&
    !/\s$/.test(text) &&
    !/^(?:true|false|null|yes|no|on|off|y|n)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}

export function charterTemplate(title: string, clinicalName: string, researchName: string, today: string): string {
  const clinical = slugify(clinicalName, 'clinic', 24);
  let research = slugify(researchName, 'research', 24);
  if (research === clinical) research = `${research}-research`;
  return `# Partnership charter: how ${clinicalName.replace(/\s+/g, ' ')} and ${researchName.replace(/\s+/g, ' ')} work together.
# The checks (squiggles, Problems panel) tell you what is still missing, in plain words.
charter: 1
title: ${yamlScalar(title)}
# summary: One or two sentences, in everyday words, on what you want to change.
owner: ${clinical}                # the partner who ultimately owns the project

partners:
  - id: ${clinical}
    name: ${yamlScalar(clinicalName)}
    side: clinical
    # lead: the person who speaks for this partner
    brings: []                # what this partner offers: data, contacts, authority, staff time
    limits: []                # what the others should know: busy periods, what it cannot do
    # commitment: which leader backs this work, and with what (time, staff, endorsement)
  - id: ${research}
    name: ${yamlScalar(researchName)}
    side: research
    # lead: the person who speaks for this partner
    brings: []                # e.g. coaching for teams, lessons from other sites, help with reports
    limits: []
    # commitment: which leader backs this work, and with what

# goals:
#   - id: first-goal
#     text: What success looks like
#     measure: How progress is counted and reported upward

cadence:
  # Add the day and time that suit the clinical partner, e.g. day: tuesday, time: "08:30".
  huddle: {every: week, minutes: 15, attendees: [${clinical}, ${research}]}
  briefing: {every: quarter, minutes: 60, attendees: [${clinical}, ${research}]}

timeline:
  start: ${today}
  milestones: []              # agree on dated steps early: - {id: first-step, title: ..., due: YYYY-MM-DD, owner: ${clinical}, status: planned}

barriers: []                  # name what gets in the way as soon as it shows up

review:
  every: quarter              # look at how the partnership works and change what does not
`;
}

async function freeName(folder: vscode.Uri, base: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(folder, `${base}${n === 1 ? '' : `-${n}`}.charter.yaml`);
    if (!(await fileExists(candidate))) return candidate;
  }
}

async function ask(prompt: string, placeHolder: string, value?: string): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    title: 'New Charter',
    prompt,
    placeHolder,
    value,
    ignoreFocusOut: true,
    validateInput: (text) => (text.trim() === '' ? 'Please write something here; you can change it later in the file.' : undefined),
  });
  return answer?.trim();
}

/**
 * Creates a charter. Options skip the questions (tests, other extensions); a Uri as the
 * argument (explorer context menu) is the folder. Returns the new file, or undefined.
 */
export async function newCharter(argument?: NewCharterOptions | vscode.Uri): Promise<vscode.Uri | undefined> {
  const options: NewCharterOptions = argument instanceof vscode.Uri ? { folderUri: argument } : (argument ?? {});
  const title = options.title?.trim() || (await ask('What do the partners call this work?', 'e.g. Follow-up calls after emergency visits'));
  if (!title) return undefined;
  const clinicalName = options.clinicalName?.trim() || (await ask('The clinical operations partner (team or office name)', 'e.g. Office of Mental Health Operations'));
  if (!clinicalName) return undefined;
  const researchName = options.researchName?.trim() || (await ask('The research partner (team or center name)', 'e.g. Mental Health QUERI Center'));
  if (!researchName) return undefined;

  const base = slugify(title, 'partnership', 40);
  let target: vscode.Uri | undefined;
  const folder = toUri(options.folderUri);
  if (folder) {
    target = await freeName(folder, base);
  } else {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    const suggested = root ? await freeName(root, base) : undefined;
    target = await vscode.window.showSaveDialog({
      title: 'Save the new charter',
      defaultUri: suggested,
      saveLabel: 'Create Charter',
      filters: { 'Partnership charter': ['charter.yaml', 'charter.yml'] },
    });
    if (!target) return undefined;
    if (!/\.charter\.ya?ml$/i.test(target.path)) target = target.with({ path: `${target.path.replace(/\.ya?ml$/i, '')}.charter.yaml` });
  }

  const today = options.today ?? localToday();
  try {
    await vscode.workspace.fs.writeFile(target, Buffer.from(charterTemplate(title, clinicalName, researchName, today), 'utf8'));
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not create the charter: ${errorMessage(error)}`);
    return undefined;
  }
  if (options.open !== false) {
    const document = await vscode.workspace.openTextDocument(target);
    await vscode.window.showTextDocument(document, { preview: false });
  }
  return target;
}

export function registerNewCharterCommand(): vscode.Disposable {
  return vscode.commands.registerCommand('partnershipCharter.newCharter', (argument?: NewCharterOptions | vscode.Uri) => newCharter(argument));
}
