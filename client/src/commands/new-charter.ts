// New Charter: asks the title and the two partners' names and writes a charter that passes
// the checks except for what only the partners can fill in (what each brings, leadership
// commitments, milestones, barriers); those show up as warnings that say what to add.
import * as vscode from 'vscode';
import { charterTemplate, slugify } from '../../../server/src/engine/templates';
import { errorMessage, fileExists, localToday, toUri } from '../charter-files';

export interface NewCharterOptions {
  title?: string;
  clinicalName?: string;
  researchName?: string;
  /** Folder to create the file in (named after the title); asked with a save dialog when missing. */
  folderUri?: vscode.Uri | string;
  /** The file to create, as a save dialog would answer: its name is given exactly one `.charter.yaml`. */
  fileUri?: vscode.Uri | string;
  /** When the file exists: true replaces it without asking, false never replaces it; unset asks. */
  overwrite?: boolean;
  /** "today" for timeline.start (YYYY-MM-DD); the local date by default. */
  today?: string;
  /** Open the new charter in an editor (default true). */
  open?: boolean;
}

/** What a name may end in that is part of the charter extension: removed before it is added once. */
const EXTENSION_PART = /\.(charter|yaml|yml)$/i;

/**
 * `name` with exactly one `.charter.yaml`, whatever the save dialog made of it: dialogs add their
 * filter's extension to a name that lacks it (`x.charter.yaml.charter.yaml` when the filter was
 * `charter.yaml`, `x.yaml` when the user typed `x`). `.charter.yml` when the user chose `.yml`.
 */
export function charterFileName(name: string): string {
  let stem = name.trim();
  let yml = false;
  for (let part = EXTENSION_PART.exec(stem); part; part = EXTENSION_PART.exec(stem)) {
    const extension = part[1].toLowerCase();
    // The innermost yaml extension is the one the user typed; the dialog only ever appends.
    if (extension !== 'charter') yml = extension === 'yml';
    stem = stem.slice(0, part.index);
  }
  return `${stem || 'partnership'}.charter.${yml ? 'yml' : 'yaml'}`;
}

/** `uri` with its file name given exactly one `.charter.yaml` (see charterFileName). */
export function charterFileUri(uri: vscode.Uri): vscode.Uri {
  const slash = uri.path.lastIndexOf('/');
  return uri.with({ path: `${uri.path.slice(0, slash + 1)}${charterFileName(uri.path.slice(slash + 1))}` });
}

async function freeName(folder: vscode.Uri, base: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(folder, `${base}${n === 1 ? '' : `-${n}`}.charter.yaml`);
    if (!(await fileExists(candidate))) return candidate;
  }
}

/** The save dialog, filtered on single-segment extensions: dialogs take what follows the last dot as the extension. */
async function askWhereToSave(base: string): Promise<vscode.Uri | undefined> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({
    title: 'Save the new charter',
    defaultUri: root ? await freeName(root, base) : undefined,
    saveLabel: 'Create Charter',
    filters: { 'Partnership charter': ['yaml', 'yml'] },
  });
}

/**
 * Where to write the charter: `picked` with one `.charter.yaml`. A file that exists is replaced
 * only when the user agreed: in the save dialog (for the very name it showed), here, or through
 * `overwrite`. Undefined when it must not be written.
 */
async function confirmTarget(picked: vscode.Uri, dialogConfirmed: boolean, overwrite: boolean | undefined): Promise<vscode.Uri | undefined> {
  const target = charterFileUri(picked);
  const alreadyAsked = dialogConfirmed && target.toString() === picked.toString();
  if (alreadyAsked || overwrite === true || !(await fileExists(target))) return target;
  if (overwrite === false) return undefined;
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const replace = await vscode.window.showWarningMessage(
    `${name} already exists. Replace it with a new charter?`,
    { modal: true, detail: 'The file on disk will be overwritten. Choose Cancel to keep it.' },
    'Replace',
  );
  return replace === 'Replace' ? target : undefined;
}

/** The file the new charter goes to: given, in a given folder (a free name), or from the save dialog. */
async function chooseTarget(options: NewCharterOptions, title: string): Promise<vscode.Uri | undefined> {
  const base = slugify(title, 'partnership', 40);
  const file = toUri(options.fileUri);
  if (file) return confirmTarget(file, false, options.overwrite);
  const folder = toUri(options.folderUri);
  if (folder) return freeName(folder, base);
  const picked = await askWhereToSave(base);
  return picked && confirmTarget(picked, true, options.overwrite);
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

  const target = await chooseTarget(options, title);
  if (!target) return undefined;

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
