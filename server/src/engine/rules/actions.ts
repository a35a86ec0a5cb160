// What the action rules share: which actions are still open, and how to name one in a message.
import { MapView } from '../model';

/** An action is open when its status says so or says nothing (`open` is the default). */
export function isOpenAction(action: MapView): boolean {
  return !action.has('status') || action.string('status') === 'open';
}

/** "Send the draft" (its text), else its id, for messages. */
export function actionName(action: MapView): string {
  const text = action.string('text')?.trim();
  if (text) return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return action.string('id') ?? 'This action';
}
