// `charter --help` is built from the command table: every command, with every option its own
// help documents, and nothing written twice by hand.
import * as assert from 'node:assert/strict';
import { COMMANDS, helpText, synopsis } from '../server/src/cli/commands';
import { main } from '../server/src/cli/main';
import { fakeIO } from './helpers';

describe('charter --help', () => {
  it('lists every command of the table with its summary and every option of its own help', () => {
    const help = helpText();
    for (const command of COMMANDS) {
      assert.ok(help.includes(command.summary), command.name);
      const options = [...command.usage.matchAll(/^ {2}(--[a-z-]+)/gm)].map((m) => m[1]).filter((o) => o !== '--help');
      assert.ok(options.length > 0, `${command.name} documents its options`);
      for (const option of options) assert.ok(synopsis(command).includes(`[${option}`), `${command.name} ${option}`);
    }
  });

  it('wraps a long synopsis under the command name', () => {
    const lint = COMMANDS.find((c) => c.name === 'lint')!;
    const [first, second] = synopsis(lint).split('\n');
    assert.ok(first.startsWith('charter lint [PATH...] [--format stylish|json|sarif]'));
    assert.ok(second.startsWith(' '.repeat('charter lint '.length) + '['));
  });

  it('runs each command of the table by its name, and refuses an unknown one', async () => {
    for (const command of COMMANDS) {
      const io = fakeIO(process.cwd());
      assert.equal(await main([command.name, '--help'], io), 0, command.name);
      assert.ok(io.out.startsWith(`Usage: charter ${command.name}`), command.name);
    }
    const unknown = fakeIO(process.cwd());
    assert.equal(await main(['lnit'], unknown), 2);
    assert.match(unknown.err, /unknown command "lnit"/);
  });
});
