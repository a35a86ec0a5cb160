// The one global VS Code gives its webviews (absent in the standalone page).
declare function acquireVsCodeApi(): { getState(): unknown; setState(state: unknown): void; postMessage(message: unknown): void };
